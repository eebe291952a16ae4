/**
 * The manifest of a backup archive (a folder: manifest.json plus the files it lists) and the
 * checks a restore makes before it touches anything: the archive is ours, every listed file is
 * there with its size and SHA-256, nothing else is, no path leaves the folder, and the database
 * was made by this release or an earlier one. Pure: the adapter reads the folder and hashes.
 */

export const BACKUP_FORMAT = 'proportio-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/**
 * Where a file goes back to. `database`: the SQLite file; `anchors`/`anchor-public-key`: the audit
 * anchor file and the public half of its key; `export-public-key`: the evidence export key's
 * public half; `vault`: a file under the vault folder (the recipient, sealed clips).
 */
export const FILE_ROLES = ['database', 'anchors', 'anchor-public-key', 'export-public-key', 'vault'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export interface ManifestFile {
  /** Relative to the archive folder, '/'-separated. */
  readonly path: string;
  readonly role: FileRole;
  /** For role vault: the path under the vault folder. */
  readonly vaultPath?: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly database: {
    readonly dialect: 'sqlite' | 'postgres';
    /** The migrations applied when the backup was made, in order. */
    readonly migrations: readonly string[];
    /** The audit chain's head then (null: empty chain). */
    readonly auditHead: { readonly seq: number; readonly hash: string } | null;
  };
  /** SHA-256 of the master key's 32 bytes: which key sealed the camera credentials (never the key). */
  readonly masterKeySha256: string | null;
  readonly files: readonly ManifestFile[];
}

export type ManifestProblem =
  | { readonly code: 'BACKUP.FOREIGN'; readonly detail: string }
  | { readonly code: 'BACKUP.DAMAGED'; readonly detail: string }
  | { readonly code: 'BACKUP.NEWER_RELEASE'; readonly detail: string };

const HEX64 = /^[0-9a-f]{64}$/;

/** A relative path that stays inside its folder: no absolute path, no '..', no empty part. */
export const safeRelativePath = (p: string): boolean =>
  p.length > 0 &&
  p.length <= 1024 &&
  !p.startsWith('/') &&
  !p.includes('\\') &&
  !p.includes('\0') &&
  p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads manifest.json's text; the first thing wrong is the answer. */
export const parseManifest = (
  text: string,
): { ok: true; value: BackupManifest } | { ok: false; error: ManifestProblem } => {
  const foreign = (detail: string) => ({
    ok: false as const,
    error: { code: 'BACKUP.FOREIGN' as const, detail },
  });
  const damaged = (detail: string) => ({
    ok: false as const,
    error: { code: 'BACKUP.DAMAGED' as const, detail },
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return foreign(`${MANIFEST_FILE} is not JSON`);
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT)
    return foreign(`${MANIFEST_FILE} is not a Proportio backup manifest`);
  if (raw.version !== BACKUP_VERSION)
    return foreign(`backup format version ${String(raw.version)} is not ${BACKUP_VERSION}`);
  const db = raw.database;
  if (
    typeof raw.createdAt !== 'string' ||
    !isObject(db) ||
    (db.dialect !== 'sqlite' && db.dialect !== 'postgres') ||
    !Array.isArray(db.migrations) ||
    !db.migrations.every((m) => typeof m === 'string') ||
    !(
      db.auditHead === null ||
      (isObject(db.auditHead) && Number.isInteger(db.auditHead.seq) && typeof db.auditHead.hash === 'string')
    ) ||
    !(
      raw.masterKeySha256 === null ||
      (typeof raw.masterKeySha256 === 'string' && HEX64.test(raw.masterKeySha256))
    ) ||
    !Array.isArray(raw.files)
  )
    return damaged(`${MANIFEST_FILE} lacks or mangles createdAt, database or files`);
  const files: ManifestFile[] = [];
  for (const f of raw.files as unknown[]) {
    if (
      !isObject(f) ||
      typeof f.path !== 'string' ||
      !safeRelativePath(f.path) ||
      f.path === MANIFEST_FILE ||
      !(FILE_ROLES as readonly unknown[]).includes(f.role) ||
      !Number.isSafeInteger(f.bytes) ||
      (f.bytes as number) < 0 ||
      typeof f.sha256 !== 'string' ||
      !HEX64.test(f.sha256) ||
      (f.role === 'vault') !== (typeof f.vaultPath === 'string') ||
      (typeof f.vaultPath === 'string' && !safeRelativePath(f.vaultPath))
    )
      return damaged(`${MANIFEST_FILE} lists a file it cannot describe: ${JSON.stringify(f).slice(0, 200)}`);
    files.push({
      path: f.path,
      role: f.role as FileRole,
      ...(typeof f.vaultPath === 'string' ? { vaultPath: f.vaultPath } : {}),
      bytes: f.bytes as number,
      sha256: f.sha256,
    });
  }
  const paths = new Set(files.map((f) => f.path));
  if (paths.size !== files.length) return damaged(`${MANIFEST_FILE} lists a file twice`);
  for (const role of ['database', 'anchors', 'anchor-public-key', 'export-public-key'] as const)
    if (files.filter((f) => f.role === role).length > 1)
      return damaged(`${MANIFEST_FILE} lists two files as ${role}`);
  if ((db.dialect === 'sqlite') !== files.some((f) => f.role === 'database'))
    return damaged(
      db.dialect === 'sqlite'
        ? 'the SQLite database is not in the archive'
        : 'a PostgreSQL backup lists a database file',
    );
  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: raw.createdAt,
      database: {
        dialect: db.dialect,
        migrations: db.migrations,
        auditHead:
          db.auditHead === null
            ? null
            : { seq: (db.auditHead as { seq: number }).seq, hash: (db.auditHead as { hash: string }).hash },
      },
      masterKeySha256: raw.masterKeySha256,
      files,
    },
  };
};

/** What the folder holds besides the manifest: each file's size and SHA-256. */
export type FolderContents = ReadonlyMap<string, { readonly bytes: number; readonly sha256: string }>;

/** Holds the folder against its manifest: the first difference is the answer. */
export const contentsProblem = (m: BackupManifest, found: FolderContents): ManifestProblem | null => {
  for (const f of m.files) {
    const got = found.get(f.path);
    if (!got) return { code: 'BACKUP.DAMAGED', detail: `${f.path} is missing` };
    if (got.bytes !== f.bytes || got.sha256 !== f.sha256)
      return {
        code: 'BACKUP.DAMAGED',
        detail: `${f.path} was changed or damaged (its SHA-256 does not match)`,
      };
  }
  const listed = new Set(m.files.map((f) => f.path));
  for (const p of found.keys())
    if (!listed.has(p)) return { code: 'BACKUP.DAMAGED', detail: `${p} is not in the manifest` };
  return null;
};

/**
 * The backup's migrations must be this release's first ones, in order: a later release's
 * database would lack nothing here but hold what this code cannot read.
 */
export const migrationsProblem = (
  backup: readonly string[],
  known: readonly string[],
): ManifestProblem | null => {
  for (const [i, name] of backup.entries())
    if (known[i] !== name)
      return {
        code: known.includes(name) ? 'BACKUP.DAMAGED' : 'BACKUP.NEWER_RELEASE',
        detail: known.includes(name)
          ? `the backup's migrations are out of order at ${name}`
          : `the backup's database has migration ${name}, which this release does not know; restore it with that release or a later one`,
      };
  return null;
};
