/**
 * The public privacy page of a site in Chromium (issue 12 §5; it has no script at all): it
 * reads as a resident sees it at a laptop's and a phone's size, in Dutch and in English, passes
 * an axe WCAG 2.1 AA scan, has one h1, never scrolls sideways, and links the other language.
 * Screenshots go to test-results/site-privacy/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDemoAssessment } from '../support/approved-assessment.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import { axe, DESKTOP, h1, horizontalOverflow, PHONE, ROOT, STEP_BUDGET_MS, texts } from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const SHOTS = path.join(ROOT, 'test-results', 'site-privacy');

describe.skipIf(!chromiumAvailable())('site privacy page in Chromium', () => {
  let t: TestRuntime;
  let browser: Browser;
  let siteId: string;

  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, loginAttemptsPerMinute: 1000 });
    const room = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!;
    siteId = room.siteId;
    await approveDemoAssessment({
      t,
      roomId: room.id,
      typeId: (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id,
      fg: (await loginAs(t.app, 'fg')).headers,
      secretaris: (await loginAs(t.app, 'secretaris')).headers,
      today: new Date(),
    });
    // A suspension, so the scan also covers its notice.
    const suspended = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: (await loginAs(t.app, 'beheer')).headers,
      payload: { scope: 'site', siteId, reason: 'Onderhoud' },
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    for (const lang of ['nl', 'en'] as const)
      it(`passes axe and fits the screen (${size}, ${lang})`, async () => {
        // The page has no script at all (the integration test checks its HTML); JavaScript stays on
        // here only because axe and the overflow measurement run as scripts in the page.
        const context = await browser.newContext({ viewport, locale: 'nl-NL' });
        context.setDefaultTimeout(STEP_BUDGET_MS);
        try {
          const page = await context.newPage();
          const res = await page.goto(
            `${t.url}/api/public/sites/${siteId}/privacy${lang === 'en' ? '?lang=en' : ''}`,
          );
          expect(res?.status()).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          expect(await texts(h1(page))).toEqual([
            lang === 'nl'
              ? "Camera's en privacy in Stadhuis Lindewaard"
              : 'Cameras and privacy at Stadhuis Lindewaard',
          ]);
          const room = page.getByRole('row', { name: /Spreekkamer 2/ });
          expect(await room.innerText()).toContain(lang === 'nl' ? 'stilgelegd' : 'suspended');
          await axe(page, `site privacy page (${size}, ${lang})`);
          expect(await horizontalOverflow(page)).toBe(0);
          await page.screenshot({ path: path.join(SHOTS, `site-${size}-${lang}.png`), fullPage: true });
          // The language link names the other language (its address is PROPORTIO_PUBLIC_URL's, not this server's).
          const other = page
            .getByRole('navigation', { name: lang === 'nl' ? 'Taal' : 'Language' })
            .getByRole('link');
          expect(await other.getAttribute('hreflang')).toBe(lang === 'nl' ? 'en' : 'nl');
          expect(await other.getAttribute('href')).toMatch(
            lang === 'nl'
              ? new RegExp(`/api/public/sites/${siteId}/privacy\\?lang=en$`)
              : new RegExp(`/api/public/sites/${siteId}/privacy$`),
          );
        } finally {
          await context.close();
        }
      });
});
