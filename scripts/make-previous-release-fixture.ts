/**
 * Makes test/fixtures/previous-release.sqlite: an SQLite store as this release leaves it (every
 * migration applied, the demo municipality loaded, an audit chain), and previous-release.json
 * with what the upgrade test reads back from it. Run it at every release, before the first
 * migration of the next one lands (docs/operations.md#upgrades):
 *
 *   npx tsx scripts/make-previous-release-fixture.ts
 *
 * The upgrade test (test/integration/upgrade-previous-release.test.ts) then opens the file with
 * the code of the next release, which migrates it, and checks that nothing was lost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { argon2Hasher } from '../src/adapters/auth/password-hasher.js';
import { loadConfig } from '../src/config.js';
import { MIGRATIONS } from '../src/adapters/db/migrations/index.js';
import { createRuntime, packageRoot } from '../src/main.js';

const root = packageRoot();
const fixtures = path.join(root, 'test', 'fixtures');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-fixture-'));
try {
  const config = loadConfig(
    { PROPORTIO_DATA_DIR: work, PROPORTIO_LOG_LEVEL: 'silent', PROPORTIO_MQTT_PORT: '-1' },
    work,
    root,
  );
  // Cheap hashing keeps the fixture quick to open; the demo password still opens the accounts.
  const rt = await createRuntime(config, {
    logger: false,
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
  });
  let facts;
  try {
    const loaded = await rt.services.demo.load();
    if (!loaded.ok) throw new Error(loaded.error.message);
    const verified = await rt.services.audit.verify();
    if (!verified.ok) throw new Error('the new store does not verify');
    facts = {
      release: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
      migrations: MIGRATIONS.map(([name]) => name),
      organisation: loaded.value.organisation,
      sites: (await rt.services.registry.listSites()).map((s) => s.name).sort(),
      rooms: (await rt.services.registry.listRooms()).length,
      users: loaded.value.accounts.map((a) => a.username).sort(),
      auditEntries: verified.checked,
      auditHead: verified.headHash,
    };
  } finally {
    await rt.cluster.close();
    await rt.close();
  }
  // One self-contained file: no WAL beside it, no free pages.
  const db = new SQLite(path.join(work, 'proportio.sqlite'));
  db.pragma('journal_mode = DELETE');
  db.exec('VACUUM');
  db.close();
  fs.copyFileSync(path.join(work, 'proportio.sqlite'), path.join(fixtures, 'previous-release.sqlite'));
  fs.writeFileSync(path.join(fixtures, 'previous-release.json'), `${JSON.stringify(facts, null, 2)}\n`);
  process.stdout.write(
    `wrote test/fixtures/previous-release.sqlite and .json (${facts.migrations.at(-1)})\n`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
