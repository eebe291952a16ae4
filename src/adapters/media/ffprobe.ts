/**
 * ffprobe a file or an in-memory buffer (piped to stdin, so a clip need never be written to disk):
 * streams, duration, and the first video frame's keyframe flag and timestamp.
 */
import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../core/result.js';

export interface ProbeStream {
  readonly index: number;
  readonly codecType: string;
  readonly codecName: string;
  readonly width: number | null;
  readonly height: number | null;
}

export interface ProbeResult {
  readonly formatName: string;
  /**
   * From the container. For fragmented MP4 read from a pipe (no seeking) ffprobe sees only the
   * start, so this may cover the first fragment alone: probe a file when the duration matters.
   */
  readonly durationSeconds: number | null;
  readonly streams: readonly ProbeStream[];
  readonly firstVideoFrame: { readonly keyframe: boolean; readonly ptsSeconds: number | null } | null;
}

export interface ProbeOptions {
  readonly ffprobePath?: string;
  readonly timeoutMs?: number;
}

const runProbe = (
  bin: string,
  args: string[],
  input: Buffer | null,
  timeoutMs: number,
): Promise<Result<string>> =>
  new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let errText = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => {
      if (errText.length < 4000) errText += c.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(
        err(
          e.code === 'ENOENT' ? 'RECORDING.FFMPEG_MISSING' : 'RECORDING.PROBE_FAILED',
          `ffprobe could not run: ${e.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(ok(Buffer.concat(out).toString('utf8')));
      else
        resolve(
          err(
            'RECORDING.PROBE_FAILED',
            errText.trim().split('\n').at(-1) ?? `ffprobe exited with ${String(code)}`,
            { exitCode: code },
          ),
        );
    });
    if (input !== null && child.stdin !== null) {
      // ffprobe stops reading early (read_intervals): a broken pipe then is expected.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export const probeMedia = async (
  input: string | Buffer,
  options: ProbeOptions = {},
): Promise<Result<ProbeResult>> => {
  const bin = options.ffprobePath ?? 'ffprobe';
  const timeout = options.timeoutMs ?? 15_000;
  const source = typeof input === 'string' ? input : 'pipe:0';
  const data = typeof input === 'string' ? null : input;
  const base = ['-v', 'error', '-print_format', 'json'];
  const fmt = await runProbe(bin, [...base, '-show_format', '-show_streams', '-i', source], data, timeout);
  if (!fmt.ok) return fmt;
  const frame = await runProbe(
    bin,
    [
      ...base,
      '-select_streams',
      'v:0',
      '-read_intervals',
      '%+#1',
      '-show_entries',
      'frame=key_frame,pts_time,best_effort_timestamp_time',
      '-show_frames',
      '-i',
      source,
    ],
    data,
    timeout,
  );
  if (!frame.ok) return frame;
  let parsed: Record<string, unknown>;
  let frames: unknown[];
  try {
    parsed = asRecord(JSON.parse(fmt.value));
    frames = (asRecord(JSON.parse(frame.value)).frames as unknown[] | undefined) ?? [];
  } catch {
    return err('RECORDING.PROBE_FAILED', 'ffprobe printed something that is not JSON');
  }
  const format = asRecord(parsed.format);
  const streams = ((parsed.streams as unknown[] | undefined) ?? []).map((s) => {
    const r = asRecord(s);
    return {
      index: num(r.index) ?? -1,
      codecType: str(r.codec_type),
      codecName: str(r.codec_name),
      width: num(r.width),
      height: num(r.height),
    };
  });
  const f0 = frames[0] === undefined ? null : asRecord(frames[0]);
  return ok({
    formatName: str(format.format_name),
    durationSeconds: num(format.duration),
    streams,
    firstVideoFrame:
      f0 === null
        ? null
        : {
            keyframe: num(f0.key_frame) === 1,
            ptsSeconds: num(f0.pts_time) ?? num(f0.best_effort_timestamp_time),
          },
  });
};
