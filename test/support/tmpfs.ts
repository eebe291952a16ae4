/**
 * A small real tmpfs for disk-full tests. Mounting needs root: on CI (which runs as root) the
 * suites are mandatory and fail when mounting is impossible; on a developer machine they are
 * skipped loudly.
 */
import { execFile } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const cannotMount = (why: string): false => {
  if (process.env.CI)
    throw new Error(
      `the real-tmpfs disk-full test cannot run: ${why}. On CI this suite is mandatory (CI runs as root).`,
    );
  console.warn(`\n!!! SKIPPING the real-tmpfs disk-full test: ${why} !!!\n`);
  return false;
};

export const canMountTmpfs = async (): Promise<boolean> => {
  if (process.getuid?.() !== 0) return cannotMount('not root');
  const probe = await mkdtemp(path.join(os.tmpdir(), 'proportio-mount-probe-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    await run('umount', [probe]);
    return true;
  } catch (e) {
    return cannotMount(`cannot mount a tmpfs here (${(e as Error).message.split('\n')[0] ?? ''})`);
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
};

export interface Tmpfs {
  readonly dir: string;
  /** Writes `file` until the file system has no byte left; returns the bytes written. */
  fill(file: string): number;
  unmount(): Promise<void>;
}

export const mountTmpfs = async (size: string): Promise<Tmpfs> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-tmpfs-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  return {
    dir,
    fill: (file) => {
      const fd = openSync(path.join(dir, file), 'a');
      let written = 0;
      try {
        for (const chunk of [Buffer.alloc(64 * 1024), Buffer.alloc(512)])
          for (;;) {
            try {
              written += writeSync(fd, chunk);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw e;
            }
          }
      } finally {
        closeSync(fd);
      }
      return written;
    },
    unmount: async () => {
      await run('umount', ['-l', dir]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
};
