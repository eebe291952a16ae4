/**
 * The DPO's redacted copy end to end in Chromium (issue 12 §2): the demo's vault under 2-of-3
 * custody (as `serve --demo`), a 3-second clip of two real faces (test/support/face-clips.ts)
 * sealed in it and linked to a resident's request for access. In the browser: the DPO opens the
 * review page, asks permission to decrypt (ground subject access); security approves with the
 * passphrase, then the DPO; detection runs in the background; the DPO marks the astronaut's track
 * as the requester, saves, renders, and downloads the copy. The detector then runs on the
 * downloaded copy: no face outside the kept head. axe scans the page; 1366×900 and 390×844.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector } from '../../src/adapters/media/face-detector.js';
import { createFootageRedactor } from '../../src/adapters/media/footage-redactor.js';
import '../../src/adapters/db/schema-recording.js';
import { setUpDemoCustody } from '../../src/cli/commands/vault-custody.js';
import { DEMO_CUSTODY_PASSPHRASE } from '../../src/services/demo.service.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  ensureWebBuild,
  h1,
  horizontalOverflow,
  screenshot,
  signIn,
  STEP_BUDGET_MS,
  visible,
} from '../support/e2e.js';
import { FACE_MATERIAL, makeFaceClip, type FaceClip } from '../support/face-clips.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';

const r = DICTIONARIES.nl.redaction;
const f = DICTIONARIES.nl.footage;
const ready =
  chromiumAvailable() &&
  toolsAvailable('redaction review', 'ffmpeg', 'ffprobe') &&
  testMaterialAvailable('redaction review', FACE_MATERIAL);

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const LONG = 600_000;

describe.skipIf(!ready)('the DPO makes a redacted copy in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  let work: string;
  let clip: FaceClip;
  let requestId: string;
  const contexts: BrowserContext[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();

  const open = async (username: string, viewport = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL', acceptDownloads: true });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, username);
    return page;
  };
  const pageUrl = () => `${base}/rights/requests/${requestId}/redaction/clip-faces`;

  beforeAll(async () => {
    ensureWebBuild();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-redaction-e2e-'));
    clip = await makeFaceClip(path.join(work, 'faces.mp4'), { seconds: 3 });
    rt = await startTestRuntime({
      demo: true,
      listen: true,
      web: true,
      loginAttemptsPerMinute: 10_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    base = rt.url!;
    const custody = await setUpDemoCustody(rt.rt);
    expect(custody?.set.threshold).toBe(2);
    await sealTestClip(rt, 'clip-faces', custody!.set.vault, await fs.readFile(clip.file));
    const now = Date.now();
    await rt.rt.database.db
      .updateTable('clips')
      .set({ started_at: iso(now - 60_000), ended_at: iso(now - 57_000) })
      .where('id', '=', 'clip-faces')
      .execute();
    const fg = await loginAs(rt.app, 'fg');
    const room = (await rt.rt.store.read.cameras.list())[0]!.roomId;
    const created = await rt.app.inject({
      method: 'POST',
      url: '/api/rights/requests',
      headers: fg.headers,
      payload: {
        kind: 'access',
        channel: 'post',
        receivedAt: iso(now - 600_000),
        roomId: room,
        windowFrom: iso(now - 3_600_000),
        windowTo: iso(now + 3_600_000),
        requesterContact: 'Postbus 1, Lindewaard',
        identityMethod: 'document-shown',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    requestId = created.json<{ id: string }>().id;
    const linked = await rt.app.inject({
      method: 'POST',
      url: `/api/rights/requests/${requestId}/clips`,
      headers: fg.headers,
      payload: { clipIds: ['clip-faces'] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('grant by four eyes → detect → keep the requester → render → the copy downloads, and shows no other face', async () => {
    const fg = await open('fg');
    await fg.goto(pageUrl());
    expect(await h1(fg).textContent()).toBe(r.title);
    await visible(fg.getByText(r.grantNone));
    await axe(fg, 'redaction review: no permission yet');
    await fg.getByRole('button', { name: r.grantRequest, exact: true }).click();
    const pending = fg.getByRole('link', { name: r.grantOpen });
    await visible(pending);
    const viewingPath = (await pending.getAttribute('href'))!;

    // Four eyes: security (a custodian who did not ask) approves first, then the DPO.
    for (const who of ['beveiliging', 'fg']) {
      const p = who === 'fg' ? fg : await open(who);
      await p.goto(`${base}${viewingPath}`);
      await p.getByLabel(new RegExp(`^${f.passphrase}`)).fill(DEMO_CUSTODY_PASSPHRASE);
      await p.getByRole('button', { name: f.approve, exact: true }).click();
      await visible(
        p.getByText((who === 'fg' ? f.states.granted : f.states.pending)!, { exact: false }).first(),
      );
    }

    await fg.goto(pageUrl());
    await visible(fg.getByText(/U hebt toestemming tot/));
    await fg.getByRole('button', { name: r.detect, exact: true }).click();
    await fg.getByTestId('redaction-state').getByText(r.states.detected).waitFor({ timeout: LONG });
    await visible(fg.getByRole('table', { name: r.timelineCaption }));
    await axe(fg, 'redaction review: tracks found');
    expect(await horizontalOverflow(fg)).toBe(0);
    await screenshot(fg, 'redaction-review.png');

    // The requester is the astronaut: the track whose boxes lie on her head.
    const job = (await (
      await fg.request.get(`${base}/api/rights/requests/${requestId}/redactions/clip-faces`)
    ).json()) as {
      tracks: {
        tracks: { id: string; keyframes: { t: number; x: number; y: number; w: number; h: number }[] }[];
      };
    };
    const astronaut = clip.heads[0]!;
    const onHead = (k: { t: number; x: number; y: number; w: number; h: number }) => {
      const b = astronaut.at(k.t);
      const cx = k.x + k.w / 2;
      const cy = k.y + k.h / 2;
      return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h;
    };
    const kept = job.tracks.tracks.filter((t) => t.keyframes.filter(onHead).length > t.keyframes.length / 2);
    expect(kept.length).toBeGreaterThan(0);
    for (const k of kept) await fg.getByLabel(r.keep(r.face(k.id))).check();
    await fg.getByRole('button', { name: r.save, exact: true }).click();
    await visible(fg.getByRole('status').getByText(r.saved));
    await fg.getByRole('button', { name: r.render, exact: true }).click();
    await fg.getByTestId('redaction-state').getByText(r.states.rendered).waitFor({ timeout: LONG });
    await axe(fg, 'redaction review: copy made');

    const [download] = await Promise.all([
      fg.waitForEvent('download'),
      fg.getByRole('link', { name: r.download }).click(),
    ]);
    const copyFile = path.join(work, 'copy.mp4');
    await download.saveAs(copyFile);
    const bytes = await fs.readFile(copyFile);
    expect(bytes.subarray(4, 8).toString()).toBe('ftyp');

    const tiny = await createFaceDetector({ model: 'tiny' });
    if (!tiny.ok) throw new Error(tiny.error.message);
    const again = await createFootageRedactor({ detector: tiny.value }).detectTracks(copyFile);
    if (!again.ok) throw new Error(again.error.message);
    const keyframes = again.value.tracks.flatMap((t) => t.keyframes);
    expect(keyframes.filter((k) => !onHead(k))).toEqual([]);
    expect(keyframes.filter(onHead).length).toBeGreaterThan(0);
  }, 1_500_000);

  it('on a phone says the review needs a bigger screen, and offers the copy', async () => {
    const phone = await open('fg', PHONE);
    await phone.goto(pageUrl());
    await visible(phone.getByText(r.smallScreen));
    await visible(phone.getByRole('link', { name: r.download }));
    expect(await horizontalOverflow(phone)).toBe(0);
    await axe(phone, 'redaction review on a phone');
    await screenshot(phone, 'redaction-review-mobile.png');
  });
});
