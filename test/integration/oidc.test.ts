/**
 * OIDC sign-in end to end: Proportio (openid-client) against a real OpenID Provider
 * (oidc-provider) on 127.0.0.1, driven with plain HTTP like a browser: cookies, redirects, the
 * provider's login and consent prompts. Authorisation code + PKCE (S256); roles come from the
 * `roles` claim released by the `proportio` scope and are mapped by PROPORTIO_OIDC_ROLE_MAP.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/services/ports.js';
import { availableDialects } from '../support/databases.js';
import {
  OidcBrowser,
  driveProvider,
  freePort,
  startTestProvider,
  type TestAccount,
  type TestProvider,
} from '../support/oidc-provider.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

const ROLE_MAP = { 'prop-fg': 'dpo', 'prop-admin': 'admin', 'prop-balie': 'front-desk' };
const LABEL = 'Inloggen met Lindewaard-ID';
const SECRET = 'a-long-client-secret-for-the-test-provider';

const account = (sub: string, username: string, name: string, roles: string[]): TestAccount => ({
  sub,
  password: `pw-${username}`,
  name,
  email: `${username}@lindewaard.example`,
  preferredUsername: username,
  roles,
});

interface Rp {
  readonly t: TestRuntime;
  readonly url: string;
  readonly callback: string;
}

/** Proportio listening on a port chosen in advance: its callback URL is registered at the provider. */
const startRp = async (
  dialect: 'sqlite' | 'postgres',
  port: number,
  env: Record<string, string>,
  clock?: Clock,
): Promise<Rp> => {
  const url = `http://127.0.0.1:${port}`;
  const callback = `${url}/api/auth/oidc/callback`;
  const t = await startTestRuntime({
    dialect,
    env: { PROPORTIO_OIDC_REDIRECT_URI: callback, ...env },
    ...(clock ? { clock } : {}),
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { t, url, callback };
};

const oidcEnv = (issuer: string, clientId: string, secret?: string): Record<string, string> => ({
  PROPORTIO_OIDC_ISSUER: issuer,
  PROPORTIO_OIDC_CLIENT_ID: clientId,
  ...(secret ? { PROPORTIO_OIDC_CLIENT_SECRET: secret } : {}),
  PROPORTIO_OIDC_SCOPES: 'openid profile email proportio',
  PROPORTIO_OIDC_ROLES_CLAIM: 'roles',
  PROPORTIO_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
  PROPORTIO_OIDC_LABEL: LABEL,
});

/** What the store holds; compared before and after a request that must write nothing. */
const snapshot = async (rp: Rp) => {
  const sessions = await rp.t.rt.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return {
    users: await rp.t.rt.store.read.users.count(),
    sessions: Number(sessions.n),
    audit: await rp.t.rt.store.read.audit.count(),
  };
};

interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    email: string;
    roles: string[];
    oidc: boolean;
    hasPassword: boolean;
    disabled: boolean;
  };
  csrfToken: string | null;
  permissions: string[];
}

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { code: string; status: number; detail: string };
};

/** Starts a login at Proportio and walks the provider up to (not into) Proportio's callback. */
const beginLogin = async (
  rp: Rp,
  who: TestAccount,
  browser = new OidcBrowser(),
  opts: { decline?: boolean } = {},
) => {
  const start = await browser.request(`${rp.url}/api/auth/oidc/start`);
  expect(start.status, await start.clone().text()).toBe(302);
  const authUrl = new URL(start.headers.get('location') ?? '');
  const pendingCookie = browser.cookie(rp.url, 'proportio_oidc');
  expect(pendingCookie).toBeTruthy();
  const { callbackUrl, prompts } = await driveProvider(
    browser,
    authUrl.href,
    rp.callback,
    { username: who.sub, password: who.password },
    opts,
  );
  return { browser, authUrl, callbackUrl, prompts, pendingCookie: pendingCookie ?? '' };
};

const me = async (rp: Rp, browser: OidcBrowser) => {
  const res = await browser.request(`${rp.url}/api/auth/me`);
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Me) : undefined };
};

