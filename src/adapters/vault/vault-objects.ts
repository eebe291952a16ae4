/**
 * The storage port beneath the clip store (issue 13 §3): a clip is a set of named objects under
 * its clip id, with object semantics — an object is stored complete or not at all, read whole or
 * as a stream, listed by clip, and deleted. Two implementations: a local folder (here; the
 * behaviour the vault always had: temporary name, fsync, rename, fsync the folder) and an
 * S3-compatible bucket (s3-objects.ts). The clip store (clip-store.ts) holds the rules — which
 * names count, manifests, hashes — and never sees which one it runs on.
 *
 * Failures are thrown as errors with an errno-style `code` ('ENOENT', 'EEXIST', 'ENOSPC', …) so the
 * clip store maps them to vault errors in one place, whatever the backend.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Writes the bytes of one object, in order; called by the producer given to put(). */
export type ObjectWrite = (buffers: readonly Buffer[]) => Promise<void>;

export interface VaultObjects {
  /** Where the objects live, for messages and health: a folder, or s3://bucket/prefix. */
  readonly location: string;
  /** Prepares the store (creates the folder; checks the bucket) and finishes what a crash left. */
  open(): Promise<void>;
  /** Reserves a new clip id; fails with code EEXIST when anything is stored under it. */
  claim(clipId: string): Promise<void>;
  /** Gives a claimed clip id back when nothing could be stored under it. */
  unclaim(clipId: string): Promise<void>;
  /**
   * Stores one object, complete or not at all: readers and list() see it only once `produce` has
   * resolved and the bytes are durable; if `produce` or the store fails, nothing of it remains
   * visible and an existing object of that name is unchanged. Replaces an existing object whole.
   */
  put(clipId: string, name: string, produce: (write: ObjectWrite) => Promise<void>): Promise<void>;
  get(clipId: string, name: string): Promise<Buffer>;
  stream(clipId: string, name: string): AsyncIterable<Buffer>;
  /** Names of the complete objects of a clip (and, on a folder, leftovers a reader must ignore); ENOENT when none. */
  list(clipId: string): Promise<string[]>;
  /** Every clip id with anything stored under it (unfiltered: the clip store checks the names). */
  clips(): Promise<string[]>;
  /** Removes writes a dead writer left incomplete under a clip (temporary files, unfinished uploads). */
  clearIncomplete(clipId: string): Promise<void>;
  /** Deletes every object of a clip for good; ENOENT when there is none. Parts go before the manifest. */
  removeClip(clipId: string): Promise<void>;
}

// ---- the file system beneath the folder store: the real one by default, a faulty one in tests --

