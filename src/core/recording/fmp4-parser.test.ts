import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fmp4Parser, type Fmp4Event } from './fmp4-parser.js';
import { synthFragment, synthInit } from './fmp4-synth.js';

const VIDEO = { trackId: 1, handler: 'vide', timescale: 90_000, width: 1920, height: 1080 } as const;
const AUDIO = { trackId: 2, handler: 'soun', timescale: 48_000, codec: 'mp4a' } as const;

const stream = (fragments = 3): Buffer => {
  const parts = [synthInit([VIDEO, AUDIO])];
  for (let i = 0; i < fragments; i++) {
    parts.push(
      synthFragment(i + 1, [
        {
          trackId: 1,
          baseMediaDecodeTime: i * 180_000,
          sampleDurations: Array<number>(50).fill(3600),
          keyframe: true,
        },
        {
          trackId: 2,
          baseMediaDecodeTime: i * 96_000,
          sampleDurations: Array<number>(93).fill(1024),
          keyframe: true,
        },
      ]),
    );
  }
  return Buffer.concat(parts);
};

const parseAll = (chunks: Buffer[]): Fmp4Event[] => {
  const p = new Fmp4Parser();
  const events: Fmp4Event[] = [];
  for (const c of chunks) {
    const r = p.push(c);
    if (!r.ok) throw new Error(r.error.message);
    events.push(...r.value);
  }
  expect(p.end().ok).toBe(true);
  return events;
};

const summary = (events: Fmp4Event[]) =>
  events.map((e) =>
    e.type === 'init'
      ? { init: e.init.bytes.toString('hex') }
      : {
          seq: e.fragment.sequenceNumber,
          start: e.fragment.startSeconds,
          dur: e.fragment.durationSeconds,
          bytes: e.fragment.bytes.toString('hex'),
        },
  );

