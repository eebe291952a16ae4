/**
 * Live delivery over real HTTP connections (server-sent events) on both dialects: several
 * responders, site filtering, the second group on escalation, reconnecting clients, a stalled
 * client that must not delay the others, and alarms that survive a restart.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/adapters/auth/password-hasher.js';
import { openDatabase } from '../../src/adapters/db/connection.js';
import { createRuntime } from '../../src/main.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import {
  alarmModule,
  alarmOf,
  createSiteResponder,
  demoRegistry,
  openStream,
  type Demo,
  type SseClient,
} from './alarm-helpers.js';

type Headers = Record<string, string>;

for (const dialect of await availableDialects()) {
  describe(`alarm delivery over SSE (${dialect})`, () => {
    let t: TestRuntime;
    let skewMs = 0;
    let balie: Headers;
    let bhv: { cookie: string; headers: Headers };
    let beveiliging: { cookie: string; headers: Headers };
    let siteB: { cookie: string; headers: Headers };
    let securityOnly: { cookie: string; headers: Headers };
    let demo: Demo;
    const streams: SseClient[] = [];
    const open = async (cookie: string, lastId?: string) => {
      const s = await openStream(t.url!, cookie, lastId);
      streams.push(s);
      return s;
    };
    const roomOf = (siteIndex: number, n = 0) =>
      demo.rooms.filter((r) => r.siteId === demo.sites[siteIndex]!.id)[n]!;
    const raise = async (roomId: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/alarms',
        headers: balie,
        payload: { roomId },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ alarm: { id: string } }>().alarm.id;
    };
    const closeAlarm = (id: string) =>
      t.app.inject({ method: 'POST', url: `/api/alarms/${id}/close`, headers: bhv.headers });

    beforeAll(async () => {
      t = await startTestRuntime({
        dialect,
        demo: true,
        listen: true,
        clock: { now: () => new Date(Date.now() + skewMs) },
      });
      balie = (await loginAs(t.app, 'balie')).headers;
      bhv = await loginAs(t.app, 'bhv');
      beveiliging = await loginAs(t.app, 'beveiliging');
      const beheer = (await loginAs(t.app, 'beheer')).headers;
      demo = await demoRegistry(t.app, beheer);
      siteB = await createSiteResponder(t.app, beheer, 'bhv-site-b', demo.sites[1]!.id);
      securityOnly = await createSiteResponder(t.app, beheer, 'security-only', demo.sites[0]!.id, [
        'security',
      ]);
    });
    afterAll(async () => {
      for (const s of streams) s.close();
      for (const m of t.rt.modules) await m.stop();
      await t.close();
    });

    it('refuses the stream without a responder role', async () => {
      const front = await loginAs(t.app, 'balie');
      const s = await open(front.cookie);
      expect(s.status).toBe(403);
    });

    it('every responder of the site gets the alarm at once; other sites and the second group do not', async () => {
      const [a, b, c, sec] = await Promise.all([
        open(bhv.cookie),
        open(beveiliging.cookie),
        open(siteB.cookie),
        open(securityOnly.cookie),
      ]);
      for (const s of [a, b, c, sec]) await s.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot');
      const room = roomOf(0);
      const id = await raise(room.id);
      const got = await Promise.all(
        [a, b].map((s) =>
          s.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === id, 'alarm.raised'),
        ),
      );
      for (const e of got) expect(alarmOf(e)).toMatchObject({ roomId: room.id, state: 'raised' });
      expect((got[0]!.data as { alarm: Record<string, unknown> }).alarm).toMatchObject({
        roomName: room.name,
        floor: expect.any(String),
        siteName: demo.sites[0]!.name,
      });

      // Site B's responder gets site B's alarm, and only that.
      const idB = await raise(roomOf(1).id);
      await c.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === idB, 'site B alarm');
      await a.waitFor(
        (e) => e.event === 'alarm.raised' && alarmOf(e).id === idB,
        'site B alarm for all-sites responder',
      );
      expect(c.events.some((e) => e.event === 'alarm.raised' && alarmOf(e).id === id)).toBe(false);
      expect(sec.events.some((e) => e.event.startsWith('alarm.'))).toBe(false);

      // "Ik kom" reaches everybody, with the name.
      await t.app.inject({ method: 'POST', url: `/api/alarms/${id}/acknowledge`, headers: bhv.headers });
      const ack = await b.waitFor((e) => e.event === 'alarm.acknowledged' && alarmOf(e).id === id, 'ack');
      expect(alarmOf(ack).acknowledgements[0]?.displayName).toContain('Jeroen');
      await closeAlarm(id);
      await a.waitFor((e) => e.event === 'alarm.closed' && alarmOf(e).id === id, 'closed');
      await a.waitFor((e) => e.event === 'room.changed', 'room.changed');
      await closeAlarm(idB);
    });

    it('an alarm nobody acknowledges escalates to security after alarm.escalationSeconds', async () => {
      const sec = await open(securityOnly.cookie);
      const resp = await open(bhv.cookie);
      await sec.waitFor((e) => e.event === 'alarms.snapshot');
      const id = await raise(roomOf(0, 1).id);
      await resp.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === id);
      const svc = alarmModule(t.rt).services.alarms;
      expect(await svc.sweepEscalations()).toBe(0);
      skewMs += 31_000; // the default is 30 s
      expect(await svc.sweepEscalations()).toBe(1);
      const esc = await sec.waitFor(
        (e) => e.event === 'alarm.escalated' && alarmOf(e).id === id,
        'escalation to security',
      );
      expect((esc.data as { alarm: { escalatedAt: string } }).alarm.escalatedAt).toBeTruthy();
      await resp.waitFor((e) => e.event === 'alarm.escalated' && alarmOf(e).id === id);
      expect(await svc.sweepEscalations()).toBe(0);
      // Security now sees it, acknowledges and closes it.
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/alarms/${id}/acknowledge`,
            headers: securityOnly.headers,
          })
        ).statusCode,
      ).toBe(200);
      await closeAlarm(id);
    });

    it('a reconnecting client gets the open alarms it missed (snapshot and Last-Event-ID replay)', async () => {
      const s = await open(bhv.cookie);
      await s.waitFor((e) => e.event === 'alarms.snapshot');
      const last = s.lastId();
      s.close();
      const missed = await raise(roomOf(0, 2).id);
      const again = await open(bhv.cookie, last);
      const snap = await again.waitFor((e) => e.event === 'alarms.snapshot');
      expect((snap.data as { alarms: Array<{ id: string }> }).alarms.map((a) => a.id)).toContain(missed);
      await again.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === missed, 'replayed event');
      // An id from another boot (or garbage) still gets the snapshot.
      const stranger = await open(bhv.cookie, 'deadbeef-99');
      const snap2 = await stranger.waitFor((e) => e.event === 'alarms.snapshot');
      expect((snap2.data as { alarms: Array<{ id: string }> }).alarms.map((a) => a.id)).toContain(missed);
      await closeAlarm(missed);
    });

    it('a stalled client is dropped and does not delay the others', async () => {
      const hub = alarmModule(t.rt).hub;
      const readers = await Promise.all([open(bhv.cookie), open(beveiliging.cookie)]);
      for (const r of readers) await r.waitFor((e) => e.event === 'alarms.snapshot');
      // A client that connects and never reads a byte.
      const stalled = net.connect(Number(new URL(t.url!).port), '127.0.0.1');
      await new Promise<void>((r) => stalled.once('connect', () => r()));
      stalled.pause();
      stalled.write(
        `GET /api/alarms/stream HTTP/1.1\r\nHost: x\r\nCookie: ${bhv.cookie}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      const deadline = Date.now() + 10_000;
      while (hub.stats().clients < readers.length + 1 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const droppedBefore = hub.stats().droppedSlow;
      const pad = 'x'.repeat(64 * 1024);
      // 19 MB in bursts, with the event loop turning between them as it does in real life.
      for (let i = 0; i < 300; i++) {
        hub.publish(
          { event: 'test.padding', siteId: demo.sites[0]!.id, audience: 'first-group', data: { i, pad } },
          { origin: 'f'.repeat(16), seq: i + 1 },
        );
        if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
      }
      hub.publish(
        { event: 'test.marker', siteId: demo.sites[0]!.id, audience: 'first-group', data: { done: true } },
        { origin: 'f'.repeat(16), seq: 301 },
      );
      for (const r of readers) await r.waitFor((e) => e.event === 'test.marker', 'marker after 19 MB');
      expect(hub.stats().droppedSlow).toBeGreaterThan(droppedBefore);
      // And a real alarm still reaches the readers.
      const id = await raise(roomOf(1, 0).id);
      for (const r of readers) await r.waitFor((e) => e.event === 'alarm.raised' && alarmOf(e).id === id);
      stalled.destroy();
      await closeAlarm(id);
    });

    it('alarms are stored before fan-out and survive a restart', async () => {
      const id = await raise(roomOf(1, 1).id);
      // A second runtime on the same database, as after a crash and restart.
      const database = openDatabase({ databaseUrl: t.rt.config.databaseUrl, dataDir: t.rt.config.dataDir });
      const rt2 = await createRuntime(t.rt.config, {
        database,
        hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
        logger: false,
      });
      const app2 = await rt2.app();
      await app2.listen({ port: 0, host: '127.0.0.1' });
      try {
        const login = await loginAs(app2, 'bhv');
        const list = await app2.inject({ method: 'GET', url: '/api/alarms', headers: login.headers });
        expect(list.json<Array<{ id: string; state: string }>>().find((a) => a.id === id)?.state).toBe(
          'raised',
        );
        const addr = app2.server.address();
        const s = await openStream(
          `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
          login.cookie,
        );
        const snap = await s.waitFor((e) => e.event === 'alarms.snapshot');
        expect((snap.data as { alarms: Array<{ id: string }> }).alarms.map((a) => a.id)).toContain(id);
        s.close();
      } finally {
        await app2.close();
        for (const m of rt2.modules) await m.stop();
        await database.close();
      }
      await closeAlarm(id);
    });
  });
}
