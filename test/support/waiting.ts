/**
 * Waiting on the real world in integration tests: poll a condition until it holds or the budget
 * runs out (a budget for a loaded machine, not an expectation), and find this process's ffmpeg
 * children.
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

/** The pids of the ffmpeg processes this test process started (from /proc). */
export const ffmpegChildren = async (): Promise<number[]> => {
  const out: number[] = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(await readFile(`/proc/${d}/stat`, 'utf8'));
      if (m?.[1] === 'ffmpeg' && Number(m[2]) === process.pid) out.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
};
