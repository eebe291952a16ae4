/**
 * PostgreSQL restarted under load (issue 13 §1): two instances share a PostgreSQL server of this
 * test's own (test/support/pg-cluster.ts, so the shared server other tests use is never touched),
 * presses flow on both, and the server is stopped as a crash would stop it and started again.
 * Afterwards every press that was answered 200/201 is in the database, every alarm answered 201
 * reached the responder's stream on both instances (live, by Last-Event-ID replay or in the
 * snapshot a reconnecting stream gets), and both instances are ready and hear each other again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { privateClusterAvailable, startPrivateCluster, type PrivateCluster } from '../support/pg-cluster.js';
import { waitFor } from '../support/waiting.js';
import { alarmOf, openStream, type SseEvent } from './alarm-helpers.js';

const available = privateClusterAvailable();
if (!available && process.env.CI)
  throw new Error('CI runs as root with PostgreSQL installed: this test must run');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A responder's browser: reads the stream, and when it ends reconnects with its Last-Event-ID. */
const follow = (baseUrl: string, cookie: string) => {
  const seen = new Set<string>();
  let stopped = false;
  let connects = 0;
  const absorb = (e: SseEvent) => {
    if (e.event === 'alarms.snapshot')
      for (const x of (e.data as { alarms: Array<{ id: string }> }).alarms) seen.add(x.id);
    else if (e.event.startsWith('alarm.')) seen.add(alarmOf(e).id);
  };
  const done = (async () => {
    let last: string | undefined;
    while (!stopped) {
      try {
        const s = await openStream(baseUrl, cookie, last);
        if (s.status === 200) connects++;
        let i = 0;
        while (!stopped && !s.closed()) {
          for (; i < s.events.length; i++) absorb(s.events[i]!);
          await sleep(50);
        }
        for (; i < s.events.length; i++) absorb(s.events[i]!);
        last = s.lastId() ?? last;
        s.close();
      } catch {
        // The instance answered nothing (its database is away): try again, as EventSource does.
      }
      if (!stopped) await sleep(300);
    }
  })();
  return {
    seen,
    connects: () => connects,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
};

describe.runIf(available)('PostgreSQL restarted under load, two instances', () => {
  let server: PrivateCluster;
  let a: TestRuntime;
  let b: TestRuntime;

  beforeAll(async () => {
    server = await startPrivateCluster();
    const common = {
      dialect: 'postgres' as const,
      joinDatabaseUrl: server.url,
      listen: true,
      loginAttemptsPerMinute: 1000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    };
    a = await startTestRuntime({ ...common, demo: true });
    b = await startTestRuntime({ ...common, dataDir: a.dataDir });
    await a.rt.start();
    await b.rt.start();
  });
  afterAll(async () => {
    for (const t of [b, a]) {
      if (!t) continue;
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
    server?.stop();
  });

  it('loses no answered press, delivers every alarm on both instances and recovers', async () => {
    const admin = await loginAs(a.app, 'beheer');
    const sites = await a.app.inject({ method: 'GET', url: '/api/sites', headers: admin.headers });
    const siteId = sites.json<Array<{ id: string }>>()[0]!.id;
    const rooms: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await a.app.inject({
        method: 'POST',
        url: '/api/rooms',
        headers: admin.headers,
        payload: { siteId, name: `Spreekkamer herstart ${i + 1}` },
      });
      expect(r.statusCode, r.body).toBe(201);
      rooms.push(r.json<{ id: string }>().id);
    }
    const responder = await loginAs(a.app, 'bhv');
    const onA = follow(a.url!, responder.cookie);
    const onB = follow(b.url!, responder.cookie);
    await waitFor('both streams connected', () => onA.connects() > 0 && onB.connects() > 0, 120_000);

    // Two front desks press, one per instance, each on the next room (later rounds join).
    const balie = { a: await loginAs(a.app, 'balie'), b: await loginAs(b.app, 'balie') };
    const answers: Array<{ status: number; id?: string; at: number }> = [];
    let next = 0;
    let pressing = true;
    let restartedAt = Number.POSITIVE_INFINITY;
    const desk = async (t: TestRuntime, s: { headers: Record<string, string> }) => {
      while (pressing) {
        const roomId = rooms[next++ % rooms.length]!;
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/alarms',
          headers: s.headers,
          payload: { roomId },
        });
        answers.push(
          r.statusCode === 201 || r.statusCode === 200
            ? { status: r.statusCode, id: r.json<{ alarm: { id: string } }>().alarm.id, at: Date.now() }
            : { status: r.statusCode, at: Date.now() },
        );
        await sleep(100);
      }
    };
    const desks = Promise.all([desk(a, balie.a), desk(b, balie.b)]);
    const answered = () => answers.filter((x) => x.id !== undefined);
    await waitFor('presses answered before the restart', () => answered().length >= 6, 120_000);
    server.restart('immediate');
    restartedAt = Date.now();
    await waitFor(
      'presses answered on both instances after the restart',
      () =>
        answered().filter((x) => x.at > restartedAt).length >= 6 &&
        answers.some((x) => x.at > restartedAt && x.id !== undefined),
      180_000,
    );
    pressing = false;
    await desks;

    // Every answer was an answer: stored (200/201) or refused with a server error the caller retries.
    for (const x of answers) expect([200, 201, 500, 503]).toContain(x.status);
    const ok = answered();
    const ids = [...new Set(ok.map((x) => x.id!))];
    const stored = await a.rt.database.db
      .selectFrom('alarms')
      .select(['id', 'press_count'])
      .where('room_id', 'in', rooms)
      .execute();
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(ids));
    // Each answered press counted once at least; a press whose answer was lost may have counted too.
    const counted = stored.reduce((n, r) => n + Number(r.press_count), 0);
    expect(counted).toBeGreaterThanOrEqual(ok.length);
    expect(counted).toBeLessThanOrEqual(answers.length);

    // Every new alarm reached the responder on both instances.
    const raised = [...new Set(ok.filter((x) => x.status === 201).map((x) => x.id!))];
    expect(raised.length).toBeGreaterThan(0);
    await waitFor(
      'every alarm on the stream of both instances',
      () => raised.every((id) => onA.seen.has(id) && onB.seen.has(id)),
      120_000,
    );
    await onA.stop();
    await onB.stop();

    // Both instances are ready again, hear each other, and one of them runs the jobs.
    for (const t of [a, b]) {
      await waitFor(
        'ready again',
        async () => (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200,
        120_000,
      );
      await waitFor(
        'events connected again',
        () => t.rt.cluster.metrics().includes('proportio_cluster_events_connected 1'),
        120_000,
      );
      expect(t.rt.cluster.metrics()).toMatch(/proportio_cluster_events_reconnects_total [1-9]/);
    }
    await waitFor(
      'one leader again',
      () => [a, b].filter((t) => t.rt.cluster.isLeader()).length === 1,
      60_000,
    );
  });
});
