/**
 * /readyz is public (the load balancer asks it): without login it says ready or not and the codes
 * of what is wrong, never names of cameras, rooms or sites, camera addresses or the free-text
 * reason of a suspension. A signed-in user (the access of GET /api/health) gets the details.
 * Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

interface Readiness {
  status: string;
  database: string;
  warnings: Array<Record<string, unknown>>;
}

const REASON = 'Klacht van medewerker Jansen over camera in spreekkamer';

for (const dialect of await availableDialects()) {
  describe(`/readyz details (${dialect})`, () => {
    let t: TestRuntime;
    let balie: Record<string, string>;
    let secrets: string[];

    beforeAll(async () => {
      t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
      balie = (await loginAs(t.app, 'balie')).headers;
      const fg = (await loginAs(t.app, 'fg')).headers;
      const sites = await t.rt.store.read.sites.list();
      const suspended = await t.app.inject({
        method: 'POST',
        url: '/api/recording/suspensions',
        headers: fg,
        payload: { scope: 'site', siteId: sites[0]!.id, reason: REASON },
      });
      expect(suspended.statusCode, suspended.body).toBe(201);
      const cameras = await t.rt.store.read.cameras.list();
      secrets = [
        REASON,
        ...sites.map((s) => s.name),
        ...(await t.rt.store.read.rooms.list()).map((r) => r.name),
        ...cameras.map((c) => c.name),
        ...cameras.map((c) => new URL(c.url).host),
      ];
      expect(cameras.length).toBeGreaterThan(0);
    });
    afterAll(async () => {
      for (const m of t.rt.modules) await m.stop();
      await t.close();
    });

    it('without login: ready or not, and only status and code of each warning', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Readiness>();
      expect(body.status).toBe('ready');
      expect(body.warnings).toContainEqual({ status: 'warning', code: 'recording.suspended' });
      for (const w of body.warnings) expect(Object.keys(w).sort()).toEqual(['code', 'status']);
      for (const s of secrets) expect(res.body).not.toContain(s);
    });

    it('a wrong or ended session is no login: still only codes', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/readyz',
        headers: { cookie: 'proportio_session=not-a-session' },
      });
      expect(res.statusCode).toBe(200);
      for (const s of secrets) expect(res.body).not.toContain(s);
    });

    it('signed in (any user, as for /api/health): the details, with names and the reason', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/readyz', headers: balie });
      expect(res.statusCode, res.body).toBe(200);
      const item = res.json<Readiness>().warnings.find((w) => w.code === 'recording.suspended');
      expect(item).toMatchObject({
        component: 'recording',
        status: 'warning',
        message: expect.stringContaining(REASON) as unknown,
        params: { reason: REASON, scope: 'site' },
      });
    });
  });
}
