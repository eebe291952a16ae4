/**
 * The file side of backups: copying a file into the archive while hashing what was copied,
 * SQLite's online backup, hashing an archive folder, and putting files back through a staged
 * copy and a rename. What goes where is decided by the caller (cli/commands/backup.command.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import SQLite from 'better-sqlite3';
import type { FolderContents } from '../../core/backup/manifest.js';

export interface Copied {
  readonly bytes: number;
  readonly sha256: string;
}

/** Copies `from` to `to` (0600, must not exist), hashing the bytes written; undefined if `from` is gone. */
export const copyHashed = async (from: string, to: string): Promise<Copied | undefined> => {
  let input: fs.ReadStream;
  try {
    const fh = await fs.promises.open(from, 'r');
    input = fh.createReadStream();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  await fs.promises.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(input, tap, fs.createWriteStream(to, { flags: 'wx', mode: 0o600 }));
  return { bytes, sha256: hash.digest('hex') };
};

export const hashFile = async (file: string): Promise<Copied> => {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
};

/** Every regular file under `dir`, as '/'-separated paths relative to it (none if it does not exist). */
export const listFiles = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw e;
    }
    for (const e of entries) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(r);
      else out.push(r);
    }
  };
  await walk('');
  return out.sort();
};

/** What an archive folder holds besides its manifest. Anything not a regular file counts as damage. */
export const folderContents = async (dir: string, manifestFile: string): Promise<FolderContents> => {
  const found = new Map<string, Copied>();
  for (const rel of await listFiles(dir)) {
    if (rel === manifestFile) continue;
    const st = await fs.promises.lstat(path.join(dir, rel));
    // A symbolic link could point restore at any file on the machine: list it as changed.
    found.set(rel, st.isFile() ? await hashFile(path.join(dir, rel)) : { bytes: -1, sha256: 'not-a-file' });
  }
  return found;
};

export interface SqliteFacts {
  readonly migrations: string[];
  readonly auditHead: { seq: number; hash: string } | null;
}

const factsOf = (db: SQLite.Database): SqliteFacts => {
  const migrations = (
    db.prepare('SELECT name FROM proportio_migrations ORDER BY name').all() as Array<{ name: string }>
  ).map((r) => r.name);
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return { migrations, auditHead: head ? { seq: head.seq, hash: head.hash } : null };
};

/**
 * SQLite's online backup: a consistent copy while the server keeps writing. The copy is turned
 * into a single file (rollback journal, not WAL), so reading it later leaves nothing beside it.
 */
export const backupSqlite = async (file: string, to: string): Promise<SqliteFacts> => {
  const live = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await live.backup(to);
  } finally {
    live.close();
  }
  await fs.promises.chmod(to, 0o600);
  const copy = new SQLite(to, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return factsOf(copy);
  } finally {
    copy.close();
  }
};

/**
 * An archived SQLite file's own check and what it records, read from a throw-away copy (opening
 * a WAL database writes beside it, and the archive stays as it is); an error when it is not a
 * Proportio database.
 */
export const inspectSqlite = async (file: string): Promise<SqliteFacts & { integrity: string }> => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'proportio-restore-check-'));
  try {
    const copy = path.join(dir, 'check.sqlite');
    await fs.promises.copyFile(file, copy);
    const db = new SQLite(copy, { fileMustExist: true });
    try {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      return { integrity, ...factsOf(db) };
    } finally {
      db.close();
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
};

export const exists = (p: string): boolean => fs.existsSync(p);

/** A non-empty folder, or a file. */
export const occupied = (p: string): boolean => {
  try {
    const st = fs.statSync(p);
    return !st.isDirectory() || fs.readdirSync(p).length > 0;
  } catch {
    return false;
  }
};
