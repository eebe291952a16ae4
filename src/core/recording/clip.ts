/**
 * The clip state machine of one camera: idle (ring only) → recording (pre-roll from the ring, then
 * live fragments until the post-roll ends; later alarms extend it up to a maximum) → idle.
 * Continuous mode uses the same path with clips cut at the maximum length. drain() (policy off,
 * conversation ended) forbids any new clip: only a clip already running may finish.
 * Pure: times are passed in (wall-clock ms); bytes go to a sink the caller opens.
 */
import type { Fragment, InitSegment } from './fmp4-parser.js';
import { fragmentEnd, GopRing } from './ring-buffer.js';

export type RecordingMode = 'incident' | 'continuous';

export interface ClipRecorderOptions {
  readonly mode: RecordingMode;
  readonly preRollSeconds: number;
  readonly postRollSeconds: number;
  /** Ceiling on one clip; a clip ends with the fragment that reaches it (≤ max + one GOP). */
  readonly maxClipSeconds: number;
  readonly ringMaxBytes: number;
  /** A recording clip with no fragment this long after its planned end is closed as stalled. */
  readonly stallGraceSeconds?: number;
}

export type ClipEndReason =
  'post-roll' | 'max-length' | 'camera-lost' | 'stalled' | 'stream-restarted' | 'stopped';

export interface ClipOpening {
  readonly clipNumber: number;
  readonly mode: RecordingMode;
  /** Wall ms of the alarms so far (empty in continuous mode). */
  readonly alarms: readonly number[];
  /** Set when this clip continues one cut by a camera restart. */
  readonly continues: number | null;
}

export interface ClipMetadata {
  readonly clipNumber: number;
  readonly mode: RecordingMode;
  readonly reason: ClipEndReason;
  readonly alarms: readonly number[];
  /** Estimated wall ms of the first frame's capture. */
  readonly startedAt: number;
  /** Estimated wall ms of the end of the last frame. */
  readonly endedAt: number;
  readonly durationSeconds: number;
  readonly bytes: number;
  readonly fragmentCount: number;
  /** Mean fragment duration: one fragment per GOP, so the keyframe interval. */
  readonly keyframeIntervalSeconds: number;
  /** Footage before the first alarm actually included (may be short right after arming). */
  readonly preRollSeconds: number | null;
  /** Media time of the first frame before normalisation (for tracing back to the stream). */
  readonly sourceStartSeconds: number;
  readonly codec: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

export interface ClipSink {
  /** The clip's MP4 bytes in order: the init segment, then normalised fragments. */
  write(chunk: Buffer): void;
  /** Exactly once, after the last write. */
  end(meta: ClipMetadata): void;
}

export type AlarmOutcome =
  | { readonly kind: 'started'; readonly clipNumber: number; readonly preRollSeconds: number }
  | {
      readonly kind: 'extended';
      readonly clipNumber: number;
      readonly endsAt: number;
      readonly capped: boolean;
    }
  /** No stream yet (camera offline or still connecting): the incident must say so, never a silent gap. */
  | { readonly kind: 'no-footage'; readonly reason: 'no-stream' }
  /** Draining (recording no longer permitted): nothing is started or extended. */
  | { readonly kind: 'no-footage'; readonly reason: 'draining' };

/** Copy of the fragment's moof with tfdt shifted by `bases` and mfhd set to `sequence`. */
export const normaliseFragment = (
  f: Fragment,
  bases: ReadonlyMap<number, bigint>,
  sequence: number,
): Buffer => {
  const moof = Buffer.from(f.bytes.subarray(0, f.moofSize));
  moof.writeUInt32BE(sequence >>> 0, f.mfhdOffset);
  for (const t of f.tracks) {
    if (t.tfdtOffset < 0) continue;
    const base = bases.get(t.trackId) ?? t.baseMediaDecodeTime;
    const v = t.baseMediaDecodeTime > base ? t.baseMediaDecodeTime - base : 0n;
    if (t.tfdtVersion === 1) moof.writeBigUInt64BE(v, t.tfdtOffset);
    else moof.writeUInt32BE(Number(v & 0xffffffffn), t.tfdtOffset);
  }
  return moof;
};

interface Running {
  readonly number: number;
  readonly sink: ClipSink;
  readonly alarms: number[];
  readonly bases: Map<number, bigint>;
  endAt: number;
  readonly capAt: number;
  readonly startedAt: number;
  readonly sourceStart: number;
  lastEnd: number;
  bytes: number;
  fragments: number;
  durations: number;
  nextSequence: number;
  readonly firstAlarm: number | null;
}

export class ClipRecorder {
  readonly ring: GopRing;
  private init: InitSegment | null = null;
  private running: Running | null = null;
  /** An incident window still open when the stream restarted: continue it on the new stream. */
  private carry: { endAt: number; alarms: number[]; from: number } | null = null;
  private clipCounter = 0;
  private readonly mode: RecordingMode;
  /** Set by drain(): no clip may begin any more; the ring stays empty. */
  private draining = false;
  /** While draining: the wall-clock lag estimate the running clip still needs (the ring is gone). */
  private drainLag: number | null = null;

