/**
 * An upgrade from the previous release: test/fixtures/previous-release.sqlite is a store that
 * release made (scripts/make-previous-release-fixture.ts; refreshed at every release). This
 * release opens it, applies what migrations it lacks, and everything the old one stored is still
 * there and the audit chain still verifies, the old head included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/adapters/auth/password-hasher.js';
import { MIGRATIONS } from '../../src/adapters/db/migrations/index.js';
import { loadConfig } from '../../src/config.js';
import { createRuntime, packageRoot } from '../../src/main.js';

const fixtures = path.join(packageRoot(), 'test', 'fixtures');
const facts = JSON.parse(fs.readFileSync(path.join(fixtures, 'previous-release.json'), 'utf8')) as {
  release: string;
  migrations: string[];
  organisation: string;
  sites: string[];
  rooms: number;
  users: string[];
  auditEntries: number;
  auditHead: string;
};

const migrationsIn = (file: string): string[] => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT name FROM proportio_migrations ORDER BY name').all() as Array<{ name: string }>
    ).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe(`upgrading a store made by the previous release (${facts.release})`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-upgrade-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('migrates it once and keeps its data and its audit chain', async () => {
    const file = path.join(work, 'proportio.sqlite');
    fs.copyFileSync(path.join(fixtures, 'previous-release.sqlite'), file);
    expect(migrationsIn(file)).toEqual(facts.migrations);
    // The fixture is of an earlier release: its migrations are this release's first ones.
    expect(MIGRATIONS.map(([n]) => n).slice(0, facts.migrations.length)).toEqual(facts.migrations);

    const config = loadConfig(
      { PROPORTIO_DATA_DIR: work, PROPORTIO_LOG_LEVEL: 'silent', PROPORTIO_MQTT_PORT: '-1' },
      work,
      packageRoot(),
    );
    const rt = await createRuntime(config, {
      logger: false,
      hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    });
    try {
      expect(migrationsIn(file)).toEqual(MIGRATIONS.map(([n]) => n));
      const verified = await rt.services.audit.verify();
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBeGreaterThanOrEqual(facts.auditEntries);
      const oldHead = (await rt.store.read.audit.page({ beforeSeq: facts.auditEntries + 1, limit: 1 }))[0];
      expect(oldHead?.hash).toBe(facts.auditHead);
      expect((await rt.services.registry.listSites()).map((s) => s.name).sort()).toEqual(facts.sites);
      expect(await rt.services.registry.listRooms()).toHaveLength(facts.rooms);
      for (const u of facts.users) expect(await rt.store.read.users.findByUsername(u), u).toBeDefined();
      expect(await rt.services.demo.isEmpty()).toBe(false);
    } finally {
      await rt.cluster.close();
      await rt.close();
    }
  });
});
