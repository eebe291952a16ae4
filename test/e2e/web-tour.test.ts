/**
 * The tour (issue 11, "How to check"): every page of the web UI (ROUTES in web/src/routes.ts and
 * their sub-pages, opened with real ids: an incident of the demo, an assessment, a pending footage
 * request and a granted one, a resident's request) for each of the demo's seven accounts (one per role; beveiliging is
 * security and responder), at 1366×900 and 390×844, in Dutch and in English. On every page the
 * role may open: the page shows its own h1 (not "geen toegang", not "niet gevonden", no load
 * error), in the chosen language (<html lang>), nothing scrolls sideways (scrollWidth <= width
 * + 1), and axe finds no WCAG 2.1 AA violation. Every page the role may not open shows the
 * no-access page. With PROPORTIO_TOUR_SCREENSHOTS=1, one screenshot per (account, page, size,
 * language) goes to test-results/tour/ (or $PROPORTIO_SCREENSHOT_DIR): not committed, read them.
 *
 * Axe runs on every page in Dutch at both sizes, not in English: a scan costs 1–3 s on a 2-core
 * machine and the English pages have the same markup as the Dutch ones (the h1, language and
 * layout checks still run on them). Screenshots are opt-in (TOUR_SHOOTS below).
 *
 * Then the alarm screens, where seconds count: on the phone the front desk chooses a room, starts
 * a conversation, and the alarm button (with the running conversation) is inside the first screen
 * and has the focus; on the desktop console the unanswered, newest alarm comes first and its
 * actions are in the first screen; the focus after "Ik kom", "Afsluiten" and its confirmation is
 * where PanicPage.tsx and ConsolePage.tsx send it, never the page body.
 *
 * One browser for the file; one context per (account, size, language), signed in once.
 */
import { execFileSync } from 'node:child_process';
import fs, { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { setUpDemoCustody } from '../../src/cli/commands/vault-custody.js';
import { hasPermission, PERMISSIONS, type Permission, type Role } from '../../src/core/auth/roles.js';
import { DEMO_ACCOUNTS, DEMO_CUSTODY_PASSPHRASE } from '../../src/services/demo.service.js';
import { ASSESSMENT_PATTERNS, WIZARD_STEPS } from '../../web/src/assessment/paths.js';
import { FOOTAGE_PATTERNS } from '../../web/src/footage/paths.js';
import { REDACTION_PATTERN } from '../../web/src/redaction/paths.js';
import { COMPLAINTS_PATTERNS } from '../../web/src/complaints/paths.js';
import { RIGHTS_PATTERNS } from '../../web/src/rights/paths.js';
import { DICTIONARIES, type Language } from '../../web/src/i18n/index.js';
import { INCIDENT_PATTERN, mayOpenPattern, ROUTES, type RouteDef } from '../../web/src/routes.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axeViolations,
  bottomOnPage,
  DESKTOP,
  ensureWebBuild,
  eventually,
  focusedElement,
  h1,
  hasFocus,
  horizontalOverflow,
  navRowTops,
  PHONE,
  ROOT,
  signIn,
  STEP_BUDGET_MS,
  submitLogin,
  texts,
  TOUR_SCREENSHOTS,
  visible,
} from '../support/e2e.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';

const hasBrowser = chromiumAvailable() && toolsAvailable('the tour (a playable clip)', 'ffmpeg');

const SIZES = { desktop: DESKTOP, phone: PHONE } as const;
type Size = keyof typeof SIZES;
const LANGUAGES: readonly Language[] = ['nl', 'en'];
/** See the header: axe everywhere except English on the phone. */
const scanWithAxe = (_size: Size, lang: Language): boolean => lang === 'nl';

/**
 * A full-page screenshot per page costs as much as the checks; CI runs without them. Set
 * PROPORTIO_TOUR_SCREENSHOTS=1 (or PROPORTIO_SCREENSHOT_DIR) to write them, then read them.
 */
const TOUR_SHOOTS =
  process.env.PROPORTIO_TOUR_SCREENSHOTS === '1' || process.env.PROPORTIO_SCREENSHOT_DIR !== undefined;

