/**
 * `proportio backup --out DIR` and `proportio restore --from DIR` (docs/operations.md#backup-and-restore,
 * ADR 0016). The archive is a folder: manifest.json (format, release's migrations, audit head, the
 * master key's SHA-256, every file's size and SHA-256) and the files. It holds the SQLite database
 * (online backup; sealed custody shares and all settings live in it), the audit anchor file, the
 * public halves of the anchor and export keys, and the vault folder (recipient, sealed clips: only
 * ciphertext). Never the vault identity (it exists nowhere whole), the master key, or the private
 * anchor and export keys: a backup copy must not be enough to read or forge anything.
 */
import { createHash, createPublicKey, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import {
  backupSqlite,
  copyHashed,
  exists,
  folderContents,
  hashFile,
  inspectSqlite,
  listFiles,
  occupied,
} from '../../adapters/backup/archive.js';
import { openDatabase, type Database } from '../../adapters/db/connection.js';
import { MIGRATIONS } from '../../adapters/db/migrations/index.js';
import { createStore } from '../../adapters/db/store.js';
import { exportKeyFile } from '../../adapters/evidence/export-key.js';
import { anchorKeyId } from '../../core/audit/anchor.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MANIFEST_FILE,
  contentsProblem,
  migrationsProblem,
  parseManifest,
  type BackupManifest,
  type ManifestFile,
} from '../../core/backup/manifest.js';
import { ERRORS, type ErrorCode } from '../../core/errors.js';
import type { Config } from '../../config.js';
import { recordAudit } from '../../services/audit.service.js';
import { systemClock } from '../../main.js';
import { CliError, emit, type CliIo } from '../io.js';
import { cliConfig } from './local.command.js';

const SQLITE_FILE = 'proportio.sqlite';

const fail = (code: ErrorCode, detail: string): CliError =>
  new CliError(`${code}: ${detail}`, ERRORS[code].exit, code);

/** File-name-safe time stamp. */
const stampOf = (iso: string): string => iso.replace(/[:.]/g, '-');

const masterKeySha256 = (file: string): string | null => {
  if (!exists(file)) return null;
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  return createHash('sha256').update(key).digest('hex');
};

/** The key id (as in anchor lines) of a PEM key file, private or public; undefined if none. */
const keyIdOf = (file: string): string | undefined => {
  if (!exists(file)) return undefined;
  const pem = fs.readFileSync(file, 'utf8');
  try {
    return anchorKeyId(
      pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem),
    );
  } catch {
    return undefined;
  }
};

/** What to run beside a PostgreSQL backup; the URL stays in the environment, out of the output. */
const PG_GUIDANCE = [
  'The PostgreSQL database is not in this archive: dump it with its own tools, at the same time,',
  'into the same place (the custody shares, settings and audit log are in it):',
  '  pg_dump --format=custom --file=proportio.pgdump "$PROPORTIO_DATABASE_URL"',
  'and restore it into an empty database before `proportio restore` puts the files back:',
  '  pg_restore --no-owner --exit-on-error --dbname="$PROPORTIO_DATABASE_URL" proportio.pgdump',
].join('\n');

const auditHeadOf = async (database: Database) => {
  const head = (await createStore(database).read.audit.page({ limit: 1 }))[0];
  return head ? { seq: head.seq, hash: head.hash } : null;
};

const appliedMigrations = async (database: Database): Promise<string[]> => {
  const r = await sql<{ name: string }>`SELECT name FROM proportio_migrations ORDER BY name`.execute(
    database.db,
  );
  return r.rows.map((x) => x.name);
};

/** Where each kind of file lives in this installation. */
const placesOf = (config: Config) => ({
  sqlite: path.join(config.dataDir, SQLITE_FILE),
  anchors: config.auditAnchor.file,
  anchorPublicKey: `${config.auditAnchor.keyFile}.pub`,
  exportPublicKey: `${exportKeyFile(config.dataDir)}.pub`,
  vaultDir: config.vaultDir,
});

export interface BackupResult {
  readonly out: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly files: number;
  readonly bytes: number;
  readonly clips: number;
  readonly auditHead: BackupManifest['database']['auditHead'];
}

