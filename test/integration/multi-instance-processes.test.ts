/**
 * Two `proportio serve` processes on one PostgreSQL (issue 13 §1), as an IT department runs them
 * behind a load balancer: the instance that runs the scheduled jobs is killed (SIGKILL) right
 * after an alarm was raised, and the escalation still fires — once — on the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { waitFor } from '../support/waiting.js';
import { alarmOf, openStream, type SseClient } from './alarm-helpers.js';

const postgres = (await availableDialects()).includes('postgres');
const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Lindewaard-demo-2026';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

interface Instance {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
}

const serve = async (env: Record<string, string>, demo: boolean): Promise<Instance> => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'serve', ...(demo ? ['--demo'] : [])],
    {
      cwd: root,
      env: {
        ...process.env,
        PROPORTIO_LOG_LEVEL: 'warn',
        NO_COLOR: '1',
        PROPORTIO_PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  await waitFor(
    `serve on port ${port} to run`,
    () => {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${out}`);
      return out.includes('Proportio is running');
    },
    120_000,
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
};

const login = async (base: string, username: string) => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
};

describe.runIf(postgres)('two serve processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let dataDir: string;
  const instances: Instance[] = [];
  const streams: SseClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-instances-'));
    const env = { PROPORTIO_DATABASE_URL: db.url!, PROPORTIO_DATA_DIR: dataDir, PROPORTIO_MQTT_PORT: '-1' };
    // A starts first (loads the demo, takes the scheduler lock); B joins the same database.
    instances.push(await serve(env, true));
    instances.push(await serve(env, false));
  }, 300_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    for (const i of instances) {
      if (i.child.exitCode !== null || i.child.signalCode !== null) continue;
      const exited = new Promise((r) => i.child.once('exit', r));
      i.child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('escalates an alarm once on B after A, which ran the jobs, was killed mid-alarm', async () => {
    const [a, b] = instances as [Instance, Instance];
    const beheer = await login(b.url, 'beheer');
    const set = await fetch(`${b.url}/api/settings/alarm.escalationSeconds`, {
      method: 'PUT',
      headers: beheer.headers,
      body: JSON.stringify({ value: 5 }),
    });
    expect(set.status, await set.text()).toBe(200);
    const rooms = (await (await fetch(`${b.url}/api/rooms`, { headers: beheer.headers })).json()) as Array<{
      id: string;
    }>;

    const stream = await openStream(b.url, (await login(b.url, 'beveiliging')).cookie);
    streams.push(stream);
    await stream.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot on B');
    const balie = await login(b.url, 'balie');
    const raised = await fetch(`${b.url}/api/alarms`, {
      method: 'POST',
      headers: balie.headers,
      body: JSON.stringify({ roomId: rooms[0]!.id }),
    });
    expect(raised.status).toBe(201);
    const id = ((await raised.json()) as { alarm: { id: string } }).alarm.id;
    await stream.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === id, 'the alarm on B');

    // A runs the scheduled jobs, B does not (/metrics says so).
    const leaderOf = async (i: Instance) => {
      const m = await fetch(`${i.url}/metrics`, {
        headers: { cookie: (await login(i.url, 'beheer')).cookie },
      });
      expect(m.status).toBe(200);
      return /^proportio_cluster_leader (\d)$/m.exec(await m.text())?.[1];
    };
    expect(await leaderOf(a)).toBe('1');
    expect(await leaderOf(b)).toBe('0');

    // A dies without a word: its session ends, PostgreSQL releases its lock, B takes the jobs.
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const escalated = await stream.waitFor(
      (e) => e.event === 'alarm.escalated' && alarmOf(e).id === id,
      'the escalation from B',
      90_000,
    );
    expect(alarmOf(escalated)).toMatchObject({ id });
    expect(await leaderOf(b)).toBe('1');
    // More ticks pass on B: the alarm is escalated once, on record.
    const countEscalations = async () =>
      (
        await db.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'alarm.escalate')
          .where('subject', '=', `alarm:${id}`)
          .execute()
      ).length;
    await waitFor('the escalation on record', async () => (await countEscalations()) >= 1);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await countEscalations()).toBe(1);
    expect(b.output()).not.toMatch(/escalation sweep failed/);
  }, 240_000);
});
