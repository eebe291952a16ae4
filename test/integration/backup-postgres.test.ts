/**
 * `proportio backup` / `restore` on PostgreSQL (child processes): the database is the DBA's
 * pg_dump, so the archive holds the files only and both commands say what to run; a PostgreSQL
 * backup is refused by an SQLite installation and the other way round, changing nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { runCliProcess } from '../support/cli-process.js';

const postgres = (await availableDialects()).includes('postgres');

describe.runIf(postgres)('backup and restore on PostgreSQL', () => {
  let work: string;
  let db: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runCliProcess(args, { ...env, ...extra });

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-backup-pg-'));
    db = await freshDatabase('postgres', path.join(work, 'data'));
    env = {
      PROPORTIO_DATA_DIR: path.join(work, 'data'),
      PROPORTIO_DATABASE_URL: db.url!,
      PROPORTIO_MQTT_PORT: '-1',
    };
    const demo = await cli(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    // The anchor and its key, as a server leaves them.
    const verify = await cli(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up the files with pg_dump guidance; restores them with pg_restore guidance', async () => {
    const out = path.join(work, 'backup');
    const b = await cli(['backup', '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('pg_dump --format=custom');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      database: { dialect: string; migrations: string[]; auditHead: { seq: number } | null };
      files: Array<{ role: string }>;
    };
    expect(manifest.database.dialect).toBe('postgres');
    expect(manifest.database.migrations.length).toBeGreaterThan(10);
    expect(manifest.database.auditHead?.seq).toBeGreaterThan(0);
    expect(manifest.files.some((f) => f.role === 'database')).toBe(false);

    // An SQLite installation refuses it, and leaves its folder as it was (empty).
    const sqliteData = path.join(work, 'sqlite-data');
    const wrong = await runCliProcess(['restore', '--from', out], {
      PROPORTIO_DATA_DIR: sqliteData,
      PROPORTIO_DATABASE_URL: '',
    });
    expect(wrong.code).toBe(65);
    expect(wrong.stderr).toContain('BACKUP.DIALECT_MISMATCH');
    expect(fs.existsSync(sqliteData)).toBe(false);

    // The data folder is lost; the database (restored by pg_restore, here: untouched) remains.
    const masterKey = fs.readFileSync(path.join(work, 'data', 'master.key'));
    fs.rmSync(path.join(work, 'data'), { recursive: true });
    fs.mkdirSync(path.join(work, 'data'), { mode: 0o700 });
    fs.writeFileSync(path.join(work, 'data', 'master.key'), masterKey, { mode: 0o600 });
    const r = await cli(['restore', '--from', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pg_restore --no-owner');
    expect(r.stdout).toContain(`Restored ${manifest.files.length} files`);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });
});
