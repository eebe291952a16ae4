/**
 * API tokens: an expiry chosen at creation (default and maximum), last use to the minute, list
 * and revoke for the owner and for administrators (within their sites), and the end of every
 * token of an account when its password changes or is reset, or the account is disabled.
 * Create and revoke are audited; only a hash of the secret is stored.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../src/core/auth/tokens.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const PW = 'Lindewaard-demo-2026';
const DAY = 86_400_000;
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI in a child process, as an operator would. */
const cli = async (args: string[], env: Record<string, string>) => {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args],
      { cwd: root, env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent', NO_COLOR: '1', ...env } },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

interface TokenView {
  id: string;
  userId: string;
  username: string;
  name: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  endedReason: string | null;
  state: string;
}

describe.each(dialects)('API tokens on %s', (dialect) => {
  let t: TestRuntime;
  // A clock the test moves forward: expiry and last use without waiting.
  let offset = 0;
  const now = () => new Date(Date.now() + offset);

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000, clock: { now } });
  });
  afterAll(async () => t?.close());

  const create = async (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
  const newToken = async (username: string, name = 'Script', extra: object = {}, password = PW) => {
    const s = await loginAs(t.app, username, password);
    const res = await create(s.headers, { name, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return { ...res.json<{ id: string; token: string; expiresAt: string }>(), session: s.headers };
  };
  const works = async (token: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode === 200;
  const own = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers })).json<TokenView[]>();
  const stored = async (id: string) => (await t.rt.store.read.apiTokens.get(id))!;
  const auditOf = async (action: string) => t.rt.store.read.audit.page({ limit: 5, action });

  it('expires after the chosen lifetime, by default and at most a bounded one', async () => {
    const d = await newToken('fg', 'Default');
    expect(new Date(d.expiresAt).getTime() - now().getTime()).toBeGreaterThan((TOKEN_DEFAULT_DAYS - 1) * DAY);
    expect(new Date(d.expiresAt).getTime() - now().getTime()).toBeLessThanOrEqual(TOKEN_DEFAULT_DAYS * DAY);
    for (const bad of [0, TOKEN_MAX_DAYS + 1, 1.5, '30']) {
      const res = await create(d.session, { name: 'Too long', expiresInDays: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(JSON.stringify(res.json())).toContain('expiresInDays');
    }
    const short = await newToken('fg', 'One day', { expiresInDays: 1 });
    expect(await works(short.token)).toBe(true);
    offset += DAY + 60_000;
    expect(await works(short.token)).toBe(false);
    expect(await works(d.token)).toBe(true);
    const list = await own((await loginAs(t.app, 'fg')).headers);
    expect(list.find((x) => x.id === short.id)).toMatchObject({ state: 'expired', name: 'One day' });
    expect(list.find((x) => x.id === d.id)).toMatchObject({ state: 'active', username: 'fg' });
  });

  it('records the last use at most once a minute', async () => {
    const k = await newToken('auditor');
    expect((await stored(k.id)).lastUsedAt).toBeNull();
    expect(await works(k.token)).toBe(true);
    const first = (await stored(k.id)).lastUsedAt;
    expect(first).not.toBeNull();
    offset += 20_000;
    expect(await works(k.token)).toBe(true);
    expect((await stored(k.id)).lastUsedAt).toBe(first);
    offset += 60_000;
    expect(await works(k.token)).toBe(true);
    expect((await stored(k.id)).lastUsedAt).not.toBe(first);
  });

  it("lists only the owner's tokens, never the secret or its hash, and lets the owner revoke them", async () => {
    const mine = await newToken('secretaris', 'Mine');
    const theirs = await newToken('bhv', 'Theirs');
    const list = await own(mine.session);
    expect(list.map((x) => x.id)).toContain(mine.id);
    expect(list.map((x) => x.id)).not.toContain(theirs.id);
    const raw = JSON.stringify(list);
    expect(raw).not.toContain(mine.token);
    expect(raw).not.toContain((await stored(mine.id)).tokenHash);
    // Someone else's token is "not found" on the owner's route.
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${theirs.id}`,
      headers: mine.session,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await works(theirs.token)).toBe(true);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${mine.id}`,
      headers: mine.session,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'revoked', endedReason: 'revoked' });
    expect(await works(mine.token)).toBe(false);
    const [entry] = await auditOf('api-token.revoke');
    expect(entry).toMatchObject({ subject: `user:${(await stored(mine.id)).userId}` });
    expect(entry?.details).toMatchObject({ tokenId: mine.id, name: 'Mine' });
    const [made] = await auditOf('api-token.create');
    expect(made?.details).toMatchObject({ tokenId: theirs.id, name: 'Theirs' });
  });

  it('lets an administrator see and revoke any token, a site-limited one only inside their sites', async () => {
    const victim = await newToken('bhv', 'Lost laptop');
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const all = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: admin })).json<
      TokenView[]
    >();
    expect(all.find((x) => x.id === victim.id)).toMatchObject({ username: 'bhv', state: 'active' });
    // A site-limited administrator neither sees nor revokes a token of an account serving all sites.
    const site = (await t.rt.store.read.sites.list())[0]!.id;
    const made = await t.rt.services.users.create(
      { kind: 'system', name: 'test' },
      {
        username: 'beheer-a',
        displayName: 'Beheer A',
        roles: ['admin'],
        siteIds: [site],
        password: 'a-long-test-password-1',
      },
    );
    expect(made.ok).toBe(true);
    const limited = (await loginAs(t.app, 'beheer-a', 'a-long-test-password-1')).headers;
    const seen = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: limited })).json<
      TokenView[]
    >();
    expect(seen.map((x) => x.id)).not.toContain(victim.id);
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${victim.id}`,
      headers: limited,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'USER.OUTSIDE_SITES' });
    expect(await works(victim.token)).toBe(true);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${victim.id}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(await works(victim.token)).toBe(false);
    const [entry] = await auditOf('api-token.revoke');
    const beheer = (await t.rt.store.read.users.findByUsername('beheer'))!;
    expect(entry).toMatchObject({ actor: `user:${beheer.id}`, details: { tokenId: victim.id } });
    const missing = await t.app.inject({
      method: 'DELETE',
      url: '/api/tokens/00000000-0000-4000-8000-000000000000',
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('ends every token of an account when its owner changes the password', async () => {
    const a = await newToken('beveiliging', 'One');
    const b = await newToken('beveiliging', 'Two');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.session,
      payload: { currentPassword: PW, newPassword: 'a-brand-new-passphrase' },
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const k of [a, b]) {
      expect(await works(k.token)).toBe(false);
      expect(await stored(k.id)).toMatchObject({ endedReason: 'password-changed' });
    }
    const [entry] = await auditOf('auth.password-change');
    expect(entry?.details).toMatchObject({ apiTokensEnded: 2 });
  });

  it('ends every token of an account when an administrator resets its password', async () => {
    const k = await newToken('balie', 'Tablet');
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${(await stored(k.id)).userId}/password`,
      headers: admin,
      payload: { password: 'a-reset-passphrase-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await works(k.token)).toBe(false);
    expect(await stored(k.id)).toMatchObject({ endedReason: 'password-reset' });
  });

  it('ends every token when the account is disabled, and enabling it does not revive them', async () => {
    const k = await newToken('balie', 'Kiosk', {}, 'a-reset-passphrase-1');
    const userId = (await stored(k.id)).userId;
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const patch = (disabled: boolean) =>
      t.app.inject({ method: 'PATCH', url: `/api/users/${userId}`, headers: admin, payload: { disabled } });
    expect((await patch(true)).statusCode).toBe(200);
    expect(await stored(k.id)).toMatchObject({ endedReason: 'account-disabled' });
    expect((await patch(false)).statusCode).toBe(200);
    expect(await works(k.token)).toBe(false);
  });
});

