import { describe, expect, it } from 'vitest';
import { sealedExtent } from './sealed-extent.js';

const media = (end: string, d: number) => ({
  startedAt: '2026-01-01T10:00:00.000Z',
  endedAt: end,
  durationSeconds: d,
});

describe('sealedExtent', () => {
  it.each([
    ['nothing sealed', [], { startedAt: null, endedAt: null, durationSeconds: null, bytes: 0 }],
    [
      'three parts: the last one says how far the footage reaches',
      [
        { plaintextBytes: 100, media: media('2026-01-01T10:00:05.000Z', 5) },
        { plaintextBytes: 50, media: media('2026-01-01T10:00:06.000Z', 6) },
        { plaintextBytes: 70, media: media('2026-01-01T10:01:10.000Z', 70) },
      ],
      {
        startedAt: '2026-01-01T10:00:00.000Z',
        endedAt: '2026-01-01T10:01:10.000Z',
        durationSeconds: 70,
        bytes: 220,
      },
    ],
    [
      'an old manifest without media: sizes only',
      [{ plaintextBytes: 100 }, { plaintextBytes: 20 }],
      { startedAt: null, endedAt: null, durationSeconds: null, bytes: 120 },
    ],
    [
      'a last part adopted by recovery (no media): the part before it says',
      [{ plaintextBytes: 100, media: media('2026-01-01T10:00:05.000Z', 5) }, { plaintextBytes: 20 }],
      {
        startedAt: '2026-01-01T10:00:00.000Z',
        endedAt: '2026-01-01T10:00:05.000Z',
        durationSeconds: 5,
        bytes: 120,
      },
    ],
  ])('%s', (_, parts, want) => {
    expect(sealedExtent(parts)).toEqual(want);
  });
});
