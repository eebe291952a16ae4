import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClipRecorder,
  normaliseFragment,
  type ClipMetadata,
  type ClipOpening,
  type ClipProgress,
  type ClipRecorderOptions,
} from './clip.js';
import { Fmp4Parser, type Fragment } from './fmp4-parser.js';
import { synthFragment, synthInit } from './fmp4-synth.js';

const T0 = 1_700_000_000_000;
const LATENCY = 80;

/** A camera with 1-second GOPs (25 fps at 90 kHz) plus AAC audio; fragment i is complete at T0 + (i+1) s. */
const camera = (count: number, opts: { tfdtVersion?: 0 | 1; offset?: number } = {}) => {
  const p = new Fmp4Parser();
  const r = p.push(
    synthInit([
      { trackId: 1, handler: 'vide', timescale: 90_000 },
      { trackId: 2, handler: 'soun', timescale: 48_000 },
    ]),
  );
  if (!r.ok || r.value[0]?.type !== 'init') throw new Error('init');
  const init = r.value[0].init;
  const frags: Fragment[] = [];
  const offset = opts.offset ?? 0;
  for (let i = 0; i < count; i++) {
    const fr = p.push(
      synthFragment(1000 + i, [
        {
          trackId: 1,
          baseMediaDecodeTime: (offset + i) * 90_000,
          tfdtVersion: opts.tfdtVersion ?? 1,
          sampleDurations: Array<number>(25).fill(3600),
          keyframe: true,
        },
        {
          trackId: 2,
          baseMediaDecodeTime: (offset + i) * 48_000,
          tfdtVersion: opts.tfdtVersion ?? 1,
          sampleDurations: Array<number>(47)
            .fill(1024)
            .concat([48_000 - 47 * 1024]),
          keyframe: true,
        },
      ]),
    );
    if (!fr.ok) throw new Error(fr.error.message);
    for (const e of fr.value) if (e.type === 'fragment') frags.push(e.fragment);
  }
  const at = (i: number): number => T0 + (i + 1) * 1000 + LATENCY;
  return { init, frags, at };
};

interface Captured {
  opening: ClipOpening;
  bytes: Buffer[];
  meta: ClipMetadata | null;
}

const recorder = (options: Partial<ClipRecorderOptions> = {}) => {
  const clips: Captured[] = [];
  const rec = new ClipRecorder(
    {
      mode: 'incident',
      preRollSeconds: 5,
      postRollSeconds: 4,
      maxClipSeconds: 30,
      ringMaxBytes: 50_000_000,
      ...options,
    },
    (opening) => {
      const c: Captured = { opening, bytes: [], meta: null };
      clips.push(c);
      return {
        write: (chunk) => {
          if (c.meta !== null) throw new Error('write after end');
          c.bytes.push(chunk);
        },
        end: (meta) => {
          if (c.meta !== null) throw new Error('ended twice');
          c.meta = meta;
        },
      };
    },
  );
  return { rec, clips };
};

/** Parses a clip's bytes back: tfdt per fragment (video, seconds) and mfhd sequence numbers. */
const reparse = (bytes: Buffer[]) => {
  const p = new Fmp4Parser();
  const r = p.push(Buffer.concat(bytes));
  if (!r.ok) throw new Error(r.error.message);
  expect(p.end().ok).toBe(true);
  const frags = r.value.flatMap((e) => (e.type === 'fragment' ? [e.fragment] : []));
  return {
    init: r.value[0]?.type === 'init' ? r.value[0].init : null,
    starts: frags.map((f) => f.startSeconds),
    audioStarts: frags.map((f) => Number(f.tracks[1]?.baseMediaDecodeTime ?? -1n) / 48_000),
    seq: frags.map((f) => f.sequenceNumber),
    keyframes: frags.map((f) => f.keyframe),
  };
};

const feed = (rec: ClipRecorder, cam: ReturnType<typeof camera>, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const f = cam.frags[i];
    if (f) rec.onFragment(f, cam.at(i));
  }
};

