/**
 * Four-eyes viewing end to end (issue 10 §2), in Chromium against the real server with the demo:
 * the demo's vault key split 2 of 3 among beveiliging, fg and secretaris (as `serve --demo` does),
 * the real recorder armed on the demo camera aimed at the GStreamer RTSP test camera, a real
 * alarm that makes it seal a clip. Then, in the browser: security requests viewing on the incident
 * page; the DPO and the municipal secretary each approve with their passphrase; security opens the
 * viewer and the <video> plays (readyState ≥ 2, a duration) with the overlay naming her; the
 * request names export on the ground police report, so security also downloads the signed evidence
 * export in the browser, which verifies; the incident's footage history lists the request, both
 * approvals, the play and the export. Every screen passes
 * an axe WCAG 2.1 AA scan, at 1366×900 and at 390×844 (screenshots with PROPORTIO_SCREENSHOTS=1).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipFiles } from '../../src/adapters/evidence/package.js';
import { verifyFiles } from '../../src/adapters/evidence/read-package.js';
import { setUpDemoCustody } from '../../src/cli/commands/vault-custody.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { DEMO_ACCOUNTS, DEMO_CUSTODY_PASSPHRASE } from '../../src/services/demo.service.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  ensureWebBuild,
  eventually,
  h1,
  screenshot,
  signIn,
  STEP_BUDGET_MS,
  texts,
  visible,
} from '../support/e2e.js';
import {
  recordingModule,
  startConversation,
  storePolicyVersion,
  tuneForTests,
  useDemoCamera,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const nl = DICTIONARIES.nl;
const f = nl.footage;
const hasTools = chromiumAvailable() && toolsAvailable('footage viewing', 'ffmpeg', 'age');

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const displayName = (username: string): string =>
  DEMO_ACCOUNTS.find((a) => a.username === username)!.displayName;

describe.skipIf(!hasTools)('four-eyes viewing in Chromium, with a real RTSP camera', () => {
  let rt: TestRuntime;
  let rec: RecordingModule;
  let cam: RtspCamera;
  let browser: Browser;
  let base: string;
  let incidentId: string;
  let clipId: string;
  let requestId: string;
  const contexts: BrowserContext[] = [];

  const open = async (username: string, viewport = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, username);
    return page;
  };

  const api = async <T>(username: string, url: string): Promise<T> => {
    const who = await loginAs(rt.app, username);
    const r = await rt.app.inject({ method: 'GET', url, headers: who.headers });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
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
    // As `serve --demo`: a new vault key, split 2 of 3 among beveiliging, fg and secretaris.
    const custody = await setUpDemoCustody(rt.rt);
    expect(custody?.set.threshold).toBe(2);

    // The recorder on the demo camera, aimed at the RTSP test camera, recording on an alarm.
    rec = recordingModule(rt);
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    const { cameraId, roomId, typeId } = await useDemoCamera(rt, { port: cam.port, enable: true });
    tuneForTests(rec);
    await rec.start();
    // Recording only during a conversation of the permitted kind, as the policy says.
    const balie = await loginAs(rt.app, 'balie');
    await startConversation(rt, balie.headers, roomId, typeId);
    await storePolicyVersion(rt, testPolicy(roomId, typeId, { pre: 2, post: 2 }), 900);
    await rec.reconcile();
    await waitFor(
      'armed and buffering the pre-roll',
      () => (rec.supervisor.status().find((c) => c.cameraId === cameraId)?.ringSeconds ?? 0) >= 2,
      120_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(rec.supervisor.status())}`);
    });

    // A real alarm from the front desk: the recorder seals a clip of it into the vault.
    const pressed = await rt.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId },
    });
    expect(pressed.statusCode, pressed.body).toBe(201);
    const alarm = pressed.json<{ alarm: { id: string; incidentId: string } }>().alarm;
    incidentId = alarm.incidentId;
    const sealed = await waitFor(
      'the clip sealed',
      async () => {
        await rec.supervisor.settled();
        return (await rec.service.listClips({ alarmId: alarm.id })).find((c) => c.status === 'sealed');
      },
      120_000,
    );
    clipId = sealed.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rec?.stop();
    await cam?.stop();
    await rt?.close();
  });

  const fillRequest = async (page: Page): Promise<void> => {
    await page.goto(`${base}/incidents/${incidentId}`);
    await visible(page.getByRole('table', { name: f.clipsCaption }));
    await page.getByRole('button', { name: /^Inzage aanvragen: opname van / }).click();
    await page
      .getByLabel(new RegExp(`^${f.reason}`))
      .fill('Onderzoek naar de bedreiging aan de balie, voor het gesprek met de medewerker');
    await page.getByRole('radio', { name: f.grounds['police-report'].label }).check();
    await page.getByLabel(new RegExp(`^${f.policeReport}`)).fill('PL0900-2026-4242');
    await page.getByRole('checkbox', { name: f.purposes.export.label }).check();
  };

  it('security requests viewing of the sealed clip on the incident page', async () => {
    const page = await open('beveiliging');
    await fillRequest(page);
    await axe(page, 'incident page with the request form');
    await screenshot(page, 'footage-request.png');
    await page.getByRole('button', { name: f.submitRequest, exact: true }).click();
    const link = page.getByRole('link', { name: f.detailTitle, exact: true });
    await visible(link);
    requestId = (await link.getAttribute('href'))!.split('/').pop()!;
    const request = await api<{ state: string; clipId: string; requestedBy: { displayName: string } }>(
      'beveiliging',
      `/api/footage/requests/${requestId}`,
    );
    expect(request).toMatchObject({
      state: 'pending',
      clipId,
      requestedBy: { displayName: displayName('beveiliging') },
    });

    // The form on a phone: everything reachable, nothing cut off, still axe-clean.
    const phone = await open('beveiliging', PHONE);
    await fillRequest(phone);
    await axe(phone, 'request form on a phone');
    await screenshot(phone, 'footage-request-mobile.png');
  });

  it('the DPO sees it waiting on the start page and approves with the passphrase', async () => {
    const page = await open('fg');
    // The start page's to-do list: the heading counts, the link says whose request to judge.
    const todo = DICTIONARIES.nl.todo;
    await visible(page.getByRole('heading', { name: todo.groups['approve-viewing'](1) }));
    await page
      .getByRole('link', { name: todo['approve-viewing'].link(displayName('beveiliging')) })
      .first()
      .click();
    await eventually(() => texts(h1(page))).toEqual([f.detailTitle]);
    const passphrase = page.getByLabel(new RegExp(`^${f.passphrase}`));
    expect(await passphrase.getAttribute('type')).toBe('password');
    expect(await passphrase.getAttribute('autocomplete')).toBe('off');

    await passphrase.fill(DEMO_CUSTODY_PASSPHRASE);
    await axe(page, 'request awaiting approval');
    await screenshot(page, 'footage-approval.png');

    // A wrong passphrase first: refused in Dutch, next to the field, and the field is emptied.
    await passphrase.fill('niet-de-goede-zin');
    await page.getByRole('button', { name: f.approve, exact: true }).click();
    await visible(
      page.getByRole('link', { name: `${f.passphrase}: ${f.errors['FOOTAGE.WRONG_PASSPHRASE']}` }),
    );
    expect(await passphrase.inputValue()).toBe('');
    await axe(page, 'approval refused: wrong passphrase');

    await passphrase.fill(DEMO_CUSTODY_PASSPHRASE);
    await page.getByRole('button', { name: f.approve, exact: true }).click();
    await visible(page.getByText(f.approvedNotice));
    // Focus went to the confirmation, as the form is gone.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(f.approvedNotice);
    expect(await page.getByRole('heading', { name: f.approveTitle }).count()).toBe(0);
  });

  it('the municipal secretary approves as the second custodian: the grant is live', async () => {
    const phone = await open('secretaris', PHONE);
    await phone.goto(`${base}/footage/requests/${requestId}`);
    const passphrase = phone.getByLabel(new RegExp(`^${f.passphrase}`));
    await passphrase.fill(DEMO_CUSTODY_PASSPHRASE);
    await axe(phone, 'approval on a phone');
    await screenshot(phone, 'footage-approval-mobile.png');
    await phone.getByRole('button', { name: f.approve, exact: true }).click();
    await visible(phone.getByText(f.grantedNotice));
    const request = await api<{ state: string; approvals: unknown[]; grant: { live: boolean } | null }>(
      'secretaris',
      `/api/footage/requests/${requestId}`,
    );
    expect(request).toMatchObject({ state: 'granted', grant: { live: true } });
    expect(request.approvals).toHaveLength(2);
  });

  const watch = async (page: Page): Promise<void> => {
    await page.goto(`${base}/footage/requests/${requestId}`);
    await page.getByRole('button', { name: f.watch, exact: true }).click();
    await eventually(() => texts(h1(page))).toEqual([f.viewerTitle]);
    await page.waitForFunction(
      () => {
        const v = document.querySelector('video');
        return v !== null && (v.readyState >= 2 || v.error !== null);
      },
      undefined,
      { timeout: STEP_BUDGET_MS },
    );
  };

  it('security watches the clip in the viewer, with her name over the video', async () => {
    const page = await open('beveiliging');
    await watch(page);
    const state = await page.evaluate(() => {
      const v = document.querySelector('video')!;
      return {
        readyState: v.readyState,
        duration: v.duration,
        error: v.error?.code ?? null,
        width: v.videoWidth,
        controlsList: v.getAttribute('controlslist'),
        pip: v.disablePictureInPicture,
      };
    });
    expect(state.error).toBeNull();
    expect(state.readyState).toBeGreaterThanOrEqual(2);
    expect(state.duration).toBeGreaterThan(0);
    expect(state.width).toBe(640);
    expect(state).toMatchObject({ controlsList: 'nodownload noremoteplayback', pip: true });
    const overlay = page.getByTestId('viewer-overlay');
    expect(await overlay.innerText()).toContain(displayName('beveiliging'));
    expect((await overlay.innerText()).toLowerCase()).toContain(f.confidential.toLowerCase());
    expect(await page.locator('a[download]').count()).toBe(0);
    await axe(page, 'viewer');
    await screenshot(page, 'footage-viewer.png');

    const phone = await open('beveiliging', PHONE);
    await watch(phone);
    expect(await phone.evaluate(() => document.querySelector('video')!.readyState)).toBeGreaterThanOrEqual(2);
    await axe(phone, 'viewer on a phone');
    await screenshot(phone, 'footage-viewer-mobile.png');
  });

  it('security downloads the signed evidence export in the browser; it verifies and is audited', async () => {
    const page = await open('beveiliging');
    await page.goto(`${base}/footage/requests/${requestId}`);
    await visible(page.getByRole('heading', { name: f.exportTitle, exact: true }));
    await axe(page, 'request detail with the evidence export');
    await screenshot(page, 'footage-export.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: f.exportButton, exact: true }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^bewijsexport-.+\.zip$/);
    await visible(page.getByText(f.exportedNotice(name)));
    // Focus went to the confirmation (WCAG 2.4.3).
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      f.exportedNotice(name),
    );
    const files = unzipFiles(readFileSync(await download.path()))!;
    const key = await api<{ fingerprint: string }>('beveiliging', '/api/public/evidence-key');
    const verified = verifyFiles(files, key.fingerprint);
    expect(verified.ok && verified.trusted).toBe(true);
    const audited = await rt.rt.store.read.audit.page({ limit: 5, action: 'clip.exported' });
    expect(audited.map((e) => [e.subject, e.details.manifestSha256])).toEqual([
      [`clip:${clipId}`, createHash('sha256').update(files.get('manifest.json')!).digest('hex')],
    ]);
    expect(audited[0]!.details.clipSha256).toBe(
      createHash('sha256').update(files.get('clip.mp4')!).digest('hex'),
    );
  });

  it('the incident page’s footage history lists the request, both approvals, the play and the export', async () => {
    const page = await open('fg');
    await page.goto(`${base}/incidents/${incidentId}`);
    const history = page.getByRole('table', { name: f.historyCaption });
    await visible(history);
    const lines = await texts(history.locator('tbody tr td:first-of-type'));
    expect(lines).toEqual(
      expect.arrayContaining([
        f.events.requested(displayName('beveiliging'), f.grounds['police-report'].label),
        f.events.approved(displayName('fg')),
        f.events.approved(displayName('secretaris')),
        f.events.played(displayName('beveiliging')),
        f.events.exported(displayName('beveiliging')),
      ]),
    );
    // Oldest first: the request before the approvals, the approvals before the first play.
    const at = (line: string) => lines.indexOf(line);
    expect(at(f.events.requested(displayName('beveiliging'), f.grounds['police-report'].label))).toBeLessThan(
      at(f.events.approved(displayName('fg'))),
    );
    expect(at(f.events.approved(displayName('secretaris')))).toBeLessThan(
      at(f.events.played(displayName('beveiliging'))),
    );
    await axe(page, 'incident page with the footage history');
  });

  it('security revokes the permission; the viewer then says clearly that it ended', async () => {
    const before = await api<{ grant: { id: string } | null }>(
      'beveiliging',
      `/api/footage/requests/${requestId}`,
    );
    const grantId = before.grant!.id;
    const page = await open('beveiliging');
    await page.goto(`${base}/footage/requests/${requestId}`);
    await page.getByRole('button', { name: f.revokeOpen, exact: true }).click();
    await page.getByLabel(new RegExp(`^${f.revokeReason}`)).fill('Onderzoek afgerond');
    await page.getByRole('button', { name: f.revoke, exact: true }).click();
    await visible(page.getByText(f.revokedNotice));
    expect(await page.getByRole('button', { name: f.watch, exact: true }).count()).toBe(0);

    await page.goto(`${base}/footage/grants/${grantId}`);
    await visible(page.getByText(f.ended));
    expect(await page.locator('video').count()).toBe(0);
    await axe(page, 'viewer after the permission ended');
  });
});
