/**
 * Two `proportio serve` runtimes on one PostgreSQL, in one test process (issue 13 §1): a session
 * made on one is valid on the other, an alarm raised on B reaches a responder streaming from A,
 * and when the instance that runs the scheduled jobs goes away the other takes them over and the
 * escalation fires once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { waitFor } from '../support/waiting.js';
import {
  alarmOf,
  createSiteResponder,
  demoRegistry,
  openStream,
  type Demo,
  type SseClient,
} from './alarm-helpers.js';

const postgres = (await availableDialects()).includes('postgres');

describe.runIf(postgres)('two instances on one PostgreSQL', () => {
  let skewMs = 0;
  const clock = { now: () => new Date(Date.now() + skewMs) };
  let a: TestRuntime;
  let b: TestRuntime;
  let demo: Demo;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    // The instances share the configuration volume (master key, export key) as they would behind a load balancer.
    a = await startTestRuntime({
      dialect: 'postgres',
      demo: true,
      listen: true,
      clock,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      listen: true,
      clock,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    await a.rt.start();
    await b.rt.start();
    demo = await demoRegistry(a.app, (await loginAs(a.app, 'beheer')).headers);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    for (const t of [b, a]) {
      if (!t) continue;
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
  });

  it('honours a session made on the other instance', async () => {
    const onB = await loginAs(b.app, 'bhv');
    const me = await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: onB.headers });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json<{ user: { username: string } }>().user.username).toBe('bhv');
  });

  it('delivers an alarm raised on B to a responder streaming from A, and the acknowledgement back', async () => {
    const bhv = await loginAs(a.app, 'bhv');
    const stream = await openStream(a.url!, bhv.cookie);
    streams.push(stream);
    await stream.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot on A');
    const balie = await loginAs(b.app, 'balie');
    const room = demo.rooms.find((r) => r.siteId === demo.sites[0]!.id)!;
    const raised = await b.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId: room.id },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json<{ alarm: { id: string } }>().alarm.id;
    const got = await stream.waitFor(
      (e) => e.event === 'alarm.raised' && alarmOf(e).id === id,
      'alarm from B on A',
    );
    expect(alarmOf(got)).toMatchObject({ roomId: room.id, state: 'raised' });

    // "Ik kom" on A reaches a responder streaming from B.
    const onB = await openStream(b.url!, (await loginAs(b.app, 'beveiliging')).cookie);
    streams.push(onB);
    await onB.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot on B');
    const ack = await a.app.inject({
      method: 'POST',
      url: `/api/alarms/${id}/acknowledge`,
      headers: bhv.headers,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    await onB.waitFor((e) => e.event === 'alarm.acknowledged' && alarmOf(e).id === id, 'ack from A on B');
    const close = await a.app.inject({
      method: 'POST',
      url: `/api/alarms/${id}/close`,
      headers: bhv.headers,
      payload: { confirm: true },
    });
    expect([200, 204], close.body).toContain(close.statusCode);
  });

  it('runs the escalation on exactly one instance, and on the other once the first is gone', async () => {
    expect([a.rt.cluster.isLeader(), b.rt.cluster.isLeader()].filter(Boolean)).toHaveLength(1);
    const [leader, follower] = a.rt.cluster.isLeader() ? [a, b] : [b, a];
    const beheer = (await loginAs(follower.app, 'beheer')).headers;
    const security = await createSiteResponder(follower.app, beheer, 'security-only-mi', demo.sites[0]!.id, [
      'security',
    ]);
    const sec = await openStream(follower.url!, security.cookie);
    streams.push(sec);
    await sec.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot');

    // The leader goes away (its jobs and its lock); the follower takes over within seconds.
    for (const m of [...leader.rt.modules].reverse()) await m.stop();
    await leader.rt.cluster.close();
    await waitFor('the other instance to lead', () => follower.rt.cluster.isLeader());

    const balie = await loginAs(follower.app, 'balie');
    const room = demo.rooms.filter((r) => r.siteId === demo.sites[0]!.id)[1]!;
    const raised = await follower.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId: room.id },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json<{ alarm: { id: string } }>().alarm.id;
    skewMs += 31_000; // past the default escalation time
    await sec.waitFor((e) => e.event === 'alarm.escalated' && alarmOf(e).id === id, 'escalation', 60_000);
    // Several more ticks pass: still one escalation on record.
    await new Promise((r) => setTimeout(r, 3000));
    const entries = await follower.rt.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'alarm.escalate')
      .where('subject', '=', `alarm:${id}`)
      .execute();
    expect(entries).toHaveLength(1);
  });
});