  constructor(
    private readonly options: ClipRecorderOptions,
    private readonly openSink: (opening: ClipOpening) => ClipSink,
  ) {
    this.ring = new GopRing({ preRollSeconds: options.preRollSeconds, maxBytes: options.ringMaxBytes });
    this.mode = options.mode;
  }

  get recording(): boolean {
    return this.running !== null;
  }

  /** True after drain(): no new clip will ever begin on this recorder. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** A new init segment means a new ffmpeg process: the old timeline ends here. */
  onInit(init: InitSegment): void {
    if (this.running !== null) this.close('stream-restarted');
    this.ring.purge();
    this.drainLag = null;
    this.init = init;
  }

  onFragment(fragment: Fragment, receivedAt: number): void {
    if (this.init === null) return;
    let lag: number;
    if (this.draining) {
      // No pre-buffer while draining: only the running clip (if any) gets the fragment.
      const l = receivedAt / 1000 - fragmentEnd(fragment);
      this.drainLag = this.drainLag === null ? l : Math.min(this.drainLag, l);
      lag = this.drainLag;
    } else {
      this.ring.push(fragment, receivedAt);
      lag = this.ring.lagSeconds ?? 0;
    }
    const startWall = (fragment.startSeconds + lag) * 1000;
    const endWall = (fragmentEnd(fragment) + lag) * 1000;
    const r = this.running;
    if (r !== null && startWall >= r.endAt && r.fragments > 0)
      this.close(r.endAt >= r.capAt ? 'max-length' : 'post-roll');
    if (this.running !== null) {
      this.append(fragment);
      this.closeIfDone(endWall);
      return;
    }
    if (!fragment.keyframe || this.draining) return;
    const carry = this.carry;
    this.carry = null;
    if (carry !== null && carry.endAt > startWall) {
      this.begin([{ fragment, receivedAt }], carry.alarms, carry.endAt, carry.from >= 0 ? carry.from : null);
    } else if (this.mode === 'continuous') {
      this.begin([{ fragment, receivedAt }], [], Infinity, null);
    } else return;
    this.closeIfDone(endWall);
  }

  alarm(at: number): AlarmOutcome {
    if (this.draining) return { kind: 'no-footage', reason: 'draining' };
    const post = at + this.options.postRollSeconds * 1000;
    const r = this.running;
    if (r !== null) {
      r.alarms.push(at);
      if (this.mode === 'continuous')
        return { kind: 'extended', clipNumber: r.number, endsAt: r.endAt, capped: false };
      const wanted = Math.max(r.endAt, post);
      r.endAt = Math.min(wanted, r.capAt);
      return { kind: 'extended', clipNumber: r.number, endsAt: r.endAt, capped: wanted > r.capAt };
    }
    if (this.init === null) {
      // Remember the window: if the camera comes back within the post-roll, record what is left.
      this.carry = {
        endAt: Math.max(this.carry?.endAt ?? 0, post),
        alarms: [...(this.carry?.alarms ?? []), at],
        from: -1,
      };
      return { kind: 'no-footage', reason: 'no-stream' };
    }
    const pre = this.ring.preRollFor(at);
    if (pre.length === 0) {
      // Armed but no complete GOP yet: the clip starts with the next keyframe.
      this.carry = { endAt: post, alarms: [at], from: -1 };
      return { kind: 'started', clipNumber: this.clipCounter + 1, preRollSeconds: 0 };
    }
    this.begin(pre, [at], post, null);
    const running = this.running;
    if (running === null) return { kind: 'no-footage', reason: 'no-stream' };
    const latest = pre.at(-1);
    if (latest !== undefined)
      this.closeIfDone((fragmentEnd(latest.fragment) + (this.ring.lagSeconds ?? 0)) * 1000);
    return {
      kind: 'started',
      clipNumber: running.number,
      preRollSeconds: Math.max(0, (at - running.startedAt) / 1000),
    };
  }

  /** Call periodically: closes a clip whose camera went silent after its planned end. */
  tick(now: number): void {
    const r = this.running;
    if (r === null) return;
    const grace = (this.options.stallGraceSeconds ?? Math.max(5, 2 * (this.ring.gopSeconds ?? 2))) * 1000;
    if (now > r.endAt + grace) this.close('stalled');
  }