/** Every address of the UI: each page, then its sub-pages (with `:id` filled in from the fixtures). */
interface TourPage {
  readonly route: RouteDef;
  readonly pattern: string;
}
const PAGES: readonly TourPage[] = ROUTES.flatMap((route) =>
  [route.path, ...(route.subpaths ?? [])].map((pattern) => ({ route, pattern })),
);

/** The page names in screenshot files: "incidents_id", "start". */
const slug = (pattern: string): string => pattern.replace(/^\//, '').replace(/[/:]+/g, '_') || 'start';

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];
/** What PageView lets the role open (mayOpenPattern), from the role's permissions (PERMISSIONS). */
const allowed = (roles: readonly Role[], p: TourPage): boolean =>
  mayOpenPattern(
    p.route,
    p.pattern,
    PERMISSION_NAMES.filter((x) => hasPermission(roles, x)),
  );

const COMBINATIONS = DEMO_ACCOUNTS.flatMap((account) =>
  (Object.keys(SIZES) as Size[]).flatMap((size) => LANGUAGES.map((lang) => ({ account, size, lang }))),
);

/**
 * Opens an address as the app's own links do (history.pushState, then the popstate the router
 * listens to), so a context loads the UI once instead of once per page; the page remounts as it
 * does after a click in the menu.
 */
const openInApp = async (page: Page, address: string): Promise<void> => {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
  // Let React render the new page before anything is read from it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
};

