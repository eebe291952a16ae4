/**
 * The `proportio` command: local commands on a real data folder, API commands against a
 * running instance, wrong arguments, and the documented exit codes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCliProcess } from '../support/cli-process.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** Runs the CLI in a child process, as a user would, and returns its exit code and output. */
const cli = runCliProcess;

/** Runs the CLI in-process (fast) with captured output. */
const inProc = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

describe('local commands on a data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-cli-'));
  const env = { PROPORTIO_DATA_DIR: dataDir };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, loads the demo once, and verifies the audit chain', async () => {
    const m = await cli(['migrate', '--json'], env);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ applied: expect.arrayContaining(['0001-foundation']) });
    const d = await cli(['demo', '--json'], env);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ organisation: 'Gemeente Lindewaard', rooms: 6 });
    const again = await cli(['demo'], env);
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('STORE.NOT_EMPTY');
    const v = await cli(['audit', 'verify', '--json'], env);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true });
  });

  it('fails verification and names the row after one audit row is tampered with in the SQLite file', async () => {
    const db = new SQLite(path.join(dataDir, 'proportio.sqlite'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'user:someone-else' WHERE seq = 7").run();
    db.close();
    const v = await cli(['audit', 'verify'], env);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('AUDIT CHAIN BROKEN at entry 7 (altered)');
    const j = await cli(['audit', 'verify', '--json'], env);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({
      ok: false,
      checked: 6,
      problem: { kind: 'altered', seq: 7 },
    });
  });

  it('reports an invalid environment clearly with exit 78', async () => {
    const r = await cli(['migrate'], {
      ...env,
      PROPORTIO_PORT: 'eighty',
      PROPORTIO_DATABASE_URL: 'mysql://x',
    });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('PROPORTIO_PORT must be a whole number');
    expect(r.stderr).toContain('PROPORTIO_DATABASE_URL must use postgres: or postgresql:');
  });
});

describe('usage', () => {
  it('prints help with exit 0', async () => {
    const r = await inProc(['--help']);
    expect(r.code).toBe(0);
    for (const c of [
      'serve',
      'migrate',
      'demo',
      'audit',
      'token',
      'site',
      'room',
      'camera',
      'conversation-type',
      'user',
    ])
      expect(r.stdout).toContain(c);
    const sub = await inProc(['room', 'add', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--site <site>');
  });

  it.each([
    [['frobnicate'], 'unknown command'],
    [['room', 'add', '--name', 'X'], "required option '--site <site>' not specified"],
    [['audit', 'verify', '--bogus'], "unknown option '--bogus'"],
  ])('rejects %j with exit 64', async (args, message) => {
    const r = await inProc(args);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
  });
});

describe('API commands against a running instance', () => {
  let t: TestRuntime;
  let conn: string[];
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true });
    const beheer = (await t.rt.store.read.users.findByUsername('beheer'))!;
    const tok = await t.rt.services.auth.createApiToken(
      { kind: 'system', name: 'test' },
      beheer.id,
      'cli-test',
    );
    if (!tok.ok) throw new Error('token');
    conn = ['--url', t.url!, '--token', tok.value.token];
  });
  afterAll(async () => t?.close());

  it('lists and adds through the API, with --json', async () => {
    const sites = await inProc(['site', 'list', '--json', ...conn]);
    expect(sites.code).toBe(0);
    expect(JSON.parse(sites.stdout)).toHaveLength(2);
    const add = await inProc([
      'room',
      'add',
      '--site',
      'Wijkcentrum De Brink',
      '--name',
      'Gespreksruimte C',
      '--floor',
      '1',
      '--json',
      ...conn,
    ]);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'Gespreksruimte C' });
    const rooms = await inProc(['room', 'list', '--site', 'Wijkcentrum De Brink', ...conn]);
    expect(rooms.stdout).toContain('Gespreksruimte C');
    const types = await inProc([
      'conversation-type',
      'add',
      '--code',
      'inburgering',
      '--name-nl',
      'Inburgeringsgesprek',
      '--name-en',
      'Civic integration',
      '--json',
      ...conn,
    ]);
    expect(JSON.parse(types.stdout)).toMatchObject({ code: 'inburgering', sensitive: false });
    const u = await inProc([
      'user',
      'add',
      '--username',
      'nieuwe-fg',
      '--name',
      'Nieuwe FG',
      '--roles',
      'dpo',
      '--json',
      ...conn,
    ]);
    expect(JSON.parse(u.stdout)).toMatchObject({ username: 'nieuwe-fg', roles: ['dpo'] });
    const dis = await inProc(['user', 'disable', 'nieuwe-fg', '--json', ...conn]);
    expect(JSON.parse(dis.stdout)).toMatchObject({ disabled: true });
    const list = await inProc(['user', 'list', ...conn]);
    expect(list.stdout).toMatch(/nieuwe-fg\s+Nieuwe FG\s+dpo\s+true/);
    const [entry] = await t.rt.store.read.audit.page({ limit: 1 });
    expect(entry).toMatchObject({ action: 'user.disable' });
  });

  it('rejects hostile input with exit 65 and writes nothing', async () => {
    const before = await t.rt.store.read.audit.count();
    const r = await inProc(['site', 'add', '--name', "x'; DROP TABLE sites; --", ...conn]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('REQUEST.INVALID');
    // A broken percent-escape in the camera URL is bad input (65, naming the field), not a crash (70).
    const cam = await inProc([
      'camera',
      'add',
      '--room',
      'Spreekkamer 1',
      '--name',
      'Cam',
      '--stream-url',
      'rtsp://%ZZ@cam.example/s',
      ...conn,
    ]);
    expect(cam.code).toBe(65);
    expect(cam.stderr).toContain('url');
    expect(await t.rt.store.read.audit.count()).toBe(before);
  });

  it('exits 77 with a wrong token, 69 when the instance cannot be reached, 66 for an unknown site', async () => {
    expect((await inProc(['site', 'list', '--url', t.url!, '--token', 'prt_wrong'])).code).toBe(77);
    const down = await inProc(['site', 'list', '--url', 'http://127.0.0.1:9', '--token', 'prt_x']);
    expect(down.code).toBe(69);
    expect(down.stderr).toContain('cannot reach Proportio');
    expect((await inProc(['room', 'add', '--site', 'Nergens', '--name', 'X', ...conn])).code).toBe(66);
  });
});
