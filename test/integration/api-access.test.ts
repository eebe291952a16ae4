/**
 * Authorisation, walked exhaustively: every declared route × every role (and anonymous) gets
 * 401, 403 or through, exactly as its declaration says. A route added without a declaration
 * cannot even be registered, so it cannot slip past this test.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, hasPermission, type Role } from '../../src/core/auth/roles.js';
import { DEMO_ACCOUNTS } from '../../src/services/demo.service.js';
import { startTestRuntime, loginAs, type TestRuntime } from '../support/test-runtime.js';

let t: TestRuntime;
const sessions = new Map<Role, Record<string, string>>();

beforeAll(async () => {
  t = await startTestRuntime({ demo: true, listen: true, loginAttemptsPerMinute: 1000 });
  for (const role of ROLES) {
    const account =
      DEMO_ACCOUNTS.find((a) => a.roles.length === 1 && a.roles[0] === role) ??
      DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!;
    // Accounts with one role only, so each row tests exactly one role's permissions.
    if (account.roles.length > 1) {
      const r = await t.rt.services.users.create(
        { kind: 'system', name: 'test' },
        {
          username: `only-${role}`,
          displayName: `Only ${role}`,
          roles: [role],
          password: 'a-long-test-password-1',
        },
      );
      if (!r.ok) throw new Error(r.error.message);
      sessions.set(role, (await loginAs(t.app, `only-${role}`, 'a-long-test-password-1')).headers);
    } else {
      sessions.set(role, (await loginAs(t.app, account.username)).headers);
    }
  }
});
afterAll(async () => t?.close());

/** Event streams never end: read the status over real HTTP, then hang up. */
const streamStatus = async (
  url: string,
  headers: Record<string, string>,
): Promise<{ statusCode: number; json: () => unknown }> => {
  const ac = new AbortController();
  const res = await fetch(`${t.url}${url}`, { headers, signal: ac.signal });
  const body = res.status >= 400 ? ((await res.json()) as unknown) : undefined;
  ac.abort();
  return { statusCode: res.status, json: () => body };
};

const concrete = (url: string) =>
  url.replace(/:([a-zA-Z]+)/g, (_m, p: string) =>
    p === 'key' ? 'alarm.escalationSeconds' : '00000000-0000-4000-8000-000000000000',
  );

