/**
 * The alarm screens end to end: the real server with the demo municipality, the built UI and
 * Debian's Chromium, with two people in two browser contexts. The front desk (balie) presses the
 * alarm on a tablet-sized panic view; a responder (bhv) in a second context receives it live over
 * SSE (visible alert and a Web Audio tone), acknowledges, the front desk sees "collega komt", the
 * responder closes, the front desk reports the incident, and the statistics count it. Silent mode
 * shows nothing after the press; a keyboard-only press works; a reconnecting console shows the
 * alarm it missed; the health banner shows on every screen; every page passes axe.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { alarmModule } from '../integration/alarm-helpers.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  ensureWebBuild,
  eventually,
  h1,
  openFromNav,
  signIn,
  screenshot,
  STEP_BUDGET_MS,
  texts,
  visible,
} from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const nl = DICTIONARIES.nl;
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 900 };

const hasBrowser = chromiumAvailable();

/** Counts the tones the page plays: every oscillator the Web Audio API creates. */
const COUNT_TONES = () => {
  const w = window as unknown as { __oscillators: number; AudioContext: typeof AudioContext };
  w.__oscillators = 0;
  w.AudioContext = class extends AudioContext {
    override createOscillator(): OscillatorNode {
      w.__oscillators++;
      return super.createOscillator();
    }
  };
};
const tones = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);

