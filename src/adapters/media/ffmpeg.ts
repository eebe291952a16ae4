/**
 * Finds the ffmpeg the recorder will use: PROPORTIO_FFMPEG (passed in by config, never read here)
 * or `ffmpeg` on PATH. A missing binary is a value (RECORDING.FFMPEG_MISSING), so the server can
 * start and say why recording is unavailable; nothing runs at import time.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

export interface FfmpegInfo {
  readonly path: string;
  /** ffprobe next to the chosen ffmpeg, else on PATH. */
  readonly ffprobePath: string;
  /** e.g. "5.1.9-0+deb12u1" */
  readonly version: string;
  readonly major: number | null;
  /** Human-readable warnings for the start-up log and the health page (old build, unknown version). */
  readonly warnings: readonly string[];
}

/** Oldest major release whose RTSP `-timeout` and fMP4 flags behave as the argv expects. */
export const MIN_MAJOR = 5;

export const parseFfmpegVersion = (banner: string): { version: string; major: number | null } => {
  const m = /^ffmpeg version (\S+)/m.exec(banner);
  const version = m?.[1] ?? 'unknown';
  // Release builds start with the major number; git builds ("N-12345-g…") have none.
  const major = /^n?(\d+)\./.exec(version)?.[1];
  return { version, major: major === undefined ? null : Number(major) };
};

const run = (
  file: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ stdout: string; error: NodeJS.ErrnoException | null }> =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        resolve({
          stdout: String(stdout),
          error:
            error === null
              ? null
              : {
                  ...error,
                  code: typeof error.code === 'string' ? error.code : undefined,
                  message: error.message,
                  name: error.name,
                },
        });
      },
    );
  });

export const locateFfmpeg = async (
  options: { readonly path?: string; readonly timeoutMs?: number } = {},
): Promise<Result<FfmpegInfo>> => {
  const configured = options.path !== undefined && options.path !== '';
  const file = configured ? (options.path ?? 'ffmpeg') : 'ffmpeg';
  const { stdout, error } = await run(file, ['-hide_banner', '-version'], options.timeoutMs ?? 5000);
  if (error !== null && stdout === '') {
    const missing = error.code === 'ENOENT' || error.code === 'EACCES';
    return err(
      missing ? 'RECORDING.FFMPEG_MISSING' : 'RECORDING.FFMPEG_FAILED',
      missing
        ? configured
          ? `ffmpeg not found at PROPORTIO_FFMPEG=${file}`
          : 'ffmpeg not found on PATH; install it (apt-get install ffmpeg) or set PROPORTIO_FFMPEG'
        : `ffmpeg -version failed: ${error.message}`,
      { path: file },
    );
  }
  const { version, major } = parseFfmpegVersion(stdout);
  const warnings: string[] = [];
  if (major === null)
    warnings.push(`ffmpeg version ${version} is not a release number; assuming it is recent`);
  else if (major < MIN_MAJOR)
    warnings.push(`ffmpeg ${version} is older than ${MIN_MAJOR}.x; RTSP timeouts may not work — upgrade`);
  const ffprobePath =
    configured && path.isAbsolute(file) ? path.join(path.dirname(file), 'ffprobe') : 'ffprobe';
  return ok({ path: file, ffprobePath, version, major, warnings });
};
