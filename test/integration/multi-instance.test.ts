/**
 * Two `proportio serve` runtimes on one PostgreSQL, in one test process (issue 13 §1): a session
 * made on one is valid on the other, an alarm raised on B reaches a responder streaming from A,
 * and when the instance that runs the scheduled jobs goes away the other takes them over and the
 * escalation fires once.
 */
import pg from 'pg';
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
  type SseEvent,
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

  it('replays to a stream that moves from A to B exactly what it missed (Last-Event-ID across instances)', async () => {
    const bhv = await loginAs(a.app, 'bhv');
    const onA = await openStream(a.url!, bhv.cookie);
    streams.push(onA);
    await onA.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot on A');
    const [first, second] = demo.rooms.filter((r) => r.siteId === demo.sites[0]!.id);
    const press = async (on: TestRuntime, roomId: string) => {
      const r = await on.app.inject({
        method: 'POST',
        url: '/api/alarms',
        headers: (await loginAs(on.app, 'balie')).headers,
        payload: { roomId },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ alarm: { id: string } }>().alarm.id;
    };
    const close = async (on: TestRuntime, id: string) => {
      const r = await on.app.inject({
        method: 'POST',
        url: `/api/alarms/${id}/close`,
        headers: (await loginAs(on.app, 'bhv')).headers,
        payload: { confirm: true },
      });
      expect([200, 204], r.body).toContain(r.statusCode);
    };
    // Seen on A: one alarm pressed on A, then the stream goes away (its instance is gone).
    const seen = await press(a, first!.id);
    await onA.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === seen, 'the first alarm on A');
    const lastId = onA.lastId();
    expect(lastId).toBeDefined();
    onA.close();
    // Meanwhile: that alarm closed on B, and another raised and closed on A — gone from any snapshot.
    await close(b, seen);
    const missed = await press(a, second!.id);
    await close(a, missed);
    // Both instances have heard all of it before the browser comes back, on B.
    const wantOnB = (e: SseEvent) => e.event === 'alarm.closed' && alarmOf(e).id === missed;
    const witness = await openStream(b.url!, (await loginAs(b.app, 'beveiliging')).cookie, lastId);
    streams.push(witness);
    await witness.waitFor(wantOnB, 'B to have heard the last close');
    const moved = await openStream(b.url!, bhv.cookie, lastId);
    streams.push(moved);
    await moved.waitFor(wantOnB, 'the replay on B');
    const replayed = moved.events
      .filter((e) => e.event.startsWith('alarm.'))
      .map(
        (e) => `${e.event} ${alarmOf(e).id === seen ? 'seen' : alarmOf(e).id === missed ? 'missed' : '?'}`,
      );
    // Exactly what it missed, once each and in order; nothing it had already seen.
    expect(replayed).toEqual(['alarm.closed seen', 'alarm.raised missed', 'alarm.closed missed']);
  });

  it('loses nothing it acknowledged when every database connection is cut under load, and recovers', async () => {
    const balie = await loginAs(b.app, 'balie');
    const bhv = await loginAs(a.app, 'bhv');
    const rooms = demo.rooms.filter((r) => r.siteId === demo.sites[0]!.id);
    const cut = async () => {
      const c = new pg.Client({ connectionString: a.databaseUrl });
      await c.connect();
      try {
        await c.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
      } finally {
        await c.end();
      }
    };
    // Presses and acknowledgements on both instances while every connection is cut three times.
    const answers: Array<{ status: number; id?: string }> = [];
    const press = async (i: number) => {
      const r = await b.app.inject({
        method: 'POST',
        url: '/api/alarms',
        headers: balie.headers,
        payload: { roomId: rooms[i % rooms.length]!.id },
      });
      // 201: a new alarm; 200: joined the room's open alarm. Both are an acknowledged press.
      answers.push(
        r.statusCode === 201 || r.statusCode === 200
          ? { status: r.statusCode, id: r.json<{ alarm: { id: string } }>().alarm.id }
          : { status: r.statusCode },
      );
    };
    const load = Promise.all(
      Array.from({ length: 30 }, (_, i) => new Promise((r) => setTimeout(r, i * 20)).then(() => press(i))),
    );
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150));
      await cut();
    }
    await load;
    // Every press got an answer; a refused one is a 5xx the button retries, never a silent loss.
    expect(answers).toHaveLength(30);
    for (const x of answers) expect([200, 201, 500, 503]).toContain(x.status);
    const acknowledged = answers.filter((x) => x.id !== undefined).map((x) => x.id!);
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = await a.rt.database.db
      .selectFrom('alarms')
      .select('id')
      .where('id', 'in', acknowledged)
      .execute();
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(acknowledged));

    // Both instances work again and hear each other: a new alarm on B reaches A's stream.
    await waitFor('A and B to hear each other again', () => {
      const sa = a.rt.cluster.metrics();
      const sb = b.rt.cluster.metrics();
      return (
        sa.includes('proportio_cluster_events_connected 1') &&
        sb.includes('proportio_cluster_events_connected 1')
      );
    });
    // Close what was raised, so the rooms are free again.
    const bhvB = await loginAs(b.app, 'bhv');
    for (const alarm of await a.rt.database.db
      .selectFrom('alarms')
      .select('id')
      .where('closed_at', 'is', null)
      .execute())
      await b.app.inject({
        method: 'POST',
        url: `/api/alarms/${alarm.id}/close`,
        headers: bhvB.headers,
        payload: { confirm: true },
      });
    const stream = await openStream(a.url!, bhv.cookie);
    streams.push(stream);
    await stream.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot after the cut');
    const after = await b.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId: rooms[0]!.id },
    });
    expect(after.statusCode, after.body).toBe(201);
    const id = after.json<{ alarm: { id: string } }>().alarm.id;
    await stream.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === id, 'an alarm after the cut');
    const closed = await b.app.inject({
      method: 'POST',
      url: `/api/alarms/${id}/close`,
      headers: bhvB.headers,
    });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  it('runs the escalation on exactly one instance, and on the other once the first is gone', async () => {
    // After the cut above the lock is taken again within a try or two (every 2 s).
    await waitFor(
      'exactly one leader',
      () => [a.rt.cluster.isLeader(), b.rt.cluster.isLeader()].filter(Boolean).length === 1,
    );
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