describe('ClipRecorder', () => {
  it('opens nothing while merely armed', () => {
    const cam = camera(60);
    const { rec, clips } = recorder();
    rec.onInit(cam.init);
    feed(rec, cam, 0, 60);
    expect(clips).toEqual([]);
    expect(rec.ring.spanSeconds).toBeLessThanOrEqual(6);
  });

  it('records pre-roll from the ring and live fragments until the post-roll ends, normalised to start at 0', () => {
    const cam = camera(40, { offset: 1234 });
    const { rec, clips } = recorder();
    rec.onInit(cam.init);
    feed(rec, cam, 0, 20);
    const alarmAt = cam.at(19) + 300;
    const outcome = rec.alarm(alarmAt);
    expect(outcome).toMatchObject({ kind: 'started', clipNumber: 1 });
    feed(rec, cam, 20, 40);
    expect(clips).toHaveLength(1);
    const clip = clips[0];
    if (clip?.meta == null) throw new Error('clip not closed');
    const back = reparse(clip.bytes);
    expect(back.init?.bytes.equals(cam.init.bytes)).toBe(true);
    expect(back.starts[0]).toBe(0);
    expect(back.audioStarts[0]).toBe(0);
    expect(back.starts).toEqual(back.starts.map((_, i) => i));
    expect(back.seq).toEqual(back.seq.map((_, i) => i + 1));
    expect(back.keyframes.every(Boolean)).toBe(true);
    const m = clip.meta;
    expect(m.reason).toBe('post-roll');
    expect(m.preRollSeconds).toBeGreaterThanOrEqual(5);
    expect(m.preRollSeconds).toBeLessThanOrEqual(6);
    // It lasts at least pre-roll + post-roll minus one GOP and ends at or after alarm + post-roll.
    expect(m.durationSeconds).toBeGreaterThanOrEqual(5 + 4 - 1);
    expect(m.endedAt).toBeGreaterThanOrEqual(alarmAt + 4000 - LATENCY);
    expect(m.sourceStartSeconds).toBe(1234 + 15);
    expect(m.fragmentCount).toBe(back.starts.length);
    expect(m.keyframeIntervalSeconds).toBeCloseTo(1, 6);
    expect(m.bytes).toBe(clip.bytes.reduce((a, b) => a + b.length, 0));
    expect(m.alarms).toEqual([alarmAt]);
  });

  it('extends the clip with a new alarm, capped at the maximum length', () => {
    const cam = camera(80);
    const { rec, clips } = recorder({ maxClipSeconds: 15 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9));
    feed(rec, cam, 10, 12);
    const second = rec.alarm(cam.at(11));
    expect(second).toMatchObject({ kind: 'extended', clipNumber: 1, capped: false });
    feed(rec, cam, 12, 14);
    expect(rec.alarm(cam.at(13) + 8000)).toMatchObject({ kind: 'extended', capped: true });
    feed(rec, cam, 14, 80);
    expect(clips).toHaveLength(1);
    const m = clips[0]?.meta;
    expect(m?.reason).toBe('max-length');
    expect(m?.durationSeconds).toBeGreaterThanOrEqual(15);
    expect(m?.durationSeconds).toBeLessThanOrEqual(16);
    expect(m?.alarms).toHaveLength(3);
  });

  it('rewrites 32-bit tfdt too', () => {
    const cam = camera(20, { tfdtVersion: 0, offset: 50 });
    const { rec, clips } = recorder({ postRollSeconds: 1 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9));
    feed(rec, cam, 10, 20);
    const back = reparse(clips[0]?.bytes ?? []);
    expect(back.starts.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('reports no footage while there is no stream, and records the rest of the window when the camera returns', () => {
    const cam = camera(20);
    const { rec, clips } = recorder();
    expect(rec.alarm(T0)).toEqual({ kind: 'no-footage', reason: 'no-stream' });
    rec.onInit(cam.init);
    // The camera is back within the post-roll: the remaining seconds are kept.
    for (let i = 0; i < 10; i++) {
      const f = cam.frags[i];
      if (f) rec.onFragment(f, T0 + 1000 + i * 1000);
    }
    expect(clips).toHaveLength(1);
    expect(clips[0]?.meta?.reason).toBe('post-roll');
    expect(clips[0]?.meta?.alarms).toEqual([T0]);
  });

  it('closes the clip with everything received when the camera is lost, then continues on reconnect', () => {
    const cam = camera(30);
    const { rec, clips } = recorder({ postRollSeconds: 20 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9));
    feed(rec, cam, 10, 13);
    rec.streamLost(cam.at(13));
    expect(clips[0]?.meta).toMatchObject({ reason: 'camera-lost', fragmentCount: 5 + 3 });
    expect(reparse(clips[0]?.bytes ?? []).starts).toHaveLength(8);
    // Reconnect: a new init and timeline; the incident window is still open.
    const cam2 = camera(5);
    rec.onInit(cam2.init);
    for (let i = 0; i < 5; i++) {
      const f = cam2.frags[i];
      if (f) rec.onFragment(f, cam.at(15 + i));
    }
    expect(clips).toHaveLength(2);
    expect(clips[1]?.opening.continues).toBe(1);
  });

  it('closes a clip as stalled when no fragment arrives after its end', () => {
    const cam = camera(12);
    const { rec, clips } = recorder({ stallGraceSeconds: 3 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9));
    rec.tick(cam.at(9) + 4000 + 2000);
    expect(clips[0]?.meta).toBeNull();
    rec.tick(cam.at(9) + 4000 + 3001);
    expect(clips[0]?.meta?.reason).toBe('stalled');
  });

  it('stop() ends the clip and forgets the buffer', () => {
    const cam = camera(20);
    const { rec, clips } = recorder();
    rec.onInit(cam.init);
    feed(rec, cam, 0, 12);
    rec.alarm(cam.at(11));
    rec.stop();
    expect(clips[0]?.meta?.reason).toBe('stopped');
    expect(rec.ring.size).toBe(0);
    expect(rec.alarm(cam.at(12))).toEqual({ kind: 'no-footage', reason: 'no-stream' });
  });

  it('continuous mode cuts contiguous clips at the maximum length without losing a fragment', () => {
    const cam = camera(35);
    const { rec, clips } = recorder({ mode: 'continuous', maxClipSeconds: 10 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 35);
    const closed = clips.filter((c) => c.meta !== null);
    expect(closed.map((c) => c.meta?.fragmentCount)).toEqual([10, 10, 10]);
    expect(closed.map((c) => c.meta?.sourceStartSeconds)).toEqual([0, 10, 20]);
    expect(closed.every((c) => reparse(c.bytes).starts[0] === 0)).toBe(true);
    rec.stop();
    expect(clips.at(-1)?.meta?.reason).toBe('stopped');
  });

  it('drain() in continuous mode: no new clip ever begins, nothing is buffered', () => {
    const cam = camera(60);
    const { rec, clips } = recorder({ mode: 'continuous', maxClipSeconds: 10 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 15);
    expect(clips).toHaveLength(2);
    rec.drain();
    expect(rec.ring.size).toBe(0);
    // The running clip may still reach its cut; after that nothing opens, however long the stream runs.
    feed(rec, cam, 15, 60);
    expect(clips).toHaveLength(2);
    expect(clips[1]?.meta?.reason).toBe('max-length');
    expect(rec.recording).toBe(false);
    expect(rec.ring.size).toBe(0);
    expect(rec.alarm(cam.at(59))).toEqual({ kind: 'no-footage', reason: 'draining' });
    expect(clips).toHaveLength(2);
  });

  it('drain() in incident mode: the running clip finishes its post-roll; no later clip, no pending window, no buffer', () => {
    const cam = camera(60);
    const { rec, clips } = recorder({ stallGraceSeconds: 3 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9));
    rec.drain();
    expect(rec.ring.size).toBe(0);
    expect(rec.recording).toBe(true);
    feed(rec, cam, 10, 30);
    expect(clips).toHaveLength(1);
    expect(clips[0]?.meta?.reason).toBe('post-roll');
    expect(clips[0]?.meta?.endedAt).toBeGreaterThanOrEqual(cam.at(9) + 4000 - LATENCY);
    expect(rec.ring.size).toBe(0);
    // A restart of the stream while draining opens nothing either.
    rec.streamLost(cam.at(30));
    rec.onInit(cam.init);
    feed(rec, cam, 30, 60);
    expect(clips).toHaveLength(1);
    expect(rec.ring.size).toBe(0);
    // Back in policy: buffering and clips again.
    rec.undrain();
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    expect(rec.ring.size).toBeGreaterThan(0);
    expect(rec.alarm(cam.at(9))).toMatchObject({ kind: 'started' });
  });

  it('drain() before the first keyframe after an alarm: the pending window is dropped', () => {
    const cam = camera(20);
    const { rec, clips } = recorder();
    expect(rec.alarm(T0)).toEqual({ kind: 'no-footage', reason: 'no-stream' });
    rec.drain();
    rec.onInit(cam.init);
    feed(rec, cam, 0, 20);
    expect(clips).toEqual([]);
  });

  it('a repeated press of the same alarm extends the post-roll from that press', () => {
    const cam = camera(60);
    const { rec, clips } = recorder({ postRollSeconds: 4 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    expect(rec.alarm(cam.at(9), 'alarm-1')).toMatchObject({ kind: 'started' });
    feed(rec, cam, 10, 12);
    expect(rec.alarm(cam.at(11), 'alarm-1')).toMatchObject({ kind: 'extended', capped: false });
    feed(rec, cam, 12, 60);
    expect(clips).toHaveLength(1);
    expect(clips[0]?.opening.alarmIds).toEqual(['alarm-1']);
    expect(clips[0]?.meta?.reason).toBe('post-roll');
    expect(clips[0]?.meta?.endedAt).toBeGreaterThanOrEqual(cam.at(11) + 4000 - LATENCY);
  });

  it('closing the alarm ends its clip with the next fragment; another open alarm keeps it running', () => {
    const cam = camera(60);
    const { rec, clips } = recorder({ postRollSeconds: 10 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9), 'a');
    feed(rec, cam, 10, 12);
    rec.alarmClosed('a', cam.at(11));
    feed(rec, cam, 12, 14);
    expect(clips[0]?.meta?.reason).toBe('alarm-closed');
    expect(clips[0]?.meta?.endedAt).toBeLessThanOrEqual(cam.at(12));
    feed(rec, cam, 14, 40);
    expect(clips).toHaveLength(1);

    const two = recorder({ postRollSeconds: 10 });
    two.rec.onInit(cam.init);
    feed(two.rec, cam, 0, 10);
    two.rec.alarm(cam.at(9), 'a');
    feed(two.rec, cam, 10, 12);
    two.rec.alarm(cam.at(11), 'b');
    two.rec.alarmClosed('a', cam.at(12));
    feed(two.rec, cam, 12, 40);
    expect(two.clips).toHaveLength(1);
    expect(two.clips[0]?.meta?.reason).toBe('post-roll');
    expect(two.clips[0]?.meta?.endedAt).toBeGreaterThanOrEqual(cam.at(11) + 10_000 - LATENCY);
  });

  it('a closed alarm records nothing more when the camera comes back after the close', () => {
    const cam = camera(30);
    const { rec, clips } = recorder({ postRollSeconds: 20 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9), 'a');
    feed(rec, cam, 10, 12);
    rec.streamLost(cam.at(12));
    expect(clips[0]?.meta?.reason).toBe('camera-lost');
    expect(rec.wantsFootage(cam.at(13))).toBe(true);
    rec.alarmClosed('a', cam.at(13));
    expect(rec.wantsFootage(cam.at(13))).toBe(false);
    rec.onInit(cam.init);
    feed(rec, cam, 14, 30);
    expect(clips).toHaveLength(1);
  });

  it("resume(): the rest of an open alarm's post-roll after a restart begins at the first keyframe", () => {
    const cam = camera(40);
    const { rec, clips } = recorder({ postRollSeconds: 20 });
    const pressed = cam.at(5);
    expect(rec.resume('late', cam.at(0) - 30_000, cam.at(6))).toBe(false);
    expect(rec.resume('a', pressed, cam.at(6))).toBe(true);
    rec.onInit(cam.init);
    feed(rec, cam, 8, 40);
    expect(clips).toHaveLength(1);
    expect(clips[0]?.opening).toMatchObject({ resumed: true, alarmIds: ['a'], continues: null });
    expect(clips[0]?.meta?.reason).toBe('post-roll');
    expect(clips[0]?.meta?.endedAt).toBeGreaterThanOrEqual(pressed + 20_000 - LATENCY);
  });

  it('a sealing failure ends the clip at once and no clip begins again for that window', () => {
    const cam = camera(40);
    const { rec, clips } = recorder({ postRollSeconds: 20 });
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9), 'a');
    feed(rec, cam, 10, 12);
    rec.sealFailed(1);
    expect(clips[0]?.meta?.reason).toBe('seal-failed');
    feed(rec, cam, 12, 40);
    expect(clips).toHaveLength(1);
  });

  it('tells the sink its progress after every fragment and opens with the start and pre-roll', () => {
    const cam = camera(30);
    const seen: ClipProgress[] = [];
    let opening: ClipOpening | undefined;
    const rec = new ClipRecorder(
      {
        mode: 'incident',
        preRollSeconds: 3,
        postRollSeconds: 2,
        maxClipSeconds: 30,
        ringMaxBytes: 50_000_000,
      },
      (o) => {
        opening = o;
        return { write: () => undefined, progress: (p) => void seen.push(p), end: () => undefined };
      },
    );
    rec.onInit(cam.init);
    feed(rec, cam, 0, 10);
    rec.alarm(cam.at(9) + 200, 'a');
    feed(rec, cam, 10, 30);
    expect(opening?.preRollSeconds).toBeGreaterThanOrEqual(3);
    expect(opening?.startedAt).toBe(seen[0]?.startedAt);
    expect(seen.map((p) => p.durationSeconds)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.at(-1)?.endedAt).toBe(
      (seen.at(-1)?.startedAt ?? 0) + (seen.at(-1)?.durationSeconds ?? 0) * 1000,
    );
  });

  it('normaliseFragment leaves the original bytes untouched', () => {
    const cam = camera(3, { offset: 7 });
    const f = cam.frags[2];
    if (f === undefined) throw new Error('no fragment');
    const before = Buffer.from(f.bytes);
    const moof = normaliseFragment(
      f,
      new Map([
        [1, 7n * 90_000n],
        [2, 7n * 48_000n],
      ]),
      1,
    );
    expect(f.bytes.equals(before)).toBe(true);
    expect(moof.readUInt32BE(f.mfhdOffset)).toBe(1);
    expect(moof.readBigUInt64BE(f.tracks[0]?.tfdtOffset ?? 0)).toBe(2n * 90_000n);
  });

  it('any alarm sequence yields well-formed clips: start 0, contiguous, consecutive, bounded (property)', () => {
    const cam = camera(90);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 85_000 }), { minLength: 1, maxLength: 6 }),
        (offsets) => {
          const { rec, clips } = recorder({ maxClipSeconds: 20 });
          rec.onInit(cam.init);
          const alarms = [...offsets].sort((a, b) => a - b).map((o) => T0 + o);
          let next = 0;
          for (let i = 0; i < 90; i++) {
            while (next < alarms.length && (alarms[next] ?? Infinity) <= cam.at(i))
              rec.alarm(alarms[next++] ?? 0);
            const f = cam.frags[i];
            if (f) rec.onFragment(f, cam.at(i));
          }
          rec.stop();
          expect(clips.length).toBeGreaterThanOrEqual(1);
          for (const c of clips) {
            const back = reparse(c.bytes);
            expect(back.starts).toEqual(back.starts.map((_, i) => i));
            expect(back.seq).toEqual(back.seq.map((_, i) => i + 1));
            expect(c.meta?.durationSeconds ?? 99).toBeLessThanOrEqual(21);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
