/**
 * Who may change which account: nobody changes their own roles or sites, and an administrator
 * limited to some sites manages only accounts inside them and grants no site beyond their own,
 * nor "all sites" (an empty list) — not to existing accounts, not to new ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { demoSites } from '../support/two-sites.js';

const dialects = await availableDialects();
const system = { kind: 'system', name: 'test' } as const;
const PW = 'a-long-test-password-1';

describe.each(dialects)('account administration scope on %s', (dialect) => {
  let t: TestRuntime;
  let siteA: string;
  let siteB: string;
  let adminA: Record<string, string>;
  const ids: Record<string, string> = {};

  const mkUser = async (username: string, roles: string[], siteIds: string[]) => {
    const u = await t.rt.services.users.create(system, {
      username,
      displayName: username,
      roles,
      siteIds,
      password: PW,
    });
    if (!u.ok) throw new Error(u.error.message);
    ids[username] = u.value.id;
  };
  const patch = (headers: Record<string, string>, username: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${ids[username]}`, headers, payload });
  const stored = async (username: string) => (await t.rt.store.read.users.findByUsername(username))!;

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
    const { stadhuis, brink } = await demoSites(t);
    siteA = stadhuis.id;
    siteB = brink.id;
    await mkUser('beheer-a', ['admin'], [siteA]);
    await mkUser('balie-a', ['front-desk'], [siteA]);
    await mkUser('balie-b', ['front-desk'], [siteB]);
    ids.fg = (await stored('fg')).id; // serves all sites
    ids.beheer = (await stored('beheer')).id;
    adminA = (await loginAs(t.app, 'beheer-a', PW)).headers;
  });
  afterAll(async () => t?.close());

  it('refuses a site-limited administrator widening their own sites, to all or to another', async () => {
    for (const siteIds of [[], [siteA, siteB], [siteB]]) {
      const res = await patch(adminA, 'beheer-a', { siteIds });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'USER.SELF_CHANGE', errors: [{ field: 'siteIds' }] });
    }
    expect((await stored('beheer-a')).siteIds).toEqual([siteA]);
  });

  it('refuses anyone changing their own roles or sites, but lets them keep what they have', async () => {
    const beheer = (await loginAs(t.app, 'beheer')).headers;
    const narrow = await patch(beheer, 'beheer', { siteIds: [siteA] });
    expect(narrow.statusCode).toBe(403);
    expect(narrow.json()).toMatchObject({ code: 'USER.SELF_CHANGE' });
    for (const roles of [['admin', 'decision-maker'], ['auditor']]) {
      const res = await patch(beheer, 'beheer', { roles });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'USER.SELF_CHANGE', errors: [{ field: 'roles' }] });
    }
    expect(await stored('beheer')).toMatchObject({ roles: ['admin'], siteIds: [] });
    // The web form sends every field: unchanged roles and sites are no change.
    const same = await patch(adminA, 'beheer-a', {
      displayName: 'Beheer Stadhuis',
      roles: ['admin'],
      siteIds: [siteA, siteA],
    });
    expect(same.statusCode, same.body).toBe(200);
    expect((await stored('beheer-a')).displayName).toBe('Beheer Stadhuis');
  });

  it('shows a site-limited administrator only the accounts of their sites, and themselves', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: adminA });
    expect(list.statusCode).toBe(200);
    const names = list.json<{ username: string }[]>().map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['beheer-a', 'balie-a']));
    expect(names.filter((n) => ['balie-b', 'fg', 'beheer'].includes(n))).toEqual([]);
    for (const other of ['balie-b', 'fg']) {
      const one = await t.app.inject({ method: 'GET', url: `/api/users/${ids[other]}`, headers: adminA });
      expect(one.statusCode).toBe(404);
    }
    // An organisation-wide administrator sees everyone.
    const beheer = (await loginAs(t.app, 'beheer')).headers;
    const all = await t.app.inject({ method: 'GET', url: '/api/users', headers: beheer });
    expect(all.json<{ username: string }[]>().map((u) => u.username)).toEqual(
      expect.arrayContaining(['beheer-a', 'balie-a', 'balie-b', 'fg', 'beheer']),
    );
  });

  it('lets a site-limited administrator manage only accounts inside their sites', async () => {
    for (const username of ['balie-b', 'fg', 'beheer']) {
      const res = await patch(adminA, username, { displayName: 'Overgenomen' });
      expect(res.statusCode, username).toBe(403);
      expect(res.json()).toMatchObject({ code: 'USER.OUTSIDE_SITES' });
      const reset = await t.app.inject({
        method: 'POST',
        url: `/api/users/${ids[username]}/password`,
        headers: adminA,
        payload: { password: 'a-takeover-password-1' },
      });
      expect(reset.statusCode, username).toBe(403);
      expect(reset.json()).toMatchObject({ code: 'USER.OUTSIDE_SITES' });
      expect((await stored(username)).displayName).not.toBe('Overgenomen');
    }
    expect((await loginAs(t.app, 'balie-b', PW)).csrf).toBeTruthy(); // password unchanged
    const own = await patch(adminA, 'balie-a', { displayName: 'Balie Stadhuis' });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('lets a site-limited administrator grant no site beyond their own, nor all sites', async () => {
    for (const siteIds of [[], [siteB], [siteA, siteB]]) {
      const res = await patch(adminA, 'balie-a', { siteIds });
      expect(res.statusCode, JSON.stringify(siteIds)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'USER.SITES_BEYOND_OWN', errors: [{ field: 'siteIds' }] });
    }
    expect((await stored('balie-a')).siteIds).toEqual([siteA]);
    const create = (siteIds: string[] | undefined, username: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: adminA,
        payload: {
          username,
          displayName: username,
          roles: ['admin'],
          password: PW,
          ...(siteIds ? { siteIds } : {}),
        },
      });
    for (const [siteIds, name] of [
      [undefined, 'nieuw-1'],
      [[], 'nieuw-2'],
      [[siteB], 'nieuw-3'],
      [[siteA, siteB], 'nieuw-4'],
    ] as const) {
      const res = await create(siteIds ? [...siteIds] : undefined, name);
      expect(res.statusCode, name).toBe(403);
      expect(res.json()).toMatchObject({ code: 'USER.SITES_BEYOND_OWN' });
      expect(await t.rt.store.read.users.findByUsername(name)).toBeUndefined();
    }
    const ok = await create([siteA], 'nieuw-a');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ siteIds: [siteA] });
  });

  it('lets an administrator of all sites grant any sites', async () => {
    const beheer = (await loginAs(t.app, 'beheer')).headers;
    const res = await patch(beheer, 'balie-a', { siteIds: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stored('balie-a')).siteIds).toEqual([]);
  });
});