export const makeBackup = async (config: Config, out: string): Promise<BackupResult> => {
  if (occupied(out))
    throw fail('BACKUP.OUT_EXISTS', `${out} already exists and is not empty; name a new folder`);
  const places = placesOf(config);
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  if (dialect === 'sqlite' && !exists(places.sqlite))
    throw fail(
      'BACKUP.NOT_FOUND',
      `no database at ${places.sqlite}: nothing to back up (PROPORTIO_DATA_DIR?)`,
    );
  const createdAt = new Date().toISOString();
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  const files: ManifestFile[] = [];
  const add = async (from: string, rel: string, role: ManifestFile['role'], vaultPath?: string) => {
    const c = await copyHashed(from, path.join(out, rel));
    if (c) files.push({ path: rel, role, ...(vaultPath ? { vaultPath } : {}), ...c });
  };
  try {
    // The anchors before the database: every anchored head is then in the copied chain.
    await add(places.anchors, 'audit/audit-anchor.jsonl', 'anchors');
    await add(places.anchorPublicKey, 'audit/audit-anchor.key.pub', 'anchor-public-key');
    await add(places.exportPublicKey, 'keys/export-signing.key.pub', 'export-public-key');
    let migrations: string[];
    let auditHead: BackupManifest['database']['auditHead'];
    if (dialect === 'sqlite') {
      const copy = path.join(out, 'database.sqlite');
      ({ migrations, auditHead } = await backupSqlite(places.sqlite, copy));
      files.push({ path: 'database.sqlite', role: 'database', ...(await hashFile(copy)) });
    } else {
      const live = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        [migrations, auditHead] = [await appliedMigrations(live), await auditHeadOf(live)];
      } finally {
        await live.close();
      }
    }
    // After the database: every clip it calls sealed was sealed before, so it is here. Sealed
    // parts never change; a part still being written is copied as far as it goes (an unfinished
    // clip is unfinished after a restore too).
    for (const rel of await listFiles(places.vaultDir))
      await add(path.join(places.vaultDir, rel), `vault/${rel}`, 'vault', rel);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt,
      database: { dialect, migrations, auditHead },
      masterKeySha256: masterKeySha256(config.masterKeyFile),
      files,
    };
    // Written last: a folder without it is an unfinished backup, and restore says so.
    fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    return {
      out,
      dialect,
      files: files.length,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      clips: files.filter((f) => f.vaultPath?.startsWith('clips/')).length,
      auditHead,
    };
  } catch (e) {
    fs.rmSync(out, { recursive: true, force: true });
    throw e;
  }
};

/** Reads and checks an archive completely; throws before anything is changed. */
export const checkArchive = async (from: string, config: Config): Promise<BackupManifest> => {
  if (!exists(from) || !fs.statSync(from).isDirectory())
    throw fail('BACKUP.NOT_FOUND', `${from} is not a folder`);
  const manifestPath = path.join(from, MANIFEST_FILE);
  if (!exists(manifestPath))
    throw fail(
      'BACKUP.FOREIGN',
      `${from} has no ${MANIFEST_FILE}: not a Proportio backup, or an unfinished one`,
    );
  const parsed = parseManifest(fs.readFileSync(manifestPath, 'utf8'));
  if (!parsed.ok) throw fail(parsed.error.code, parsed.error.detail);
  const m = parsed.value;
  const problem =
    contentsProblem(m, await folderContents(from, MANIFEST_FILE)) ??
    migrationsProblem(
      m.database.migrations,
      MIGRATIONS.map(([name]) => name),
    );
  if (problem) throw fail(problem.code, problem.detail);
  const here = config.databaseUrl ? 'postgres' : 'sqlite';
  if (m.database.dialect !== here)
    throw fail(
      'BACKUP.DIALECT_MISMATCH',
      `the backup is of a ${m.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} installation; this one uses ${here === 'sqlite' ? 'SQLite (no PROPORTIO_DATABASE_URL)' : 'PostgreSQL (PROPORTIO_DATABASE_URL)'}`,
    );
  if (m.database.dialect === 'sqlite') {
    let inspected;
    try {
      inspected = await inspectSqlite(path.join(from, 'database.sqlite'));
    } catch (e) {
      throw fail(
        'BACKUP.DAMAGED',
        `database.sqlite cannot be read as a Proportio database: ${(e as Error).message}`,
      );
    }
    if (inspected.integrity !== 'ok')
      throw fail('BACKUP.DAMAGED', `database.sqlite fails SQLite's integrity check: ${inspected.integrity}`);
    if (inspected.migrations.join() !== [...m.database.migrations].sort().join())
      throw fail('BACKUP.DAMAGED', 'database.sqlite does not hold the migrations the manifest names');
    if (JSON.stringify(inspected.auditHead) !== JSON.stringify(m.database.auditHead))
      throw fail('BACKUP.DAMAGED', "database.sqlite's audit head is not the one the manifest names");
  }
  return m;
};

export interface RestoreOptions {
  readonly force: boolean;
  readonly withoutMasterKey: boolean;
}

