/**
 * The clip state machine of one camera: idle (ring only) → recording (pre-roll from the ring, then
 * live fragments until the post-roll ends; later alarms extend it up to a maximum) → idle.
 * Continuous mode uses the same path with clips cut at the maximum length. drain() (policy off,
 * conversation ended) forbids any new clip: only a clip already running may finish.
 *
 * Footage is wanted per alarm: each open alarm wants footage until its last press plus the
 * post-roll (a repeated press moves that on); closing the alarm ends its want at once. A clip
 * runs while any alarm wants footage; a camera that comes back (or a server that restarts, see
 * resume()) records what is still wanted.
 * Pure: times are passed in (wall-clock ms); bytes go to a sink the caller opens.
 */
import type { Fragment, InitSegment } from './fmp4-parser.js';
import { fragmentEnd, GopRing } from './ring-buffer.js';

/** Why a clip was recorded (the clip row's `mode`); the policy's RecordingMode says what a camera may do. */
export type ClipMode = 'incident' | 'continuous';

export interface ClipRecorderOptions {
  readonly mode: ClipMode;
  readonly preRollSeconds: number;
  readonly postRollSeconds: number;
  /** Ceiling on one clip; a clip ends with the fragment that reaches it (≤ max + one GOP). */
  readonly maxClipSeconds: number;
  readonly ringMaxBytes: number;
  /** A recording clip with no fragment this long after its planned end is closed as stalled. */
  readonly stallGraceSeconds?: number;
}

export type ClipEndReason =
  | 'post-roll'
  | 'max-length'
  | 'camera-lost'
  | 'stalled'
  | 'stream-restarted'
  | 'stopped'
  /** Every alarm the clip was for was closed: a closed alarm records nothing more. */
  | 'alarm-closed'
  /** The sink could not seal (vault disk full): the clip ends at once with what was sealed. */
  | 'seal-failed';

export interface ClipOpening {
  readonly clipNumber: number;
  readonly mode: ClipMode;
  /** Wall ms of the alarms so far (empty in continuous mode). */
  readonly alarms: readonly number[];
  /** The alarms (ids as given to alarm()) this clip is for, first first. */
  readonly alarmIds: readonly string[];
  /** Set when this clip continues one cut by a camera restart. */
  readonly continues: number | null;
  /** The clip records the rest of an alarm's window after the server restarted (resume()). */
  readonly resumed: boolean;
  /** Estimated wall ms of the first frame's capture. */
  readonly startedAt: number;
  /** Footage before the first alarm included (null in continuous mode). */
  readonly preRollSeconds: number | null;
}

/** How far a clip has got (after each fragment): what a recovery can still say about it. */
export interface ClipProgress {
  /** Estimated wall ms of the first frame's capture. */
  readonly startedAt: number;
  /** Estimated wall ms of the end of the last frame so far. */
  readonly endedAt: number;
  readonly durationSeconds: number;
  readonly bytes: number;
}

export interface ClipMetadata {
  readonly clipNumber: number;
  readonly mode: ClipMode;
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
  /** After the bytes of each whole fragment: the clip so far (optional for sinks that keep no index). */
  progress?(p: ClipProgress): void;
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
  readonly alarmIds: string[];
  /** Every alarm of the clip was closed: endAt is the close, the end reason 'alarm-closed'. */
  alarmClosed: boolean;
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
  /** Open alarms wanting footage: alarm id → last press (wall ms) and until when (press + post-roll). */
  private readonly windows = new Map<string, { at: number; until: number }>();
  /** The clip a camera loss or stream restart cut while footage was still wanted (continued next). */
  private carryFrom: number | null = null;
  /** The wanted footage comes from resume() (a server restart), not from a live alarm. */
  private resumed = false;
  private clipCounter = 0;
  private readonly mode: ClipMode;
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

  /** A clip runs, or an open alarm still wants footage at `now` (the next keyframe would begin one). */
  wantsFootage(now: number): boolean {
    if (this.running !== null) return true;
    for (const w of this.windows.values()) if (w.until > now) return true;
    return false;
  }

