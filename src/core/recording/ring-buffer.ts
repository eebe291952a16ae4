/**
 * The pre-buffer: the last few GOPs of one camera, in process memory only (ARCHITECTURE.md §5).
 * Bounded by time (pre-roll plus one GOP) and by bytes; eviction drops whole fragments so their
 * buffers can be collected at once.
 */
import type { Fragment } from './fmp4-parser.js';

export interface RingOptions {
  readonly preRollSeconds: number;
  /** Hard ceiling; a camera far above its expected bitrate loses pre-roll, never memory. */
  readonly maxBytes: number;
}

export interface RingEntry {
  readonly fragment: Fragment;
  /** Wall-clock ms when the fragment was complete (it ends at the next keyframe). */
  readonly receivedAt: number;
}

const GOP_HISTORY = 8;

export const fragmentEnd = (f: Fragment): number => f.startSeconds + f.durationSeconds;

export class GopRing {
  private items: RingEntry[] = [];
  private total = 0;
  private readonly recentDurations: number[] = [];
  private overflowed = false;

  constructor(private readonly options: RingOptions) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.items.length;
  }

  entries(): readonly RingEntry[] {
    return this.items;
  }

  /** Media seconds held, first frame to last. */
  get spanSeconds(): number {
    const first = this.items[0];
    const last = this.items.at(-1);
    return first === undefined || last === undefined
      ? 0
      : fragmentEnd(last.fragment) - first.fragment.startSeconds;
  }

  /** Mean of the recent fragment durations: with one fragment per GOP this is the keyframe interval. */
  get gopSeconds(): number | null {
    if (this.recentDurations.length === 0) return null;
    return this.recentDurations.reduce((a, b) => a + b, 0) / this.recentDurations.length;
  }

  /** Pre-roll precision is one GOP: warn when the GOP is longer than half the pre-roll. */
  get gopWarning(): boolean {
    const gop = this.gopSeconds;
    return gop !== null && gop > this.options.preRollSeconds / 2;
  }

  /** True once the byte ceiling evicted footage that the time bound would have kept. */
  get byteLimited(): boolean {
    return this.overflowed;
  }

  /**
   * Seconds from media time to wall time, the smallest seen in the ring: a fragment cannot arrive
   * before its last frame was captured, so the least delay is the best estimate of capture time.
   * Only the ring's own window counts, so clock drift between camera and host cannot accumulate.
   */
  get lagSeconds(): number | null {
    let lag: number | null = null;
    for (const e of this.items) {
      const l = e.receivedAt / 1000 - fragmentEnd(e.fragment);
      if (lag === null || l < lag) lag = l;
    }
    return lag;
  }

  push(fragment: Fragment, receivedAt: number): void {
    const last = this.items.at(-1);
    // Timestamps went backwards: a new timeline, the old fragments cannot be joined to it.
    if (last !== undefined && fragment.startSeconds < fragmentEnd(last.fragment) - 0.5) this.purge();
    this.items.push({ fragment, receivedAt });
    this.total += fragment.bytes.length;
    this.recentDurations.push(fragment.durationSeconds);
    if (this.recentDurations.length > GOP_HISTORY) this.recentDurations.shift();
    this.evict();
  }

  /** Drops every fragment now (objection, suspension, disarm). */
  purge(): void {
    this.items = [];
    this.total = 0;
  }

  /** The fragments a clip for an alarm at `alarmAt` (wall ms) starts with: at least pre-roll before it. */
  preRollFor(alarmAt: number): readonly RingEntry[] {
    const lag = this.lagSeconds;
    if (lag === null) return [];
    const target = alarmAt / 1000 - lag - this.options.preRollSeconds;
    let start = -1;
    for (let i = 0; i < this.items.length; i++) {
      const e = this.items[i];
      if (e === undefined || !e.fragment.keyframe) continue;
      if (e.fragment.startSeconds <= target + 1e-6 || start === -1) start = i;
    }
    return start === -1 ? [] : this.items.slice(start);
  }

  private evict(): void {
    const newest = this.items.at(-1);
    if (newest !== undefined) {
      const keepFrom = fragmentEnd(newest.fragment) - this.options.preRollSeconds;
      // The oldest may go once the next one alone still reaches back a full pre-roll.
      while (this.items.length >= 2 && (this.items[1]?.fragment.startSeconds ?? Infinity) <= keepFrom)
        this.shift();
    }
    while (this.total > this.options.maxBytes && this.items.length > 0) {
      this.overflowed = true;
      this.shift();
    }
  }

  private shift(): void {
    const gone = this.items.shift();
    if (gone !== undefined) this.total -= gone.fragment.bytes.length;
  }
}