describe('Fmp4Parser', () => {
  it('emits the init segment once with its tracks, then one fragment per moof+mdat with timing', () => {
    const events = parseAll([stream(3)]);
    expect(events.map((e) => e.type)).toEqual(['init', 'fragment', 'fragment', 'fragment']);
    const init = events[0];
    if (init?.type !== 'init') throw new Error('no init');
    expect(init.init.videoTrackId).toBe(1);
    expect(init.init.tracks).toEqual([
      {
        trackId: 1,
        handler: 'vide',
        timescale: 90_000,
        codec: 'avc1',
        width: 1920,
        height: 1080,
        defaultSampleDuration: 0,
        defaultSampleFlags: 0,
      },
      {
        trackId: 2,
        handler: 'soun',
        timescale: 48_000,
        codec: 'mp4a',
        defaultSampleDuration: 0,
        defaultSampleFlags: 0,
      },
    ]);
    const f = events[2];
    if (f?.type !== 'fragment') throw new Error('no fragment');
    expect(f.fragment.sequenceNumber).toBe(2);
    expect(f.fragment.timescale).toBe(90_000);
    expect(f.fragment.startSeconds).toBe(2);
    expect(f.fragment.durationSeconds).toBe(2);
    expect(f.fragment.keyframe).toBe(true);
    expect(
      f.fragment.tracks.map((t) => [t.trackId, t.baseMediaDecodeTime, t.duration, t.sampleCount]),
    ).toEqual([
      [1, 180_000n, 180_000, 50],
      [2, 96_000n, 95_232, 93],
    ]);
    // The fragment bytes are exactly moof+mdat, and the recorded offsets point at the fields.
    expect(f.fragment.bytes.toString('latin1', 4, 8)).toBe('moof');
    expect(f.fragment.bytes.toString('latin1', f.fragment.moofSize + 4, f.fragment.moofSize + 8)).toBe(
      'mdat',
    );
    expect(f.fragment.bytes.readUInt32BE(f.fragment.mfhdOffset)).toBe(2);
    const v = f.fragment.tracks[0];
    expect(v && f.fragment.bytes.readBigUInt64BE(v.tfdtOffset)).toBe(180_000n);
  });

  it('takes durations from tfhd or trex defaults and reads 32-bit tfdt and non-keyframe starts', () => {
    const init = synthInit([{ ...VIDEO, defaultSampleDuration: 3000 }]);
    const a = synthFragment(1, [
      { trackId: 1, baseMediaDecodeTime: 900, tfdtVersion: 0, sampleCount: 30, keyframe: true },
    ]);
    const b = synthFragment(2, [
      {
        trackId: 1,
        baseMediaDecodeTime: 90_900,
        tfdtVersion: 0,
        sampleCount: 10,
        defaultSampleDuration: 1800,
        keyframe: false,
      },
    ]);
    const frags = parseAll([init, a, b]).flatMap((e) => (e.type === 'fragment' ? [e.fragment] : []));
    expect(
      frags.map((f) => [f.startSeconds, f.durationSeconds, f.keyframe, f.tracks[0]?.tfdtVersion]),
    ).toEqual([
      [0.01, 1, true, 0],
      [1.01, 0.2, false, 0],
    ]);
  });

  it('skips unknown and free boxes, including a 64-bit sized one, without buffering them', () => {
    const free = Buffer.alloc(1000);
    free.writeUInt32BE(1000, 0);
    free.write('free', 4, 'latin1');
    const large = Buffer.alloc(32);
    large.writeUInt32BE(1, 0);
    large.write('xyzw', 4, 'latin1');
    large.writeBigUInt64BE(32n, 8);
    const whole = Buffer.concat([
      synthInit([VIDEO]),
      free,
      large,
      synthFragment(1, [
        { trackId: 1, baseMediaDecodeTime: 0, sampleCount: 5, defaultSampleDuration: 3600, keyframe: true },
      ]),
    ]);
    expect(parseAll([whole]).map((e) => e.type)).toEqual(['init', 'fragment']);
  });

  it('gives the same result however the stream is chunked (property)', () => {
    const whole = stream(4);
    const expected = summary(parseAll([whole]));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: whole.length }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let at = 0;
        for (const p of points) {
          chunks.push(whole.subarray(at, p));
          at = p;
        }
        chunks.push(whole.subarray(at));
        expect(summary(parseAll(chunks))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random or corrupted input and keeps its buffer bounded (property)', () => {
    const whole = stream(2);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
          fc.tuple(fc.nat({ max: whole.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
            const b = Buffer.from(whole);
            b[i] = v;
            return b;
          }),
        ),
        (input) => {
          const p = new Fmp4Parser({ maxHeaderBoxBytes: 64 * 1024, maxMdatBytes: 256 * 1024 });
          const r = p.push(input);
          if (!r.ok) expect(r.error.code).toBe('RECORDING.PARSE_ERROR');
          expect(p.bufferedBytes).toBeLessThanOrEqual(input.length);
          const e = p.end();
          if (!e.ok) expect(e.error.code).toBe('RECORDING.PARSE_ERROR');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an oversized box before buffering it', () => {
    const p = new Fmp4Parser({ maxMdatBytes: 1024 });
    const init = synthInit([VIDEO]);
    const moof = synthFragment(1, [
      { trackId: 1, baseMediaDecodeTime: 0, keyframe: true, sampleCount: 1, sampleSize: 10 },
    ]);
    const moofOnly = moof.subarray(0, moof.length - 18);
    const hugeMdat = Buffer.alloc(8);
    hugeMdat.writeUInt32BE(0xfffffff0, 0);
    hugeMdat.write('mdat', 4, 'latin1');
    const r = p.push(Buffer.concat([init, moofOnly, hugeMdat]));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'RECORDING.PARSE_ERROR',
        details: { type: 'mdat', size: 0xfffffff0 },
      });
    expect(p.bufferedBytes).toBe(0);
    // Once failed, it stays failed and holds nothing.
    expect(p.push(Buffer.alloc(10)).ok).toBe(false);
  });

  it('reports garbage, sizes smaller than the header, and an out-of-order mdat as clear errors', () => {
    const cases: [string, Buffer][] = [
      ['not an MP4 stream', Buffer.from('HTTP/1.1 401 Unauthorized\r\n\r\n')],
      ['smaller than its header', Buffer.from([0, 0, 0, 4, 0x66, 0x74, 0x79, 0x70])],
      ['without a size', Buffer.from([0, 0, 0, 0, 0x66, 0x72, 0x65, 0x65])],
      ['garbage where a box should start', Buffer.from([0, 0, 0, 9, 0x00, 0xff, 0x01, 0x02])],
      ['"mdat" before the init segment', Buffer.from([0, 0, 0, 8, 0x6d, 0x64, 0x61, 0x74])],
    ];
    for (const [message, input] of cases) {
      const r = new Fmp4Parser().push(input);
      expect(r.ok, message).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    const inner = synthFragment(1, [{ trackId: 9, baseMediaDecodeTime: 0, keyframe: true }]);
    const r = new Fmp4Parser().push(Buffer.concat([synthInit([VIDEO]), inner]));
    expect(!r.ok && r.error.message).toContain('unknown track 9');
  });

  it('reports a stream cut inside a box at end()', () => {
    const whole = stream(1);
    const p = new Fmp4Parser();
    expect(p.push(whole.subarray(0, whole.length - 5)).ok).toBe(true);
    const r = p.end();
    expect(!r.ok && r.error.message).toContain('truncated');
  });
});
