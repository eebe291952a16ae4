/**
 * Row-level access to the incident register and to conversations: nothing outside the sites a
 * user serves, and an incident's free-text narrative only for security, the DPO and its writer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { demoSites, loggedInUser } from '../support/two-sites.js';

const dialects = await availableDialects();

describe.each(dialects)('incident and conversation access on %s', (dialect) => {
  let t: TestRuntime;
  let incidentId: string;
  let brinkOnly: Record<string, string>;
  const narrative = 'Inwoner gooide een stoel; collega liep een blauwe plek op.';

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
    const { stadhuis, brink } = await demoSites(t);
    const room = (await t.rt.store.read.rooms.list({ siteId: stadhuis.id }))[0]!;
    const beveiliging = (await loginAs(t.app, 'beveiliging')).headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: beveiliging,
      payload: {
        roomId: room.id,
        occurredAt: '2026-02-01T10:00:00Z',
        kind: 'damage',
        severity: 3,
        injury: true,
        policeReport: false,
        narrative,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    incidentId = res.json<{ id: string }>().id;
    brinkOnly = await loggedInUser(t, 'auditor-brink', ['auditor'], [brink.id]);
  });
  afterAll(async () => t?.close());

  const get = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/incidents/${incidentId}`, headers });

  it('shows the narrative to security and the DPO', async () => {
    expect((await get((await loginAs(t.app, 'beveiliging')).headers)).json()).toMatchObject({ narrative });
    expect((await get((await loginAs(t.app, 'fg')).headers)).json()).toMatchObject({ narrative });
  });

  it('withholds the narrative from roles that read the register for statistics', async () => {
    for (const who of ['auditor', 'beheer', 'secretaris']) {
      const res = await get((await loginAs(t.app, who)).headers);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: incidentId, kind: 'damage', narrative: null });
      expect(res.body).not.toContain('stoel');
    }
  });

  it('answers 404 for an incident at a site the user does not serve', async () => {
    const res = await get(brinkOnly);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('stoel');
  });

  it('lists only the conversations of the sites a user serves', async () => {
    const balie = (await loginAs(t.app, 'balie')).headers;
    const stadhuisRoom = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 1')!;
    const type = (await t.rt.store.read.conversationTypes.list())[0]!;
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/conversations',
      headers: balie,
      payload: { roomId: stadhuisRoom.id, conversationTypeId: type.id },
    });
    expect(started.statusCode, started.body).toBe(201);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/conversations',
      headers: (await loginAs(t.app, 'beveiliging')).headers,
    });
    expect(all.json<unknown[]>().length).toBeGreaterThan(0);
    // A responder who serves only De Brink sees the room states there, not the Stadhuis conversation.
    const { brink } = await demoSites(t);
    const brinkView = await t.app.inject({
      method: 'GET',
      url: '/api/conversations',
      headers: await loggedInUser(t, 'bhv-brink', ['responder'], [brink.id]),
    });
    expect(brinkView.statusCode).toBe(200);
    expect(brinkView.json<unknown[]>()).toEqual([]);
  });
});
