/**
 * The alarm API end to end on both dialects: conversations, raising (room and via conversation),
 * duplicate presses, "ik kom", closing, the incident report and statistics, devices — and every
 * kind of bad input, each asserting the clear error and that nothing was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { demoRegistry, footprint, type Demo } from './alarm-helpers.js';

type Headers = Record<string, string>;

for (const dialect of await availableDialects()) {
  describe(`alarm API (${dialect})`, () => {
    let t: TestRuntime;
    let balie: Headers;
    let bhv: Headers;
    let beveiliging: Headers;
    let beheer: Headers;
    let fg: Headers;
    let demo: Demo;
    const room = (name: string) => demo.rooms.find((r) => r.name === name)!;
    const type = (code: string) => demo.types.find((x) => x.code === code)!;

    beforeAll(async () => {
      t = await startTestRuntime({ dialect, demo: true });
      balie = (await loginAs(t.app, 'balie')).headers;
      bhv = (await loginAs(t.app, 'bhv')).headers;
      beveiliging = (await loginAs(t.app, 'beveiliging')).headers;
      beheer = (await loginAs(t.app, 'beheer')).headers;
      fg = (await loginAs(t.app, 'fg')).headers;
      demo = await demoRegistry(t.app, beheer);
    });
    afterAll(async () => {
      for (const m of t.rt.modules) await m.stop();
      await t.close();
    });

    const inject = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      headers: Headers,
      payload?: unknown,
    ) =>
      t.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    it('a conversation, an alarm through it, "ik kom", close, report, statistics', async () => {
      const r1 = room('Spreekkamer 1');
      const start = await inject('POST', '/api/conversations', balie, {
        roomId: r1.id,
        conversationTypeId: type('bijstandsgesprek').id,
        riskFlag: true,
        riskReason: 'Eerder dreigend geweest',
      });
      expect(start.statusCode, start.body).toBe(201);
      const conv = start.json<{ id: string; riskFlag: boolean }>();

      const states = (await inject('GET', `/api/room-states?siteId=${r1.siteId}`, bhv)).json<
        Array<{ roomId: string; state: string }>
      >();
      expect(states.find((s) => s.roomId === r1.id)?.state).toBe('in-conversation');

      // No roomId: the room of my running conversation.
      const raise = await inject('POST', '/api/alarms', balie, { silent: true });
      expect(raise.statusCode, raise.body).toBe(201);
      const { alarm, joined } = raise.json<{
        alarm: {
          id: string;
          roomId: string;
          source: string;
          silent: boolean;
          riskFlag: boolean;
          conversationType: { code: string };
          incidentId: string;
        };
        joined: boolean;
      }>();
      expect(joined).toBe(false);
      expect(alarm).toMatchObject({
        roomId: r1.id,
        source: 'web',
        silent: true,
        riskFlag: true,
        conversationType: { code: 'bijstandsgesprek' },
      });
      // The risk reason stays on the conversation; it is not in the alarm.
      expect(raise.body).not.toContain('dreigend');

      // A second press within the window joins.
      const again = await inject('POST', '/api/alarms', balie, { roomId: r1.id });
      expect(again.statusCode).toBe(200);
      expect(again.json<{ alarm: { id: string; pressCount: number }; joined: boolean }>()).toMatchObject({
        joined: true,
        alarm: { id: alarm.id, pressCount: 2 },
      });

      expect(
        (await inject('GET', `/api/room-states`, bhv))
          .json<Array<{ roomId: string; state: string }>>()
          .find((s) => s.roomId === r1.id)?.state,
      ).toBe('alarm');

      const ack = await inject('POST', `/api/alarms/${alarm.id}/acknowledge`, bhv);
      expect(ack.statusCode, ack.body).toBe(200);
      const ack2 = await inject('POST', `/api/alarms/${alarm.id}/acknowledge`, beveiliging);
      expect(ack2.json<{ state: string; acknowledgements: Array<{ displayName: string }> }>()).toMatchObject({
        state: 'acknowledged',
        acknowledgements: [
          { displayName: expect.stringContaining('Jeroen') },
          { displayName: expect.stringContaining('Sanne') },
        ],
      });
      // Acknowledging twice is harmless and writes nothing.
      const before = await footprint(t.rt);
      expect((await inject('POST', `/api/alarms/${alarm.id}/acknowledge`, bhv)).statusCode).toBe(200);
      expect(await footprint(t.rt)).toEqual(before);

      // The report cannot be written while the alarm is open.
      const early = await inject('PUT', `/api/incidents/${alarm.incidentId}/report`, balie, {
        kind: 'verbal-aggression',
        severity: 2,
        injury: false,
        policeReport: false,
      });
      expect(early.json<{ code: string }>().code).toBe('INCIDENT.ALARM_OPEN');

      expect(
        (await inject('POST', `/api/alarms/${alarm.id}/close`, bhv)).json<{ state: string }>().state,
      ).toBe('closed');
      expect((await inject('POST', `/api/alarms/${alarm.id}/close`, bhv)).json<{ code: string }>().code).toBe(
        'ALARM.ALREADY_CLOSED',
      );

      const toReport = (await inject('GET', '/api/incidents/to-report', balie)).json<Array<{ id: string }>>();
      expect(toReport.map((i) => i.id)).toContain(alarm.incidentId);

      const narrative = 'De bezoeker schreeuwde en sloeg op tafel';
      const rep = await inject('PUT', `/api/incidents/${alarm.incidentId}/report`, balie, {
        kind: 'intimidation-threat',
        severity: 3,
        injury: false,
        policeReport: true,
        policeReference: 'PL0900-2026-0042',
        followUp: 'Gesprek met teamleider',
        narrative,
      });
      expect(rep.statusCode, rep.body).toBe(200);
      const detail = (await inject('GET', `/api/incidents/${alarm.incidentId}`, fg)).json<{
        narrative: string;
        responseMs: number;
        alarmId: string;
        reportedAt: string;
      }>();
      expect(detail).toMatchObject({ narrative, alarmId: alarm.id });
      expect(detail.responseMs).toBeGreaterThanOrEqual(0);
      // The narrative never reaches the audit chain.
      const audit = await t.rt.database.db
        .selectFrom('audit_log')
        .select('details')
        .where('subject', '=', `incident:${alarm.incidentId}`)
        .execute();
      expect(audit.length).toBe(1);
      expect(JSON.stringify(audit)).not.toContain('schreeuwde');
      expect(
        JSON.stringify(await t.rt.database.db.selectFrom('audit_log').select('details').execute()),
      ).not.toContain('dreigend');

      const stats = await inject('GET', `/api/incidents/stats?groupBy=room&from=2026-01-01`, fg);
      expect(stats.statusCode, stats.body).toBe(200);
      const s = stats.json<{
        groups: Array<{ key: string; byKind: Record<string, number>; responseTimes: { count: number } }>;
        total: { count: number };
      }>();
      const g = s.groups.find((x) => x.key === r1.id)!;
      expect(g.byKind['intimidation-threat']).toBeGreaterThanOrEqual(1);
      expect(g.responseTimes.count).toBeGreaterThanOrEqual(1);

      expect((await inject('POST', `/api/conversations/${conv.id}/end`, balie)).statusCode).toBe(200);
      expect(
        (await inject('POST', `/api/conversations/${conv.id}/end`, balie)).json<{ code: string }>().code,
      ).toBe('CONVERSATION.ENDED');
    });

    it('statistics group by every dimension over the demo year', async () => {
      for (const by of ['site', 'room', 'conversationType', 'kind', 'month', 'quarter', 'year']) {
        const res = await inject('GET', `/api/incidents/stats?groupBy=${by}`, fg);
        expect(res.statusCode, `${by}: ${res.body}`).toBe(200);
        expect(res.json<{ total: { count: number } }>().total.count).toBeGreaterThan(10);
      }
    });

    it('a manual incident', async () => {
      const res = await inject('POST', '/api/incidents', beveiliging, {
        roomId: room('Spreekkamer 2').id,
        occurredAt: '2026-02-01T10:00:00Z',
        kind: 'damage',
        severity: 2,
        injury: false,
        policeReport: false,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ source: 'manual', alarmId: null, kind: 'damage' });
    });

    it('devices: register a button to a room (token shown once), list without tokens', async () => {
      const res = await inject('POST', '/api/devices', beheer, {
        name: 'Knop Spreekkamer 3',
        kind: 'button',
        roomId: room('Spreekkamer 3').id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ device: { id: string }; token: string; mqtt: { pressTopic: string } }>();
      expect(body.token).toMatch(/^pdt_/);
      expect(body.mqtt.pressTopic).toBe(`proportio/buttons/${body.device.id}/press`);
      const list = await inject('GET', '/api/devices', beheer);
      expect(list.body).not.toContain(body.token);
      expect(list.body).not.toContain('tokenHash');
    });

    describe('GET /api/alarms/mine: the front desk sees its own alarm', () => {
      interface Mine {
        id: string;
        state: string;
        roomName: string;
        silent: boolean;
        namesWithheld: boolean;
        acknowledgedAt: string | null;
        closedAt: string | null;
        acknowledgements: Array<{ displayName: string; at: string }>;
      }
      const mine = async (headers: Headers, query = '') => {
        const res = await inject('GET', `/api/alarms/mine${query}`, headers);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Mine[]>();
      };
      const raise = async (headers: Headers, roomName: string, silent = false) => {
        const res = await inject('POST', '/api/alarms', headers, { roomId: room(roomName).id, silent });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ alarm: { id: string } }>().alarm.id;
      };

      it('shows my alarm, then who is coming after "ik kom", and the close', async () => {
        const id = await raise(balie, 'Spreekkamer 4');
        const before = (await mine(balie)).find((a) => a.id === id);
        expect(before).toMatchObject({
          state: 'raised',
          roomName: 'Spreekkamer 4',
          silent: false,
          namesWithheld: false,
          acknowledgedAt: null,
          acknowledgements: [],
        });
        expect((await inject('POST', `/api/alarms/${id}/acknowledge`, bhv)).statusCode).toBe(200);
        const after = (await mine(balie)).find((a) => a.id === id)!;
        expect(after.state).toBe('acknowledged');
        expect(after.acknowledgedAt).not.toBeNull();
        expect(after.acknowledgements).toEqual([
          { displayName: 'Jeroen Bakker (BHV)', at: after.acknowledgedAt },
        ]);
        // Only what the panic view needs: no user ids, no risk flag, no kind of conversation.
        expect(Object.keys(after).sort()).toEqual(
          [
            'id',
            'state',
            'roomId',
            'roomName',
            'silent',
            'raisedAt',
            'lastPressAt',
            'pressCount',
            'acknowledgedAt',
            'acknowledgements',
            'namesWithheld',
            'closedAt',
            'incidentId',
          ].sort(),
        );
        expect((await inject('POST', `/api/alarms/${id}/close`, bhv)).statusCode).toBe(200);
        expect((await mine(balie)).find((a) => a.id === id)).toMatchObject({ state: 'closed' });
        // Closed alarms drop out after the window.
        expect((await mine(balie, '?closedWithinMinutes=0')).map((a) => a.id)).not.toContain(id);
      });

      it('a silent alarm: the state, but not who is coming', async () => {
        const id = await raise(balie, 'Spreekkamer 3', true);
        expect((await inject('POST', `/api/alarms/${id}/acknowledge`, bhv)).statusCode).toBe(200);
        const a = (await mine(balie)).find((x) => x.id === id)!;
        expect(a).toMatchObject({
          state: 'acknowledged',
          silent: true,
          namesWithheld: true,
          acknowledgements: [],
        });
        expect(JSON.stringify(a)).not.toContain('Jeroen');
        await inject('POST', `/api/alarms/${id}/close`, bhv);
      });

      it("does not show another employee's alarm", async () => {
        const theirs = await raise(beveiliging, 'Gespreksruimte A');
        expect((await mine(balie)).map((a) => a.id)).not.toContain(theirs);
        expect((await mine(beveiliging)).map((a) => a.id)).toContain(theirs);
        await inject('POST', `/api/alarms/${theirs}/close`, bhv);
      });

      it('anonymous 401, a role that cannot raise 403, an unknown or bad query 400', async () => {
        const anon = await inject('GET', '/api/alarms/mine', {});
        expect(anon.statusCode).toBe(401);
        expect(anon.headers['content-type']).toContain('application/problem+json');
        const dpo = await inject('GET', '/api/alarms/mine', fg);
        expect(dpo.statusCode).toBe(403);
        expect((await inject('GET', '/api/alarms/mine?closedWithinMinutes=-1', balie)).statusCode).toBe(400);
        expect((await inject('GET', '/api/alarms/mine?closedWithinMinutes=99999', balie)).statusCode).toBe(
          400,
        );
        expect((await inject('GET', '/api/alarms/mine?userId=x', balie)).statusCode).toBe(400);
      });
    });

    describe('bad input: clear error, nothing written', () => {
      const cases: Array<
        [string, () => [string, 'GET' | 'POST' | 'PUT' | 'PATCH', string, Headers, unknown], number, string]
      > = [
        [
          'unknown room',
          () => ['raise', 'POST', '/api/alarms', balie, { roomId: 'no-such-room' }],
          404,
          'ALARM.UNKNOWN_ROOM',
        ],
        [
          'no room and no conversation',
          () => ['raise', 'POST', '/api/alarms', balie, {}],
          422,
          'ALARM.NO_ROOM',
        ],
        [
          'extra field',
          () => [
            'raise',
            'POST',
            '/api/alarms',
            balie,
            { roomId: room('Spreekkamer 1').id, priority: 'high' },
          ],
          400,
          'REQUEST.INVALID',
        ],
        [
          'hostile room id',
          () => ['raise', 'POST', '/api/alarms', balie, { roomId: "1' OR '1'='1" }],
          400,
          'REQUEST.INVALID',
        ],
        [
          'oversized room id',
          () => ['raise', 'POST', '/api/alarms', balie, { roomId: 'a'.repeat(5000) }],
          400,
          'REQUEST.INVALID',
        ],
        [
          'roomId not a string',
          () => ['raise', 'POST', '/api/alarms', balie, { roomId: 42 }],
          400,
          'REQUEST.INVALID',
        ],
        [
          'auditor cannot raise',
          () => ['raise', 'POST', '/api/alarms', fg, { roomId: room('Spreekkamer 1').id }],
          403,
          'AUTH.FORBIDDEN',
        ],
        [
          'front-desk cannot acknowledge',
          () => ['ack', 'POST', '/api/alarms/x1/acknowledge', balie, undefined],
          403,
          'AUTH.FORBIDDEN',
        ],
        [
          'unknown alarm',
          () => ['ack', 'POST', '/api/alarms/no-such-alarm/acknowledge', bhv, undefined],
          404,
          'ALARM.NOT_FOUND',
        ],
        [
          'unknown alarm close',
          () => ['close', 'POST', '/api/alarms/no-such-alarm/close', bhv, undefined],
          404,
          'ALARM.NOT_FOUND',
        ],
        [
          'conversation in unknown room',
          () => [
            'conv',
            'POST',
            '/api/conversations',
            balie,
            { roomId: 'nope', conversationTypeId: type('baliecontact').id },
          ],
          404,
          'ALARM.UNKNOWN_ROOM',
        ],
        [
          'conversation of unknown type',
          () => [
            'conv',
            'POST',
            '/api/conversations',
            balie,
            { roomId: room('Spreekkamer 1').id, conversationTypeId: 'nope' },
          ],
          404,
          'RESOURCE.NOT_FOUND',
        ],
        [
          'risk flag without reason',
          () => [
            'conv',
            'POST',
            '/api/conversations',
            balie,
            { roomId: room('Spreekkamer 1').id, conversationTypeId: type('baliecontact').id, riskFlag: true },
          ],
          400,
          'REQUEST.INVALID',
        ],
        [
          'end unknown conversation',
          () => ['end', 'POST', '/api/conversations/nope/end', balie, undefined],
          404,
          'CONVERSATION.NOT_FOUND',
        ],
        [
          'report of unknown incident',
          () => [
            'rep',
            'PUT',
            '/api/incidents/nope/report',
            beveiliging,
            { kind: 'damage', severity: 1, injury: false, policeReport: false },
          ],
          404,
          'INCIDENT.NOT_FOUND',
        ],
        [
          'report with unknown kind',
          () => [
            'rep',
            'POST',
            '/api/incidents',
            beveiliging,
            {
              roomId: room('Spreekkamer 1').id,
              occurredAt: '2026-01-01T00:00:00Z',
              kind: 'rude',
              severity: 1,
              injury: false,
              policeReport: false,
            },
          ],
          400,
          'REQUEST.INVALID',
        ],
        [
          'reference without aangifte',
          () => [
            'rep',
            'POST',
            '/api/incidents',
            beveiliging,
            {
              roomId: room('Spreekkamer 1').id,
              occurredAt: '2026-01-01T00:00:00Z',
              kind: 'damage',
              severity: 1,
              injury: false,
              policeReport: false,
              policeReference: 'X1',
            },
          ],
          400,
          'INCIDENT.INVALID',
        ],
        [
          'incident in the future',
          () => [
            'rep',
            'POST',
            '/api/incidents',
            beveiliging,
            {
              roomId: room('Spreekkamer 1').id,
              occurredAt: '2099-01-01T00:00:00Z',
              kind: 'damage',
              severity: 1,
              injury: false,
              policeReport: false,
            },
          ],
          400,
          'INCIDENT.INVALID',
        ],
        [
          'stats without groupBy',
          () => ['stats', 'GET', '/api/incidents/stats', fg, undefined],
          400,
          'REQUEST.INVALID',
        ],
        [
          'stats with bad period',
          () => ['stats', 'GET', '/api/incidents/stats?groupBy=room&from=2026-13-45', fg, undefined],
          400,
          'REQUEST.INVALID',
        ],
        [
          'button without room',
          () => ['dev', 'POST', '/api/devices', beheer, { name: 'Knop zonder kamer', kind: 'button' }],
          400,
          'REQUEST.INVALID',
        ],
        [
          'button in unknown room',
          () => ['dev', 'POST', '/api/devices', beheer, { name: 'Knop X', kind: 'button', roomId: 'nope' }],
          404,
          'ALARM.UNKNOWN_ROOM',
        ],
        [
          'device register by security',
          () => ['dev', 'POST', '/api/devices', beveiliging, { name: 'Knop Y', kind: 'subscriber' }],
          403,
          'AUTH.FORBIDDEN',
        ],
      ];
      it.each(cases)('%s → %s %s', async (_n, make, status, code) => {
        const [, method, url, headers, payload] = make();
        const before = await footprint(t.rt);
        const res = await inject(method, url, headers, payload);
        expect(res.statusCode, res.body).toBe(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ code: string }>().code).toBe(code);
        expect(await footprint(t.rt)).toEqual(before);
      });

      it('a second conversation in a busy room is refused', async () => {
        const r = room('Spreekkamer 2');
        const first = await inject('POST', '/api/conversations', balie, {
          roomId: r.id,
          conversationTypeId: type('baliecontact').id,
        });
        expect(first.statusCode).toBe(201);
        const before = await footprint(t.rt);
        const second = await inject('POST', '/api/conversations', beveiliging, {
          roomId: r.id,
          conversationTypeId: type('baliecontact').id,
        });
        expect(second.json<{ code: string }>().code).toBe('CONVERSATION.ROOM_BUSY');
        const ended = await inject(
          'POST',
          `/api/conversations/${first.json<{ id: string }>().id}/end`,
          beveiliging,
        );
        expect(ended.statusCode, 'security may end a colleague’s conversation').toBe(200);
        expect((await footprint(t.rt)).conversations).toBe(before.conversations);
      });

      it('a responder of another site does not see or acknowledge the alarm', async () => {
        const sites = demo.sites;
        const r = demo.rooms.find((x) => x.siteId === sites[0]!.id)!;
        const other = sites[1]!;
        const res = await inject('POST', '/api/users', beheer, {
          username: 'bhv-other',
          displayName: 'BHV elders',
          roles: ['responder'],
          siteIds: [other.id],
          password: 'Lindewaard-demo-2026',
        });
        expect(res.statusCode, res.body).toBe(201);
        const otherResponder = (await loginAs(t.app, 'bhv-other')).headers;
        const raised = (await inject('POST', '/api/alarms', balie, { roomId: r.id })).json<{
          alarm: { id: string };
        }>();
        const before = await footprint(t.rt);
        expect(
          (await inject('POST', `/api/alarms/${raised.alarm.id}/acknowledge`, otherResponder)).json<{
            code: string;
          }>().code,
        ).toBe('ALARM.NOT_FOUND');
        expect(
          (await inject('GET', '/api/alarms', otherResponder)).json<Array<{ id: string }>>().map((a) => a.id),
        ).not.toContain(raised.alarm.id);
        expect(await footprint(t.rt)).toEqual(before);
        await inject('POST', `/api/alarms/${raised.alarm.id}/close`, bhv);
      });
    });
  });
}
