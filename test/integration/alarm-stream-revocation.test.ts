/**
 * An open alarm stream ends when its access does: logout, a disabled account, or a change of
 * roles or sites (the client then reconnects with its new scope, or is refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_DEFAULTS } from '../../src/compose/alarm.compose.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { openStream } from './alarm-helpers.js';

const dialects = await availableDialects();

const until = async (cond: () => boolean, what: string, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each(dialects)('alarm stream revocation on %s', (dialect) => {
  let t: TestRuntime;
  // The defaults are read-only to the code; the test shortens the check interval for itself.
  const tunable = ALARM_DEFAULTS as { streamRevalidateMs: number };
  const original = tunable.streamRevalidateMs;
  beforeAll(async () => {
    tunable.streamRevalidateMs = 100; // check often, so the test needs no long waits
    t = await startTestRuntime({ dialect, demo: true, listen: true, loginAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    tunable.streamRevalidateMs = original;
    await t?.close();
  });

  it('keeps a valid stream open', async () => {
    const s = await loginAs(t.app, 'bhv');
    const stream = await openStream(t.url!, s.cookie);
    await new Promise((r) => setTimeout(r, 500)); // several checks pass
    expect(stream.closed()).toBe(false);
    stream.close();
  });

  it('ends the stream at logout', async () => {
    const s = await loginAs(t.app, 'bhv');
    const stream = await openStream(t.url!, s.cookie);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode,
    ).toBe(204);
    await until(() => stream.closed(), 'the stream to end after logout');
  });

  it('ends the stream when the account is disabled, and when its sites change', async () => {
    const s = await loginAs(t.app, 'beveiliging');
    const stream = await openStream(t.url!, s.cookie);
    const admin = (await loginAs(t.app, 'beheer')).headers;
    const user = (await t.rt.store.read.users.findByUsername('beveiliging'))!;
    const site = (await t.rt.store.read.sites.list())[0]!;
    // A narrower scope: the stream must not keep delivering the old one.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/users/${user.id}`,
          headers: admin,
          payload: { siteIds: [site.id] },
        })
      ).statusCode,
    ).toBe(200);
    await until(() => stream.closed(), 'the stream to end after a change of sites');
    const s2 = await loginAs(t.app, 'bhv');
    const stream2 = await openStream(t.url!, s2.cookie);
    const bhv = (await t.rt.store.read.users.findByUsername('bhv'))!;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/users/${bhv.id}`,
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(200);
    await until(() => stream2.closed(), 'the stream to end after disabling');
  });
});
