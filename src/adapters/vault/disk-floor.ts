/**
 * The vault's free-space floor (issue 10 §3): below it the recorder seals nothing new, and nothing
 * is ever deleted to make room (a held clip least of all). `withFreeSpaceFloor` wraps the vault's
 * file system so that starting a new part below the floor fails as a full disk would (ENOSPC →
 * VAULT.DISK_FULL → the clip in progress ends as failed with a 'seal-failed' note), while the small
 * manifest writes that close a clip and the unlinks of retention still work. `vaultFreeBytes`
 * reads the free space with fs.statfs for the health item `vault.disk-full`.
 */
import { statfs } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { VaultFs } from './vault-objects.js';

/** Bytes free to an unprivileged writer on the file system holding `dir` (or its nearest existing parent). */
export const vaultFreeBytes = async (dir: string): Promise<number | undefined> => {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const s = await statfs(d);
      return s.bavail * s.bsize;
    } catch {
      if (dirname(d) === d) return undefined;
    }
  }
};

export interface FreeSpaceFloor {
  readonly floorBytes: () => number;
  readonly freeBytes: (dir: string) => Promise<number | undefined>;
  /** Told when a new part was refused for want of space (the module raises its health item at once). */
  readonly onRefused: (freeBytes: number) => void;
}

/** A part being sealed starts as `.part-NNNNNN.age.<random>.tmp` (clip-store.ts). */
const isNewPart = (path: string): boolean => /^\.part-\d{6}\.age\./.test(basename(path));

export const withFreeSpaceFloor = (fs: VaultFs, floor: FreeSpaceFloor): VaultFs => ({
  ...fs,
  createExclusive: async (path) => {
    if (isNewPart(path)) {
      const free = await floor.freeBytes(dirname(path));
      if (free !== undefined && free < floor.floorBytes()) {
        floor.onRefused(free);
        throw Object.assign(
          new Error(`ENOSPC: ${free} bytes free on the vault disk, below the floor of ${floor.floorBytes()}`),
          { code: 'ENOSPC' },
        );
      }
    }
    return fs.createExclusive(path);
  },
});