export interface VaultFile {
  write(buffers: readonly Buffer[]): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface VaultFs {
  mkdir(path: string, recursive: boolean): Promise<void>;
  /** Creates a new file (never an existing one) with mode 0600. */
  createExclusive(path: string): Promise<VaultFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Buffer>;
  readStream(path: string): AsyncIterable<Buffer>;
  /** Makes a rename or unlink in the directory durable. */
  syncDir(path: string): Promise<void>;
}

export const nodeVaultFs: VaultFs = {
  mkdir: async (path, recursive) => {
    await mkdir(path, { recursive, mode: 0o700 });
  },
  createExclusive: async (path) => {
    const fh = await open(path, 'wx', 0o600);
    return {
      write: async (buffers) => {
        let pending = buffers.filter((b) => b.length > 0);
        // writev may write less than asked; carry on from where it stopped.
        while (pending.length > 0) {
          let { bytesWritten } = await fh.writev(pending);
          const rest: Buffer[] = [];
          for (const b of pending) {
            if (bytesWritten >= b.length) bytesWritten -= b.length;
            else {
              rest.push(b.subarray(bytesWritten));
              bytesWritten = 0;
            }
          }
          pending = rest;
        }
      },
      sync: () => fh.sync(),
      close: () => fh.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  rmdir: (path) => rmdir(path),
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path),
  readStream: (path) => createReadStream(path, { highWaterMark: 256 * 1024 }),
  syncDir: async (path) => {
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
};

// ---- the folder store ------------------------------------------------------------------------

const DELETING_PREFIX = '.deleting-';
/** A part being sealed is `.part-NNNNNN.age.<random>.tmp` (disk-floor.ts recognises it by this). */
const tempName = (base: string): string => `.${base}.${randomBytes(6).toString('hex')}.tmp`;
const isTemp = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

const ignore = async (p: Promise<unknown>): Promise<void> => {
  await p.then(
    () => undefined,
    () => undefined,
  );
};

/**
 * The vault on a local folder, mode 0700, one sub-folder per clip:
 *
 *   <base>/<clipId>/part-000000.age      complete: fsynced, then renamed into place
 *   <base>/<clipId>/.part-000001.….tmp   being sealed; never read, removed on failure or recovery
 *   <base>/<clipId>/manifest.json        replaced atomically
 */
export const folderObjects = (baseDir: string, fs: VaultFs = nodeVaultFs): VaultObjects => {
  const dirOf = (clipId: string) => join(baseDir, clipId);
  const removeFolder = async (dir: string): Promise<void> => {
    for (const f of await fs.readdir(dir)) await fs.unlink(join(dir, f));
    await fs.rmdir(dir);
  };
  return {
    location: baseDir,
    open: async () => {
      await fs.mkdir(baseDir, true);
      for (const name of await fs.readdir(baseDir)) {
        if (name.startsWith(DELETING_PREFIX)) await removeFolder(join(baseDir, name));
      }
    },
    claim: async (clipId) => {
      // mkdir without `recursive` fails with EEXIST: the folder is the claim.
      await fs.mkdir(dirOf(clipId), false);
      await fs.syncDir(baseDir);
    },
    unclaim: (clipId) => fs.rmdir(dirOf(clipId)),
    put: async (clipId, name, produce) => {
      const dir = dirOf(clipId);
      const tmp = join(dir, tempName(name));
      let file: VaultFile | null = null;
      try {
        file = await fs.createExclusive(tmp);
        const f = file;
        await produce((buffers) => f.write(buffers));
        await file.sync();
        const closing = file;
        file = null;
        await closing.close();
        await fs.rename(tmp, join(dir, name));
      } catch (e) {
        if (file !== null) await ignore(file.close());
        // Nothing half-written may stay behind, not even under a name that readers ignore.
        await ignore(fs.unlink(tmp));
        throw e;
      }
      await fs.syncDir(dir);
    },
    get: (clipId, name) => fs.readFile(join(dirOf(clipId), name)),
    stream: (clipId, name) => fs.readStream(join(dirOf(clipId), name)),
    list: async (clipId) => {
      try {
        return await fs.readdir(dirOf(clipId));
      } catch (e) {
        // A clip id that names a file is no clip either.
        if ((e as { code?: unknown }).code === 'ENOTDIR') throw Object.assign(e as Error, { code: 'ENOENT' });
        throw e;
      }
    },
    clips: () => fs.readdir(baseDir),
    clearIncomplete: async (clipId) => {
      const dir = dirOf(clipId);
      // Only the writer's own temporary files; a stored object never ends in .tmp.
      for (const f of (await fs.readdir(dir)).filter(isTemp)) await fs.unlink(join(dir, f));
    },
    removeClip: async (clipId) => {
      // Renamed away first, so the clip vanishes at once and open() finishes a deletion a crash cut short.
      const doomed = join(baseDir, `${DELETING_PREFIX}${clipId}.${randomBytes(4).toString('hex')}`);
      await fs.rename(dirOf(clipId), doomed);
      await fs.syncDir(baseDir);
      await removeFolder(doomed);
      await fs.syncDir(baseDir);
    },
  };
};
