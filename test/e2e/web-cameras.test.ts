/**
 * Disabling, enabling and removing a camera in the web UI (issue 8 §5.6), in Chromium against the
 * real server with the demo: the demo camera shows as disabled; each button first shows a
 * confirmation that says what the action means; the change reaches the API; removed cameras
 * leave the list; read-only roles get no buttons. The confirmation passes an axe WCAG 2.1 AA scan.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import { axe, ensureWebBuild, eventually, signIn, STEP_BUDGET_MS, visible } from '../support/e2e.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const nl = DICTIONARIES.nl;
describe.skipIf(!chromiumAvailable())('cameras: disable, enable, remove in the web UI', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  const page = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const p = await context.newPage();
    await signIn(p, base, username);
    return p;
  };

  const cameras = async () => {
    const admin = await loginAs(rt.app, 'beheer');
    return (await rt.app.inject({ method: 'GET', url: '/api/cameras', headers: admin.headers })).json<
      { name: string; disabled: boolean }[]
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
    // The camera status page lists what the recorder plans: start it (no vault key, so it never arms).
    const rec = rt.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    rec.tune({ reconcileMs: 3_600_000, retentionMs: 3_600_000 });
    await rec.start();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
  });

  it('security sees the camera status but no camera buttons', async () => {
    const p = await page('beveiliging');
    await p.goto(`${base}/camera-status`);
    await visible(p.getByRole('heading', { level: 1, name: nl.cameraStatus.title }));
    await visible(p.getByRole('row', { name: /Camera plafond/ }));
    expect(await p.getByRole('button', { name: /uitschakelen|inschakelen|verwijderen/i }).count()).toBe(0);
  });

  it('the administrator enables the disabled demo camera, disables it on the status page, then removes it — each after a confirmation', async () => {
    const p = await page('beheer');
    await p.goto(`${base}/cameras`);
    const row = p.getByRole('row', { name: /Camera plafond/ });
    await visible(row.getByText(nl.cameras.disabled, { exact: true }));

    // Enable: the confirmation comes first; nothing changes until it is confirmed.
    await p.getByRole('button', { name: nl.cameras.actionAria.enable('Camera plafond') }).click();
    const confirmEnable = p.getByRole('region', { name: nl.cameras.confirmTitle.enable('Camera plafond') });
    await visible(confirmEnable.getByText(nl.cameras.confirmText.enable));
    expect((await cameras())[0]).toMatchObject({ disabled: true });
    await confirmEnable.getByRole('button', { name: nl.cameras.actionLabel.enable, exact: true }).click();
    await visible(p.getByText(nl.cameras.actionDone.enable));
    await eventually(async () => (await cameras())[0]?.disabled).toBe(false);
    await visible(row.getByText(nl.cameras.enabled, { exact: true }));

    // Disable, from the camera status page; cancelling first changes nothing.
    await p.goto(`${base}/camera-status`);
    await visible(p.getByRole('row', { name: /Camera plafond/ }));
    await axe(p, 'camera status with camera buttons');
    const disable = p.getByRole('button', { name: nl.cameras.actionAria.disable('Camera plafond') });
    await disable.click();
    const confirmDisable = p.getByRole('region', {
      name: nl.cameras.confirmTitle.disable('Camera plafond'),
    });
    await visible(confirmDisable);
    await confirmDisable.getByRole('button', { name: nl.cancel, exact: true }).click();
    await eventually(() => confirmDisable.count()).toBe(0);
    expect((await cameras())[0]).toMatchObject({ disabled: false });
    await disable.click();
    await confirmDisable.getByRole('button', { name: nl.cameras.actionLabel.disable, exact: true }).click();
    await visible(p.getByText(nl.cameras.actionDone.disable));
    await eventually(async () => (await cameras())[0]?.disabled).toBe(true);

    // Remove: the confirmation says the clips are kept; then the camera leaves the list.
    await p.goto(`${base}/cameras`);
    await p.getByRole('button', { name: nl.cameras.actionAria.remove('Camera plafond') }).click();
    const confirmRemove = p.getByRole('region', { name: nl.cameras.confirmTitle.remove('Camera plafond') });
    await visible(confirmRemove.getByText(nl.cameras.confirmText.remove));
    await axe(p, 'cameras: remove confirmation');
    await confirmRemove.getByRole('button', { name: nl.cameras.actionLabel.remove, exact: true }).click();
    await visible(p.getByText(nl.cameras.actionDone.remove));
    await eventually(async () => (await cameras()).length).toBe(0);
    await visible(p.getByText(nl.cameras.empty));
  });
});
