/**
 * Everything in the data folder is the owner's alone: files 0600 (database, -wal/-shm, master
 * key, vault recipient, anything later), folders 0700. Checked for a runtime started in-process
 * (explicit modes, whatever the test process's umask) and for the CLI as an operator runs it
 * (`migrate`, `demo`, `vault init`, `vault share export`: the CLI also sets umask 0077). SQLite only: PostgreSQL keeps
 * its data in the server's own folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { loginAs, startTestRuntime } from '../support/test-runtime.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Every path under dir (dir included) with group or other permission bits set. */
const tooOpen = (dir: string): string[] => {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(dir, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return out;
};

const listing = (dir: string): string[] => {
  const out: string[] = [];
  const visit = (p: string) => {
    for (const name of fs.readdirSync(p)) {
      const full = path.join(p, name);
      out.push(path.relative(dir, full));
      if (fs.statSync(full).isDirectory()) visit(full);
    }
  };
  visit(dir);
  return out.sort();
};

describe('data file modes', () => {
  const previous = process.umask(0o022);
  afterAll(() => {
    process.umask(previous);
  });

  it('a runtime on a fresh data folder (umask 022) creates nothing readable by group or others', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-modes-'));
    fs.rmdirSync(dataDir); // the runtime creates it
    const t = await startTestRuntime({ demo: true, dataDir, env: { PROPORTIO_MQTT_PORT: '-1' } });
    try {
      await t.rt.start();
      const balie = await loginAs(t.app, 'balie');
      const roomId = (await t.rt.store.read.rooms.list())[0]!.id;
      const raised = await t.app.inject({
        method: 'POST',
        url: '/api/alarms',
        headers: balie.headers,
        payload: { roomId },
      });
      expect(raised.statusCode, raised.body).toBe(201);
      const files = listing(dataDir);
      expect(files).toEqual(
        expect.arrayContaining(['proportio.sqlite', 'proportio.sqlite-wal', 'master.key']),
      );
      expect(tooOpen(dataDir)).toEqual([]);
    } finally {
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the CLI (migrate, demo, vault init, share export) creates nothing readable by group or others', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-modes-cli-')), 'data');
    const share = path.join(path.dirname(dataDir), 'keys', 'share-fg.age');
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
        cwd: root,
        env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent', PROPORTIO_DATA_DIR: dataDir },
      });
    try {
      await cli('migrate');
      await cli('demo');
      // Custodians with their own age keys: no passphrase prompt, so no terminal needed.
      const custodians = ['fg', 'beveiliging', 'secretaris'].flatMap((u) => [
        '--custodian',
        `${u}=${generateIdentity().recipient.text}`,
      ]);
      await cli('vault', 'init', ...custodians);
      fs.mkdirSync(path.dirname(share), { recursive: true });
      await cli('vault', 'share', 'export', '--custodian', 'fg', '--out', share);
      expect(listing(dataDir)).toEqual(
        expect.arrayContaining(['proportio.sqlite', 'master.key', path.join('vault', 'recipient.txt')]),
      );
      expect(tooOpen(dataDir)).toEqual([]);
      expect(tooOpen(share)).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
