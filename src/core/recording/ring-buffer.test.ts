import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fmp4Parser, type Fragment } from './fmp4-parser.js';
import { synthFragment, synthInit } from './fmp4-synth.js';
import { GopRing } from './ring-buffer.js';

/** Fragments of `gop` seconds each (25 fps, 90 kHz), `size` payload bytes per sample. */
const fragments = (count: number, gop = 1, size = 100): Fragment[] => {
  const p = new Fmp4Parser();
  p.push(synthInit([{ trackId: 1, handler: 'vide', timescale: 90_000 }]));
  const out: Fragment[] = [];
  const n = Math.round(gop * 25);
  for (let i = 0; i < count; i++) {
    const r = p.push(
      synthFragment(i + 1, [
        {
          trackId: 1,
          baseMediaDecodeTime: Math.round(i * gop * 90_000),
          sampleDurations: Array<number>(n).fill(3600),
          keyframe: true,
          sampleSize: size,
        },
      ]),
    );
    if (!r.ok) throw new Error(r.error.message);
    for (const e of r.value) if (e.type === 'fragment') out.push(e.fragment);
  }
  return out;
};

const T0 = 1_700_000_000_000;

describe('GopRing', () => {
  it('keeps pre-roll plus at most one GOP, evicting whole fragments', () => {
    const ring = new GopRing({ preRollSeconds: 5, maxBytes: 100_000_000 });
    fragments(20, 2).forEach((f, i) => ring.push(f, T0 + (i + 1) * 2000));
    expect(ring.spanSeconds).toBeGreaterThanOrEqual(5);
    expect(ring.spanSeconds).toBeLessThanOrEqual(5 + 2);
    expect(ring.entries().map((e) => e.fragment.startSeconds)).toEqual([34, 36, 38]);
    expect(ring.gopSeconds).toBe(2);
    expect(ring.gopWarning).toBe(false);
  });

  it('warns when the GOP is longer than half the pre-roll', () => {
    const ring = new GopRing({ preRollSeconds: 5, maxBytes: 1e9 });
    fragments(3, 4).forEach((f, i) => ring.push(f, T0 + i * 4000));
    expect(ring.gopSeconds).toBe(4);
    expect(ring.gopWarning).toBe(true);
  });

  it('never holds more than maxBytes and says the byte limit cut the pre-roll', () => {
    const fs = fragments(10, 1, 1000);
    const one = fs[0]?.bytes.length ?? 0;
    const ring = new GopRing({ preRollSeconds: 30, maxBytes: one * 3 + 10 });
    fs.forEach((f, i) => ring.push(f, T0 + i * 1000));
    expect(ring.size).toBe(3);
    expect(ring.bytes).toBeLessThanOrEqual(one * 3 + 10);
    expect(ring.byteLimited).toBe(true);
  });

  it('purge drops everything at once', () => {
    const ring = new GopRing({ preRollSeconds: 5, maxBytes: 1e9 });
    fragments(5).forEach((f, i) => ring.push(f, T0 + i * 1000));
    ring.purge();
    expect([ring.size, ring.bytes, ring.spanSeconds, ring.lagSeconds]).toEqual([0, 0, 0, null]);
    expect(ring.preRollFor(T0 + 10_000)).toEqual([]);
  });

  it('starts a new timeline when timestamps go backwards', () => {
    const ring = new GopRing({ preRollSeconds: 5, maxBytes: 1e9 });
    const fs = fragments(6);
    fs.forEach((f, i) => ring.push(f, T0 + i * 1000));
    const first = fs[0];
    if (first === undefined) throw new Error('no fragment');
    ring.push(first, T0 + 7000);
    expect(ring.size).toBe(1);
  });

  it('always offers a keyframe fragment reaching back at least pre-roll from any alarm time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(0.5, 1, 2),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (preRoll, gop, latencyMs, within) => {
          const ring = new GopRing({ preRollSeconds: preRoll, maxBytes: 1e9 });
          const fs = fragments(Math.ceil((preRoll + 3 * gop) / gop) + 3, gop);
          // Fragment i (media [i·gop, (i+1)·gop)) is complete when frame (i+1)·gop is captured.
          fs.forEach((f, i) => ring.push(f, T0 + (i + 1) * gop * 1000 + latencyMs));
          const lastReceived = T0 + fs.length * gop * 1000 + latencyMs;
          const alarmAt = lastReceived + within * gop * 1000;
          const pre = ring.preRollFor(alarmAt);
          const first = pre[0];
          expect(first?.fragment.keyframe).toBe(true);
          // Captured at T0 + media start (+ latency at most): at least pre-roll before the alarm.
          const capturedAt = T0 + (first?.fragment.startSeconds ?? 0) * 1000 + latencyMs;
          expect(alarmAt - capturedAt).toBeGreaterThanOrEqual(preRoll * 1000 - 1);
          // …and not more than one GOP beyond it.
          expect(alarmAt - capturedAt).toBeLessThanOrEqual((preRoll + 2 * gop) * 1000 + 1);
          expect(ring.spanSeconds).toBeLessThanOrEqual(preRoll + gop + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
