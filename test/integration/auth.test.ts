/**
 * Accounts end to end over HTTP: login, lock-out, rate limiting, sessions, logout, password
 * change, API tokens, disabled accounts; and that secrets never reach a log line.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT } from '../../src/http/app.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const PW = 'Lindewaard-demo-2026';

describe.each(dialects)('accounts on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('sets an HttpOnly, SameSite=Strict session cookie and answers /me with permissions', async () => {
    const res = await login('fg', PW);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'proportio_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `proportio_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      user: { username: 'fg', roles: ['dpo'] },
      permissions: expect.arrayContaining(['audit:read']),
    });
    // The database holds only a hash of the session id.
    const stored = await t.rt.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(cookie.value);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const a = await login('fg', 'wrong-password-123');
    const b = await login('niemand', 'wrong-password-123');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json<{ code: string }>().code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(b.json<{ detail: string }>().detail).toBe(a.json<{ detail: string }>().detail);
  });

  it('locks an account after repeated failures, audits it, and refuses the right password while locked', async () => {
    for (let i = 0; i < 4; i++) expect((await login('auditor', `wrong-${i}-password`)).statusCode).toBe(401);
    const fifth = await login('auditor', 'wrong-5-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    expect((await login('auditor', PW)).statusCode).toBe(423);
    const [entry] = await t.rt.store.read.audit.page({ limit: 1, action: 'auth.locked' });
    expect(entry?.subject).toMatch(/^user:/);
    // An administrator lifts the lock by re-enabling (or resetting the password).
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const user = (await t.rt.store.read.users.findByUsername('auditor'))!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { disabled: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await login('auditor', PW)).statusCode).toBe(200);
  });

  it('logs out: the cookie no longer works', async () => {
    const s = await loginAs(t.app, 'bhv');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
  });

  it('changes a password: needs the current one, enforces the rules', async () => {
    const s = await loginAs(t.app, 'secretaris');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-passphrase' },
    });
    expect(wrong.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: PW, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    // The refusal names the field, the rule and the policy's numbers, so the screen can word it.
    expect(weak.json()).toMatchObject({
      code: 'AUTH.WEAK_PASSWORD',
      errors: [{ field: 'newPassword' }],
      details: { rule: 'min-length', minLength: 12, maxLength: 256, minDistinct: 5 },
    });
    // The policy the screens show before anyone types is the one just applied.
    // (for signed-in people only: nobody else changes a password)
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/password-policy' });
    expect(anonymous.statusCode).toBe(401);
    const policy = await t.app.inject({
      method: 'GET',
      url: '/api/auth/password-policy',
      headers: s.headers,
    });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toEqual({ minLength: 12, maxLength: 256, minDistinct: 5 });
    const other = await loginAs(t.app, 'secretaris'); // e.g. a session left open elsewhere
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: PW, newPassword: 'a-brand-new-passphrase' },
    });
    expect(good.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: other.headers })).statusCode,
    ).toBe(401);
    expect((await login('secretaris', PW)).statusCode).toBe(401);
    expect((await login('secretaris', 'a-brand-new-passphrase')).statusCode).toBe(200);
  });

  it('counts wrong current passwords towards the lock-out, exactly as login does', async () => {
    const s = await loginAs(t.app, 'beveiliging');
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers,
        payload: { currentPassword, newPassword: 'a-stolen-session-passphrase' },
      });
    for (let i = 0; i < 4; i++) expect((await change(`guess-${i}-password`)).statusCode).toBe(401);
    const fifth = await change('guess-5-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'AUTH.LOCKED' });
    // While locked, even the right current password is refused, and so is login.
    const right = await change(PW);
    expect(right.statusCode).toBe(423);
    expect((await login('beveiliging', PW)).statusCode).toBe(423);
    const [entry] = await t.rt.store.read.audit.page({ limit: 1, action: 'auth.locked' });
    const user = (await t.rt.store.read.users.findByUsername('beveiliging'))!;
    expect(entry?.subject).toBe(`user:${user.id}`);
    // The password did not change.
    const admin = (await loginAs(t.app, 'beheer')).headers;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { disabled: false },
    });
    expect((await login('beveiliging', PW)).statusCode).toBe(200);
  });

  it('lets nobody set their own password through the administrator route, past the current one', async () => {
    const s = await loginAs(t.app, 'beheer');
    const me = (await t.rt.store.read.users.findByUsername('beheer'))!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${me.id}/password`,
      headers: s.headers,
      payload: { password: 'a-takeover-passphrase-1' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect((await login('beheer', PW)).statusCode).toBe(200);
  });

  it('issues API tokens that work as bearer tokens without CSRF, and stores only their hash', async () => {
    const s = await loginAs(t.app, 'beheer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: s.headers,
      payload: { name: 'Script' },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json<{ token: string }>().token;
    expect(token).toMatch(/^prt_/);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Via token' },
    });
    expect(res.statusCode).toBe(201);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/sites',
      headers: { authorization: 'Bearer prt_forged' },
    });
    expect(bad.statusCode).toBe(401);
    const rows = await t.rt.database.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('disabling an account ends its sessions and refuses login', async () => {
    const victim = await loginAs(t.app, 'balie');
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const user = (await t.rt.store.read.users.findByUsername('balie'))!;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/users/${user.id}`,
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: victim.headers })).statusCode,
    ).toBe(401);
    expect((await login('balie', PW)).json()).toMatchObject({ code: 'AUTH.DISABLED' });
  });

  it('does not let anyone give themselves a role', async () => {
    const s = await loginAs(t.app, 'beheer');
    const me = (await t.rt.store.read.users.findByUsername('beheer'))!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: s.headers,
      payload: { roles: ['admin', 'decision-maker'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'USER.SELF_CHANGE' });
    expect((await t.rt.store.read.users.get(me.id))?.roles).toEqual(['admin']);
  });

  it('does not let an administrator lock themselves out', async () => {
    const s = await loginAs(t.app, 'beheer');
    const me = (await t.rt.store.read.users.findByUsername('beheer'))!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: s.headers,
      payload: { roles: ['auditor'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'USER.SELF_CHANGE' });
    expect((await t.rt.store.read.users.get(me.id))?.roles).toEqual(['admin']);
  });
});

describe('login rate limiting per address', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, loginAttemptsPerMinute: 3 });
  });
  afterAll(async () => t?.close());

  it('answers 429 past the limit, before checking the password', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: `x${i}`, password: 'whatever-123' },
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fg', password: PW },
    });
    expect(ok.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
  });
});

describe('password change rate limiting per address', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, loginAttemptsPerMinute: 3 });
  });
  afterAll(async () => t?.close());

  it('answers 429 past the login limit, before checking the current password', async () => {
    const s = await loginAs(t.app, 'fg'); // the first attempt from this address
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers,
        payload: { currentPassword, newPassword: 'a-stolen-session-passphrase' },
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await change(`guess-${i}-password`)).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
    const right = await change(PW);
    expect(right.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect((await t.rt.store.read.users.findByUsername('fg'))?.failedLogins).toBe(2);
  });
});

describe('logs', () => {
  it('redact credentials, cookies, tokens and passwords', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const t = await startTestRuntime({ demo: true });
    try {
      // Rebuild an app with a logger that writes to our sink, at trace level.
      const app = await (
        await import('../../src/http/app.js')
      ).buildApp({
        version: 'test',
        store: t.rt.store,
        services: t.rt.services,
        secrets: t.rt.secrets,
        now: () => new Date(),
        secureCookies: false,
        trustProxy: false,
        oidc: undefined,
        webDir: undefined,
        logger: { level: 'trace', redact: { paths: LOG_REDACT, censor: '[redacted]' }, stream: sink },
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'beheer', password: PW },
      });
      const cookie = login.cookies[0]!.value;
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      await app.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: { cookie: `proportio_session=${cookie}`, 'x-csrf-token': csrf },
        payload: {
          roomId: (await t.rt.store.read.rooms.list())[0]!.id,
          name: 'Logcam',
          url: 'rtsp://u:TopSecret99@10.0.0.9/s',
        },
      });
      await app.inject({
        method: 'GET',
        url: '/api/sites',
        headers: { authorization: 'Bearer prt_should-not-appear' },
      });
      await app.close();
      const all = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      for (const secret of [PW, cookie, csrf, 'TopSecret99', 'prt_should-not-appear'])
        expect(all).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});