export interface RestoreResult {
  readonly restored: number;
  /** Files of the installation moved aside by --force (nothing is deleted). */
  readonly setAside: readonly string[];
  /** Where the backup's anchors went: the live anchor file, or beside it when the key is not the one that signed them. */
  readonly anchors: {
    readonly file: string;
    readonly publicKey: string | null;
    readonly live: boolean;
  } | null;
  readonly auditHead: BackupManifest['database']['auditHead'];
}

export const restoreBackup = async (
  from: string,
  config: Config,
  opts: RestoreOptions,
): Promise<RestoreResult> => {
  const m = await checkArchive(from, config);
  const places = placesOf(config);
  // The camera credentials in the database are sealed with the master key, which is never in a
  // backup (ADR 0016): the operator puts the kept copy in place first.
  if (m.masterKeySha256 !== null) {
    const here = masterKeySha256(config.masterKeyFile);
    if (here !== null && here !== m.masterKeySha256)
      throw fail(
        'BACKUP.MASTER_KEY_MISMATCH',
        `${config.masterKeyFile} is another master key than the one of this backup; put the kept copy of that one there`,
      );
    if (here === null && !opts.withoutMasterKey)
      throw fail(
        'BACKUP.MASTER_KEY_MISSING',
        `put the kept copy of the master key at ${config.masterKeyFile} (PROPORTIO_MASTER_KEY_FILE) first; or pass --without-master-key and enter every camera's user name and password again afterwards`,
      );
  }
  const stamp = stampOf(new Date().toISOString());
  const byRole = (role: ManifestFile['role']) => m.files.find((f) => f.role === role);
  // Anchors and a public key only go back in place next to the private key that signed them; the
  // server would otherwise append lines of a new key to them. Beside it they still verify.
  const anchorPub = byRole('anchor-public-key');
  const anchorPubId = anchorPub ? keyIdOf(path.join(from, anchorPub.path)) : undefined;
  const anchorsLive = anchorPubId !== undefined && keyIdOf(config.auditAnchor.keyFile) === anchorPubId;
  const asideBase = path.join(path.dirname(places.anchors), `audit-anchor.restored-${stampOf(m.createdAt)}`);
  const exportPub = byRole('export-public-key');
  const exportLive =
    exportPub !== undefined &&
    keyIdOf(exportKeyFile(config.dataDir)) === keyIdOf(path.join(from, exportPub.path));
  const targetOf = (f: ManifestFile): string => {
    switch (f.role) {
      case 'database':
        return places.sqlite;
      case 'anchors':
        return anchorsLive ? places.anchors : `${asideBase}.jsonl`;
      case 'anchor-public-key':
        return anchorsLive ? places.anchorPublicKey : `${asideBase}.key.pub`;
      case 'export-public-key':
        return exportLive
          ? places.exportPublicKey
          : `${exportKeyFile(config.dataDir)}.restored-${stampOf(m.createdAt)}.pub`;
      case 'vault':
        return path.join(places.vaultDir, ...f.vaultPath!.split('/'));
    }
  };
  const plan = m.files.map((f) => ({ file: f, target: targetOf(f) }));
  const vaultStaging = `${places.vaultDir}.restoring-${stamp}`;

  // What holds data now: refused unless --force, which moves it aside (never deletes it).
  const inUse = [
    places.sqlite,
    `${places.sqlite}-wal`,
    `${places.sqlite}-shm`,
    places.anchors,
    places.vaultDir,
    ...plan.filter((p) => p.file.role !== 'vault').map((p) => p.target),
  ].filter((p, i, all) => all.indexOf(p) === i && occupied(p));
  if (inUse.length > 0 && !opts.force)
    throw fail(
      'BACKUP.TARGET_NOT_EMPTY',
      `the installation already holds ${inUse.join(', ')}; stop the server and pass --force to move them aside (nothing is deleted)`,
    );

  // Stage every file (the vault's in a folder beside it) and check what landed; only then touch
  // the installation.
  const staged: Array<{ staged: string; target: string }> = [];
  try {
    for (const { file, target } of plan) {
      const tmp =
        file.role === 'vault'
          ? path.join(vaultStaging, ...file.vaultPath!.split('/'))
          : `${target}.restoring-${stamp}`;
      const c = await copyHashed(path.join(from, file.path), tmp);
      if (file.role !== 'vault') staged.push({ staged: tmp, target });
      if (!c || c.sha256 !== file.sha256)
        throw fail('BACKUP.DAMAGED', `${file.path} changed while it was being restored`);
    }
  } catch (e) {
    for (const s of staged) fs.rmSync(s.staged, { force: true });
    fs.rmSync(vaultStaging, { recursive: true, force: true });
    throw e;
  }
  const setAside: string[] = [];
  for (const p of inUse.filter((x) => x !== places.vaultDir)) {
    fs.renameSync(p, `${p}.before-restore-${stamp}`);
    setAside.push(`${p}.before-restore-${stamp}`);
  }
  fs.mkdirSync(places.vaultDir, { recursive: true, mode: 0o700 });
  if (inUse.includes(places.vaultDir)) {
    // Entry by entry, so a vault folder that is a mount point stays one.
    const aside = `${places.vaultDir}.before-restore-${stamp}`;
    fs.mkdirSync(aside, { mode: 0o700 });
    for (const name of fs.readdirSync(places.vaultDir))
      fs.renameSync(path.join(places.vaultDir, name), path.join(aside, name));
    setAside.push(aside);
  }
  for (const s of staged) fs.renameSync(s.staged, s.target);
  if (exists(vaultStaging)) {
    for (const name of fs.readdirSync(vaultStaging))
      fs.renameSync(path.join(vaultStaging, name), path.join(places.vaultDir, name));
    fs.rmdirSync(vaultStaging);
  }

  const anchorsFile = byRole('anchors');
  const result: RestoreResult = {
    restored: plan.length,
    setAside,
    anchors: anchorsFile
      ? {
          file: targetOf(anchorsFile),
          publicKey: anchorPub ? targetOf(anchorPub) : null,
          live: anchorsLive,
        }
      : null,
    auditHead: m.database.auditHead,
  };
  if (m.database.dialect === 'sqlite') await auditRestore(config, m, result, opts);
  return result;
};

