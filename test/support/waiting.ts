/**
 * Waiting on the real world in integration tests: poll a condition until it holds or the budget
 * runs out (a budget for a loaded machine, not an expectation), and look at processes in /proc:
 * the ffmpeg children of this (or another) process, whether a process has ended, what it wrote.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Polls `fn` every 100 ms until it returns something other than undefined/false; that value is returned. */
export const waitFor = async <T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The pids of the ffmpeg processes started by `parent` (by default this test process), from /proc. */
export const ffmpegChildren = async (parent = process.pid): Promise<number[]> => {
  const out: number[] = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(await readFile(`/proc/${d}/stat`, 'utf8'));
      if (m?.[1] === 'ffmpeg' && Number(m[2]) === parent) out.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
};

/** True once the process has ended (gone from /proc, or a zombie nobody reaped yet). */
export const processGone = async (pid: number): Promise<boolean> => {
  try {
    return /^\d+ \(.*\) Z /.test(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

/** How many bytes a process has written so far (/proc/<pid>/io wchar), or undefined once it is gone. */
export const bytesWritten = async (pid: number): Promise<number | undefined> => {
  try {
    const m = /^wchar: (\d+)$/m.exec(await readFile(`/proc/${pid}/io`, 'utf8'));
    return m === null ? undefined : Number(m[1]);
  } catch {
    return undefined;
  }
};