describe.each(dialects)('OIDC sign-in against a real oidc-provider (%s)', (dialect) => {
  const fg = account('sub-0001-fg', 'a.de.vries', 'Anne de Vries', ['prop-fg', 'some-other-app']);
  const beheer = account('sub-0002-beheer', 'b.jansen', 'Bas Jansen', ['prop-admin']);
  const nobody = account('sub-0003-none', 'c.bakker', 'Cor Bakker', ['some-other-app']);
  const balie = account('sub-0004-balie', 'd.smit', 'Dirk Smit', ['prop-balie']);

  let provider: TestProvider;
  let rp: Rp; // confidential client (client secret)
  let pub: Rp; // public client: PKCE alone
  let skewMs = 0; // moves Proportio's clock (not the provider's)
  const clock: Clock = { now: () => new Date(Date.now() + skewMs) };

  beforeAll(async () => {
    const [rpPort, pubPort] = [await freePort(), await freePort()];
    provider = await startTestProvider({
      clients: [
        {
          clientId: 'proportio',
          clientSecret: SECRET,
          redirectUri: `http://127.0.0.1:${rpPort}/api/auth/oidc/callback`,
        },
        { clientId: 'proportio-public', redirectUri: `http://127.0.0.1:${pubPort}/api/auth/oidc/callback` },
      ],
      accounts: [fg, beheer, nobody, balie],
    });
    rp = await startRp(dialect, rpPort, oidcEnv(provider.issuer, 'proportio', SECRET), clock);
    pub = await startRp(dialect, pubPort, oidcEnv(provider.issuer, 'proportio-public'));
  });

  afterAll(async () => {
    await rp?.t.close();
    await pub?.t.close();
    await provider?.close();
  });

  it('(g) GET /api/auth/oidc reports that sign-in through the provider is enabled, with its label', async () => {
    const res = await fetch(`${rp.url}/api/auth/oidc`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, label: LABEL });
  });

  it('(a) full flow: start → provider login → consent → callback → session with roles mapped from the claim', async () => {
    const before = await snapshot(rp);
    const { browser, authUrl, callbackUrl, prompts } = await beginLogin(rp, fg);

    // The authorisation request: code flow, PKCE with S256, state and nonce, our scopes.
    expect(authUrl.origin).toBe(provider.issuer);
    const q = authUrl.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('proportio');
    expect(q.get('redirect_uri')).toBe(rp.callback);
    expect(q.get('scope')?.split(' ').sort()).toEqual(['email', 'openid', 'profile', 'proportio']);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(q.has('code_verifier')).toBe(false);
    // The verifier never leaves Proportio in the clear: the pending cookie is sealed.
    expect(browser.cookie(rp.url, 'proportio_oidc')).not.toContain(q.get('state') ?? '');

    expect(prompts).toEqual(['login', 'consent']);
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callbackUrl.searchParams.get('iss')).toBe(provider.issuer);
    // Nothing is written before the provider has confirmed the sign-in.
    expect(await snapshot(rp)).toEqual(before);

    const cb = await browser.request(callbackUrl);
    expect(cb.status, await cb.clone().text()).toBe(302);
    expect(cb.headers.get('location')).toBe('/');
    const setCookies = cb.headers.getSetCookie();
    const session = setCookies.find((c) => c.startsWith('proportio_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(setCookies.some((c) => c.startsWith('proportio_oidc=;'))).toBe(true); // the pending state is cleared
    expect(browser.cookie(rp.url, 'proportio_oidc')).toBeUndefined();
    expect(provider.events).toContain('grant.success'); // the code exchange (with the PKCE verifier) succeeded

    const m = await me(rp, browser);
    expect(m.status).toBe(200);
    expect(m.body?.user).toMatchObject({
      username: 'a.de.vries',
      displayName: 'Anne de Vries',
      email: 'a.de.vries@lindewaard.example',
      roles: ['dpo'],
      oidc: true,
      hasPassword: false,
      disabled: false,
    });
    expect(m.body?.permissions).toContain('audit:read');
    expect(m.body?.permissions).not.toContain('users:write');
    expect(m.body?.csrfToken).toBeTruthy();

    expect(await snapshot(rp)).toEqual({
      users: before.users + 1,
      sessions: before.sessions + 1,
      audit: before.audit + 2,
    });
  });

  it('(f) the audit log holds user.provision (by the oidc system actor) and auth.login with method oidc', async () => {
    const user = await rp.t.rt.store.read.users.findByOidcSubject(fg.sub);
    expect(user).toBeDefined();
    const entries = await rp.t.rt.store.read.audit.page({ limit: 100, subject: `user:${user!.id}` });
    const provision = entries.filter((e) => e.action === 'user.provision');
    expect(provision).toHaveLength(1);
    expect(provision[0]!.actor).toBe('system:oidc');
    expect(provision[0]!.details).toEqual({ username: 'a.de.vries', roles: ['dpo'] });
    const logins = entries.filter((e) => e.action === 'auth.login');
    expect(logins.length).toBeGreaterThanOrEqual(1);
    expect(logins.every((e) => e.details.method === 'oidc' && e.actor === `user:${user!.id}`)).toBe(true);
    // Provisioning comes before the login it enables; the chain is intact.
    expect(provision[0]!.seq).toBeLessThan(logins.at(-1)!.seq);
    const verification = await rp.t.rt.services.audit.verify();
    expect(verification.ok).toBe(true);
  });

  it('(b) the next login syncs roles changed at the provider (no new user; user.roles-sync audited)', async () => {
    const user = await rp.t.rt.store.read.users.findByOidcSubject(fg.sub);
    const before = await snapshot(rp);
    provider.accounts.get(fg.sub)!.roles = ['prop-admin', 'prop-fg'];
    const { browser, callbackUrl } = await beginLogin(rp, fg);
    const cb = await browser.request(callbackUrl);
    expect(cb.status, await cb.clone().text()).toBe(302);
    const m = await me(rp, browser);
    expect(m.body?.user.id).toBe(user!.id);
    expect([...(m.body?.user.roles ?? [])].sort()).toEqual(['admin', 'dpo']);
    expect(m.body?.permissions).toContain('users:write');
    expect(await snapshot(rp)).toEqual({
      users: before.users,
      sessions: before.sessions + 1,
      audit: before.audit + 2,
    });
    const [latest, previous] = await rp.t.rt.store.read.audit.page({ limit: 2 });
    expect(latest?.action).toBe('auth.login');
    expect(previous?.action).toBe('user.roles-sync');
    expect([...((previous?.details.roles as string[] | undefined) ?? [])].sort()).toEqual(['admin', 'dpo']);

    // Roles taken away at the provider are taken away here at the next login too.
    provider.accounts.get(fg.sub)!.roles = ['prop-fg'];
    const again = await beginLogin(rp, fg);
    expect((await again.browser.request(again.callbackUrl)).status).toBe(302);
    expect((await me(rp, again.browser)).body?.user.roles).toEqual(['dpo']);
    // …and the earlier session (same user) sees the current roles at once.
    expect((await me(rp, browser)).body?.user.roles).toEqual(['dpo']);
  });

  it('(b) the same roles in another order at the next login change nothing but the login entry', async () => {
    provider.accounts.get(fg.sub)!.roles = ['prop-fg', 'prop-admin'];
    const first = await beginLogin(rp, fg);
    expect((await first.browser.request(first.callbackUrl)).status).toBe(302);
    const before = await snapshot(rp);
    provider.accounts.get(fg.sub)!.roles = ['prop-admin', 'prop-fg'];
    const second = await beginLogin(rp, fg);
    expect((await second.browser.request(second.callbackUrl)).status).toBe(302);
    expect(await snapshot(rp)).toEqual({ ...before, sessions: before.sessions + 1, audit: before.audit + 1 });
    const [latest] = await rp.t.rt.store.read.audit.page({ limit: 1 });
    expect(latest?.action).toBe('auth.login');
    provider.accounts.get(fg.sub)!.roles = ['prop-fg'];
  });

  it('(b) a changed e-mail address at the provider is taken over at the next login', async () => {
    const a = provider.accounts.get(beheer.sub)!;
    const first = await beginLogin(rp, a);
    expect((await first.browser.request(first.callbackUrl)).status).toBe(302);
    a.email = 'bas.jansen@lindewaard.example';
    try {
      const { browser, callbackUrl } = await beginLogin(rp, a);
      expect((await browser.request(callbackUrl)).status).toBe(302);
      expect((await me(rp, browser)).body?.user).toMatchObject({
        email: 'bas.jansen@lindewaard.example',
        roles: ['admin'],
      });
    } finally {
      a.email = beheer.email;
    }
  });

  it('a second login in the same browser goes through without prompts (provider session) and reuses the user', async () => {
    const { browser, callbackUrl } = await beginLogin(rp, beheer);
    expect((await browser.request(callbackUrl)).status).toBe(302);
    const users = await rp.t.rt.store.read.users.count();
    const again = await beginLogin(rp, beheer, browser);
    expect(again.prompts).toEqual([]);
    expect((await browser.request(again.callbackUrl)).status).toBe(302);
    const m = await me(rp, browser);
    expect(m.body?.user).toMatchObject({ username: 'b.jansen', roles: ['admin'] });
    expect(await rp.t.rt.store.read.users.count()).toBe(users);
  });

  it('(c) an account whose claim maps to no Proportio role gets 403 AUTH.FORBIDDEN and no session; nothing is written', async () => {
    const before = await snapshot(rp);
    const { browser, callbackUrl } = await beginLogin(rp, nobody);
    const cb = await browser.request(callbackUrl);
    expect(cb.status).toBe(403);
    expect((await problemOf(cb)).code).toBe('AUTH.FORBIDDEN');
    expect(cb.headers.getSetCookie().some((c) => c.startsWith('proportio_session='))).toBe(false);
    expect((await me(rp, browser)).status).toBe(401);
    expect(await snapshot(rp)).toEqual(before);
    expect(await rp.t.rt.store.read.users.findByOidcSubject(nobody.sub)).toBeUndefined();
  });

  it('(c) an existing user whose Proportio groups were all removed at the provider is refused at the next login (403)', async () => {
    const leaver = account('sub-0006-leaver', 'f.mulder', 'Fien Mulder', ['prop-balie']);
    provider.accounts.set(leaver.sub, leaver);
    const first = await beginLogin(rp, leaver);
    expect((await first.browser.request(first.callbackUrl)).status).toBe(302);
    provider.accounts.get(leaver.sub)!.roles = ['some-other-app'];
    const before = await snapshot(rp);
    const { browser, callbackUrl } = await beginLogin(rp, leaver);
    const cb = await browser.request(callbackUrl);
    expect(cb.status).toBe(403);
    expect((await problemOf(cb)).code).toBe('AUTH.FORBIDDEN');
    expect((await me(rp, browser)).status).toBe(401);
    expect(await snapshot(rp)).toEqual(before);
  });

  describe('(d) a callback that does not belong to a sign-in started here → 401 AUTH.OIDC_FAILED, no session', () => {
    const expectRejected = async (
      res: Response,
      browser: OidcBrowser,
      before: Awaited<ReturnType<typeof snapshot>>,
    ) => {
      expect(res.status).toBe(401);
      expect((await problemOf(res)).code).toBe('AUTH.OIDC_FAILED');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('proportio_session='))).toBe(false);
      expect((await me(rp, browser)).status).toBe(401);
      expect(await snapshot(rp)).toEqual(before);
    };

    it('tampered state', async () => {
      const before = await snapshot(rp);
      const { browser, callbackUrl } = await beginLogin(rp, balie);
      callbackUrl.searchParams.set('state', `${callbackUrl.searchParams.get('state') ?? ''}x`);
      await expectRejected(await browser.request(callbackUrl), browser, before);
    });

    it('missing proportio_oidc cookie', async () => {
      const before = await snapshot(rp);
      const { browser, callbackUrl } = await beginLogin(rp, balie);
      browser.deleteCookie(rp.url, 'proportio_oidc');
      await expectRejected(await browser.request(callbackUrl), browser, before);
    });

    it('a forged proportio_oidc cookie', async () => {
      const before = await snapshot(rp);
      const { browser, callbackUrl, pendingCookie } = await beginLogin(rp, balie);
      const forged = `${pendingCookie.slice(0, -4)}${pendingCookie.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      browser.setCookie(rp.url, 'proportio_oidc', forged, '/api/auth/oidc');
      await expectRejected(await browser.request(callbackUrl), browser, before);
    });

    it("another sign-in's cookie (login CSRF: the attacker's code in the victim's browser)", async () => {
      const before = await snapshot(rp);
      const attacker = await beginLogin(rp, balie);
      const victim = new OidcBrowser();
      const start = await victim.request(`${rp.url}/api/auth/oidc/start`);
      expect(start.status).toBe(302);
      await expectRejected(await victim.request(attacker.callbackUrl), victim, before);
    });

    it('replayed callback (same code, same cookie) after a successful login', async () => {
      const { browser, callbackUrl, pendingCookie } = await beginLogin(rp, balie);
      const ok = await browser.request(callbackUrl);
      expect(ok.status, await ok.clone().text()).toBe(302);
      const before = await snapshot(rp);
      const replayer = new OidcBrowser();
      replayer.setCookie(rp.url, 'proportio_oidc', pendingCookie, '/api/auth/oidc');
      await expectRejected(await replayer.request(callbackUrl), replayer, before);
    });

    it('the user declines at the provider (error=access_denied)', async () => {
      const before = await snapshot(rp);
      const browser = new OidcBrowser();
      // A fresh account-less browser: log in, then decline the consent prompt.
      const { callbackUrl } = await beginLogin(rp, nobody, browser, { decline: true });
      expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
      await expectRejected(await browser.request(callbackUrl), browser, before);
    });

    it('a sign-in finished more than 10 minutes after it started', async () => {
      const before = await snapshot(rp);
      const { browser, callbackUrl } = await beginLogin(rp, balie);
      skewMs = 11 * 60_000;
      try {
        const res = await browser.request(callbackUrl);
        expect(res.status).toBe(401);
        expect((await problemOf(res.clone())).detail).toMatch(/took too long/);
        await expectRejected(res, browser, before);
      } finally {
        skewMs = 0;
      }
    });

    it('a callback without any parameters', async () => {
      const before = await snapshot(rp);
      const browser = new OidcBrowser();
      expect((await browser.request(`${rp.url}/api/auth/oidc/start`)).status).toBe(302);
      await expectRejected(await browser.request(rp.callback), browser, before);
    });
  });

  it('a disabled OIDC user cannot sign in again (403 AUTH.DISABLED), and the provider cannot re-enable them', async () => {
    // The administrator (signed in through the provider as well) disables the front-desk user.
    const admin = await beginLogin(rp, beheer);
    expect((await admin.browser.request(admin.callbackUrl)).status).toBe(302);
    const adminMe = await me(rp, admin.browser);
    const target = await rp.t.rt.store.read.users.findByOidcSubject(balie.sub);
    expect(target).toBeDefined();
    const patch = await rp.t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target!.id}`,
      headers: {
        cookie: `proportio_session=${admin.browser.cookie(rp.url, 'proportio_session') ?? ''}`,
        'x-csrf-token': adminMe.body?.csrfToken ?? '',
      },
      payload: { disabled: true },
    });
    expect(patch.statusCode, patch.body).toBe(200);

    const before = await snapshot(rp);
    const { browser, callbackUrl } = await beginLogin(rp, balie);
    const cb = await browser.request(callbackUrl);
    expect(cb.status).toBe(403);
    expect((await problemOf(cb)).code).toBe('AUTH.DISABLED');
    expect((await me(rp, browser)).status).toBe(401);
    expect(await snapshot(rp)).toEqual(before);
    expect((await rp.t.rt.store.read.users.get(target!.id))?.disabled).toBe(true);
  });

  it("a provider account whose preferred_username is a local user's name gets its own account, never the local one", async () => {
    const local = await rp.t.rt.services.users.create(
      { kind: 'system', name: 'test' },
      {
        username: 'e.visser',
        displayName: 'Local Eva',
        roles: ['front-desk'],
        password: 'Lindewaard-local-2026!',
      },
    );
    expect(local.ok).toBe(true);
    const localId = local.ok ? local.value.id : '';
    const impostor = account('sub-0005-impostor', 'E.Visser', 'Eva (IdP)', ['prop-admin']);
    provider.accounts.set(impostor.sub, impostor);
    const { browser, callbackUrl } = await beginLogin(rp, impostor);
    expect((await browser.request(callbackUrl)).status).toBe(302);
    const m = await me(rp, browser);
    expect(m.body?.user.id).not.toBe(localId);
    expect(m.body?.user.username).toMatch(/^oidc-[0-9a-f]{12}$/);
    expect(m.body?.user.roles).toEqual(['admin']);
    const untouched = await rp.t.rt.store.read.users.get(localId);
    expect(untouched).toMatchObject({
      username: 'e.visser',
      roles: ['front-desk'],
      oidcSubject: null,
      hasPassword: true,
    });
  });

  it('a public client (no secret, PKCE alone) signs in as well', async () => {
    const before = await snapshot(pub);
    const { browser, authUrl, callbackUrl } = await beginLogin(pub, beheer);
    expect(authUrl.searchParams.get('client_id')).toBe('proportio-public');
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const cb = await browser.request(callbackUrl);
    expect(cb.status, await cb.clone().text()).toBe(302);
    expect((await me(pub, browser)).body?.user).toMatchObject({ username: 'b.jansen', roles: ['admin'] });
    expect(await snapshot(pub)).toEqual({
      users: before.users + 1,
      sessions: before.sessions + 1,
      audit: before.audit + 2,
    });
  });

  it('the provider really requires PKCE: an authorisation request without code_challenge is refused', async () => {
    const u = new URL('/auth', provider.issuer);
    u.search = new URLSearchParams({
      client_id: 'proportio',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: rp.callback,
      state: 's',
    }).toString();
    const res = await fetch(u, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', provider.issuer);
    expect(location.href.startsWith(rp.callback)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('(e) provider unreachable: /api/auth/oidc/start answers 502, Proportio keeps working, and recovers when the provider is back', async () => {
    const [downPort, rpPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${downPort}`;
    const down = await startRp(dialect, rpPort, oidcEnv(issuer, 'proportio', SECRET));
    let later: TestProvider | undefined;
    try {
      const before = await snapshot(down);
      const started = Date.now();
      const res = await fetch(`${down.url}/api/auth/oidc/start`, { redirect: 'manual' });
      expect(res.status).toBe(502);
      const p = await problemOf(res);
      expect(p.code).toBe('AUTH.OIDC_FAILED');
      expect(p.detail).toMatch(/identity provider cannot be reached/);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('proportio_oidc='))).toBe(false);
      expect(Date.now() - started).toBeLessThan(10_000);

      // Still serving: health, the OIDC status, and a callback is refused cleanly.
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${down.url}/api/auth/oidc`)).json()).toEqual({
        enabled: true,
        label: LABEL,
      });
      expect((await fetch(`${down.url}/api/auth/oidc/callback?code=x&state=y`)).status).toBe(401);
      expect(await snapshot(down)).toEqual(before);

      // The provider comes up: the next attempt discovers it again and signs in.
      later = await startTestProvider({
        port: downPort,
        clients: [{ clientId: 'proportio', clientSecret: SECRET, redirectUri: down.callback }],
        accounts: [fg],
      });
      const { browser, callbackUrl } = await beginLogin(down, fg);
      expect((await browser.request(callbackUrl)).status).toBe(302);
      expect((await me(down, browser)).body?.user.roles).toEqual(['dpo']);
    } finally {
      await down.t.close();
      await later?.close();
    }
  });

  it('without PROPORTIO_OIDC_ISSUER the routes say so: enabled false, 404 AUTH.OIDC_NOT_CONFIGURED', async () => {
    const plain = await startTestRuntime({ dialect });
    try {
      const status = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc' });
      expect(status.json()).toEqual({ enabled: false, label: null });
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
        const res = await plain.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json<{ code: string }>().code).toBe('AUTH.OIDC_NOT_CONFIGURED');
      }
    } finally {
      await plain.close();
    }
  });
});

