/**
 * The ffmpeg argument lists of a redaction, built as pure functions and tested as exact argv
 * (ARCHITECTURE.md §5). Two decodes share one frame numbering: both resample the clip to the same
 * constant rate with the `fps` filter, so frame n of the detection pass is frame n of the render
 * pass. The render pass pipes yuv420p frames through the pixelation (src/core/redaction/pixelate.ts)
 * into an encoder that burns in the note and writes H.264 MP4 with the index at the front.
 *
 * Why per-frame pixelation in Node and not an ffmpeg filter graph of crop+blur+overlay per box:
 * faces move, and ffmpeg's crop fixes its size when the graph is built, so a moving box needs
 * one branch per box per sampling interval (hundreds for a 3-minute clip, each running on every
 * frame) or long piecewise expressions; in Node each frame gets exactly its interpolated boxes
 * and the cost is the box area only (docs/redaction.md, docs/benchmarks/redaction.md).
 */
import type { FrameSize } from './geometry.js';

export interface DecodeArgsOptions {
  readonly input: string;
  /** The constant frame rate both passes resample to. */
  readonly fps: number;
  /** Keep every n-th frame only (the detection pass); 1 keeps all. */
  readonly every: number;
  /** Scale to this width (height follows, even), or keep the size. */
  readonly width?: number;
  readonly pixelFormat: 'rgb24' | 'yuv420p';
}

/** A number as ffmpeg reads it, without exponent notation. */
const n = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/0+$/, ''));

export const decodeArgs = (o: DecodeArgsOptions): string[] => {
  const filters = [`fps=${n(o.fps)}`];
  if (o.every > 1) filters.push(`select='not(mod(n\\,${o.every}))'`);
  if (o.width !== undefined) filters.push(`scale=${o.width}:-2:flags=area`);
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-i',
    o.input,
    '-map',
    '0:v:0',
    '-vf',
    filters.join(','),
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    o.pixelFormat,
    'pipe:1',
  ];
};

/**
 * Escapes a value for an option inside a filter graph: first for the option parser
 * (\ ' :), then for the graph parser (\ ' [ ] , ;).
 */
export const escapeFilterValue = (value: string): string =>
  value.replace(/[\\':]/g, '\\$&').replace(/[\\'[\],;]/g, '\\$&');

export interface EncodeArgsOptions {
  readonly size: FrameSize;
  readonly fps: number;
  readonly output: string;
  /** A UTF-8 text file with the note's lines (drawtext reads it: no quoting of the text itself). */
  readonly noteFile: string;
  readonly fontFile: string;
  /**
   * libx264 preset (default ultrafast: a quarter of veryfast's CPU on the test clips at the same
   * CRF, same or better SSIM, a bigger file; docs/benchmarks/redaction.md).
   */
  readonly preset?: string;
  readonly crf?: number;
}

export const noteFilter = (o: Pick<EncodeArgsOptions, 'noteFile' | 'fontFile' | 'size'>): string => {
  const fontSize = Math.max(14, Math.round(o.size.height / 32));
  const margin = Math.round(fontSize * 0.8);
  return [
    `drawtext=fontfile=${escapeFilterValue(o.fontFile)}`,
    `textfile=${escapeFilterValue(o.noteFile)}`,
    'expansion=none',
    `fontsize=${fontSize}`,
    'fontcolor=white',
    `line_spacing=${Math.round(fontSize / 3)}`,
    'box=1',
    'boxcolor=black@0.65',
    `boxborderw=${Math.round(fontSize / 2)}`,
    `x=${margin}`,
    `y=h-text_h-${margin}`,
  ].join(':');
};

export const encodeArgs = (o: EncodeArgsOptions): string[] => [
  '-hide_banner',
  '-loglevel',
  'error',
  '-f',
  'rawvideo',
  '-pix_fmt',
  'yuv420p',
  '-s',
  `${o.size.width}x${o.size.height}`,
  '-framerate',
  n(o.fps),
  '-i',
  'pipe:0',
  '-vf',
  noteFilter(o),
  '-c:v',
  'libx264',
  '-preset',
  o.preset ?? 'ultrafast',
  '-crf',
  String(o.crf ?? 23),
  '-pix_fmt',
  'yuv420p',
  '-movflags',
  '+faststart',
  '-an',
  '-f',
  'mp4',
  '-y',
  o.output,
];

/**
 * The visible note on every frame of the copy, in Dutch and English (the resident may read
 * either). `date` is the day the copy is made, already formatted for Europe/Amsterdam.
 */
export const noteLines = (date: string): string =>
  `Kopie voor betrokkene — ${date}\nCopy for the data subject — ${date}`;
