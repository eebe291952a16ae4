/**
 * Builds minimal, structurally valid fragmented MP4 (init segment and fragments) in memory, so the
 * parser, ring and clip logic can be tested and benchmarked without ffmpeg. Not a muxer: the
 * sample payload is filler bytes.
 */

const box = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};

const u32 = (...values: number[]): Buffer => {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, 4 * i));
  return b;
};

const fullHeader = (version: number, flags: number): Buffer =>
  u32(((version & 0xff) << 24) | (flags & 0xffffff));

export interface SynthTrack {
  readonly trackId: number;
  readonly handler: 'vide' | 'soun';
  readonly timescale: number;
  readonly codec?: string;
  readonly width?: number;
  readonly height?: number;
  readonly defaultSampleDuration?: number;
  /** trex default flags; 0x10000 marks samples as non-sync. */
  readonly defaultSampleFlags?: number;
}

export const synthInit = (tracks: readonly SynthTrack[]): Buffer => {
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso6mp41', 'latin1'));
  const traks = tracks.map((t) => {
    const tkhd = box('tkhd', fullHeader(0, 3), u32(0, 0, t.trackId, 0, 0), Buffer.alloc(60));
    const mdhd = box('mdhd', fullHeader(0, 0), u32(0, 0, t.timescale, 0), Buffer.alloc(4));
    const hdlr = box('hdlr', fullHeader(0, 0), u32(0), Buffer.from(t.handler, 'latin1'), Buffer.alloc(13));
    const entryBody = Buffer.alloc(78);
    entryBody.writeUInt16BE(1, 6);
    if (t.handler === 'vide') {
      entryBody.writeUInt16BE(t.width ?? 640, 24);
      entryBody.writeUInt16BE(t.height ?? 360, 26);
    }
    const stsd = box(
      'stsd',
      fullHeader(0, 0),
      u32(1),
      box(t.codec ?? (t.handler === 'vide' ? 'avc1' : 'mp4a'), entryBody),
    );
    const stbl = box('stbl', stsd, box('stts', fullHeader(0, 0), u32(0)));
    return box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', stbl)));
  });
  const trexes = tracks.map((t) =>
    box(
      'trex',
      fullHeader(0, 0),
      u32(t.trackId, 1, t.defaultSampleDuration ?? 0, 0, t.defaultSampleFlags ?? 0),
    ),
  );
  const mvhd = box('mvhd', fullHeader(0, 0), u32(0, 0, 1000, 0), Buffer.alloc(80));
  return Buffer.concat([ftyp, box('moov', mvhd, ...traks, box('mvex', ...trexes))]);
};

export interface SynthTrackFragment {
  readonly trackId: number;
  readonly baseMediaDecodeTime: bigint | number;
  readonly tfdtVersion?: 0 | 1;
  /** Per-sample durations written in trun; omit to rely on `defaultSampleDuration`/trex. */
  readonly sampleDurations?: readonly number[];
  readonly sampleCount?: number;
  /** Written in tfhd when set. */
  readonly defaultSampleDuration?: number;
  readonly keyframe: boolean;
  readonly sampleSize?: number;
}

export const synthFragment = (sequence: number, tracks: readonly SynthTrackFragment[]): Buffer => {
  const trafs: Buffer[] = [];
  let payload = 0;
  for (const t of tracks) {
    const count = t.sampleDurations?.length ?? t.sampleCount ?? 1;
    const size = t.sampleSize ?? 100;
    const tfhdFlags = 0x020000 | (t.defaultSampleDuration === undefined ? 0 : 0x08);
    const tfhd = box(
      'tfhd',
      fullHeader(0, tfhdFlags),
      u32(t.trackId),
      t.defaultSampleDuration === undefined ? Buffer.alloc(0) : u32(t.defaultSampleDuration),
    );
    const v = t.tfdtVersion ?? 1;
    const bmdt = BigInt(t.baseMediaDecodeTime);
    const tfdtBody = Buffer.alloc(v === 1 ? 8 : 4);
    if (v === 1) tfdtBody.writeBigUInt64BE(bmdt);
    else tfdtBody.writeUInt32BE(Number(bmdt));
    const tfdt = box('tfdt', fullHeader(v, 0), tfdtBody);
    const hasDur = t.sampleDurations !== undefined;
    // data_offset, first_sample_flags, then per sample: [duration], size.
    const trFlags = 0x01 | 0x04 | (hasDur ? 0x100 : 0) | 0x200;
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      if (hasDur) samples.push(t.sampleDurations?.[i] ?? 0);
      samples.push(size);
    }
    const trun = box(
      'trun',
      fullHeader(0, trFlags),
      u32(count, 0, t.keyframe ? 0x02000000 : 0x01010000),
      u32(...samples),
    );
    trafs.push(box('traf', tfhd, tfdt, trun));
    payload += count * size;
  }
  const moof = box('moof', box('mfhd', fullHeader(0, 0), u32(sequence)), ...trafs);
  return Buffer.concat([moof, box('mdat', Buffer.alloc(payload, 0xab))]);
};