describe('route × role authorisation', () => {
  it('declares a known access on every route, and opens only the routes meant for anyone', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThan(20);
    const known = new Set<string>(['public', 'authenticated', 'agent', ...Object.keys(PERMISSIONS)]);
    // A misspelt permission (cast past the type) would lock a route for everyone, or worse.
    const unknown = t.app.declaredRoutes.filter((r) => !known.has(r.access));
    expect(unknown.map((r) => `${r.method} ${r.url}: ${r.access}`)).toEqual([]);
    // Public: probes, login, the identity provider's round trip, the API description, and for
    // residents the room and site privacy pages and the export key — each one named, so a new
    // public route is a decision made here, not a prefix that happens to match.
    const meantPublic =
      /^\/(healthz|readyz)$|^\/api\/(agent\/enrol|auth\/login|auth\/oidc(\/.*)?|openapi\.json|public\/(evidence-key|rooms\/:id\/privacy|sites\/:id\/privacy))$/;
    const open = t.app.declaredRoutes.filter((r) => r.access === 'public' && !meantPublic.test(r.url));
    expect(open.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const r of t.app.declaredRoutes)
      expect(t.app.hasRoute({ method: r.method, url: r.url }), `${r.method} ${r.url}`).toBe(true);
  });

  it('refuses to build an app in which any route lacks an access declaration', async () => {
    const { buildApp } = await import('../../src/http/app.js');
    const careless = {
      name: 'careless',
      start: async () => undefined,
      stop: async () => undefined,
      health: () => [],
    };
    const build = (path: string) =>
      buildApp({
        version: 'test',
        store: t.rt.store,
        services: t.rt.services,
        secrets: t.rt.secrets,
        now: () => new Date(),
        secureCookies: false,
        trustProxy: false,
        oidc: undefined,
        webDir: undefined,
        logger: false,
        modules: [
          { ...careless, routes: async (app: FastifyInstance) => void app.get(path, async () => 'x') },
        ],
      });
    await expect(build('/api/careless')).rejects.toThrow(
      'route GET /api/careless declares no access (config.access)',
    );
    // Outside /api too: a forgotten declaration never means "public".
    await expect(build('/metrics-2')).rejects.toThrow('route GET /metrics-2 declares no access');
  });

  it('guards each resource with a permission of its own family', () => {
    // Catches a route declared with a too-wide permission (e.g. the user list under registry:read).
    const family: Array<[RegExp, RegExp]> = [
      [/^\/api\/users/, /^users:/],
      [/^\/api\/audit/, /^audit:/],
      [/^\/api\/cameras/, /^cameras:/],
      [/^\/api\/settings/, /^settings:/],
      [/^\/api\/rooms\/:id\/(sign\.pdf|transparency)$/, /^policy:/],
      [/^\/api\/assessments/, /^assessments:/],
      [/^\/api\/dossier/, /^dossier:/],
      [/^\/api\/(sites|rooms|conversation-types|organisation)/, /^registry:/],
    ];
    for (const r of t.app.declaredRoutes) {
      const f = family.find(([url]) => url.test(r.url));
      if (f) expect(r.access, `${r.method} ${r.url}`).toMatch(f[1]);
    }
  });

  it('answers each route for each role as declared', async () => {
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      const url = concrete(route.url);
      // Anonymous
      const anon = /\/stream$/.test(route.url)
        ? await streamStatus(url, {})
        : await t.app.inject({
            method: route.method as 'GET',
            url,
            payload: route.method === 'GET' ? undefined : {},
          });
      if (route.access !== 'public' && anon.statusCode !== 401)
        failures.push(`anonymous ${route.method} ${route.url}: ${anon.statusCode}, expected 401`);
      if (route.access === 'public' && (anon.statusCode === 401 || anon.statusCode === 403))
        failures.push(`anonymous ${route.method} ${route.url}: ${anon.statusCode} on a public route`);
      if (route.access === 'public') continue;
      for (const role of ROLES) {
        // Logout would end the session the remaining rows need.
        if (route.url === '/api/auth/logout') continue;
        const headers = sessions.get(role)!;
        if (route.access === 'agent') {
          // A recorder agent's route: no user's session is an agent's token (ADR 0015).
          const res = await t.app.inject({ method: route.method as 'GET', url, headers });
          if (res.statusCode !== 401)
            failures.push(
              `${role} ${route.method} ${route.url}: ${res.statusCode}, expected 401 (agents only)`,
            );
          continue;
        }
        const allowed = route.access === 'authenticated' || hasPermission([role], route.access);
        const res = /\/stream$/.test(route.url)
          ? await streamStatus(url, headers)
          : await t.app.inject({
              method: route.method as 'GET',
              url,
              headers,
              payload: route.method === 'GET' ? undefined : {},
            });
        if (allowed && (res.statusCode === 401 || res.statusCode === 403))
          failures.push(`${role} ${route.method} ${route.url}: ${res.statusCode}, expected access`);
        if (!allowed && res.statusCode !== 403)
          failures.push(`${role} ${route.method} ${route.url}: ${res.statusCode}, expected 403`);
        if (!allowed) expect(res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects cookie-authenticated writes without the CSRF token, accepts them with it', async () => {
    const h = sessions.get('admin')!;
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie: h.cookie! },
      payload: { name: 'CSRF-test' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'AUTH.CSRF' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie: h.cookie!, 'x-csrf-token': 'nope' },
      payload: { name: 'CSRF-test' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.rt.store.read.sites.list()).some((s) => s.name === 'CSRF-test')).toBe(false);
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: h,
      payload: { name: 'CSRF-test' },
    });
    expect(withToken.statusCode).toBe(201);
  });
});
