/**
 * What a user's protection rests on holds across two instances on one PostgreSQL (issue 13 §1,
 * ADR 0017): a session made on A works on B and a logout on A ends it on B; wrong passwords split
 * over A and B lock the account after the same number as on one instance, also when they arrive
 * at the same moment; the login rate limit and a button's press limit count the hits of both.
 * The single-instance tests (auth.test.ts, alarm-concurrency.test.ts) hold the same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESS_LIMIT } from '../../src/core/alarm/press-limit.js';
import { memoryRateLimits, pgRateLimits } from '../../src/adapters/limits/rate-limits.js';
import { decideHit } from '../../src/core/rate-limit.js';
import type { ProportioApp } from '../../src/http/app.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { alarmModule } from './alarm-helpers.js';

const postgres = (await availableDialects()).includes('postgres');

const LOGINS_PER_MINUTE = 10;
const MAX_FAILURES = 5;

describe.runIf(postgres)('state shared by two instances on one PostgreSQL', () => {
  // The clock stands still: every hit of a test falls in one window, however slow the machine.
  const at = new Date();
  const clock = { now: () => at };
  let a: TestRuntime;
  let b: TestRuntime;

  beforeAll(async () => {
    const env = { PROPORTIO_MQTT_PORT: '-1', PROPORTIO_LOGIN_MAX_FAILURES: String(MAX_FAILURES) };
    a = await startTestRuntime({
      dialect: 'postgres',
      demo: true,
      clock,
      env,
      loginAttemptsPerMinute: LOGINS_PER_MINUTE,
    });
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      clock,
      env,
      loginAttemptsPerMinute: LOGINS_PER_MINUTE,
    });
  });
  afterAll(async () => {
    for (const t of [b, a]) await t?.close();
  });

  /** Each test logs in from its own address, so the per-address limit of one never touches another. */
  const login = (app: ProportioApp, from: string, username: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: from,
      payload: { username, password },
    });

  it('a session made on A works on B, and a logout on A ends it on B', async () => {
    const s = await loginAs(a.app, 'bhv');
    const me = () => b.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect((await me()).statusCode).toBe(200);
    const out = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode, out.body).toBeLessThan(300);
    const after = await me();
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('wrong passwords alternating between A and B lock the account at the same count as on one instance', async () => {
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await login(i % 2 === 0 ? a.app : b.app, '10.0.1.1', 'fg', `wrong-${i}`);
      codes.push(r.json<{ code: string }>().code);
    }
    expect(codes).toEqual([
      ...Array<string>(MAX_FAILURES - 1).fill('AUTH.INVALID_CREDENTIALS'),
      'AUTH.LOCKED',
    ]);
    // Locked on both, the right password included.
    for (const app of [a.app, b.app]) {
      const r = await login(app, '10.0.1.2', 'fg', 'Lindewaard-demo-2026');
      expect(r.statusCode).toBe(423);
      expect(r.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    }
  });

  it('wrong passwords arriving at the same moment on A and B all count', async () => {
    const answers = await Promise.all(
      Array.from({ length: MAX_FAILURES }, (_, i) =>
        login(i % 2 === 0 ? a.app : b.app, `10.0.2.${i + 1}`, 'auditor', `wrong-${i}`),
      ),
    );
    const codes = answers.map((r) => r.json<{ code: string }>().code);
    expect(codes.filter((c) => c === 'AUTH.LOCKED')).toHaveLength(1);
    expect(codes.filter((c) => c === 'AUTH.INVALID_CREDENTIALS')).toHaveLength(MAX_FAILURES - 1);
    const right = await login(b.app, '10.0.2.99', 'auditor', 'Lindewaard-demo-2026');
    expect(right.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    const row = await a.rt.database.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'auditor')
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
  });

  it('the login rate limit per address counts the attempts on both instances', async () => {
    const from = '10.0.3.1';
    const answers = [];
    // Half on each, in turn: on one instance the limit is LOGINS_PER_MINUTE as well.
    for (let i = 0; i < LOGINS_PER_MINUTE; i++)
      answers.push(await login(i % 2 === 0 ? a.app : b.app, from, 'nobody-here', 'whatever-password'));
    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(LOGINS_PER_MINUTE).fill(401));
    for (const app of [a.app, b.app]) {
      const over = await login(app, from, 'nobody-here', 'whatever-password');
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    }
    // Another address is not held up by it.
    expect((await login(b.app, '10.0.3.2', 'nobody-here', 'whatever-password')).statusCode).toBe(401);
  });

  it('a flooding button split over A and B is admitted no more often than on one instance', async () => {
    const registered = await alarmModule(a.rt).services.devices.register(
      { kind: 'system', name: 'test' },
      {
        name: 'Knop die hapert',
        kind: 'button',
        roomId: (await a.rt.store.read.rooms.list()).find((r) => r.name === 'Gespreksruimte B')!.id,
      },
    );
    if (!registered.ok) throw new Error(registered.error.message);
    const { device, token } = registered.value;
    const payload = new TextEncoder().encode(JSON.stringify({ token }));
    const topic = `${a.rt.config.mqtt.topicPrefix}/buttons/${device.id}/press`;
    // As over an external broker that hands the presses to both instances, side by side.
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        alarmModule(i % 2 === 0 ? a.rt : b.rt).services.alarms.buttonMessage(topic, payload, undefined),
      ),
    );
    const results = answers.map((x) => x.result);
    expect(results.filter((r) => r.ok)).toHaveLength(DEFAULT_PRESS_LIMIT.max);
    expect(results.filter((r) => !r.ok && r.code === 'ALARM.RATE_LIMITED')).toHaveLength(
      30 - DEFAULT_PRESS_LIMIT.max,
    );
    const open = await a.rt.database.db
      .selectFrom('alarms')
      .select('press_count')
      .where('room_id', '=', device.roomId!)
      .where('state', '!=', 'closed')
      .execute();
    expect(open.map((x) => Number(x.press_count))).toEqual([DEFAULT_PRESS_LIMIT.max]);
  });

  it('the PostgreSQL limiter and the memory limiter both follow the one sliding-window rule', async () => {
    const limit = { max: 3, windowMs: 1000 };
    // Hits at these times (ms); a forced hit is admitted and counted whatever the count.
    const hits: Array<[number, boolean]> = [
      [0, false],
      [100, false],
      [200, false],
      [300, false],
      [400, true],
      [999, false],
      [1050, false],
      [1150, false],
      [1250, false],
      [1300, false],
      [2400, false],
      [2401, false],
    ];
    let history: readonly number[] = [];
    const expected = hits.map(([t, force]) => {
      const d = decideHit(history, t, limit, force);
      history = d.history;
      return d.admit;
    });
    expect(expected).toContain(false); // the sequence does reach the limit
    for (const limits of [memoryRateLimits(), pgRateLimits(a.rt.database.db)]) {
      const got = [];
      for (const [t, force] of hits) got.push(await limits.admit('parity', 'k', 1_000_000 + t, limit, force));
      expect(got).toEqual(expected);
    }
  });
});