/** The outermost elements that stick out on the right, as "tag.class" (to name an overflow's cause). */
const widestElements = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      if (el.getBoundingClientRect().right <= width + 1) continue;
      const parent = el.parentElement;
      if (parent && parent.getBoundingClientRect().right > width + 1) continue;
      out.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`);
    }
    return [...new Set(out)].slice(0, 5).join(', ');
  });

describe.skipIf(!hasBrowser)('the tour: every page, every role, both sizes, both languages', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  /** The value of `:id` in each sub-page's pattern. */
  const ids: Record<string, string> = {};

  const api = async <T>(username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const who = await loginAs(rt.app, username);
    const r = await rt.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json<T>();
  };

  /** An incident of the demo, an assessment, and two footage requests (one pending, one granted). */
  const makeFixtures = async (): Promise<void> => {
    const [incident] = await api<{ id: string }[]>('beveiliging', 'GET', '/api/incidents?limit=1');
    ids[INCIDENT_PATTERN] = incident!.id;

    const room = (await rt.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!;
    const type = (await rt.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!;
    // The example, less what the workflow records itself (as test/e2e/web-assessment.test.ts does).
    const { humanJudgements: _j, ...scenario } = JSON.parse(
      readFileSync(path.join(ROOT, 'examples', 'incident-triggered-recording.json'), 'utf8'),
    ) as Record<string, unknown> & {
      scope: object;
      safeguards: object & { dpoAdviceDate?: string };
      dpia: object & { dataSubjectViews?: unknown };
      evidence: object & { incidents?: unknown };
    };
    const { dpoAdviceDate: _a, ...safeguards } = scenario.safeguards;
    const { dataSubjectViews: _v, ...dpia } = scenario.dpia;
    const { incidents: _i, ...evidence } = scenario.evidence;
    const created = await api<{ assessment: { id: string } }>('fg', 'POST', '/api/assessments', {
      scenario: {
        ...scenario,
        safeguards,
        dpia,
        evidence,
        title: 'Opname bij alarm in Spreekkamer 2',
        scope: {
          ...scenario.scope,
          rooms: [{ id: room.id, name: room.name }],
          conversationTypes: [{ id: type.id, name: type.nameNl, sensitive: true }],
        },
      },
    });
    ids[ASSESSMENT_PATTERNS.detail] = created.assessment.id;
    ids[ASSESSMENT_PATTERNS.edit] = created.assessment.id;
    ids[ASSESSMENT_PATTERNS.editStep] = created.assessment.id;
    ids[ASSESSMENT_PATTERNS.version] = created.assessment.id;

    // Footage: the demo's key custody (as `serve --demo`), two sealed clips, two requests.
    const custody = await setUpDemoCustody(rt.rt);
    // Two seconds of a test picture as fragmented MP4, so the viewer really plays.
    const VIDEO = execFileSync(
      'ffmpeg',
      ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-t', '2'].concat([
        '-pix_fmt',
        'yuv420p',
        '-c:v',
        'libx264',
        '-movflags',
        'frag_keyframe+empty_moov',
        '-f',
        'mp4',
        'pipe:1',
      ]),
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const request = async (clipId: string) => {
      await sealTestClip(rt, clipId, custody!.set.vault, VIDEO);
      return api<{ id: string; grant: { id: string } | null }>(
        'beveiliging',
        'POST',
        '/api/footage/requests',
        {
          clipId,
          reason: 'Onderzoek naar het incident bij de balie van dinsdag',
          legalGround: 'own-investigation',
          purposes: ['view'],
        },
      );
    };
    const pending = await request('tour-clip-pending');
    ids[FOOTAGE_PATTERNS.request] = pending.id;
    const granted = await request('tour-clip-granted');
    for (const custodian of ['fg', 'secretaris'])
      await api(custodian, 'POST', `/api/footage/requests/${granted.id}/approve`, {
        passphrase: DEMO_CUSTODY_PASSPHRASE,
      });
    const after = await api<{ grant: { id: string } | null }>(
      'beveiliging',
      'GET',
      `/api/footage/requests/${granted.id}`,
    );
    ids[FOOTAGE_PATTERNS.grant] = after.grant!.id;

    // A resident's request about the camera's room (where the clips above are), received yesterday.
    const clipRoom = (await rt.rt.store.read.cameras.list())[0]!.roomId;
    const day = 86_400_000;
    const now = rt.rt.clock.now().getTime();
    const subject = await api<{ id: string }>('fg', 'POST', '/api/rights/requests', {
      kind: 'access',
      channel: 'desk',
      receivedAt: new Date(now - day).toISOString(),
      roomId: clipRoom,
      // From three days back to now: it covers the tour's clips, sealed just now in this room.
      windowFrom: new Date(now - 3 * day).toISOString(),
      windowTo: new Date(now + 60_000).toISOString(),
      recognition: 'rode jas, zat bij het raam',
      requesterName: 'J. Jansen',
      requesterContact: 'Dorpsstraat 1, 1234 AB Lindewaard',
      identityMethod: 'document-shown',
      identityNote: 'rijbewijs getoond aan de balie, niet gekopieerd',
    });
    ids[RIGHTS_PATTERNS.request] = subject.id;
    // One of those clips linked to it: the redacted copy's review page has a real request and clip.
    // (sealTestClip records no start; a recorded clip has one.)
    await rt.rt.database.db
      .updateTable('clips')
      .set({
        started_at: new Date(now - 120_000).toISOString(),
        ended_at: new Date(now - 60_000).toISOString(),
      })
      .where('id', '=', 'tour-clip-pending')
      .execute();
    await api('fg', 'POST', `/api/rights/requests/${subject.id}/clips`, { clipIds: ['tour-clip-pending'] });
    ids[REDACTION_PATTERN] = subject.id;

    // A complaint about the same site, received yesterday and linked to the room, for the complaints pages.
    const complaint = await api<{ id: string }>('fg', 'POST', '/api/complaints', {
      kind: 'complaint',
      source: 'resident',
      receivedAt: new Date(now - day).toISOString(),
      siteId: room.siteId,
      fromName: 'P. de Vries',
      fromContact: 'Kerkstraat 2, 1234 AB Lindewaard',
      subject: 'Camera in de spreekkamer zonder uitleg',
      summary: 'De bewoner zag een camera en kreeg geen uitleg over de opnames.',
      links: [{ kind: 'room', targetId: room.id }],
    });
    ids[COMPLAINTS_PATTERNS.complaint] = complaint.id;

    // Recorder agents away from the demo's camera (at the Stadhuis), one site each (a site has
    // one agent): at De Brink one revoked and its successor reporting, at two sites of their own
    // one far behind and one awaiting enrolment, so the agents page shows every state.
    const brink = (await rt.rt.store.read.sites.list()).find((x) => x.name === 'Wijkcentrum De Brink')!;
    const site = async (name: string) =>
      (await api<{ id: string }>('beheer', 'POST', '/api/sites', { name, address: 'Lindewaard' })).id;
    const register = (siteId: string, name: string) =>
      api<{ agent: { id: string }; code: string }>('beheer', 'POST', '/api/agents', { siteId, name });
    const enrolled = async (siteId: string, name: string, report: object): Promise<string> => {
      const { agent, code } = await register(siteId, name);
      const r = await rt.app.inject({
        method: 'POST',
        url: '/api/agent/enrol',
        payload: { code, recipient: generateIdentity().recipient.text },
      });
      expect(r.statusCode, r.body).toBe(200);
      const beat = await rt.app.inject({
        method: 'POST',
        url: '/api/agent/heartbeat',
        headers: { authorization: `Bearer ${r.json<{ token: string }>().token}` },
        payload: { report: { queuedSteps: 0, oldestQueuedAt: null, version: '0.1.0', ...report } },
      });
      expect(beat.statusCode, beat.body).toBe(200);
      return agent.id;
    };
    const old = await register(brink.id, 'Recorder De Brink, oud');
    await api('beheer', 'POST', `/api/agents/${old.agent.id}/revoke`, {});
    await enrolled(brink.id, 'Recorder De Brink', {
      state: 'recording',
      armedCameras: 2,
      queuedParts: 0,
      restarts: 0,
    });
    const behind = await enrolled(await site('Jongerenpunt Oost'), 'Recorder Jongerenpunt', {
      state: 'offline',
      armedCameras: 1,
      queuedParts: 14,
      restarts: 3,
    });
    const lastHeard = new Date(now - 12 * 60_000).toISOString();
    await rt.rt.database.db
      .updateTable('recorder_agents')
      .set({
        last_seen_at: lastHeard,
        last_report: JSON.stringify({
          state: 'offline',
          armedCameras: 1,
          queuedSteps: 20,
          queuedParts: 14,
          oldestQueuedAt: lastHeard,
          restarts: 3,
          version: '0.1.0',
        }),
      })
      .where('id', '=', behind)
      .execute();
    await register(await site('Wijkpost Noord'), 'Recorder Wijkpost Noord');
  };

  /** The pattern with its parameters filled in: the fixture's id, the second wizard step, version 1. */
  const addressOf = (p: TourPage): string =>
    p.pattern
      .replace(':id', encodeURIComponent(ids[p.pattern] ?? 'missing'))
      .replace(':clipId', 'tour-clip-pending')
      .replace(':step', WIZARD_STEPS[1])
      .replace(':version', '1');

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
    await makeFixtures();
    browser = await launchChromium();
    fs.mkdirSync(TOUR_SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  describe.each(COMBINATIONS.map((c) => [`${c.account.username} ${c.size} ${c.lang}`, c] as const))(
    '%s',
    (_name, { account, size, lang }) => {
      const t = DICTIONARIES[lang];
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext({
          viewport: SIZES[size],
          locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
        });
        context.setDefaultTimeout(STEP_BUDGET_MS);
        page = await context.newPage();
        // Signed in once per context; a hook cannot poll (expect.poll), so it waits for the start page.
        await submitLogin(page, base, account.username);
        await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
        // The language toggle remembers the choice here (web/src/App.tsx); every page load reads it.
        await page.evaluate((l) => window.localStorage.setItem('proportio.lang', l), lang);
        await page.reload();
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
        await page.getByRole('heading', { level: 1 }).waitFor();
      });

      afterAll(async () => {
        await context?.close();
      });

      // Grouped (web/src/components/MainNav.tsx), the navigation fits one row on a laptop in either
      // language (on a phone it folds behind "Menu": nothing to measure there).
      if (size === 'desktop')
        it('the main navigation is one row', async () => {
          expect(await navRowTops(page), `${account.username} ${lang}`).toHaveLength(1);
        });

      it.each(PAGES.map((p) => [p.pattern, p] as const))('%s', async (_pattern, p) => {
        const address = addressOf(p);
        const what = `${account.username} ${address} ${size} ${lang}`;
        await openInApp(page, address);
        await eventually(() => texts(h1(page)), `one h1 on ${what}`).toEqual([expect.stringMatching(/\S/)]);
        await eventually(() => page.getByText(t.loading).count(), `loaded: ${what}`).toBe(0);
        const [title] = await texts(h1(page));

        if (!allowed(account.roles, p)) {
          expect(title, what).toBe(t.noAccess.title);
          await visible(page.getByText(t.noAccess.body));
          return;
        }
        if (TOUR_SHOOTS)
          await page.screenshot({
            path: path.join(
              TOUR_SCREENSHOTS,
              `${lang}-${size}`,
              `${account.username}--${slug(p.pattern)}.png`,
            ),
            fullPage: true,
          });
        expect.soft(title, `${what}: its own page`).not.toBe(t.noAccess.title);
        expect.soft(title, `${what}: found`).not.toBe(t.notFound.title);
        expect.soft(await page.locator('html').getAttribute('lang'), `${what}: language`).toBe(lang);
        // A failed load shows an error alert in main; the health banner has its own region.
        const loadErrors = page
          .locator('main .utrecht-alert--error')
          .filter({ hasNot: page.getByRole('region', { name: t.health.label }) });
        expect.soft(await texts(loadErrors), `${what}: no load error`).toEqual([]);
        const wide = await horizontalOverflow(page);
        expect
          .soft(wide, `${what}: sideways scrolling (px), by ${wide > 1 ? await widestElements(page) : ''}`)
          .toBeLessThanOrEqual(1);
        if (scanWithAxe(size, lang)) expect.soft(await axeViolations(page, what)).toEqual([]);
      });
    },
  );

  describe('the alarm screens, where seconds count', () => {
    const contexts: BrowserContext[] = [];
    const nl = DICTIONARIES.nl;

    const open = async (username: string, viewport: { width: number; height: number }): Promise<Page> => {
      const context = await browser.newContext({ viewport, locale: 'nl-NL' });
      context.setDefaultTimeout(STEP_BUDGET_MS);
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, base, username);
      return page;
    };

    afterAll(async () => {
      for (const c of contexts) await c.close();
    });

    const roomId = async (name: string): Promise<string> =>
      (await rt.rt.store.read.rooms.list()).find((r) => r.name === name)!.id;

    it('phone, front desk: after choosing a room and starting, the alarm button and the conversation fill the first screen and the button has the focus', async () => {
      const page = await open('balie', PHONE);
      await page.goto(`${base}/alarm`);
      await eventually(() => texts(h1(page))).toEqual([nl.panic.title]);
      const roomSelect = page.getByLabel(nl.panic.room, { exact: true });
      await roomSelect.selectOption({ label: 'Stadhuis Lindewaard — Spreekkamer 3' });
      await page.getByRole('button', { name: nl.panic.start, exact: true }).click();

      const button = page.getByRole('button', { name: nl.panic.alarmButton('Spreekkamer 3'), exact: true });
      await visible(button);
      await eventually(() => hasFocus(button), 'focus on the alarm button after "Gesprek starten"').toBe(
        true,
      );
      await page.screenshot({ path: path.join(TOUR_SCREENSHOTS, 'alarm-phone-started.png') });
      const panel = page.getByRole('region', { name: 'Spreekkamer 3', exact: true });
      expect(await bottomOnPage(button), 'alarm button inside the first screen').toBeLessThanOrEqual(
        PHONE.height,
      );
      expect(await bottomOnPage(panel.getByRole('heading', { name: 'Spreekkamer 3' }))).toBeLessThanOrEqual(
        PHONE.height,
      );
      // The running conversation shows its kind and since when, on the first screen too.
      const since = panel.getByText(/ · /).first();
      await visible(since);
      expect(await bottomOnPage(since)).toBeLessThanOrEqual(PHONE.height);

      // Pressing keeps the focus on the button the user pressed (PanicPage.tsx moves nothing).
      await button.click();
      await visible(page.getByRole('alert').getByText(nl.panic.sent));
      expect(await hasFocus(button), `focus after the press: ${await focusedElement(page)}`).toBe(true);
      await page.screenshot({ path: path.join(TOUR_SCREENSHOTS, 'alarm-phone-pressed.png') });
    });

    it('desktop console: the unanswered, newest alarm is first with its actions in the first screen; focus after "Ik kom", "Afsluiten" and the confirmation', async () => {
      const balie = await loginAs(rt.app, 'balie');
      const sec = await loginAs(rt.app, 'beveiliging');
      // Only this test's alarms: close what an earlier test left open.
      const left = (await rt.app.inject({ method: 'GET', url: '/api/alarms', headers: sec.headers })).json<
        { id: string }[]
      >();
      for (const a of left)
        await rt.app.inject({
          method: 'POST',
          url: `/api/alarms/${a.id}/close`,
          headers: sec.headers,
          payload: {},
        });
      const raise = async (room: string): Promise<string> => {
        const r = await rt.app.inject({
          method: 'POST',
          url: '/api/alarms',
          headers: balie.headers,
          payload: { roomId: await roomId(room) },
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ alarm: { id: string } }>().alarm.id;
      };
      // An older alarm someone answered, an older one nobody answered, then the newest.
      const answered = await raise('Spreekkamer 1');
      const ack = await rt.app.inject({
        method: 'POST',
        url: `/api/alarms/${answered}/acknowledge`,
        headers: sec.headers,
        payload: {},
      });
      expect(ack.statusCode, ack.body).toBe(200);
      await raise('Spreekkamer 4');
      const page = await open('bhv', DESKTOP);
      await page.goto(`${base}/console`);
      await visible(page.getByText(nl.console.connected));
      // The newest arrives live, while the console is open.
      await raise('Spreekkamer 2');

      await eventually(() => texts(page.getByRole('article').getByRole('heading', { level: 3 }))).toEqual([
        nl.console.alarmIn('Spreekkamer 2'),
        nl.console.alarmIn('Spreekkamer 4'),
        nl.console.alarmIn('Spreekkamer 1'),
      ]);
      const first = page.getByRole('article', { name: nl.console.alarmIn('Spreekkamer 2'), exact: true });
      const ik = first.getByRole('button', {
        name: nl.console.acknowledgeRoom('Spreekkamer 2'),
        exact: true,
      });
      const close = first.getByRole('button', { name: nl.console.closeRoom('Spreekkamer 2'), exact: true });
      expect(await bottomOnPage(ik), '"Ik kom" inside the first screen').toBeLessThanOrEqual(DESKTOP.height);
      expect(await bottomOnPage(close), '"Afsluiten" inside the first screen').toBeLessThanOrEqual(
        DESKTOP.height,
      );
      await page.screenshot({ path: path.join(TOUR_SCREENSHOTS, 'console-desktop-alarms.png') });

      // "Ik kom": the button stays (aria-disabled, now "U komt") and keeps the focus.
      await ik.click();
      const coming = first.getByRole('button', {
        name: nl.console.youAreComing('Spreekkamer 2'),
        exact: true,
      });
      await visible(coming);
      await eventually(async () => `${String(await hasFocus(coming))} ${await focusedElement(page)}`).toMatch(
        /^true /,
      );

      // "Afsluiten" asks first and puts the focus on the confirmation; confirming moves it to "Open alarmen".
      await close.click();
      const confirm = first.getByRole('button', { name: nl.console.confirmClose, exact: true });
      await visible(confirm);
      await eventually(() => hasFocus(confirm), 'focus on the confirmation').toBe(true);
      await confirm.click();
      await eventually(() => first.count()).toBe(0);
      const openHeading = page.getByRole('heading', { level: 2, name: nl.console.open, exact: true });
      await eventually(
        async () => `${String(await hasFocus(openHeading))} ${await focusedElement(page)}`,
      ).toMatch(/^true /);
      await page.screenshot({ path: path.join(TOUR_SCREENSHOTS, 'console-desktop-closed.png') });
    });
  });
});