describe.skipIf(!hasBrowser)('alarm screens in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  const newPage = async (viewport = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    await context.addInitScript(COUNT_TONES);
    contexts.push(context);
    return context.newPage();
  };

  const loginAndWait = (page: Page, username: string): Promise<void> => signIn(page, base, username);

  const open = openFromNav;

  /** Front desk: open the panic view and start a conversation in a room. */
  const startConversation = async (page: Page, room: string, kind: string, risk?: string): Promise<void> => {
    await open(page, nl.nav.panic);
    await page
      .getByLabel(nl.panic.room, { exact: true })
      .selectOption({ label: `Stadhuis Lindewaard — ${room}` });
    await page.getByLabel(nl.panic.kind, { exact: true }).selectOption({ label: kind });
    if (risk) {
      await page.getByLabel(nl.panic.riskFlag, { exact: true }).check();
      await page.getByLabel(nl.panic.riskReason, { exact: true }).fill(risk);
    }
    await page.getByRole('button', { name: nl.panic.start, exact: true }).click();
    await visible(page.getByRole('button', { name: nl.panic.alarmButton(room), exact: true }));
  };

  const consoleReady = async (page: Page): Promise<void> => {
    await open(page, nl.nav.console);
    await visible(page.getByText(nl.console.connected));
  };

  const alarmCard = (page: Page, room: string): Locator =>
    page.getByRole('article', { name: nl.console.alarmIn(room), exact: true });

  /** Acknowledges and closes whatever is open through the API, so tests do not share alarms. */
  const closeAllAlarms = async (): Promise<void> => {
    const s = await loginAs(rt.app, 'beveiliging');
    const open = (await rt.app.inject({ method: 'GET', url: '/api/alarms', headers: s.headers })).json<
      { id: string }[]
    >();
    for (const a of open)
      await rt.app.inject({
        method: 'POST',
        url: `/api/alarms/${a.id}/close`,
        headers: s.headers,
        payload: {},
      });
    const b = await loginAs(rt.app, 'balie');
    const mine = (
      await rt.app.inject({ method: 'GET', url: '/api/conversations/mine', headers: b.headers })
    ).json<{ id: string }[]>();
    for (const c of mine)
      await rt.app.inject({
        method: 'POST',
        url: `/api/conversations/${c.id}/end`,
        headers: b.headers,
        payload: {},
      });
  };

  beforeAll(async () => {
    ensureWebBuild();
    rt = await startTestRuntime({ demo: true, listen: true, web: true, loginAttemptsPerMinute: 10_000 });
    base = rt.url!;
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await closeAllAlarms();
  });

  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  it('the demo: tablet alarm → responder live → "collega komt" → close → report → statistics', async () => {
    const balie = await newPage(TABLET);
    const bhv = await newPage();
    await loginAndWait(balie, 'balie');
    await loginAndWait(bhv, 'bhv');
    await consoleReady(bhv);
    await startConversation(balie, 'Spreekkamer 2', 'Bijstandsgesprek', 'Eerder dreigende brief');
    await axe(balie, 'panic view with a running conversation');
    await screenshot(balie, 'panic-view.png');
    const tonesBefore = await tones(bhv);

    await balie.getByRole('button', { name: nl.panic.alarmButton('Spreekkamer 2'), exact: true }).click();
    await visible(balie.getByRole('alert').getByText(nl.panic.sent));

    // The responder gets it live: a visible alert with room, floor, kind of conversation, and a tone.
    const card = alarmCard(bhv, 'Spreekkamer 2');
    await visible(card);
    await visible(bhv.getByRole('alert').getByText(/^Alarm in Spreekkamer 2, begane grond/));
    await visible(card.getByText('Bijstandsgesprek'));
    await visible(card.getByText('begane grond'));
    await visible(card.getByText(nl.console.risk));
    await visible(card.getByText('Fatima el Amrani (balie)'));
    await eventually(() => tones(bhv), 'a Web Audio tone').toBeGreaterThan(tonesBefore);
    await axe(bhv, 'responder console with an alarm');
    await screenshot(bhv, 'responder-console-alarm.png');

    await bhv.getByRole('button', { name: nl.console.acknowledgeRoom('Spreekkamer 2'), exact: true }).click();
    await visible(card.getByText(/^Jeroen Bakker \(BHV\) \(/));
    // The front desk sees WHO is coming (GET /api/alarms/mine), not just "a colleague".
    await visible(
      balie.getByRole('alert').getByText(nl.panic.coming(['Jeroen Bakker (BHV)']), { exact: true }),
    );
    await visible(balie.getByRole('alert').getByText(/Jeroen Bakker/));
    await screenshot(balie, 'panic-view-coming.png');

    await bhv.getByRole('button', { name: nl.console.closeRoom('Spreekkamer 2'), exact: true }).click();
    // Closing asks first, and says who is on the way.
    await visible(card.getByText(nl.console.confirmCloseComing(['Jeroen Bakker (BHV)']), { exact: true }));
    await card.getByRole('button', { name: nl.console.confirmClose, exact: true }).click();
    await eventually(() => card.count()).toBe(0);
    await visible(
      bhv.getByRole('table', { name: nl.console.recentCaption }).getByText('Jeroen Bakker (BHV)'),
    );
    await visible(balie.getByRole('alert').getByText(nl.panic.closed));

    // The front desk reports the incident: first with nothing filled in (errors), then properly.
    await balie.getByRole('alert').getByRole('link', { name: nl.panic.reportLink }).click();
    await eventually(() => texts(h1(balie))).toEqual([nl.report.title]);
    const todo = balie.getByRole('table', { name: nl.report.toReportCaption });
    await todo
      .getByRole('button', { name: /^Rapport invullen: Stadhuis Lindewaard — Spreekkamer 2/ })
      .first()
      .click();
    await balie.getByRole('button', { name: nl.save, exact: true }).click();
    await visible(balie.locator('.pp-error-summary'));
    await axe(balie, 'incident report form with errors');
    await balie.getByLabel(nl.incidents.kind, { exact: true }).selectOption('intimidation-threat');
    await balie.getByLabel(nl.incidents.severity, { exact: true }).selectOption('3');
    await balie.getByLabel(nl.report.policeReport, { exact: true }).check();
    await balie.getByLabel(`${nl.incidents.policeReference} ${nl.optional}`).fill('PL0900-2026-123456');
    await balie
      .getByLabel(`${nl.incidents.followUp} ${nl.optional}`)
      .fill('Gesprek met teamleider; brief aan de inwoner.');
    await balie
      .getByLabel(`${nl.incidents.narrative} ${nl.optional}`)
      .fill('Inwoner werd dreigend en sloeg op tafel.');
    await balie.getByRole('button', { name: nl.save, exact: true }).click();
    await visible(balie.getByRole('status').filter({ hasText: nl.report.saved }));

    const sec = await loginAs(rt.app, 'beveiliging');
    const incidents = (
      await rt.app.inject({ method: 'GET', url: '/api/incidents?limit=5', headers: sec.headers })
    ).json<
      {
        kind: string | null;
        severity: number | null;
        policeReference: string | null;
        responseMs: number | null;
        roomId: string;
      }[]
    >();
    const reported = incidents.find((i) => i.policeReference === 'PL0900-2026-123456');
    expect(reported).toMatchObject({ kind: 'intimidation-threat', severity: 3 });
    expect(reported?.responseMs).not.toBeNull();

    // The statistics page counts it, per room, with the same figure as the API.
    const stats = (
      await rt.app.inject({ method: 'GET', url: '/api/incidents/stats?groupBy=room', headers: sec.headers })
    ).json<{
      groups: { key: string; count: number; byKind: Record<string, number> }[];
    }>();
    const bucket = stats.groups.find((g) => g.key === reported?.roomId);
    expect(bucket?.byKind['intimidation-threat']).toBeGreaterThanOrEqual(1);
    const stat = await newPage();
    await loginAndWait(stat, 'beveiliging');
    await open(stat, nl.nav.statistics);
    const kindTitle = nl.statistics.byKindTitle(nl.statistics.groups.room);
    await visible(stat.getByRole('img', { name: new RegExp(`^${kindTitle}`) }));
    const table = stat.getByRole('table', { name: nl.statistics.tableCaption(kindTitle) });
    const row = table.getByRole('row', { name: /Stadhuis Lindewaard — Spreekkamer 2/ });
    await eventually(() => texts(row.getByRole('cell'))).toContain(String(bucket?.count));
    await visible(
      stat.getByRole('img', {
        name: new RegExp(`^${nl.statistics.responseTitle(nl.statistics.groups.room)}`),
      }),
    );
    await axe(stat, 'statistics');
    await screenshot(stat, 'statistics.png');

    // And the register shows the report.
    await open(stat, nl.nav.incidents);
    await visible(
      stat.getByRole('table', { name: nl.incidents.caption }).getByText('ja (PL0900-2026-123456)'),
    );
    await axe(stat, 'incident register');
  });

  it('silent mode: nothing on the screen changes after the press, but the responder gets the alarm', async () => {
    const balie = await newPage(TABLET);
    const bhv = await newPage();
    await loginAndWait(balie, 'balie');
    await loginAndWait(bhv, 'bhv');
    await consoleReady(bhv);
    await startConversation(balie, 'Spreekkamer 1', 'Baliecontact');
    await balie.getByLabel(nl.panic.silent, { exact: true }).check();
    const button = balie.getByRole('button', { name: nl.panic.alarmButton('Spreekkamer 1'), exact: true });
    const before = await balie.locator('main').innerHTML();

    await button.click();
    const card = alarmCard(bhv, 'Spreekkamer 1');
    await visible(card);
    await visible(card.getByText(nl.console.silentAlarm));
    // Give the panic view every chance to show something (it polls every 2 s when not silent).
    await balie.waitForTimeout(3000);
    expect(await balie.locator('main').innerHTML()).toBe(before);
    expect(await balie.getByRole('alert').count()).toBe(0);
    for (const text of [nl.panic.sent, nl.panic.coming([])])
      expect(await balie.getByText(text).count()).toBe(0);

    await bhv.getByRole('button', { name: nl.console.acknowledgeRoom('Spreekkamer 1'), exact: true }).click();
    await visible(card.getByText(/^Jeroen Bakker \(BHV\)/));
    await balie.waitForTimeout(2500);
    expect(await balie.locator('main').innerHTML()).toBe(before);
    // Not the responder's name either: silent mode shows nothing, and the API withholds it.
    expect(await balie.getByText(/Jeroen Bakker|komt eraan/).count()).toBe(0);
    await axe(balie, 'panic view in silent mode after a press');
  });

  it('the alarm is raised with the keyboard alone', async () => {
    const balie = await newPage(TABLET);
    const bhv = await newPage();
    await loginAndWait(balie, 'balie');
    await loginAndWait(bhv, 'bhv');
    await consoleReady(bhv);
    await startConversation(balie, 'Spreekkamer 3', 'Schuldhulpgesprek');
    await balie.getByLabel(nl.panic.silent, { exact: true }).uncheck();
    const name = nl.panic.alarmButton('Spreekkamer 3');
    await balie.locator('body').focus();
    await balie.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await balie.keyboard.press('Tab');
      reached = await balie.evaluate((n) => document.activeElement?.textContent?.trim() === n, name);
    }
    expect(reached, 'the alarm button is reachable with Tab').toBe(true);
    await balie.keyboard.press('Enter');
    await visible(balie.getByRole('alert').getByText(nl.panic.sent));
    await visible(alarmCard(bhv, 'Spreekkamer 3'));
  });

  it('a console whose stream dropped reconnects by itself and shows the open alarm it missed', async () => {
    const bhv = await newPage();
    await loginAndWait(bhv, 'bhv');
    await consoleReady(bhv);
    // The server ends every stream (as on a restart); the alarm is raised while nobody is connected.
    alarmModule(rt.rt).hub.closeAll();
    await visible(bhv.getByText(nl.console.reconnecting));
    const balie = await loginAs(rt.app, 'balie');
    const rooms = (await rt.app.inject({ method: 'GET', url: '/api/rooms', headers: balie.headers })).json<
      { id: string; name: string }[]
    >();
    const room = rooms.find((r) => r.name === 'Spreekkamer 4')!;
    const raised = await rt.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId: room.id },
    });
    expect(raised.statusCode).toBe(201);
    // EventSource reconnects after the server's retry (3 s) and the snapshot carries the alarm.
    await visible(alarmCard(bhv, 'Spreekkamer 4'));
    await visible(bhv.getByText(nl.console.connected));
    await visible(bhv.getByRole('alert').getByText(/^Alarm in Spreekkamer 4/));
    await visible(bhv.getByRole('alert').getByText(nl.console.missed(1)));
  });

  it('the health banner shows suspensions and outages on every screen', async () => {
    const page = await newPage();
    const sec = await loginAs(rt.app, 'beheer');
    const sites = (await rt.app.inject({ method: 'GET', url: '/api/sites', headers: sec.headers })).json<
      { id: string; name: string }[]
    >();
    const stadhuis = sites.find((s) => s.name === 'Stadhuis Lindewaard')!;
    // The recorder's real faults need cameras and ffmpeg; here the API's answer is stubbed in the browser.
    await page.route('**/api/health', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          items: [
            {
              component: 'recording',
              status: 'warning',
              code: 'recording.suspended',
              kind: 'notice',
              // English for logs; the banner translates by code and never reads this.
              message:
                'Recording suspended (site Stadhuis Lindewaard) since 2026-03-02T09:15:00.000Z: storing onderzoek',
              params: {
                scope: 'site',
                siteId: stadhuis.id,
                siteName: 'Stadhuis Lindewaard',
                reason: 'storing onderzoek',
                since: '2026-03-02T09:15:00.000Z',
              },
            },
            {
              component: 'camera:Camera plafond',
              status: 'error',
              code: 'camera.offline',
              kind: 'fault',
              message: 'camera offline since 2026-03-02T08:00:00.000Z: connection refused',
              params: {
                cameraName: 'Camera plafond',
                roomName: 'Spreekkamer 1',
                siteName: 'Stadhuis Lindewaard',
                since: '2026-03-02T08:00:00.000Z',
                errorCode: 'RECORDING.CAMERA_UNREACHABLE',
              },
            },
            {
              component: 'mqtt',
              status: 'warning',
              code: 'mqtt.broker-unreachable',
              kind: 'fault',
              message: 'MQTT broker mqtt://broker:1883 is unreachable; retrying',
            },
            {
              component: 'recording',
              status: 'warning',
              code: 'recording.something-new',
              kind: 'fault',
              message: 'a code this build does not know yet',
            },
            {
              component: 'camera:Camera gang',
              status: 'ok',
              code: 'camera.online',
              kind: 'fault',
              message: 'armed, receiving video',
              params: {
                cameraName: 'Camera gang',
                roomName: 'Spreekkamer 2',
                siteName: 'Stadhuis Lindewaard',
              },
            },
          ],
        }),
      }),
    );
    await loginAndWait(page, 'bhv');
    for (const label of [nl.nav.start, nl.nav.console, nl.nav.panic]) {
      if (label !== nl.nav.start) await open(page, label);
      const banner = page.getByRole('region', { name: nl.health.label });
      await visible(
        banner.getByText(/^Opname stilgelegd voor Stadhuis Lindewaard sinds .* — reden: storing onderzoek$/),
      );
      await visible(banner.getByText(/^Camera Camera plafond \(Spreekkamer 1\) is offline sinds \d/));
      await visible(banner.getByText(nl.health.brokerDown));
      // An unknown code falls back to the server's message, after the component's name.
      await visible(banner.getByText('Opname: a code this build does not know yet'));
      expect(await banner.getByText('armed, receiving video').count()).toBe(0);
      expect(await banner.getByText(/Recording suspended|connection refused/).count()).toBe(0);
      // Red is an alarm's colour: no health item is shown in it.
      expect(await banner.locator('.utrecht-alert--error').count()).toBe(0);
      await visible(banner.locator('.utrecht-alert--warning'));
    }
    await axe(page, 'panic view with the health banner');
  });

  it('every alarm page passes axe for the roles that use it', async () => {
    const page = await newPage(TABLET);
    await loginAndWait(page, 'balie');
    await open(page, nl.nav.panic);
    await axe(page, 'panic view (no conversation)');
    await open(page, nl.nav.report);
    await page.getByRole('button', { name: nl.report.manual }).click();
    await visible(page.getByLabel(nl.report.occurredAt, { exact: true }));
    await axe(page, 'manual incident form');
    await page.getByLabel(nl.incidents.kind, { exact: true }).selectOption('verbal-aggression');
    await page.getByLabel(nl.incidents.severity, { exact: true }).selectOption('1');
    await page.getByRole('button', { name: nl.save, exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: nl.report.saved }));

    const bhv = await newPage();
    await loginAndWait(bhv, 'bhv');
    await consoleReady(bhv);
    await axe(bhv, 'responder console without alarms');
  });
});
