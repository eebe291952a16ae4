/**
 * Recorder agents in the web UI (issue 13 §2, ADR 0015), in Chromium against the real server with
 * the demo, at the laptop and the phone size, in Dutch and in English: the administrator finds
 * the page under "Beheer", registers an agent for a site and reads its one-time code once with
 * the command to run at the site; that code really enrols an agent (the command's server is this
 * server); once it reports, the list says so; revoking asks first, says what happens, and the
 * agent is refused from then on. The code panel and the confirmation pass an axe WCAG 2.1 AA scan
 * (in Dutch) and nothing scrolls sideways. With PROPORTIO_TOUR_SCREENSHOTS=1 the steps are
 * photographed into test-results/tour/agents/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { DICTIONARIES, type Language } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  clickNavLink,
  DESKTOP,
  ensureWebBuild,
  eventually,
  h1,
  horizontalOverflow,
  PHONE,
  signIn,
  STEP_BUDGET_MS,
  texts,
  TOUR_SCREENSHOTS,
  visible,
} from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const SHOOTS =
  process.env.PROPORTIO_TOUR_SCREENSHOTS === '1' || process.env.PROPORTIO_SCREENSHOT_DIR !== undefined;
const SHOTS = path.join(TOUR_SCREENSHOTS, 'agents');

const COMBINATIONS = [
  { size: 'desktop', viewport: DESKTOP, lang: 'nl' },
  { size: 'phone', viewport: PHONE, lang: 'nl' },
  { size: 'desktop', viewport: DESKTOP, lang: 'en' },
  { size: 'phone', viewport: PHONE, lang: 'en' },
] as const;

describe.skipIf(!chromiumAvailable())('recorder agents in the web UI', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

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
    browser = await launchChromium();
    if (SHOOTS) fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
  });

  const open = async (
    username: string,
    viewport: { width: number; height: number },
    lang: Language,
  ): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, username);
    // The language toggle remembers the choice (web/src/App.tsx); the reload reads it.
    await page.evaluate((l) => window.localStorage.setItem('proportio.lang', l), lang);
    await page.reload();
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    return page;
  };

  const shoot = async (page: Page, name: string) => {
    if (SHOOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  const agentCall = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    rt.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it.each(COMBINATIONS.map((c) => [`${c.size} ${c.lang}`, c] as const))(
    '%s: register, the code once, enrol with it, see it report, revoke after a confirmation',
    async (what, { viewport, lang }) => {
      const t = DICTIONARIES[lang];
      const a = t.agents;
      const name = `Recorder De Brink ${what}`;
      const page = await open('beheer', viewport, lang);

      // Under "Beheer" (on a phone behind "Menu").
      const menu = page.getByRole('button', { name: t.menuOpen, exact: true });
      if (await menu.isVisible()) await menu.click();
      await clickNavLink(page, t.nav.agents, t.mainNav);
      await eventually(() => texts(h1(page))).toEqual([a.title]);

      await page.getByRole('button', { name: a.add, exact: true }).click();
      await page.getByLabel(a.site, { exact: true }).selectOption({ label: 'Wijkcentrum De Brink' });
      await page.getByLabel(a.name, { exact: true }).fill(name);
      await shoot(page, `${what.replace(' ', '-')}-form`);
      await page.getByRole('button', { name: a.submit, exact: true }).click();

      // The code, once, with the command for the site and its validity.
      const panel = page.getByRole('region', { name: a.createdTitle(name), exact: true });
      await visible(panel.getByText(a.createdOnce));
      // As the shell reads them: the continued lines joined.
      const commands = (await panel.locator('pre').innerText()).trim().replace(/ \\\n\s*/g, ' ');
      const m = /^proportio agent enrol --server (\S+) --code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}) /.exec(
        commands,
      );
      expect(m, commands).not.toBeNull();
      const [, server, code] = m!;
      expect(server).toBe(new URL(base).origin);
      expect(commands).toContain('proportio agent run --state ');
      await visible(panel.getByText(code!, { exact: true }));
      expect(await horizontalOverflow(page), `${what}: sideways scrolling with the code`).toBeLessThanOrEqual(
        1,
      );
      if (lang === 'nl') await axe(page, `${what}: the one-time code`);
      await shoot(page, `${what.replace(' ', '-')}-code`);

      // What the page showed enrols an agent, at the server it named.
      const enrolled = await rt.app.inject({
        method: 'POST',
        url: '/api/agent/enrol',
        payload: { code, recipient: generateIdentity().recipient.text },
      });
      expect(enrolled.statusCode, enrolled.body).toBe(200);
      const { token } = enrolled.json<{ token: string }>();
      const beat = await agentCall(token, 'POST', '/api/agent/heartbeat', {
        report: {
          state: 'recording',
          armedCameras: 2,
          queuedSteps: 1,
          queuedParts: 3,
          oldestQueuedAt: null,
          restarts: 0,
          version: '0.1.0',
        },
      });
      expect(beat.statusCode, beat.body).toBe(200);

      // Dismissed, the code is gone for good.
      await panel.getByRole('button', { name: a.dismiss, exact: true }).click();
      await eventually(() => page.getByText(code!).count()).toBe(0);

      // The list picks up the report by itself (it refreshes every 10 s).
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await visible(row.getByText(a.lastReport(a.reported.recording)));
      await visible(row.getByText(a.states.enrolled, { exact: true }));
      expect(await horizontalOverflow(page), `${what}: sideways scrolling in the list`).toBeLessThanOrEqual(
        1,
      );
      await shoot(page, `${what.replace(' ', '-')}-list`);

      // Revoking asks first; nothing changes until it is confirmed.
      await row.getByRole('button', { name: a.revokeItem(name), exact: true }).click();
      const confirm = page.getByRole('region', { name: a.confirmTitle(name), exact: true });
      await visible(confirm.getByText(a.confirmStops));
      await visible(confirm.getByText(a.confirmQueued(3)));
      expect((await agentCall(token, 'GET', '/api/agent/plan')).statusCode).toBe(200);
      if (lang === 'nl') await axe(page, `${what}: the revoke confirmation`);
      await shoot(page, `${what.replace(' ', '-')}-revoke`);
      await confirm.getByRole('button', { name: a.revoke, exact: true }).click();
      await visible(page.getByText(a.revoked(name)));
      await visible(row.getByText(a.states.revoked, { exact: true }));
      expect((await agentCall(token, 'GET', '/api/agent/plan')).statusCode).toBe(401);
    },
  );

  it('security reads the list but registers and revokes nothing; the front desk has no such page', async () => {
    const security = await open('beveiliging', DESKTOP, 'nl');
    const a = DICTIONARIES.nl.agents;
    await clickNavLink(security, a.title);
    await eventually(() => texts(h1(security))).toEqual([a.title]);
    await eventually(() => security.getByText(DICTIONARIES.nl.loading).count()).toBe(0);
    expect(await security.getByRole('button', { name: a.add }).count()).toBe(0);
    expect(await security.getByRole('button', { name: a.revoke }).count()).toBe(0);
    const who = await loginAs(rt.app, 'beveiliging');
    const refused = await rt.app.inject({
      method: 'POST',
      url: '/api/agents',
      headers: who.headers,
      payload: { siteId: (await rt.rt.store.read.sites.list())[0]!.id, name: 'x' },
    });
    expect(refused.statusCode).toBe(403);

    const desk = await open('balie', DESKTOP, 'nl');
    await desk.goto(`${base}/agents`);
    await eventually(() => texts(h1(desk))).toEqual([DICTIONARIES.nl.noAccess.title]);
  });
});