  /** A new init segment means a new ffmpeg process: the old timeline ends here. */
  onInit(init: InitSegment): void {
    // The window stays open: the rest is recorded on the new stream (continues the cut clip).
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
    if (r !== null && startWall >= r.endAt && r.fragments > 0) this.close(this.endReason(r));
    if (this.running !== null) {
      this.append(fragment);
      this.closeIfDone(endWall);
      return;
    }
    if (!fragment.keyframe || this.draining) return;
    if (this.mode === 'continuous') {
      this.begin([{ fragment, receivedAt }], Infinity);
    } else {
      const until = this.wantedUntil(startWall);
      if (until === null) {
        this.forgetWindows();
        return;
      }
      this.begin([{ fragment, receivedAt }], until);
    }
    this.closeIfDone(endWall);
  }

  /**
   * An alarm (or a repeated press of one: the same `alarmId`) at wall ms `at`: it wants footage
   * until `at` + post-roll. Starts a clip with the pre-roll, or extends the running one.
   */
  alarm(at: number, alarmId = `@${at}`): AlarmOutcome {
    if (this.draining) return { kind: 'no-footage', reason: 'draining' };
    const r = this.running;
    if (this.mode === 'continuous') {
      // Continuous clips run regardless of alarms; the alarm is only linked to the running one.
      if (r === null) return { kind: 'no-footage', reason: 'no-stream' };
      r.alarms.push(at);
      if (!r.alarmIds.includes(alarmId)) r.alarmIds.push(alarmId);
      return { kind: 'extended', clipNumber: r.number, endsAt: r.endAt, capped: false };
    }
    this.want(alarmId, at);
    if (r !== null) {
      r.alarms.push(at);
      if (!r.alarmIds.includes(alarmId)) r.alarmIds.push(alarmId);
      const wanted = this.wantedUntil(-Infinity) ?? r.endAt;
      r.alarmClosed = false;
      r.endAt = Math.min(Math.max(r.endAt, wanted), r.capAt);
      return { kind: 'extended', clipNumber: r.number, endsAt: r.endAt, capped: wanted > r.capAt };
    }
    // No stream: the window is remembered; if the camera comes back within it, the rest is recorded.
    if (this.init === null) return { kind: 'no-footage', reason: 'no-stream' };
    const pre = this.ring.preRollFor(at);
    // Armed but no complete GOP yet: the clip starts with the next keyframe.
    if (pre.length === 0) return { kind: 'started', clipNumber: this.clipCounter + 1, preRollSeconds: 0 };
    this.begin(pre, this.wantedUntil(-Infinity) ?? at);
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

  /**
   * After a server restart: an alarm still open, last pressed at `lastPressAt`, wants the rest of
   * its post-roll. Nothing is buffered from before the restart, so the clip begins with the next
   * keyframe (as after a camera reconnect). No-op when draining, in continuous mode, or when the
   * window has already passed by `now`.
   */
  resume(alarmId: string, lastPressAt: number, now: number): boolean {
    if (this.draining || this.mode === 'continuous') return false;
    if (lastPressAt + this.options.postRollSeconds * 1000 <= now) return false;
    if (this.running !== null) {
      this.alarm(lastPressAt, alarmId);
      return true;
    }
    this.want(alarmId, lastPressAt);
    this.resumed = true;
    return true;
  }

  /**
   * The alarm was closed at wall ms `at`: it wants nothing more. A running clip that no other open
   * alarm wants ends with the fragment that passes the close; a pending window (camera offline,
   * server restarted) is dropped, so nothing is recorded for a closed alarm.
   */
  alarmClosed(alarmId: string, at: number): void {
    this.windows.delete(alarmId);
    const r = this.running;
    if (r !== null && this.mode === 'incident' && r.alarmIds.includes(alarmId)) {
      const others = this.wantedUntil(at);
      if (others === null) {
        r.endAt = Math.min(r.endAt, at);
        r.alarmClosed = true;
      } else r.endAt = Math.min(r.endAt, others);
    }
    if (this.windows.size === 0) {
      this.carryFrom = null;
      this.resumed = false;
    }
  }

  /** The sink of clip `clipNumber` could not seal (vault disk full): end that clip now. */
  sealFailed(clipNumber: number): void {
    if (this.running?.number === clipNumber) this.close('seal-failed');
  }

  /** Call periodically: closes a clip whose camera went silent after its planned end. */
  tick(now: number): void {
    const r = this.running;
    if (r === null) return;
    const grace = (this.options.stallGraceSeconds ?? Math.max(5, 2 * (this.ring.gopSeconds ?? 2))) * 1000;
    if (now > r.endAt + grace) this.close(r.alarmClosed ? 'alarm-closed' : 'stalled');
  }

  /** The stream is gone (ffmpeg exited, camera offline): close with what was received. */
  streamLost(at: number): void {
    void at;
    // The alarms' windows stay open: a camera back within them records the rest (close()).
    if (this.running !== null) this.close('camera-lost');
    this.ring.purge();
    this.init = null;
  }

  /** Objection, suspension, disarm: end any clip, forget the buffer and any open incident window. */
  stop(): void {
    if (this.running !== null) this.close('stopped');
    this.forgetWindows();
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
    // Only the running clip's own window may still run out; nothing pending starts later.
    if (this.running === null) this.forgetWindows();
    this.carryFrom = null;
    this.resumed = false;
    this.ring.purge();
  }

  /** Back in policy before a draining clip finished: buffer again and allow new clips. */
  undrain(): void {
    this.draining = false;
    this.drainLag = null;
  }

  private want(alarmId: string, at: number): void {
    const before = this.windows.get(alarmId);
    const until = at + this.options.postRollSeconds * 1000;
    this.windows.set(alarmId, {
      at: Math.max(before?.at ?? at, at),
      until: Math.max(before?.until ?? until, until),
    });
  }

  /** The latest end any open alarm wants, if it is after `after`; null when none does. */
  private wantedUntil(after: number): number | null {
    let until: number | null = null;
    for (const w of this.windows.values())
      if (w.until > after && (until === null || w.until > until)) until = w.until;
    return until;
  }

  private forgetWindows(): void {
    this.windows.clear();
    this.carryFrom = null;
    this.resumed = false;
  }

  private endReason(r: Running): ClipEndReason {
    return r.endAt >= r.capAt ? 'max-length' : r.alarmClosed ? 'alarm-closed' : 'post-roll';
  }

  private begin(entries: readonly { fragment: Fragment; receivedAt: number }[], endAt: number): void {
    const init = this.init;
    const first = entries[0];
    if (init === null || first === undefined || this.draining) return;
    const lag = this.ring.lagSeconds ?? first.receivedAt / 1000 - fragmentEnd(first.fragment);
    const startedAt = (first.fragment.startSeconds + lag) * 1000;
    // Alarms whose window has passed before this clip's first frame are not part of it.
    const wanting = [...this.windows.entries()]
      .filter(([, w]) => this.mode === 'incident' && w.until > startedAt)
      .sort(([, a], [, b]) => a.at - b.at);
    const alarms = wanting.map(([, w]) => w.at);
    const alarmIds = wanting.map(([id]) => id);
    const firstAlarm = alarms[0] ?? null;
    const number = ++this.clipCounter;
    const continues = this.carryFrom;
    const resumed = this.resumed;
    this.carryFrom = null;
    this.resumed = false;
    const sink = this.openSink({
      clipNumber: number,
      mode: this.mode,
      alarms: [...alarms],
      alarmIds: [...alarmIds],
      continues,
      resumed,
      startedAt,
      preRollSeconds: firstAlarm === null ? null : Math.max(0, (firstAlarm - startedAt) / 1000),
    });
    const bases = new Map<number, bigint>();
    for (const t of first.fragment.tracks) bases.set(t.trackId, t.baseMediaDecodeTime);
    const capAt = startedAt + this.options.maxClipSeconds * 1000;
    this.running = {
      number,
      sink,
      alarms,
      alarmIds,
      alarmClosed: false,
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
      firstAlarm,
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
    const duration = r.lastEnd - r.sourceStart;
    r.sink.progress?.({
      startedAt: r.startedAt,
      endedAt: r.startedAt + duration * 1000,
      durationSeconds: duration,
      bytes: r.bytes,
    });
  }

  private closeIfDone(endWall: number): void {
    const r = this.running;
    if (r === null || endWall < r.endAt) return;
    this.close(this.endReason(r));
  }

  private close(reason: ClipEndReason): void {
    const r = this.running;
    if (r === null) return;
    this.running = null;
    if ((reason === 'camera-lost' || reason === 'stream-restarted') && !this.draining) {
      // Footage still wanted: the next stream continues this clip.
      if (this.windows.size > 0) this.carryFrom = r.number;
    } else this.forgetWindows();
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
