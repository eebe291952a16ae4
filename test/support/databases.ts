/**
 * The dialects the integration tests run against. DIALECTS=sqlite,postgres (the default).
 * PostgreSQL: each test file gets a fresh database on PROPORTIO_TEST_PG (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards. On CI a missing PostgreSQL
 * fails the run; on a developer's machine it is skipped with a loud message.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/connection.js';

export type TestDialect = 'sqlite' | 'postgres';

const ADMIN_URL = process.env.PROPORTIO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgAvailable: Promise<boolean> | undefined;
const checkPg = () =>
  (pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  })());

export const requestedDialects = (): TestDialect[] =>
  (process.env.DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is TestDialect => d === 'sqlite' || d === 'postgres');

/** Dialects to run now: on CI every requested dialect is mandatory. */
export const availableDialects = async (): Promise<TestDialect[]> => {
  const out: TestDialect[] = [];
  for (const d of requestedDialects()) {
    if (d === 'postgres' && !(await checkPg())) {
      if (process.env.CI) throw new Error(`PostgreSQL is required on CI but ${ADMIN_URL} does not answer`);
      console.warn(
        `\n!!! SKIPPING the PostgreSQL dialect: ${ADMIN_URL} does not answer (set DIALECTS=sqlite to silence) !!!\n`,
      );
      continue;
    }
    out.push(d);
  }
  return out;
};

export interface TestDatabase {
  readonly database: Database;
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect. SQLite lives in memory unless dataDir is given. */
export const freshDatabase = async (
  dialect: TestDialect,
  dataDir = '/nonexistent',
): Promise<TestDatabase> => {
  if (dialect === 'sqlite') {
    const database = openDatabase({
      databaseUrl: undefined,
      dataDir,
      sqliteFile: dataDir === '/nonexistent' ? ':memory:' : 'proportio.sqlite',
    });
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `proportio_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), dataDir });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};