// Failure modes that do not depend on the database: run once, on the first available dialect.
describe.each(dialects.slice(0, 1))(
  'OIDC: an identity provider that hangs or is not safe to use (%s)',
  (dialect) => {
    it('a provider that accepts connections but never answers: /start gives up with 502 well within a minute', async () => {
      const sockets = new Set<net.Socket>();
      const silent = net.createServer((s) => void sockets.add(s)); // accepts, never answers
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const issuer = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      const rp = await startRp(dialect, await freePort(), oidcEnv(issuer, 'proportio', SECRET));
      try {
        const started = Date.now();
        const res = await fetch(`${rp.url}/api/auth/oidc/start`, { redirect: 'manual' });
        const took = Date.now() - started;
        expect(res.status).toBe(502);
        expect((await problemOf(res)).code).toBe('AUTH.OIDC_FAILED');
        expect(took).toBeLessThan(15_000);
        expect((await fetch(`${rp.url}/healthz`)).status).toBe(200);
      } finally {
        await rp.t.close();
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    it('a plain-http issuer that is not on this machine is refused at start, before any request (secrets would cross the network in clear)', async () => {
      // 192.0.2.0/24 is TEST-NET-1: never contacted; the configuration must refuse it first.
      await expect(
        startRp(dialect, await freePort(), oidcEnv('http://192.0.2.10:9/realms/x', 'proportio', SECRET)),
      ).rejects.toThrow(/PROPORTIO_OIDC_ISSUER must use https/);
    });
  },
);
