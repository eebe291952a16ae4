/**
 * Hardware buttons end to end with the real Mosquitto tools: mosquitto_pub / mosquitto_sub
 * against the embedded listener (port 0), and Proportio as a client of a real Mosquitto broker
 * (the machine's on 127.0.0.1:1883, and a private one we stop and start to play "broker gone").
 * Bad input: wrong token, unknown device, foreign topics, malformed payloads, press floods.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESS_LIMIT } from '../../src/core/alarm/press-limit.js';
import { availableDialects } from '../support/databases.js';
import {
  mosquittoPub,
  mosquittoSub,
  privateMosquitto,
  systemMosquitto,
  type MosquittoSub,
  type PrivateBroker,
} from '../support/mosquitto.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import {
  alarmModule,
  alarmOf,
  demoRegistry,
  footprint,
  openStream,
  type Demo,
  type SseClient,
} from './alarm-helpers.js';

type Headers = Record<string, string>;
const until = async (cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

interface Setup {
  t: TestRuntime;
  beheer: Headers;
  balie: Headers;
  bhv: { cookie: string; headers: Headers };
  demo: Demo;
  prefix: string;
  subs: MosquittoSub[];
  streams: SseClient[];
}

const setUp = async (dialect: 'sqlite' | 'postgres', env: Record<string, string>): Promise<Setup> => {
  const prefix = `proportio-test-${Math.random().toString(16).slice(2, 10)}`;
  const t = await startTestRuntime({
    dialect,
    demo: true,
    listen: true,
    env: { PROPORTIO_MQTT_TOPIC_PREFIX: prefix, PROPORTIO_MQTT_HOST: '127.0.0.1', ...env },
  });
  await t.rt.start();
  const beheer = (await loginAs(t.app, 'beheer')).headers;
  return {
    t,
    beheer,
    balie: (await loginAs(t.app, 'balie')).headers,
    bhv: await loginAs(t.app, 'bhv'),
    demo: await demoRegistry(t.app, beheer),
    prefix,
    subs: [],
    streams: [],
  };
};

const tearDown = async (s: Setup | undefined) => {
  if (!s) return;
  for (const x of s.subs) x.stop();
  for (const x of s.streams) x.close();
  for (const m of s.t.rt.modules) await m.stop();
  await s.t.close();
};

const register = async (s: Setup, name: string, kind: 'button' | 'subscriber', roomId?: string) => {
  const res = await s.t.app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: s.beheer,
    payload: { name, kind, ...(roomId ? { roomId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{
    device: { id: string };
    token: string;
    mqtt: { pressTopic: string; resultTopic: string };
  }>();
};

const closeAll = async (s: Setup) => {
  for (const a of (await s.t.app.inject({ method: 'GET', url: '/api/alarms', headers: s.bhv.headers })).json<
    Array<{ id: string }>
  >()) {
    await s.t.app.inject({ method: 'POST', url: `/api/alarms/${a.id}/close`, headers: s.bhv.headers });
  }
};

for (const dialect of await availableDialects()) {
  describe(`MQTT buttons on the embedded listener with mosquitto_pub (${dialect})`, () => {
    let s: Setup;
    let port: number;
    let button: Awaited<ReturnType<typeof register>>;
    let subscriber: Awaited<ReturnType<typeof register>>;
    let roomId: string;

    beforeAll(async () => {
      s = await setUp(dialect, { PROPORTIO_MQTT_PORT: '0' });
      port = alarmModule(s.t.rt).mqttPort()!;
      expect(port).toBeGreaterThan(0);
      roomId = s.demo.rooms[0]!.id;
      button = await register(s, 'Knop Spreekkamer 1', 'button', roomId);
      subscriber = await register(s, 'Gebouwbeheer', 'subscriber');
    });
    afterAll(() => tearDown(s));

    it('a press reaches the responder over SSE and a mosquitto_sub subscriber, and the button gets its result', async () => {
      const stream = await openStream(s.t.url!, s.bhv.cookie);
      s.streams.push(stream);
      await stream.waitFor((e) => e.event === 'alarms.snapshot');
      const events = mosquittoSub(port, `${s.prefix}/alarms/#`, {
        username: subscriber.device.id,
        password: subscriber.token,
      });
      const result = mosquittoSub(port, button.mqtt.resultTopic, {
        username: button.device.id,
        password: button.token,
      });
      s.subs.push(events, result);
      expect(await events.ready).toBe(true);
      expect(await result.ready).toBe(true);

      const pub = await mosquittoPub(port, button.mqtt.pressTopic, ['{"at":"2026-03-02T09:00:00Z"}'], {
        username: button.device.id,
        password: button.token,
      });
      expect(pub.code, pub.stderr).toBe(0);

      const raised = await stream.waitFor((e) => e.event === 'alarm.raised', 'alarm.raised over SSE');
      expect((raised.data as { alarm: Record<string, unknown> }).alarm).toMatchObject({
        roomId,
        source: 'mqtt',
        deviceId: button.device.id,
      });
      const out = await events.waitFor(
        (m) => m.topic === `${s.prefix}/alarms/${s.demo.rooms[0]!.siteId}/${roomId}`,
        'alarm on MQTT',
      );
      expect(JSON.parse(out.payload)).toMatchObject({
        event: 'raised',
        alarmId: alarmOf(raised).id,
        roomId,
        silent: false,
      });
      const res = await result.waitFor(() => true, 'result for the button');
      expect(JSON.parse(res.payload)).toMatchObject({ ok: true, alarmId: alarmOf(raised).id, joined: false });

      // Acknowledge and close go out on MQTT too.
      await s.t.app.inject({
        method: 'POST',
        url: `/api/alarms/${alarmOf(raised).id}/acknowledge`,
        headers: s.bhv.headers,
      });
      await s.t.app.inject({
        method: 'POST',
        url: `/api/alarms/${alarmOf(raised).id}/close`,
        headers: s.bhv.headers,
      });
      await events.waitFor((m) => JSON.parse(m.payload).event === 'closed', 'closed on MQTT');
      expect(events.lines.map((m) => (JSON.parse(m.payload) as { event: string }).event)).toEqual([
        'raised',
        'acknowledged',
        'closed',
      ]);
    });

    it.each([
      ['wrong token', () => ({ username: button.device.id, password: 'pdt_wrong' })],
      ['unknown device', () => ({ username: 'no-such-device', password: button.token })],
      ['no credentials', () => ({})],
    ])('%s: the connection is refused and nothing is written', async (_n, auth) => {
      const before = await footprint(s.t.rt);
      const pub = await mosquittoPub(port, button.mqtt.pressTopic, ['{}'], auth());
      expect(pub.code).not.toBe(0);
      expect(pub.stderr).toMatch(/not authori[sz]ed|bad user name or password|refused/i);
      expect(await footprint(s.t.rt)).toEqual(before);
    });

    it('a button may not press for another device, nor a subscriber press at all', async () => {
      const other = await register(s, 'Knop Spreekkamer 2', 'button', s.demo.rooms[1]!.id);
      const before = await footprint(s.t.rt);
      const counters = alarmModule(s.t.rt).mqttCounters()!;
      const rejected = counters.rejected;
      await mosquittoPub(port, other.mqtt.pressTopic, ['{}'], {
        username: button.device.id,
        password: button.token,
      });
      await mosquittoPub(port, button.mqtt.pressTopic, ['{}'], {
        username: subscriber.device.id,
        password: subscriber.token,
      });
      await until(() => counters.rejected >= rejected + 2, 'both publishes refused');
      // And a button cannot listen to the alarm feed.
      const sneaky = mosquittoSub(port, `${s.prefix}/alarms/#`, {
        username: button.device.id,
        password: button.token,
      });
      s.subs.push(sneaky);
      expect(await sneaky.ready).toBe(false);
      expect({ ...(await footprint(s.t.rt)), devices: before.devices }).toEqual(before);
    });

    it.each([
      ['not JSON', '{nope'],
      ['an array', '[1,2]'],
      ['unknown field', '{"room":"Spreekkamer 9"}'],
      ['bad time', '{"at":"gisteren"}'],
      ['oversized', `{"token":"${'x'.repeat(3000)}"}`],
    ])(
      'malformed payload (%s): refused with a reason on the result topic, counted, nothing written',
      async (_n, payload) => {
        const result = mosquittoSub(port, button.mqtt.resultTopic, {
          username: button.device.id,
          password: button.token,
        });
        s.subs.push(result);
        expect(await result.ready).toBe(true);
        const before = await footprint(s.t.rt);
        const malformed = alarmModule(s.t.rt).mqttCounters()!.malformed;
        const pub = await mosquittoPub(port, button.mqtt.pressTopic, [payload], {
          username: button.device.id,
          password: button.token,
        });
        expect(pub.code).toBe(0);
        const r = await result.waitFor(() => true, 'result');
        expect(JSON.parse(r.payload)).toMatchObject({ ok: false, code: 'DEVICE.BAD_PAYLOAD' });
        expect(alarmModule(s.t.rt).mqttCounters()!.malformed).toBe(malformed + 1);
        expect(await footprint(s.t.rt)).toEqual(before);
      },
    );

    it('a flood of presses makes one alarm, throttled per device; the next real first press is never dropped', async () => {
      await closeAll(s);
      const flood = await register(s, 'Knop die blijft hangen', 'button', s.demo.rooms[2]!.id);
      const result = mosquittoSub(port, flood.mqtt.resultTopic, {
        username: flood.device.id,
        password: flood.token,
      });
      s.subs.push(result);
      expect(await result.ready).toBe(true);
      const before = await footprint(s.t.rt);
      const floodStarted = Date.now();
      const pub = await mosquittoPub(
        port,
        flood.mqtt.pressTopic,
        Array.from({ length: 60 }, () => '{}'),
        { username: flood.device.id, password: flood.token },
      );
      expect(pub.code, pub.stderr).toBe(0);
      await until(() => result.lines.length >= 60, 'a result per press');
      const results = result.lines.map(
        (l) => JSON.parse(l.payload) as { ok: boolean; code?: string; alarmId?: string; joined?: boolean },
      );
      const raised = results.filter((r) => r.ok && r.joined === false);
      expect(raised.length).toBe(1);
      // At most DEFAULT_PRESS_LIMIT (5 per 10 s) joins are admitted in each window the flood took:
      // on a loaded machine the 60 presses may span more than one window, never more joins.
      const windows = Math.ceil((Date.now() - floodStarted) / DEFAULT_PRESS_LIMIT.windowMs) + 1;
      const admittedJoins = results.filter((r) => r.ok && r.joined === true).length;
      expect(admittedJoins).toBeLessThanOrEqual(DEFAULT_PRESS_LIMIT.max * windows);
      expect(results.filter((r) => r.code === 'ALARM.RATE_LIMITED').length).toBe(59 - admittedJoins);
      const after = await footprint(s.t.rt);
      expect(after.alarms - before.alarms).toBe(1);
      expect(after.incidents - before.incidents).toBe(1);
      // Closed; the flood window is still full — yet the next press raises a new alarm.
      await s.t.app.inject({
        method: 'POST',
        url: `/api/alarms/${raised[0]!.alarmId}/close`,
        headers: s.bhv.headers,
      });
      const n = result.lines.length;
      await mosquittoPub(port, flood.mqtt.pressTopic, ['{}'], {
        username: flood.device.id,
        password: flood.token,
      });
      await until(() => result.lines.length > n, 'result of the next press');
      expect(JSON.parse(result.lines[n]!.payload)).toMatchObject({ ok: true, joined: false });
      await closeAll(s);
    });

    it('a disabled button is refused at login', async () => {
      const b = await register(s, 'Knop uit dienst', 'button', roomId);
      await s.t.app.inject({
        method: 'PATCH',
        url: `/api/devices/${b.device.id}`,
        headers: s.beheer,
        payload: { disabled: true },
      });
      const before = await footprint(s.t.rt);
      const pub = await mosquittoPub(port, b.mqtt.pressTopic, ['{}'], {
        username: b.device.id,
        password: b.token,
      });
      expect(pub.code).not.toBe(0);
      expect(await footprint(s.t.rt)).toEqual(before);
    });
  });
}

describe('embedded listener on a port that is taken', () => {
  let s: Setup | undefined;
  let blocker: net.Server;
  afterAll(async () => {
    await tearDown(s);
    await new Promise((r) => blocker.close(r));
  });
  it('keeps running with a health warning; alarms still work over the web', async () => {
    blocker = net.createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as net.AddressInfo).port)),
    );
    s = await setUp('sqlite', { PROPORTIO_MQTT_PORT: String(port) });
    const health = alarmModule(s.t.rt).health();
    expect(health).toEqual([
      expect.objectContaining({
        component: 'mqtt',
        status: 'warning',
        message: expect.stringContaining('in use'),
      }),
    ]);
    // Without login /readyz names the code only; signed in, the message too.
    const ready = await s.t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.body).toContain('mqtt.port-in-use');
    expect(ready.body).not.toContain('in use');
    const signedIn = await s.t.app.inject({ method: 'GET', url: '/readyz', headers: s.balie });
    expect(signedIn.body).toContain('in use');
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: s.balie,
      payload: { roomId: s.demo.rooms[0]!.id },
    });
    expect(res.statusCode).toBe(201);
  });
});

const external = await systemMosquitto();
for (const dialect of await availableDialects()) {
  describe.skipIf(!external)(
    `Proportio connected to the machine's Mosquitto on 127.0.0.1:1883 (${dialect})`,
    () => {
      let s: Setup;
      beforeAll(async () => {
        s = await setUp(dialect, { PROPORTIO_MQTT_URL: 'mqtt://127.0.0.1:1883' });
        await until(() => alarmModule(s.t.rt).health().length === 0, 'connected to Mosquitto');
      });
      afterAll(() => tearDown(s));

      it('mosquitto_pub with the device token raises the alarm; mosquitto_sub sees the event', async () => {
        const b = await register(s, 'Knop extern', 'button', s.demo.rooms[0]!.id);
        const stream = await openStream(s.t.url!, s.bhv.cookie);
        s.streams.push(stream);
        await stream.waitFor((e) => e.event === 'alarms.snapshot');
        const events = mosquittoSub(1883, `${s.prefix}/alarms/#`);
        const result = mosquittoSub(1883, b.mqtt.resultTopic);
        s.subs.push(events, result);
        expect(await events.ready).toBe(true);
        expect(await result.ready).toBe(true);
        // Proportio's own subscription may still be settling right after connect: press until the result comes.
        await until(async () => {
          await mosquittoPub(1883, b.mqtt.pressTopic, [JSON.stringify({ token: b.token })]);
          await new Promise((r) => setTimeout(r, 200));
          return result.lines.length > 0;
        }, 'press handled');
        const raised = await stream.waitFor((e) => e.event === 'alarm.raised', 'SSE');
        expect((raised.data as { alarm: Record<string, unknown> }).alarm).toMatchObject({
          source: 'mqtt',
          deviceId: b.device.id,
        });
        const out = await events.waitFor(() => true, 'alarm event on Mosquitto');
        expect(JSON.parse(out.payload)).toMatchObject({ event: 'raised', alarmId: alarmOf(raised).id });
        await closeAll(s);
      });

      it.each([
        ['no token', () => '{}'],
        ['wrong token', () => '{"token":"pdt_wrong"}'],
      ])('%s over the external broker: refused, counted, nothing written', async (_n, payload) => {
        const b = await register(
          s,
          `Knop ${Math.random().toString(16).slice(2, 8)}`,
          'button',
          s.demo.rooms[1]!.id,
        );
        const before = await footprint(s.t.rt);
        const counters = alarmModule(s.t.rt).mqttCounters()!;
        const rejected = counters.rejected;
        await mosquittoPub(1883, b.mqtt.pressTopic, [payload()]);
        await until(() => counters.rejected > rejected, 'press refused');
        expect(await footprint(s.t.rt)).toEqual(before);
      });
    },
  );
}

describe.skipIf(!external)('the external broker goes away and comes back', () => {
  let s: Setup | undefined;
  let broker: PrivateBroker;
  beforeAll(async () => {
    broker = await privateMosquitto();
    s = await setUp('sqlite', { PROPORTIO_MQTT_URL: `mqtt://127.0.0.1:${broker.port}` });
    await until(() => alarmModule(s!.t.rt).health().length === 0, 'connected');
  });
  afterAll(async () => {
    await tearDown(s);
    await broker.stop();
  });

  it('alarms still reach browsers, health warns, and Proportio reconnects with backoff', async () => {
    const setup = s!;
    const stream = await openStream(setup.t.url!, setup.bhv.cookie);
    setup.streams.push(stream);
    await stream.waitFor((e) => e.event === 'alarms.snapshot');
    await broker.stop();
    await until(
      () =>
        alarmModule(setup.t.rt)
          .health()
          .some((h) => h.component === 'mqtt' && h.status === 'warning'),
      'health warning',
    );
    expect((await setup.t.app.inject({ method: 'GET', url: '/readyz' })).body).toContain('unreachable');

    const res = await setup.t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: setup.balie,
      payload: { roomId: setup.demo.rooms[0]!.id },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ alarm: { id: string } }>().alarm.id;
    await stream.waitFor(
      (e) => e.event === 'alarm.raised' && alarmOf(e).id === id,
      'alarm over SSE while the broker is down',
    );

    await broker.start();
    await until(() => alarmModule(setup.t.rt).health().length === 0, 'reconnected', 30_000);
    const b = await register(setup, 'Knop na herstart', 'button', setup.demo.rooms[3]!.id);
    const result = mosquittoSub(broker.port, b.mqtt.resultTopic);
    setup.subs.push(result);
    expect(await result.ready).toBe(true);
    await until(async () => {
      await mosquittoPub(broker.port, b.mqtt.pressTopic, [JSON.stringify({ token: b.token })]);
      await new Promise((r) => setTimeout(r, 200));
      return result.lines.length > 0;
    }, 'press after reconnect');
    expect(JSON.parse(result.lines[0]!.payload)).toMatchObject({ ok: true });
  });
});
