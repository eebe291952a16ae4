/**
 * Incremental ISO-BMFF (ISO/IEC 14496-12) splitter for the fragmented MP4 that ffmpeg writes with
 * `+frag_keyframe+empty_moov+default_base_moof`: feed stdout chunks of any size, get the init
 * segment (ftyp+moov) once and then one fragment (moof+mdat) per GOP with its timing parsed.
 * Hostile or broken input yields a PARSE_ERROR value, never an exception, and memory stays bounded
 * by the largest box allowed.
 */
import { ok, type DomainError, type Result } from '../result.js';

export interface TrackInfo {
  readonly trackId: number;
  /** hdlr handler type: 'vide', 'soun', … */
  readonly handler: string;
  readonly timescale: number;
  /** Sample entry four-character code from stsd: 'avc1', 'hev1', 'mp4a', 'jpeg', … */
  readonly codec: string;
  readonly width?: number;
  readonly height?: number;
  /** trex defaults, used when a fragment does not carry its own. */
  readonly defaultSampleDuration: number;
  readonly defaultSampleFlags: number;
}

export interface InitSegment {
  /** ftyp + moov exactly as received. */
  readonly bytes: Buffer;
  readonly tracks: readonly TrackInfo[];
  /** The first video track, or null when the stream has none. */
  readonly videoTrackId: number | null;
}

export interface TrackFragmentInfo {
  readonly trackId: number;
  readonly baseMediaDecodeTime: bigint;
  /** Offset of the baseMediaDecodeTime field within Fragment.bytes (for rewriting), -1 without tfdt. */
  readonly tfdtOffset: number;
  readonly tfdtVersion: 0 | 1;
  /** Sum of sample durations, in the track's timescale. */
  readonly duration: number;
  readonly sampleCount: number;
  readonly firstSampleKeyframe: boolean;
}

export interface Fragment {
  /** moof + mdat in one buffer of its own, so evicting the fragment frees exactly this memory. */
  readonly bytes: Buffer;
  readonly moofSize: number;
  readonly sequenceNumber: number;
  /** Offset of the mfhd sequence_number field within bytes. */
  readonly mfhdOffset: number;
  readonly tracks: readonly TrackFragmentInfo[];
  /** Timing of the primary (video) track. */
  readonly timescale: number;
  readonly startSeconds: number;
  readonly durationSeconds: number;
  readonly keyframe: boolean;
}

export type Fmp4Event =
  | { readonly type: 'init'; readonly init: InitSegment }
  | { readonly type: 'fragment'; readonly fragment: Fragment };

export interface Fmp4ParserLimits {
  /** Largest moov or moof accepted. */
  readonly maxHeaderBoxBytes?: number;
  /** Largest mdat (one GOP) accepted. */
  readonly maxMdatBytes?: number;
}

const DEFAULT_MAX_HEADER_BOX = 4 * 1024 * 1024;
const DEFAULT_MAX_MDAT = 64 * 1024 * 1024;
/** Boxes ffmpeg or a camera may put between fragments; skipped without buffering. */
const SKIPPABLE = new Set([
  'free',
  'skip',
  'styp',
  'sidx',
  'prft',
  'emsg',
  'uuid',
  'mfra',
  'meta',
  'udta',
  'wide',
]);

/** What may precede the init segment; anything else means the input is not fragmented MP4. */
const PRE_INIT = new Set(['ftyp', 'moov', 'free', 'skip', 'wide', 'uuid', 'styp']);

class BoxError extends Error {}

const fail = (message: string): never => {
  throw new BoxError(message);
};

interface BoxRef {
  readonly type: string;
  readonly start: number;
  readonly body: number;
  readonly end: number;
}

const isPrintableType = (b: Buffer, at: number): boolean => {
  for (let i = at; i < at + 4; i++) {
    const c = b[i];
    if (c === undefined || c < 0x20 || c > 0x7e) return false;
  }
  return true;
};

