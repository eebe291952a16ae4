import { describe, expect, it } from 'vitest';
import { decodeArgs, encodeArgs, escapeFilterValue, noteLines } from './ffmpeg-args.js';

describe('redaction ffmpeg argv', () => {
  it('decodes every fifth frame, scaled, as RGB for the detector', () => {
    expect(decodeArgs({ input: '/in.mp4', fps: 25, every: 5, width: 512, pixelFormat: 'rgb24' })).toEqual([
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-i',
      '/in.mp4',
      '-map',
      '0:v:0',
      '-vf',
      "fps=25,select='not(mod(n\\,5))',scale=512:-2:flags=area",
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ]);
  });

  it('decodes every frame at the same rate for the render pass', () => {
    const args = decodeArgs({ input: '/in.mp4', fps: 29.97002997, every: 1, pixelFormat: 'yuv420p' });
    expect(args[args.indexOf('-vf') + 1]).toBe('fps=29.97003');
    expect(args.at(-2)).toBe('yuv420p');
  });

  it('encodes H.264 MP4 with the index in front, no audio, and the note burned in', () => {
    expect(
      encodeArgs({
        size: { width: 1280, height: 720 },
        fps: 25,
        output: '/out/.copy.mp4.part',
        noteFile: '/tmp/note.txt',
        fontFile: '/fonts/DejaVuSans.ttf',
      }),
    ).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'yuv420p',
      '-s',
      '1280x720',
      '-framerate',
      '25',
      '-i',
      'pipe:0',
      '-vf',
      'drawtext=fontfile=/fonts/DejaVuSans.ttf:textfile=/tmp/note.txt:expansion=none:fontsize=23:fontcolor=white:line_spacing=8:box=1:boxcolor=black@0.65:boxborderw=12:x=18:y=h-text_h-18',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '23',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-an',
      '-f',
      'mp4',
      '-y',
      '/out/.copy.mp4.part',
    ]);
  });

  it('escapes paths for the option and the graph parser', () => {
    expect(escapeFilterValue('/a b/c.ttf')).toBe('/a b/c.ttf');
    expect(escapeFilterValue("C:\\it's,[x];y")).toBe("C\\\\:\\\\\\\\it\\\\\\'s\\,\\[x\\]\\;y");
  });

  it('writes the note in Dutch and English', () => {
    expect(noteLines('5 december 2026')).toBe(
      'Kopie voor betrokkene — 5 december 2026\nCopy for the data subject — 5 december 2026',
    );
  });
});