  /** The stream is gone (ffmpeg exited, camera offline): close with what was received. */
  streamLost(at: number): void {
    const r = this.running;
    if (r !== null) {
      if (r.endAt > at && this.mode === 'incident' && !this.draining)
        this.carry = { endAt: r.endAt, alarms: [...r.alarms], from: r.number };
      this.close('camera-lost');
    }
    this.ring.purge();
    this.init = null;
  }

  /** Objection, suspension, disarm: end any clip, forget the buffer and any open incident window. */
  stop(): void {
    if (this.running !== null) this.close('stopped');
    this.carry = null;
    this.ring.purge();
    this.init = null;
  }

  /**
   * Recording is no longer permitted (policy off, conversation ended): forget the pre-buffer and
   * any pending incident window, buffer nothing more, and never begin another clip. A running
   * clip may finish (its post-roll, or its cut in continuous mode); the caller decides whether to
   * wait for that or to stop() at once (continuous mode must stop at once).
   */
  drain(): void {
    if (this.draining) return;
    this.drainLag = this.ring.lagSeconds;
    this.draining = true;
    this.carry = null;
    this.ring.purge();
  }

  /** Back in policy before a draining clip finished: buffer again and allow new clips. */
  undrain(): void {
    this.draining = false;
    this.drainLag = null;
  }

  private begin(
    entries: readonly { fragment: Fragment; receivedAt: number }[],
    alarms: number[],
    endAt: number,
    continues: number | null,
  ): void {
    const init = this.init;
    const first = entries[0];
    if (init === null || first === undefined || this.draining) return;
    const lag = this.ring.lagSeconds ?? first.receivedAt / 1000 - fragmentEnd(first.fragment);
    const startedAt = (first.fragment.startSeconds + lag) * 1000;
    const number = ++this.clipCounter;
    const sink = this.openSink({ clipNumber: number, mode: this.mode, alarms: [...alarms], continues });
    const bases = new Map<number, bigint>();
    for (const t of first.fragment.tracks) bases.set(t.trackId, t.baseMediaDecodeTime);
    const capAt = startedAt + this.options.maxClipSeconds * 1000;
    this.running = {
      number,
      sink,
      alarms,
      bases,
      endAt: Math.min(endAt, capAt),
      capAt,
      startedAt,
      sourceStart: first.fragment.startSeconds,
      lastEnd: first.fragment.startSeconds,
      bytes: 0,
      fragments: 0,
      durations: 0,
      nextSequence: 1,
      firstAlarm: alarms[0] ?? null,
    };
    sink.write(init.bytes);
    this.running.bytes += init.bytes.length;
    for (const e of entries) this.append(e.fragment);
  }

  private append(f: Fragment): void {
    const r = this.running;
    if (r === null) return;
    for (const t of f.tracks) if (!r.bases.has(t.trackId)) r.bases.set(t.trackId, t.baseMediaDecodeTime);
    const moof = normaliseFragment(f, r.bases, r.nextSequence++);
    r.sink.write(moof);
    r.sink.write(f.bytes.subarray(f.moofSize));
    r.bytes += f.bytes.length;
    r.fragments += 1;
    r.durations += f.durationSeconds;
    r.lastEnd = fragmentEnd(f);
  }

  private closeIfDone(endWall: number): void {
    const r = this.running;
    if (r === null || endWall < r.endAt) return;
    this.close(r.endAt >= r.capAt ? 'max-length' : 'post-roll');
  }

  private close(reason: ClipEndReason): void {
    const r = this.running;
    if (r === null) return;
    this.running = null;
    const duration = r.lastEnd - r.sourceStart;
    const init = this.init;
    const video = init?.tracks.find((t) => t.trackId === init.videoTrackId);
    r.sink.end({
      clipNumber: r.number,
      mode: this.mode,
      reason,
      alarms: [...r.alarms],
      startedAt: r.startedAt,
      endedAt: r.startedAt + duration * 1000,
      durationSeconds: duration,
      bytes: r.bytes,
      fragmentCount: r.fragments,
      keyframeIntervalSeconds: r.fragments === 0 ? 0 : r.durations / r.fragments,
      preRollSeconds: r.firstAlarm === null ? null : Math.max(0, (r.firstAlarm - r.startedAt) / 1000),
      sourceStartSeconds: r.sourceStart,
      codec: video?.codec ?? null,
      width: video?.width ?? null,
      height: video?.height ?? null,
    });
  }
}
