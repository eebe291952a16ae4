/**
 * /api/health and /readyz items carry a stable `code` and `params` (docs/operations.md), so
 * screens translate by code instead of matching English text: a suspension names its site, the
 * missing vault key and the MQTT listener's busy port each have their code. Both dialects.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createAlarmWebhook } from '../../src/adapters/mqtt/alarm-webhook.js';
import { createEmbeddedBroker } from '../../src/adapters/mqtt/embedded-broker.js';
import { createExternalClient } from '../../src/adapters/mqtt/external-client.js';
import type { MqttHandlers } from '../../src/adapters/mqtt/mqtt-types.js';
import type { AlarmModule } from '../../src/compose/alarm.compose.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

type Headers = Record<string, string>;
interface Item {
  component: string;
  status: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

const CODE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const health = async (t: TestRuntime, headers: Headers): Promise<Item[]> => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health', headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items;
};

for (const dialect of await availableDialects()) {
  describe(`health codes (${dialect})`, () => {
    let t: TestRuntime;
    let balie: Headers;
    let fg: Headers;
    let sites: Array<{ id: string; name: string }>;

    beforeAll(async () => {
      t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
      balie = (await loginAs(t.app, 'balie')).headers;
      fg = (await loginAs(t.app, 'fg')).headers;
      sites = (await t.app.inject({ method: 'GET', url: '/api/sites', headers: balie })).json();
    });
    afterAll(async () => {
      for (const m of t.rt.modules) await m.stop();
      await t.close();
    });

    it('a site suspension is "recording.suspended" with the site NAME, reason and since', async () => {
      const site = sites.find((s) => s.name === 'Stadhuis Lindewaard')!;
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/recording/suspensions',
        headers: fg,
        payload: { scope: 'site', siteId: site.id, reason: 'Onderzoek naar camerabeleid' },
      });
      expect(r.statusCode, r.body).toBe(201);
      const suspension = r.json<{ id: string; suspendedAt: string }>();

      const items = await health(t, balie);
      const item = items.find((i) => i.code === 'recording.suspended');
      expect(item).toEqual({
        component: 'recording',
        status: 'warning',
        code: 'recording.suspended',
        kind: 'notice',
        message: expect.stringContaining('Stadhuis Lindewaard') as unknown,
        params: {
          scope: 'site',
          siteId: site.id,
          siteName: 'Stadhuis Lindewaard',
          reason: 'Onderzoek naar camerabeleid',
          since: suspension.suspendedAt,
        },
      });

      const resumed = await t.app.inject({
        method: 'POST',
        url: `/api/recording/suspensions/${suspension.id}/resume`,
        headers: fg,
        payload: { reason: 'Onderzoek afgerond' },
      });
      expect(resumed.statusCode, resumed.body).toBe(200);
      expect((await health(t, balie)).some((i) => i.code === 'recording.suspended')).toBe(false);
    });

    it('an organisation-wide suspension has scope organisation and no site', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/recording/suspensions',
        headers: fg,
        payload: { scope: 'organisation', reason: 'Beveiligingsincident' },
      });
      expect(r.statusCode, r.body).toBe(201);
      const item = (await health(t, balie)).find((i) => i.code === 'recording.suspended');
      expect(item?.params).toEqual({
        scope: 'organisation',
        reason: 'Beveiligingsincident',
        since: r.json<{ suspendedAt: string }>().suspendedAt,
      });
      await t.app.inject({
        method: 'POST',
        url: `/api/recording/suspensions/${r.json<{ id: string }>().id}/resume`,
        headers: fg,
        payload: { reason: 'Opgelost' },
      });
    });

    it('no vault key is "vault.key-missing" (error); every item has a code, also on /readyz', async () => {
      const items = await health(t, fg);
      expect(items).toContainEqual(
        expect.objectContaining({
          component: 'recording',
          status: 'error',
          code: 'vault.key-missing',
          kind: 'configuration',
        }),
      );
      for (const i of items) expect(i.code, JSON.stringify(i)).toMatch(CODE);
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      const warnings = ready.json<{ warnings: Item[] }>().warnings;
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) expect(w.code).toMatch(CODE);
    });

    it('the front desk is not shown what only an administrator or the DPO can set up', async () => {
      const codes = (await health(t, balie)).map((i) => i.code);
      expect(codes).not.toContain('vault.key-missing');
      expect((await health(t, fg)).map((i) => i.code)).toContain('vault.key-missing');
    });
  });
}

describe('health codes of the alarm module (MQTT)', () => {
  it('the embedded listener on a busy port is "mqtt.port-in-use" with the port', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as net.AddressInfo).port)),
    );
    const t = await startTestRuntime({
      demo: true,
      env: { PROPORTIO_MQTT_PORT: String(port), PROPORTIO_MQTT_HOST: '127.0.0.1' },
    });
    const alarm = t.rt.modules.find((m) => m.name === 'alarm') as AlarmModule;
    try {
      await alarm.start();
      // The one who can fix it (devices:write); the front desk is not shown it.
      const beheer = (await loginAs(t.app, 'beheer')).headers;
      const item = (await health(t, beheer)).find((i) => i.component === 'mqtt');
      expect(item).toMatchObject({ status: 'warning', code: 'mqtt.port-in-use', params: { port } });
    } finally {
      await alarm.stop();
      await t.close();
      blocker.close();
    }
  });

  // Each adapter knows what went wrong and sets the code itself (nothing reads the message).
  const log = pino({ level: 'silent' });
  const handlers: MqttHandlers = {
    authenticate: () => Promise.resolve(undefined),
    press: () => Promise.reject(new Error('no button presses in these tests')),
  };

  it('a listener that cannot bind for another reason is "mqtt.listener-failed" with the port', async () => {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: binding fails, but not as "in use".
    const broker = createEmbeddedBroker({ host: '192.0.2.1', port: 1883, prefix: 'p', log, handlers });
    try {
      await broker.start();
      expect(broker.health()).toEqual([
        expect.objectContaining({ component: 'mqtt', code: 'mqtt.listener-failed', params: { port: 1883 } }),
      ]);
    } finally {
      await broker.stop();
    }
  });

  it('an external broker that does not answer is "mqtt.broker-unreachable"', async () => {
    const client = createExternalClient({
      url: 'mqtt://127.0.0.1:1',
      username: undefined,
      password: undefined,
      prefix: 'p',
      log,
      handlers,
    });
    try {
      await client.start();
      expect(client.health()).toEqual([
        expect.objectContaining({ component: 'mqtt', code: 'mqtt.broker-unreachable' }),
      ]);
    } finally {
      await client.stop();
    }
  });

  it('a webhook call that failed is "alarm.webhook-failed"', async () => {
    const webhook = createAlarmWebhook({
      url: 'http://127.0.0.1:1/hook',
      log,
      fetchImpl: () => Promise.reject(new Error('connection refused')),
    });
    expect(webhook.health()).toEqual([]);
    webhook.publish({ event: 'raised' });
    await webhook.idle();
    expect(webhook.health()).toEqual([
      expect.objectContaining({ component: 'alarm-webhook', code: 'alarm.webhook-failed' }),
    ]);
  });
});
