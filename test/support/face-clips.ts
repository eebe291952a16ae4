/**
 * Test clips with real faces, built with ffmpeg from photographs Debian ships (issue 12 §2):
 * the astronaut (python3-skimage) and the cameraman (python3-skimage) heads moving across a
 * 1280×720 background in opposite directions, one above the other. The ground truth (where each
 * head is on each frame) follows from the overlay expressions, so a test can measure recall.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SKIMAGE_DATA = '/usr/lib/python3/dist-packages/skimage/data';
export const OPENCV_DATA = '/usr/share/doc/opencv-doc/examples/data';
export const ASTRONAUT = `${SKIMAGE_DATA}/astronaut.png`;
export const CAMERAMAN = `${SKIMAGE_DATA}/camera.png`;
export const VTEST = `${OPENCV_DATA}/vtest.avi`;

export interface HeadPath {
  readonly name: string;
  /** The head's square on the frame at time t (seconds). */
  readonly at: (t: number) => { x: number; y: number; w: number; h: number };
}

export interface FaceClip {
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly seconds: number;
  readonly heads: readonly HeadPath[];
}

const HEAD = 240;

/** The two heads' paths; `speed` in pixels per second. */
const paths = (width: number, height: number, speed: number): HeadPath[] => {
  const top = Math.round(height / 6);
  const bottom = Math.round(height / 2 + 20);
  return [
    { name: 'astronaut', at: (t) => ({ x: 40 + speed * t, y: top, w: HEAD, h: HEAD }) },
    { name: 'cameraman', at: (t) => ({ x: width - HEAD - 40 - speed * t, y: bottom, w: HEAD, h: HEAD }) },
  ];
};

/** The files and their Debian packages, for testMaterialAvailable (test/support/tools.ts). */
export const FACE_MATERIAL = {
  [ASTRONAUT]: 'python3-skimage',
  [CAMERAMAN]: 'python3-skimage',
  [VTEST]: 'opencv-doc',
} as const;

/**
 * Writes an H.264 MP4 of two heads moving across a grey background with some noise (so the
 * encoder and the detector see texture, not a flat field).
 */
export const makeFaceClip = async (
  file: string,
  o: { width?: number; height?: number; fps?: number; seconds?: number; speed?: number } = {},
): Promise<FaceClip> => {
  const width = o.width ?? 1280;
  const height = o.height ?? 720;
  const fps = o.fps ?? 25;
  const seconds = o.seconds ?? 6;
  const speed = o.speed ?? 150;
  const heads = paths(width, height, speed);
  const [a, b] = heads.map((h) => h.at(0));
  const graph = [
    `[0]noise=alls=12:allf=t[bg]`,
    `[1]crop=225:225:110:20,scale=${HEAD}:${HEAD}[a]`,
    `[2]crop=140:140:165:95,scale=${HEAD}:${HEAD},format=rgb24[b]`,
    `[bg][a]overlay=x='${a!.x}+${speed}*t':y=${a!.y}:shortest=1[v1]`,
    `[v1][b]overlay=x='${b!.x}-${speed}*t':y=${b!.y}:shortest=1,format=yuv420p[v]`,
  ].join(';');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-f',
    'lavfi',
    '-i',
    `color=c=0x5a6470:s=${width}x${height}:r=${fps}:d=${seconds}`,
    '-loop',
    '1',
    '-i',
    ASTRONAUT,
    '-loop',
    '1',
    '-i',
    CAMERAMAN,
    '-filter_complex',
    graph,
    '-map',
    '[v]',
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '18',
    '-y',
    file,
  ]);
  return { file, width, height, fps, seconds, heads };
};