/** Child boxes of buf[start, end); throws BoxError on sizes that do not fit the parent. */
const children = (buf: Buffer, start: number, end: number): BoxRef[] => {
  const out: BoxRef[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 8) fail('truncated box header');
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let body = at + 8;
    if (size === 1) {
      if (end - at < 16) fail('truncated large box header');
      const large = buf.readBigUInt64BE(at + 8);
      if (large > BigInt(end - at)) fail(`box ${type} larger than its parent`);
      size = Number(large);
      body = at + 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < body - at || at + size > end) fail(`box ${JSON.stringify(type)} has an invalid size`);
    out.push({ type, start: at, body, end: at + size });
    at += size;
  }
  return out;
};

const child = (buf: Buffer, parent: BoxRef, type: string): BoxRef | undefined =>
  children(buf, parent.body, parent.end).find((b) => b.type === type);

const need = (box: BoxRef, bytes: number): void => {
  if (box.end - box.body < bytes) fail(`box ${box.type} is too short`);
};

const parseMoov = (buf: Buffer, moov: BoxRef): TrackInfo[] => {
  const trex = new Map<number, { duration: number; flags: number }>();
  const mvex = child(buf, moov, 'mvex');
  if (mvex !== undefined) {
    for (const b of children(buf, mvex.body, mvex.end)) {
      if (b.type !== 'trex') continue;
      need(b, 24);
      trex.set(buf.readUInt32BE(b.body + 4), {
        duration: buf.readUInt32BE(b.body + 12),
        flags: buf.readUInt32BE(b.body + 20),
      });
    }
  }
  const tracks: TrackInfo[] = [];
  for (const trak of children(buf, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const tkhd = child(buf, trak, 'tkhd') ?? fail('trak without tkhd');
    need(tkhd, 4);
    const tkhdV = buf.readUInt8(tkhd.body);
    need(tkhd, tkhdV === 1 ? 24 : 16);
    const trackId = buf.readUInt32BE(tkhd.body + (tkhdV === 1 ? 20 : 12));
    const mdia = child(buf, trak, 'mdia') ?? fail('trak without mdia');
    const mdhd = child(buf, mdia, 'mdhd') ?? fail('mdia without mdhd');
    need(mdhd, 4);
    const mdhdV = buf.readUInt8(mdhd.body);
    need(mdhd, mdhdV === 1 ? 24 : 16);
    const timescale = buf.readUInt32BE(mdhd.body + (mdhdV === 1 ? 20 : 12));
    if (timescale === 0) fail('track timescale is 0');
    const hdlr = child(buf, mdia, 'hdlr');
    let handler = '';
    if (hdlr !== undefined) {
      need(hdlr, 12);
      handler = buf.toString('latin1', hdlr.body + 8, hdlr.body + 12);
    }
    let codec = '';
    let width: number | undefined;
    let height: number | undefined;
    const minf = child(buf, mdia, 'minf');
    const stbl = minf === undefined ? undefined : child(buf, minf, 'stbl');
    const stsd = stbl === undefined ? undefined : child(buf, stbl, 'stsd');
    if (stsd !== undefined) {
      need(stsd, 8);
      const entry = children(buf, stsd.body + 8, stsd.end)[0];
      if (entry !== undefined) {
        codec = entry.type;
        if (handler === 'vide' && entry.end - entry.body >= 28) {
          width = buf.readUInt16BE(entry.body + 24);
          height = buf.readUInt16BE(entry.body + 26);
        }
      }
    }
    const defaults = trex.get(trackId) ?? { duration: 0, flags: 0 };
    tracks.push({
      trackId,
      handler,
      timescale,
      codec,
      ...(width === undefined ? {} : { width, height }),
      defaultSampleDuration: defaults.duration,
      defaultSampleFlags: defaults.flags,
    });
  }
  if (tracks.length === 0) fail('moov holds no tracks');
  return tracks;
};

const isKeyframeFlags = (flags: number): boolean => ((flags >>> 16) & 1) === 0;

interface ParsedMoof {
  readonly sequenceNumber: number;
  readonly mfhdOffset: number;
  readonly tracks: TrackFragmentInfo[];
}

const parseMoof = (buf: Buffer, tracks: readonly TrackInfo[]): ParsedMoof => {
  const moof = children(buf, 0, buf.length)[0] ?? fail('empty moof');
  const mfhd = child(buf, moof, 'mfhd') ?? fail('moof without mfhd');
  need(mfhd, 8);
  const out: TrackFragmentInfo[] = [];
  for (const traf of children(buf, moof.body, moof.end)) {
    if (traf.type !== 'traf') continue;
    const tfhd = child(buf, traf, 'tfhd') ?? fail('traf without tfhd');
    need(tfhd, 8);
    const tfFlags = buf.readUInt32BE(tfhd.body) & 0xffffff;
    const trackId = buf.readUInt32BE(tfhd.body + 4);
    const track = tracks.find((t) => t.trackId === trackId) ?? fail(`fragment for unknown track ${trackId}`);
    let at = tfhd.body + 8;
    if (tfFlags & 0x01) at += 8;
    if (tfFlags & 0x02) at += 4;
    let defaultDuration = track.defaultSampleDuration;
    let defaultFlags = track.defaultSampleFlags;
    if (tfFlags & 0x08) {
      need(tfhd, at + 4 - tfhd.body);
      defaultDuration = buf.readUInt32BE(at);
      at += 4;
    }
    if (tfFlags & 0x10) at += 4;
    if (tfFlags & 0x20) {
      need(tfhd, at + 4 - tfhd.body);
      defaultFlags = buf.readUInt32BE(at);
    }
    let bmdt = 0n;
    let tfdtOffset = -1;
    let tfdtVersion: 0 | 1 = 0;
    const tfdt = child(buf, traf, 'tfdt');
    if (tfdt !== undefined) {
      need(tfdt, 8);
      tfdtVersion = buf.readUInt8(tfdt.body) === 1 ? 1 : 0;
      tfdtOffset = tfdt.body + 4;
      if (tfdtVersion === 1) {
        need(tfdt, 12);
        bmdt = buf.readBigUInt64BE(tfdtOffset);
      } else bmdt = BigInt(buf.readUInt32BE(tfdtOffset));
    }
    let duration = 0;
    let sampleCount = 0;
    let firstFlags: number | undefined;
    for (const trun of children(buf, traf.body, traf.end)) {
      if (trun.type !== 'trun') continue;
      need(trun, 8);
      const trFlags = buf.readUInt32BE(trun.body) & 0xffffff;
      const count = buf.readUInt32BE(trun.body + 4);
      let p = trun.body + 8;
      if (trFlags & 0x01) p += 4;
      let firstSampleFlags: number | undefined;
      if (trFlags & 0x04) {
        need(trun, p + 4 - trun.body);
        firstSampleFlags = buf.readUInt32BE(p);
        p += 4;
      }
      const hasDur = (trFlags & 0x100) !== 0;
      const hasFlags = (trFlags & 0x400) !== 0;
      const perSample =
        4 * ((hasDur ? 1 : 0) + (trFlags & 0x200 ? 1 : 0) + (hasFlags ? 1 : 0) + (trFlags & 0x800 ? 1 : 0));
      if (count * perSample > trun.end - p) fail('trun sample count exceeds the box');
      for (let i = 0; i < count; i++) {
        let q = p + i * perSample;
        if (hasDur) {
          duration += buf.readUInt32BE(q);
          q += 4;
        } else duration += defaultDuration;
        if (trFlags & 0x200) q += 4;
        if (i === 0 && sampleCount === 0) {
          firstFlags = firstSampleFlags ?? (hasFlags ? buf.readUInt32BE(q) : defaultFlags);
        }
      }
      sampleCount += count;
    }
    out.push({
      trackId,
      baseMediaDecodeTime: bmdt,
      tfdtOffset,
      tfdtVersion,
      duration,
      sampleCount,
      firstSampleKeyframe: firstFlags === undefined ? false : isKeyframeFlags(firstFlags),
    });
  }
  if (out.length === 0) fail('moof without traf');
  return { sequenceNumber: buf.readUInt32BE(mfhd.body + 4), mfhdOffset: mfhd.body + 4, tracks: out };
};

const parseError = (message: string, details?: Record<string, unknown>): DomainError =>
  details === undefined
    ? { code: 'RECORDING.PARSE_ERROR', message }
    : { code: 'RECORDING.PARSE_ERROR', message, details };

export class Fmp4Parser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private skipRemaining = 0;
  private ftyp: Buffer | null = null;
  private init: InitSegment | null = null;
  private pendingMoof: { bytes: Buffer; parsed: ParsedMoof } | null = null;
  private failure: DomainError | null = null;
  private readonly maxHeaderBox: number;
  private readonly maxMdat: number;

  constructor(limits: Fmp4ParserLimits = {}) {
    this.maxHeaderBox = limits.maxHeaderBoxBytes ?? DEFAULT_MAX_HEADER_BOX;
    this.maxMdat = limits.maxMdatBytes ?? DEFAULT_MAX_MDAT;
  }

  get initSegment(): InitSegment | null {
    return this.init;
  }

  /** Bytes held while waiting for the rest of a box. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Feeds one chunk; returns the complete boxes it finished. After an error every call returns it. */
  push(chunk: Buffer): Result<readonly Fmp4Event[]> {
    if (this.failure !== null) return { ok: false, error: this.failure };
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const events: Fmp4Event[] = [];
    try {
      for (;;) {
        if (this.skipRemaining > 0) {
          const n = Math.min(this.skipRemaining, this.buffered);
          this.drop(n);
          this.skipRemaining -= n;
          if (this.skipRemaining > 0) break;
        }
        if (this.buffered < 8) break;
        const head = this.peek(Math.min(16, this.buffered));
        let size = head.readUInt32BE(0);
        const type = head.toString('latin1', 4, 8);
        if (!isPrintableType(head, 4))
          return this.fail('not an MP4 stream: garbage where a box should start', {
            offsetType: head.toString('hex', 4, 8),
          });
        let headerSize = 8;
        if (size === 1) {
          if (head.length < 16) break;
          const large = head.readBigUInt64BE(8);
          if (large > BigInt(Number.MAX_SAFE_INTEGER)) return this.fail('box size is impossible', { type });
          size = Number(large);
          headerSize = 16;
        }
        if (this.init === null && !PRE_INIT.has(type)) {
          return this.fail(`not an MP4 stream: box ${JSON.stringify(type)} before the init segment`, {
            type,
          });
        }
        if (size === 0) return this.fail('box without a size cannot be streamed', { type });
        if (size < headerSize) return this.fail('box size is smaller than its header', { type, size });
        if (SKIPPABLE.has(type) || !['ftyp', 'moov', 'moof', 'mdat'].includes(type)) {
          if (!SKIPPABLE.has(type) && size > this.maxHeaderBox)
            return this.fail('unknown box is too large', { type, size });
          this.skipRemaining = size;
          continue;
        }
        const limit = type === 'mdat' ? this.maxMdat : this.maxHeaderBox;
        if (size > limit) return this.fail(`${type} box exceeds the limit`, { type, size, limit });
        if (this.buffered < size) break;
        const ev = this.onBox(type, this.take(size));
        if (ev !== null) events.push(ev);
      }
    } catch (e) {
      if (e instanceof BoxError) return this.fail(e.message);
      throw e;
    }
    return ok(events);
  }

  /** Call at end of stream: an error if a box was cut off. */
  end(): Result<void> {
    if (this.failure !== null) return { ok: false, error: this.failure };
    if (this.buffered > 0 || this.skipRemaining > 0 || this.pendingMoof !== null) {
      return this.fail('stream ended inside a box (truncated)', {
        bufferedBytes: this.buffered,
        pendingMoof: this.pendingMoof !== null,
      });
    }
    return ok(undefined);
  }

  private onBox(type: string, box: Buffer): Fmp4Event | null {
    switch (type) {
      case 'ftyp':
        if (this.init !== null) fail('ftyp after the init segment');
        this.ftyp = box;
        return null;
      case 'moov': {
        if (this.init !== null) fail('a second moov: the stream restarted');
        const tracks = parseMoov(box, children(box, 0, box.length)[0] ?? fail('empty moov'));
        const bytes = this.ftyp === null ? box : Buffer.concat([this.ftyp, box]);
        this.ftyp = null;
        this.init = {
          bytes,
          tracks,
          videoTrackId: tracks.find((t) => t.handler === 'vide')?.trackId ?? null,
        };
        return { type: 'init', init: this.init };
      }
      case 'moof': {
        if (this.init === null) fail('moof before the init segment');
        if (this.pendingMoof !== null) fail('moof without mdat');
        this.pendingMoof = { bytes: box, parsed: parseMoof(box, this.init?.tracks ?? []) };
        return null;
      }
      default: {
        // mdat
        const moof = this.pendingMoof ?? fail('mdat without moof');
        this.pendingMoof = null;
        const init = this.init ?? fail('mdat before the init segment');
        const bytes = Buffer.allocUnsafeSlow(moof.bytes.length + box.length);
        moof.bytes.copy(bytes, 0);
        box.copy(bytes, moof.bytes.length);
        const primary =
          moof.parsed.tracks.find((t) => t.trackId === init.videoTrackId) ??
          moof.parsed.tracks[0] ??
          fail('moof without traf');
        const timescale = init.tracks.find((t) => t.trackId === primary.trackId)?.timescale ?? 1;
        return {
          type: 'fragment',
          fragment: {
            bytes,
            moofSize: moof.bytes.length,
            sequenceNumber: moof.parsed.sequenceNumber,
            mfhdOffset: moof.parsed.mfhdOffset,
            tracks: moof.parsed.tracks,
            timescale,
            startSeconds: Number(primary.baseMediaDecodeTime) / timescale,
            durationSeconds: primary.duration / timescale,
            keyframe: primary.firstSampleKeyframe,
          },
        };
      }
    }
  }

  private fail(message: string, details?: Record<string, unknown>): Result<never> {
    this.failure = parseError(message, details);
    // Release everything held: a failed parser keeps no stream bytes.
    this.chunks = [];
    this.buffered = 0;
    this.pendingMoof = null;
    this.ftyp = null;
    return { ok: false, error: this.failure };
  }

  private peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    let have = 0;
    for (const c of this.chunks) {
      if (have >= n) break;
      parts.push(c);
      have += c.length;
    }
    return Buffer.concat(parts, Math.min(n, have));
  }

  /** Removes n bytes and returns them as a copy owned by the caller. */
  private take(n: number): Buffer {
    const out = Buffer.allocUnsafeSlow(n);
    let filled = 0;
    while (filled < n) {
      const c = this.chunks[0];
      if (c === undefined) break;
      const k = Math.min(c.length, n - filled);
      c.copy(out, filled, 0, k);
      filled += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.buffered -= n;
    return out;
  }

  private drop(n: number): void {
    let left = n;
    while (left > 0) {
      const c = this.chunks[0];
      if (c === undefined) break;
      if (c.length <= left) {
        left -= c.length;
        this.chunks.shift();
      } else {
        this.chunks[0] = c.subarray(left);
        left = 0;
      }
    }
    this.buffered -= n;
  }
}
