/**
 * A user limited to one site (De Brink) neither reads nor changes anything of another site
 * (Stadhuis): recording reads answer only their sites and 404 for another site's clip or
 * incident; every write that names a room, site, conversation, alarm, incident, suspension,
 * camera or device of another site answers 404 (as if it did not exist), and organisation-wide
 * writes need someone who serves every site (403 AUTH.SITE_LIMITED). Nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmModule } from '../../src/compose/alarm.compose.js';
import type { Role } from '../../src/core/auth/roles.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, type TestRuntime } from '../support/test-runtime.js';
import { UNKNOWN_ID, startTwoSites, type TwoSites } from '../support/two-sites.js';

const dialects = await availableDialects();

describe.each(dialects)('the user sites, on %s', (dialect) => {
  let t: TestRuntime;
  const brinkOnly = new Map<Role, Record<string, string>>();
  let stadhuis: TwoSites['stadhuis'];
  let brink: TwoSites['brink'];
  let alarmId: string;
  let incidentId: string;
  let conversationId: string;
  let cameraId: string;
  let typeId: string;
  let clipId: string;

  const as = (role: Role) => brinkOnly.get(role)!;
  const call = (role: Role, method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: as(role), ...(payload ? { payload } : {}) });
  const auditCount = () => t.rt.store.read.audit.count();

  beforeAll(async () => {
    const f = await startTwoSites(dialect, ['security', 'dpo', 'auditor', 'front-desk', 'admin'], 1000);
    t = f.t;
    for (const [role, headers] of f.brinkOnly) brinkOnly.set(role, headers);
    ({ stadhuis, brink, typeId } = f);
    ({ alarmId, incidentId, conversationId, cameraId, clipId } = f.stadhuis);
  }, 120_000);
  afterAll(async () => t?.close());

  describe('recording reads', () => {
    it('an all-sites reader sees the Stadhuis clip and footage (the fixture is real)', async () => {
      const fg = (await loginAs(t.app, 'fg')).headers;
      const clip = await t.app.inject({ method: 'GET', url: `/api/recording/clips/${clipId}`, headers: fg });
      expect(clip.statusCode, clip.body).toBe(200);
      const footage = await t.app.inject({
        method: 'GET',
        url: `/api/recording/incidents/${incidentId}/footage`,
        headers: fg,
      });
      expect(footage.statusCode).toBe(200);
      expect(footage.json<{ clips: Array<{ id: string }> }>().clips.map((c) => c.id)).toContain(clipId);
    });

    it.each(['security', 'dpo', 'auditor'] as const)(
      '%s of De Brink: no Stadhuis clip in the list, 404 for the clip and for the incident footage',
      async (role) => {
        const list = await call(role, 'GET', '/api/recording/clips');
        expect(list.statusCode).toBe(200);
        expect(list.body).not.toContain(clipId);
        const byIncident = await call(role, 'GET', `/api/recording/clips?incidentId=${incidentId}`);
        expect(byIncident.json()).toEqual([]);
        const one = await call(role, 'GET', `/api/recording/clips/${clipId}`);
        expect(one.statusCode).toBe(404);
        expect(one.body).not.toContain(stadhuis.roomId);
        const footage = await call(role, 'GET', `/api/recording/incidents/${incidentId}/footage`);
        expect(footage.statusCode).toBe(404);
        expect(footage.json()).toMatchObject({ code: 'INCIDENT.NOT_FOUND' });
      },
    );

    it('an unknown incident has no footage: 404, not empty lists', async () => {
      const fg = (await loginAs(t.app, 'fg')).headers;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/recording/incidents/${UNKNOWN_ID}/footage`,
        headers: fg,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'INCIDENT.NOT_FOUND' });
    });

    it('camera status, recorder status and suspensions show only De Brink (and the organisation)', async () => {
      const beheer = (await loginAs(t.app, 'beheer')).headers;
      const susp = await t.app.inject({
        method: 'POST',
        url: '/api/recording/suspensions',
        headers: beheer,
        payload: { scope: 'site', siteId: stadhuis.siteId, reason: 'verbouwing Stadhuis' },
      });
      expect(susp.statusCode, susp.body).toBe(201);
      // Modules are not started here: the status says the recorder does not run (not "no cameras").
      expect(
        (await call('security', 'GET', '/api/recording/status')).json<{ running: boolean }>(),
      ).toMatchObject({
        running: false,
      });
      for (const url of ['/api/recording/cameras', '/api/recording/status', '/api/recording/suspensions']) {
        const res = await call('security', 'GET', url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain(stadhuis.siteId);
        expect(res.body, url).not.toContain(cameraId);
      }
      const resume = await call(
        'admin',
        'POST',
        `/api/recording/suspensions/${susp.json<{ id: string }>().id}/resume`,
        {
          reason: 'niet van mij',
        },
      );
      expect(resume.statusCode).toBe(404);
      const all = await call('admin', 'GET', '/api/cameras');
      expect(all.body).not.toContain(cameraId);
      expect((await call('admin', 'GET', `/api/cameras/${cameraId}`)).statusCode).toBe(404);
    });
  });

  describe('writes', () => {
    const cases: Array<[string, Role, string, string, () => object | undefined, number, string?]> = [
      ['security ends a Stadhuis conversation', 'security', 'POST', 'conv-end', () => undefined, 404],
      [
        'front desk starts a conversation in a Stadhuis room',
        'front-desk',
        'POST',
        '/api/conversations',
        () => ({ roomId: stadhuis.roomId, conversationTypeId: typeId }),
        404,
      ],
      [
        'front desk raises an alarm in a Stadhuis room',
        'front-desk',
        'POST',
        '/api/alarms',
        () => ({ roomId: stadhuis.otherRoomId }),
        404,
      ],
      [
        'front desk files an incident in a Stadhuis room',
        'front-desk',
        'POST',
        '/api/incidents',
        () => ({
          roomId: stadhuis.roomId,
          occurredAt: '2026-02-01T10:00:00Z',
          kind: 'damage',
          severity: 2,
          injury: false,
          policeReport: false,
        }),
        404,
      ],
      [
        'security reports a Stadhuis incident',
        'security',
        'PUT',
        'incident-report',
        () => ({ kind: 'damage', severity: 2, injury: false, policeReport: false }),
        404,
      ],
      ['security acknowledges a Stadhuis alarm', 'security', 'POST', 'alarm-ack', () => undefined, 404],
      ['security closes a Stadhuis alarm', 'security', 'POST', 'alarm-close', () => undefined, 404],
      [
        'security records an objection in a Stadhuis room',
        'security',
        'POST',
        '/api/recording/objections',
        () => ({ roomId: stadhuis.otherRoomId }),
        404,
      ],
      [
        'admin suspends Stadhuis recording',
        'admin',
        'POST',
        '/api/recording/suspensions',
        () => ({ scope: 'site', siteId: stadhuis.siteId, reason: 'niet mijn locatie' }),
        404,
      ],
      [
        'admin suspends the whole organisation',
        'admin',
        'POST',
        '/api/recording/suspensions',
        () => ({ scope: 'organisation', reason: 'alles uit' }),
        403,
        'AUTH.SITE_LIMITED',
      ],
      ['admin renames the Stadhuis', 'admin', 'PATCH', 'site', () => ({ name: 'Overgenomen' }), 404],
      [
        'admin adds a room to the Stadhuis',
        'admin',
        'POST',
        '/api/rooms',
        () => ({ siteId: stadhuis.siteId, name: 'Nieuwe kamer' }),
        404,
      ],
      ['admin renames a Stadhuis room', 'admin', 'PATCH', 'room', () => ({ name: 'Overgenomen' }), 404],
      [
        'admin adds a camera to a Stadhuis room',
        'admin',
        'POST',
        '/api/cameras',
        () => ({ roomId: stadhuis.roomId, name: 'Cam', url: 'rtsp://192.0.2.11/s' }),
        404,
      ],
      ['admin edits a Stadhuis camera', 'admin', 'PATCH', 'camera', () => ({ name: 'Overgenomen' }), 404],
      [
        'admin registers a button in a Stadhuis room',
        'admin',
        'POST',
        '/api/devices',
        () => ({ name: 'Knop Stadhuis', kind: 'button', roomId: stadhuis.roomId }),
        404,
      ],
      [
        'admin adds a subscriber (hears every site)',
        'admin',
        'POST',
        '/api/devices',
        () => ({ name: 'Pager', kind: 'subscriber' }),
        403,
        'AUTH.SITE_LIMITED',
      ],
      [
        'admin adds a site',
        'admin',
        'POST',
        '/api/sites',
        () => ({ name: 'Nieuwe locatie' }),
        403,
        'AUTH.SITE_LIMITED',
      ],
      [
        'admin adds a kind of conversation',
        'admin',
        'POST',
        '/api/conversation-types',
        () => ({ code: 'nieuw', nameNl: 'Nieuw', nameEn: 'New', sensitive: false }),
        403,
        'AUTH.SITE_LIMITED',
      ],
      [
        'admin changes an organisation-wide setting',
        'admin',
        'PUT',
        '/api/settings/alarm.escalationSeconds',
        () => ({ value: 300 }),
        403,
        'AUTH.SITE_LIMITED',
      ],
    ];
    const urlOf = (u: string) =>
      ({
        'conv-end': `/api/conversations/${conversationId}/end`,
        'incident-report': `/api/incidents/${incidentId}/report`,
        'alarm-ack': `/api/alarms/${alarmId}/acknowledge`,
        'alarm-close': `/api/alarms/${alarmId}/close`,
        site: `/api/sites/${stadhuis.siteId}`,
        room: `/api/rooms/${stadhuis.roomId}`,
        camera: `/api/cameras/${cameraId}`,
      })[u] ?? u;

    it.each(cases)('%s: refused, nothing written', async (_n, role, method, url, body, status, code) => {
      const before = await auditCount();
      const res = await call(role, method, urlOf(url), body());
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(res.json()).toMatchObject({ code });
      expect(await auditCount()).toBe(before);
    });

    it('the Stadhuis conversation still runs and its alarm is still open; no Stadhuis incident was added', async () => {
      const alarm = (t.rt.modules.find((m) => m.name === 'alarm') as AlarmModule).services;
      expect((await alarm.conversations.get(conversationId))?.endedAt).toBeNull();
      const fg = (await loginAs(t.app, 'beveiliging')).headers;
      const a = await t.app.inject({ method: 'GET', url: `/api/alarms/${alarmId}`, headers: fg });
      expect(a.json<{ state: string }>().state).not.toBe('closed');
      const incidents = await t.rt.store.read.incidents.list({ siteId: stadhuis.siteId, limit: 5000 });
      expect(
        incidents.filter((i) => i.roomId === stadhuis.roomId && i.occurredAt.startsWith('2026-02-01')),
      ).toEqual([]);
    });

    it('within De Brink the same users act as before', async () => {
      const start = await call('front-desk', 'POST', '/api/conversations', {
        roomId: brink.roomId,
        conversationTypeId: typeId,
      });
      expect(start.statusCode, start.body).toBe(201);
      const raise = await call('front-desk', 'POST', '/api/alarms', { roomId: brink.roomId });
      expect(raise.statusCode, raise.body).toBe(201);
      const end = await call('security', 'POST', `/api/conversations/${start.json<{ id: string }>().id}/end`);
      expect(end.statusCode, end.body).toBe(200);
      const room = await call('admin', 'POST', '/api/rooms', {
        siteId: brink.siteId,
        name: 'Gespreksruimte Z',
      });
      expect(room.statusCode, room.body).toBe(201);
      const susp = await call('admin', 'POST', '/api/recording/suspensions', {
        scope: 'site',
        siteId: brink.siteId,
        reason: 'onderhoud De Brink',
      });
      expect(susp.statusCode, susp.body).toBe(201);
    });
  });
});
