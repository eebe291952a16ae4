/**
 * Several instances starting at once on one empty PostgreSQL database (issue 13 §4): each runs
 * `proportio migrate` as a process of its own; all succeed, and every migration is applied
 * exactly once (the advisory lock in adapters/db/connection.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/adapters/db/migrations/index.js';
import { availableDialects } from '../support/databases.js';
import { runCliProcess } from '../support/cli-process.js';

const postgres = (await availableDialects()).includes('postgres');
const ADMIN_URL = process.env.PROPORTIO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INSTANCES = 3;

describe.runIf(postgres)('migrations across instances (PostgreSQL)', () => {
  const name = `proportio_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };

  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it(`${INSTANCES} processes migrating one empty database at once: all succeed, each migration once`, async () => {
    await admin(`CREATE DATABASE ${name}`);
    const runs = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        runCliProcess(['migrate', '--json'], { PROPORTIO_DATABASE_URL: url.toString() }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const applied = runs.flatMap((r) => (JSON.parse(r.stdout) as { applied: string[] }).applied);
    // Each applied by exactly one of them; the others found the schema up to date.
    expect([...applied].sort()).toEqual(MIGRATIONS.map(([n]) => n).sort());
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      const rows = (await c.query<{ name: string }>('SELECT name FROM proportio_migrations ORDER BY name'))
        .rows;
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map(([n]) => n));
    } finally {
      await c.end();
    }
  });
});
