/**
 * Test-only: plays the privileged attacker (or the broken disk) by switching off the audit log's
 * append-only triggers for a moment, then restores them exactly as the migrations made them.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/adapters/db/connection.js';
import type { DB } from '../../src/adapters/db/schema.js';
import type { TestRuntime } from '../support/test-runtime.js';

export const withoutAuditGuards = async (
  database: Database,
  fn: (db: Kysely<DB>) => Promise<unknown>,
): Promise<void> => {
  const db = database.db;
  if (database.dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    try {
      await fn(db);
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
    }
    return;
  }
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
  await sql`DROP TRIGGER audit_log_insert_at_head`.execute(db);
  try {
    await fn(db);
  } finally {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_insert_at_head BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NULL OR NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a new entry must follow the head'); END`.execute(
      db,
    );
  }
};

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the `proportio` CLI in a child process against the test runtime's store (data dir, database). */
export const cliAgainst = async (t: TestRuntime, args: string[], env: Record<string, string> = {}) => {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        PROPORTIO_LOG_LEVEL: 'silent',
        PROPORTIO_DATA_DIR: t.dataDir,
        ...(t.rt.config.databaseUrl ? { PROPORTIO_DATABASE_URL: t.rt.config.databaseUrl } : {}),
        ...env,
      },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};
