/**
 * `serve --demo` on a store that already holds data: it prints the demo password only next to
 * the accounts it still opens (verified against the stored hash), and says plainly for the
 * others that their password was changed or that they are not demo accounts. On an empty store
 * it also puts the demo vault key under custody and prints the demo custodians' passphrase.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/connection.js';
import { createCustodyStore } from '../../src/adapters/db/repositories/custody-store.js';
import { openShare, withVaultIdentity } from '../../src/adapters/vault/custody.js';
import { ok } from '../../src/core/result.js';
import { DEMO_CUSTODIANS, DEMO_CUSTODY_PASSPHRASE, DEMO_PASSWORD } from '../../src/services/demo.service.js';
import { availableDialects } from '../support/databases.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const root = path.resolve(import.meta.dirname, '../..');
const system = { kind: 'system', name: 'test' } as const;

/** Starts `proportio serve --demo`, collects its output until it is listening, then stops it. */
const serveDemoOutput = async (env: Record<string, string>): Promise<string> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'serve', '--demo'],
    {
      cwd: root,
      env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let errOut = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (errOut += b.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (out.includes('Proportio is running')) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
      child.once('exit', (code) => {
        clearInterval(poll);
        reject(new Error(`serve exited with ${code}: ${errOut}${out}`));
      });
    });
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
  return out;
};

describe.each(dialects)('serve --demo on an existing store (%s)', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true });
    const fg = (await t.rt.store.read.users.findByUsername('fg'))!;
    const reset = await t.rt.services.users.setPassword(system, fg.id, 'a-changed-password-1');
    if (!reset.ok) throw new Error(reset.error.message);
    const extra = await t.rt.services.users.create(system, {
      username: 'extra',
      displayName: 'Not from the demo',
      roles: ['auditor'],
      password: 'an-own-password-123',
    });
    if (!extra.ok) throw new Error(extra.error.message);
  });
  afterAll(async () => t?.close());

  it('shows the demo password only for accounts that still have it', { timeout: 120_000 }, async () => {
    const out = await serveDemoOutput({
      PROPORTIO_DATA_DIR: t.dataDir,
      PROPORTIO_PORT: '0',
      PROPORTIO_MQTT_PORT: '-1',
      ...(t.rt.config.databaseUrl ? { PROPORTIO_DATABASE_URL: t.rt.config.databaseUrl } : {}),
    });
    const line = (username: string) => out.split('\n').find((l) => l.startsWith(`${username} `)) ?? '';
    expect(out).not.toContain(`password for each: ${DEMO_PASSWORD}`);
    expect(line('beheer')).toContain(DEMO_PASSWORD);
    expect(line('balie')).toContain(DEMO_PASSWORD);
    expect(line('fg')).not.toContain(DEMO_PASSWORD);
    expect(line('fg')).toContain('changed; no longer the demo password');
    expect(line('extra')).not.toContain(DEMO_PASSWORD);
    expect(line('extra')).toContain('not a demo account');
  });
});

describe('serve --demo on an empty store', () => {
  it(
    'puts the demo vault key under 2-of-3 custody and prints the demo passphrase',
    { timeout: 180_000 },
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-serve-demo-'));
      try {
        const out = await serveDemoOutput({
          PROPORTIO_DATA_DIR: dataDir,
          PROPORTIO_PORT: '0',
          PROPORTIO_MQTT_PORT: '-1',
        });
        expect(out).toContain(`passphrase for each: ${DEMO_CUSTODY_PASSPHRASE}`);
        expect(out).toContain('2 of 3 custodians');
        expect(out).toContain(DEMO_CUSTODIANS.join(', '));
        const recipient = fs.readFileSync(path.join(dataDir, 'vault', 'recipient.txt'), 'utf8').trim();
        const database = openDatabase({ databaseUrl: undefined, dataDir });
        try {
          const shares = await createCustodyStore(database).read.custody.currentShares(recipient);
          expect(shares.map((s) => [s.index, s.threshold, s.sealing])).toEqual([
            [1, 2, 'passphrase'],
            [2, 2, 'passphrase'],
            [3, 2, 'passphrase'],
          ]);
          // Two of them, opened with the printed passphrase, rebuild the demo's vault key.
          const docs = [];
          for (const s of shares.slice(0, 2)) {
            const d = await openShare(s.sealed!, { passphrase: DEMO_CUSTODY_PASSPHRASE });
            if (!d.ok) throw new Error(d.error.message);
            docs.push(d.value);
          }
          const rebuilt = await withVaultIdentity(docs, { vault: recipient }, (id) => ok(id.recipient.text));
          expect(rebuilt.ok && rebuilt.value).toBe(recipient);
        } finally {
          await database.close();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
