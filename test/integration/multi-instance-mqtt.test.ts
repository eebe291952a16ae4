/**
 * Two `proportio serve` runtimes on one PostgreSQL, both clients of the machine's Mosquitto
 * (ADR 0017): one hardware press is handled by one instance (a shared subscription), and the
 * building systems hear each alarm event once, from the instance where it happened — one notice
 * on `<prefix>/alarms/…` and one webhook POST, not one per instance.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { mosquittoPub, mosquittoSub, systemMosquitto, type MosquittoSub } from '../support/mosquitto.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { waitFor } from '../support/waiting.js';
import { alarmModule, demoRegistry, type Demo } from './alarm-helpers.js';

const postgres = (await availableDialects()).includes('postgres');
const external = await systemMosquitto();

/** A building system's webhook receiver: counts the POSTs and keeps their bodies. */
const webhookReceiver = async () => {
  const bodies: Array<{ event: string; alarmId: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method === 'POST') bodies.push(JSON.parse(body) as { event: string; alarmId: string });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    bodies,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alarm`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};

describe.runIf(postgres && external)('two instances on one PostgreSQL with an external Mosquitto', () => {
  const prefix = `proportio-test-${Math.random().toString(16).slice(2, 10)}`;
  let a: TestRuntime;
  let b: TestRuntime;
  let demo: Demo;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  const subs: MosquittoSub[] = [];

  beforeAll(async () => {
    hook = await webhookReceiver();
    const env = {
      PROPORTIO_MQTT_URL: 'mqtt://127.0.0.1:1883',
      PROPORTIO_MQTT_TOPIC_PREFIX: prefix,
      PROPORTIO_ALARM_WEBHOOK_URL: hook.url,
    };
    a = await startTestRuntime({ dialect: 'postgres', demo: true, listen: true, env });
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      listen: true,
      env,
    });
    await a.rt.start();
    await b.rt.start();
    demo = await demoRegistry(a.app, (await loginAs(a.app, 'beheer')).headers);
  });
  afterAll(async () => {
    for (const s of subs) s.stop();
    for (const t of [b, a]) {
      if (!t) continue;
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
    await hook?.close();
  });

  /** Events the two instances heard from each other (by NOTIFY). */
  const heard = () =>
    [a, b].reduce(
      (n, t) =>
        n +
        Number(
          /proportio_cluster_events_total\{direction="received"\} (\d+)/.exec(t.rt.cluster.metrics())![1],
        ),
      0,
    );

  const register = async (name: string, roomId: string) => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: (await loginAs(a.app, 'beheer')).headers,
      payload: { name, kind: 'button', roomId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ device: { id: string }; token: string; mqtt: { pressTopic: string } }>();
  };

  it('one press: one alarm press recorded, one notice on MQTT, one webhook POST', async () => {
    const counters = [alarmModule(a.rt), alarmModule(b.rt)].map((m) => m.mqttCounters()!);
    const received = () => counters.reduce((n, c) => n + c.received, 0);
    await waitFor('both instances connected to Mosquitto', () =>
      [a, b].every((t) => alarmModule(t.rt).health().length === 0),
    );
    // Both subscriptions in place: a refused press (wrong token, nothing written) until each instance heard one.
    const other = await register('Knop proef', demo.rooms[1]!.id);
    await waitFor('both instances to hear presses', async () => {
      await mosquittoPub(1883, other.mqtt.pressTopic, ['{"token":"pdt_wrong"}']);
      return counters.every((c) => c.rejected > 0);
    });
    await waitFor(
      'the refused presses to be counted',
      () => received() === counters[0]!.rejected + counters[1]!.rejected,
    );

    const notices = mosquittoSub(1883, `${prefix}/alarms/#`);
    subs.push(notices);
    expect(await notices.ready).toBe(true);
    const roomId = demo.rooms[0]!.id;
    const button = await register('Knop Spreekkamer', roomId);
    const before = received();
    const heardBefore = heard();
    const pub = await mosquittoPub(1883, button.mqtt.pressTopic, [JSON.stringify({ token: button.token })]);
    expect(pub.code, pub.stderr).toBe(0);

    const alarm = await waitFor('the alarm in the database', () =>
      a.rt.database.db
        .selectFrom('alarms')
        .select(['id', 'press_count'])
        .where('room_id', '=', roomId)
        .where('closed_at', 'is', null)
        .executeTakeFirst(),
    );
    const raised = (m: { event: string; alarmId: string }) => m.event === 'raised' && m.alarmId === alarm.id;
    await notices.waitFor(
      (m) => raised(JSON.parse(m.payload) as { event: string; alarmId: string }),
      'notice',
    );
    await waitFor('the webhook POST', () => hook.bodies.some(raised));
    // Settle: both instances heard the alarm (the other by NOTIFY) and whatever they would send has had time to arrive.
    await waitFor('the other instance to hear the alarm', () => heard() > heardBefore);
    await new Promise((r) => setTimeout(r, 2000));

    expect(received() - before).toBe(1);
    const stored = await a.rt.database.db
      .selectFrom('alarms')
      .select(['id', 'press_count'])
      .where('room_id', '=', roomId)
      .execute();
    expect(stored).toEqual([{ id: alarm.id, press_count: 1 }]);
    expect(
      notices.lines.filter((m) => raised(JSON.parse(m.payload) as { event: string; alarmId: string })),
    ).toHaveLength(1);
    expect(hook.bodies.filter(raised)).toHaveLength(1);

    // Closing on B: one "closed" notice and one POST as well.
    const bhv = await loginAs(b.app, 'bhv');
    const closed = await b.app.inject({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      headers: bhv.headers,
      payload: { confirm: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const isClosed = (m: { event: string; alarmId: string }) =>
      m.event === 'closed' && m.alarmId === alarm.id;
    await notices.waitFor(
      (m) => isClosed(JSON.parse(m.payload) as { event: string; alarmId: string }),
      'closed',
    );
    await waitFor('the closing POST', () => hook.bodies.some(isClosed));
    await new Promise((r) => setTimeout(r, 2000));
    expect(
      notices.lines.filter((m) => isClosed(JSON.parse(m.payload) as { event: string; alarmId: string })),
    ).toHaveLength(1);
    expect(hook.bodies.filter(isClosed)).toHaveLength(1);
  });
});