describe('proportio token create | list | revoke', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-tokens-'));
  const env = { PROPORTIO_DATA_DIR: dataDir };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates with an expiry, lists without the secret, and revokes', { timeout: 180_000 }, async () => {
    expect((await cli(['demo', '--json'], env)).code).toBe(0);
    const made = await cli(
      ['token', 'create', '--user', 'beheer', '--name', 'Backup', '--expires-days', '30', '--json'],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
    const token = JSON.parse(made.stdout) as { id: string; token: string; expiresAt: string; user: string };
    expect(token).toMatchObject({ user: 'beheer', token: expect.stringMatching(/^prt_/) });
    const tooLong = await cli(
      ['token', 'create', '--user', 'beheer', '--expires-days', String(TOKEN_MAX_DAYS + 1)],
      env,
    );
    expect(tooLong.code).toBe(65);
    expect(tooLong.stderr).toContain('expiresInDays');
    const listed = await cli(['token', 'list', '--user', 'beheer', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(token.token);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: token.id, name: 'Backup', state: 'active', expiresAt: token.expiresAt }),
    ]);
    const revoked = await cli(['token', 'revoke', token.id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    const table = await cli(['token', 'list'], env);
    expect(table.stdout).toMatch(new RegExp(`${token.id}\\s+beheer\\s+Backup\\s+revoked \\(revoked\\)`));
    const unknown = await cli(['token', 'revoke', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(66);
  });
});
