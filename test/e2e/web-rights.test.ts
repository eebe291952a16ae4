/**
 * Residents' requests in the web UI (issue 12 §1), in Chromium against the real server with the
 * demo: a request past its deadline is on the privacy officer's start page and its link opens
 * the request; the privacy officer registers a request with the form (a note that looks like a
 * document number is refused next to its field, in Dutch, and nothing is stored), then starts
 * it; the auditor reads the same request without any action. The pages pass an axe WCAG 2.1 AA scan.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  clickNavLink,
  ensureWebBuild,
  eventually,
  h1,
  signIn,
  STEP_BUDGET_MS,
  texts,
  visible,
} from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const nl = DICTIONARIES.nl;
const r = nl.rights;
const DAY = 86_400_000;

describe.skipIf(!chromiumAvailable())("residents' requests in the web UI", () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  let overdueId: string;
  let roomId: string;
  const contexts: BrowserContext[] = [];

  const page = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-NL' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const p = await context.newPage();
    await signIn(p, base, username);
    return p;
  };
  const requests = async () => {
    const fg = await loginAs(rt.app, 'fg');
    return (await rt.app.inject({ method: 'GET', url: '/api/rights/requests', headers: fg.headers })).json<
      { id: string; status: string; identityNote: string | null }[]
    >();
  };

  beforeAll(async () => {
    ensureWebBuild();
    rt = await startTestRuntime({
      demo: true,
      listen: true,
      web: true,
      loginAttemptsPerMinute: 10_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    base = rt.url!;
    roomId = (await rt.rt.store.read.rooms.list()).find((x) => x.name === 'Spreekkamer 2')!.id;
    // Received 40 days ago: past its deadline (one month, a weekend or holiday at most a few days more).
    const now = rt.rt.clock.now().getTime();
    const fg = await loginAs(rt.app, 'fg');
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/rights/requests',
      headers: fg.headers,
      payload: {
        kind: 'erasure',
        channel: 'post',
        receivedAt: new Date(now - 40 * DAY).toISOString(),
        roomId,
        windowFrom: new Date(now - 42 * DAY).toISOString(),
        windowTo: new Date(now - 42 * DAY + 3_600_000).toISOString(),
        requesterContact: 'Dorpsstraat 1, 1234 AB Lindewaard',
        identityMethod: 'known-contact',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    overdueId = res.json<{ id: string }>().id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
  });

  it("shows the overdue request on the privacy officer's start page; its link opens it", async () => {
    const p = await page('fg');
    await visible(p.getByRole('heading', { name: nl.todo.groups['answer-request'](1) }));
    const room = 'Stadhuis Lindewaard — Spreekkamer 2';
    await p.getByRole('link', { name: nl.todo['answer-request'].link(room) }).click();
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.erasure!)]);
    expect(p.url()).toContain(`/rights/requests/${overdueId}`);
    await visible(p.getByText(r.deadlineStates.overdue!, { exact: true }));
    await axe(p, 'a request past its deadline');
  });

  it('registers a request with the form; a note with a document number is refused next to its field', async () => {
    const p = await page('fg');
    await clickNavLink(p, nl.nav.rights);
    await eventually(() => texts(h1(p))).toEqual([r.title]);
    await p.getByRole('link', { name: r.newLink }).click();
    await eventually(() => texts(h1(p))).toEqual([r.form.title]);
    await axe(p, 'the new request form');
    await p.getByLabel(r.form.kind).selectOption('access');
    await p.getByLabel(r.form.room).selectOption(roomId);
    await p.getByLabel(r.form.windowFrom).fill('2026-11-02T09:00');
    await p.getByLabel(r.form.windowTo).fill('2026-11-02T11:00');
    await p.getByLabel(r.form.identityNote).fill('paspoort NW1234567 getoond');
    await p.getByLabel(r.form.requesterContact).fill('Dorpsstraat 1, 1234 AB Lindewaard');
    const before = (await requests()).length;
    await p.getByRole('button', { name: r.form.submit }).click();
    // The server's refusal, in Dutch, next to the field (and in the summary).
    await visible(p.getByText(r.errors.documentNumber).first());
    expect(await p.getByLabel(r.form.identityNote).getAttribute('aria-invalid')).toBe('true');
    expect((await requests()).length).toBe(before);

    await p.getByLabel(r.form.identityNote).fill('rijbewijs getoond aan de balie, niet gekopieerd');
    await p.getByRole('button', { name: r.form.submit }).click();
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.access!)]);
    await eventually(async () => (await requests()).length).toBe(before + 1);
    await p.getByRole('button', { name: r.detail.start }).click();
    await visible(p.getByText(r.detail.startedNotice));
    await eventually(async () => (await requests()).find((x) => x.status === 'in-progress')).toBeTruthy();
  });

  it('the auditor reads the request and its timeline, with no action', async () => {
    const p = await page('auditor');
    await p.goto(`${base}/rights/requests/${overdueId}`);
    await eventually(() => texts(h1(p))).toEqual([r.detail.title(r.kinds.erasure!)]);
    await visible(p.getByRole('table', { name: r.detail.timelineCaption }));
    // No step, clip action or form in the page itself (the header keeps language and log-out).
    await visible(p.getByRole('main'));
    expect(await p.getByRole('main').getByRole('button').count()).toBe(0);
    await p.goto(`${base}/rights/requests`);
    await eventually(() => texts(h1(p))).toEqual([r.title]);
    await visible(p.getByText(r.readOnly));
    expect(await p.getByRole('link', { name: r.newLink }).count()).toBe(0);
  });
});
