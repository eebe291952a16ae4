/**
 * GET /api/incidents/register: the register's filters, search and paging on both dialects; bad
 * parameters are a 400 problem with its code; a user of one site sees only that site's incidents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { demoSites, loggedInUser } from '../support/two-sites.js';

const dialects = await availableDialects();

interface Page {
  items: { id: string; kind: string | null; siteId: string; reportedAt: string | null }[];
  total: number;
  limit: number;
  offset: number;
}

describe.each(dialects)('the incident register on %s', (dialect) => {
  let t: TestRuntime;
  let security: Record<string, string>;
  let secretaris: Record<string, string>;
  let brinkReader: Record<string, string>;
  let stadhuisRoom: string;
  let brinkRoom: string;
  let stadhuisSite: string;
  const mine: string[] = [];
  const get = async (qs: string, headers = security) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/incidents/register${qs}`, headers });
    return res;
  };
  const page = async (qs: string, headers = security): Promise<Page> => {
    const res = await get(qs, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
    const { stadhuis, brink } = await demoSites(t);
    stadhuisSite = stadhuis.id;
    stadhuisRoom = (await t.rt.store.read.rooms.list({ siteId: stadhuis.id }))[0]!.id;
    brinkRoom = (await t.rt.store.read.rooms.list({ siteId: brink.id }))[0]!.id;
    security = (await loginAs(t.app, 'beveiliging')).headers;
    secretaris = (await loginAs(t.app, 'secretaris')).headers;
    brinkReader = await loggedInUser(t, 'register-brink', ['dpo'], [brink.id]);
    const entries = [
      {
        roomId: stadhuisRoom,
        occurredAt: '2019-03-01T09:00:00Z',
        kind: 'damage',
        severity: 4,
        policeReport: true,
        followUp: 'Aangifte 100%_gedaan',
        narrative: 'Stoel GEGOOID in de spreekkamer',
      },
      {
        roomId: stadhuisRoom,
        occurredAt: '2019-03-01T22:30:00Z',
        kind: 'verbal-aggression',
        severity: 2,
        policeReport: false,
      },
      {
        roomId: brinkRoom,
        occurredAt: '2019-03-02T10:00:00Z',
        kind: 'verbal-aggression',
        severity: 2,
        policeReport: false,
        narrative: 'Geschreeuw aan de balie',
      },
    ];
    for (const e of entries) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: security,
        payload: { injury: false, ...e },
      });
      expect(res.statusCode, res.body).toBe(201);
      mine.push(res.json<{ id: string }>().id);
    }
  });
  afterAll(async () => t?.close());

  const period = '?from=2019-03-01&to=2019-03-02';

  it('pages newest first with the total the filters select', async () => {
    const first = await page(`${period}&limit=2`);
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.id)).toEqual([mine[2], mine[1]]);
    const second = await page(`${period}&limit=2&offset=2`);
    expect(second).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(second.items.map((i) => i.id)).toEqual([mine[0]]);
  });

  it('takes a bare date as a whole day in Amsterdam, the end day included', async () => {
    // 22:30 UTC on 1 March is 23:30 in Amsterdam: still 1 March.
    const day = await page('?from=2019-03-01&to=2019-03-01');
    expect(day.items.map((i) => i.id).sort()).toEqual([mine[0], mine[1]].sort());
  });

  it('filters by site, room, kind, severity, police report and status', async () => {
    expect((await page(`${period}&siteId=${stadhuisSite}`)).total).toBe(2);
    expect((await page(`${period}&roomId=${brinkRoom}`)).items.map((i) => i.id)).toEqual([mine[2]]);
    expect((await page(`${period}&kind=verbal-aggression`)).total).toBe(2);
    expect((await page(`${period}&severity=4`)).items.map((i) => i.id)).toEqual([mine[0]]);
    expect((await page(`${period}&policeReport=true`)).items.map((i) => i.id)).toEqual([mine[0]]);
    expect((await page(`${period}&status=reported`)).total).toBe(3);
    expect((await page(`${period}&status=unreported`)).total).toBe(0);
  });

  it('searches the follow-up, any case, wildcards as plain characters; the narrative only for its readers', async () => {
    expect((await page(`${period}&q=${encodeURIComponent('100%_GEDAAN')}`)).items.map((i) => i.id)).toEqual([
      mine[0],
    ]);
    expect((await page(`${period}&q=${encodeURIComponent('%')}`)).items.map((i) => i.id)).toEqual([mine[0]]);
    expect((await page(`${period}&q=stoel%20gegooid`)).items.map((i) => i.id)).toEqual([mine[0]]);
    // The decision maker may not read narratives: searching them would reveal what they say.
    expect((await page(`${period}&q=stoel%20gegooid`, secretaris)).total).toBe(0);
  });

  it("shows a user of one site only that site's incidents, whatever site they ask for", async () => {
    const own = await page(period, brinkReader);
    expect(own.items.map((i) => i.id)).toEqual([mine[2]]);
    expect((await page(`${period}&siteId=${stadhuisSite}`, brinkReader)).total).toBe(0);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?offset=-1', 'offset'],
    ['?severity=9', 'severity'],
    ['?kind=fire', 'kind'],
    ['?status=open', 'status'],
    ['?from=gisteren', 'from'],
    ['?from=2019-03-02&to=2019-03-01', 'to'],
    ['?q=', 'q'],
    [`?q=${'x'.repeat(201)}`, 'q'],
    ['?colour=red', 'colour'],
  ])('refuses %s with a 400 problem naming the parameter', async (qs, field) => {
    const res = await get(qs);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ code: string; detail: string; errors?: { field: string }[] }>();
    expect(body.code).toBe('REQUEST.INVALID');
    expect(JSON.stringify(body)).toContain(field);
  });

  it('is for readers of the register only', async () => {
    const res = await get('', (await loginAs(t.app, 'balie')).headers);
    expect(res.statusCode).toBe(403);
  });
});