/** The restored chain records its own restore: who reads the log sees the gap after the backup. */
const auditRestore = async (config: Config, m: BackupManifest, r: RestoreResult, opts: RestoreOptions) => {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await createStore(database).transaction((repos) =>
      recordAudit(repos, systemClock, { kind: 'system', name: 'cli' }, 'system.restored', 'system:backup', {
        backupCreatedAt: m.createdAt,
        backupHeadSeq: m.database.auditHead?.seq ?? null,
        files: r.restored,
        setAside: r.setAside.length,
        withoutMasterKey: opts.withoutMasterKey,
      }),
    );
  } finally {
    await database.close();
  }
};

export const registerBackupCommands = (program: Command, io: CliIo): void => {
  program
    .command('backup')
    .description(
      'copy the database (SQLite: online), audit anchors, public keys and the vault (sealed clips) into a new folder with a manifest; never the vault key, the master key or a private key',
    )
    .requiredOption('--out <dir>', 'the backup folder to create (must not exist or be empty)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { out: string; json?: boolean }) => {
      const config = cliConfig();
      const r = await makeBackup(config, path.resolve(opts.out));
      emit(io, Boolean(opts.json), r, () =>
        [
          `Backup in ${r.out}: ${r.files} files, ${r.bytes} bytes, ${r.clips} clip files; audit head ${r.auditHead ? `entry ${r.auditHead.seq}` : '(empty)'}.`,
          'Not in it, keep them elsewhere: the master key (PROPORTIO_MASTER_KEY_FILE), the audit anchor key and the export signing key.',
          ...(r.dialect === 'postgres' ? [PG_GUIDANCE] : []),
        ].join('\n'),
      );
    });

  program
    .command('restore')
    .description(
      'put a backup folder back: checks every file against the manifest first and changes nothing when anything is wrong; refuses a data folder that holds data unless --force',
    )
    .requiredOption('--from <dir>', 'the backup folder (made by proportio backup)')
    .option(
      '--force',
      'move what the installation holds now aside (…before-restore-<time>) instead of refusing',
    )
    .option(
      '--without-master-key',
      'restore although the master key is lost: camera credentials must then be entered again',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { from: string; force?: boolean; withoutMasterKey?: boolean; json?: boolean }) => {
      const config = cliConfig();
      const r = await restoreBackup(path.resolve(opts.from), config, {
        force: Boolean(opts.force),
        withoutMasterKey: Boolean(opts.withoutMasterKey),
      });
      emit(io, Boolean(opts.json), r, () =>
        [
          `Restored ${r.restored} files; the backup's audit head was ${r.auditHead ? `entry ${r.auditHead.seq}` : '(empty)'}.`,
          ...(r.setAside.length > 0 ? [`Moved aside (not deleted): ${r.setAside.join(', ')}`] : []),
          ...(config.databaseUrl ? [PG_GUIDANCE] : []),
          r.anchors && !r.anchors.live
            ? `The backup's audit anchors are in ${r.anchors.file} (their key is not the one in place). Check the restored chain against them:\n  proportio audit verify --anchor ${r.anchors.file}${r.anchors.publicKey ? ` --anchor-key ${r.anchors.publicKey}` : ''}`
            : 'Check the restored chain: proportio audit verify',
        ].join('\n'),
      );
    });
};
