/**
 * A resident's request for access from the desk to the letter, in Chromium against the real
 * server (issue 12; docs/rights.md "From request to letter"). The demo's vault under 2-of-3
 * custody (as `serve --demo`) holds a 3-second clip of two real faces (test/support/face-clips.ts)
 * recorded ten minutes ago in the camera's room. In the browser only:
 *
 * 1. the privacy officer registers the request (room and time frame) with the form, starts it,
 *    sees the clip that overlaps the frame and links it;
 * 2. from the request she opens the redacted copy's page and asks permission to decrypt (ground
 *    subject access); security approves with the passphrase, then she does (four eyes);
 * 3. faces are searched on the server, she keeps the requester's face (the astronaut), saves and
 *    renders; the copy downloads and ffprobe reads it as H.264 of the clip's length;
 * 4. she decides (granted), records the Dutch decision letter as sent and downloads it: the
 *    letter names the copy by file name and the SHA-256 of the downloaded bytes; the timeline
 *    names the letter; the request is "antwoord verstuurd";
 * 5. she closes the request: the copy is deleted at once and its page says why.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/adapters/db/schema-recording.js';
import { setUpDemoCustody } from '../../src/cli/commands/vault-custody.js';
import { DEMO_CUSTODY_PASSPHRASE } from '../../src/services/demo.service.js';
import { DICTIONARIES } from '../../web/src/i18n/index.js';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import {
  axe,
  ensureWebBuild,
  eventually,
  h1,
  signIn,
  STEP_BUDGET_MS,
  texts,
  visible,
} from '../support/e2e.js';
import { FACE_MATERIAL, makeFaceClip, type FaceClip } from '../support/face-clips.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';

const run = promisify(execFile);
const nl = DICTIONARIES.nl;
const d = nl.rights.detail;
const r = nl.redaction;
const f = nl.footage;
const ready =
  chromiumAvailable() &&
  toolsAvailable('rights footage path', 'ffmpeg', 'ffprobe', 'pdftotext') &&
  testMaterialAvailable('rights footage path', FACE_MATERIAL);

const LONG = 600_000;

/** "2026-12-06T05:12" in Dutch time, as the form's datetime-local fields take it. */
const amsterdamLocal = (ms: number): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

describe.skipIf(!ready)('a request for access from the desk to the letter, in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  let work: string;
  let clip: FaceClip;
  let roomId: string;
  const contexts: BrowserContext[] = [];

  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(STEP_BUDGET_MS);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, username);
    return page;
  };
  const download = async (page: Page, click: () => Promise<void>, file: string): Promise<Buffer> => {
    const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
    await dl.saveAs(path.join(work, file));
    return fs.readFile(path.join(work, file));
  };

  beforeAll(async () => {
    ensureWebBuild();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-rights-path-'));
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
    // Recorded ten minutes ago (sealTestClip leaves the times to the recorder).
    const now = Date.now();
    await rt.rt.database.db
      .updateTable('clips')
      .set({
        started_at: new Date(now - 600_000).toISOString(),
        ended_at: new Date(now - 597_000).toISOString(),
      })
      .where('id', '=', 'clip-faces')
      .execute();
    roomId = (await rt.rt.store.read.cameras.list())[0]!.roomId;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rt?.close();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('request → footage → four-eyes grant → redaction → decision letter → closed, the copy gone', async () => {
    const fg = await open('fg');

    // 1. Register the request with the form: the room and the time frame the resident gave.
    await fg.goto(`${base}/rights/requests/new`);
    await eventually(() => texts(h1(fg))).toEqual([nl.rights.form.title]);
    await fg.getByLabel(nl.rights.form.kind).selectOption('access');
    await fg.getByLabel(nl.rights.form.room).selectOption(roomId);
    await fg.getByLabel(nl.rights.form.windowFrom).fill(amsterdamLocal(Date.now() - 3_600_000));
    await fg.getByLabel(nl.rights.form.windowTo).fill(amsterdamLocal(Date.now() - 60_000));
    await fg.getByLabel(nl.rights.form.identityNote).fill('rijbewijs getoond aan de balie, niet gekopieerd');
    await fg.getByLabel(nl.rights.form.requesterContact).fill('Dorpsstraat 1, 1234 AB Lindewaard');
    await fg.getByRole('button', { name: nl.rights.form.submit }).click();
    await eventually(() => texts(h1(fg))).toEqual([d.title(nl.rights.kinds.access!)]);
    const requestId = /\/rights\/requests\/([^/?#]+)$/.exec(fg.url())![1]!;
    const detailUrl = `${base}/rights/requests/${requestId}`;
    const request = async () =>
      (await (await fg.request.get(`${base}/api/rights/requests/${requestId}`)).json()) as {
        request: { status: string; decision: string | null };
        letters: { kind: string; language: string; format: string; digest: string }[];
      };
    await fg.getByRole('button', { name: d.start }).click();
    await visible(fg.getByText(d.startedNotice));

    // The clip of that room that overlaps the frame is found; she links it.
    const found = fg.getByRole('table', { name: d.clipsCaption });
    await visible(found);
    expect(await found.getByRole('row').count()).toBe(2); // the header and the one clip
    await fg.getByRole('group', { name: d.linkLegend }).getByRole('checkbox').check();
    await fg.getByRole('button', { name: d.linkSubmit }).click();
    await visible(fg.getByText(d.linked_notice));
    await axe(fg, 'a request for access with its clip linked');

    // 2. The copy's page, from the request; permission under four eyes.
    await fg.locator(`a[href$="/rights/requests/${requestId}/redaction/clip-faces"]`).click();
    await eventually(() => texts(h1(fg))).toEqual([r.title]);
    const redactionUrl = fg.url();
    await visible(fg.getByText(r.grantNone));
    await fg.getByRole('button', { name: r.grantRequest, exact: true }).click();
    const pending = fg.getByRole('link', { name: r.grantOpen });
    await visible(pending);
    const viewingPath = (await pending.getAttribute('href'))!;
    const security = await open('beveiliging');
    for (const [p, state] of [
      [security, f.states.pending],
      [fg, f.states.granted],
    ] as const) {
      await p.goto(`${base}${viewingPath}`);
      await p.getByLabel(new RegExp(`^${f.passphrase}`)).fill(DEMO_CUSTODY_PASSPHRASE);
      await p.getByRole('button', { name: f.approve, exact: true }).click();
      await visible(p.getByText(state!, { exact: false }).first());
    }

    // 3. Faces found on the server; the requester's kept; the copy made and downloaded.
    await fg.goto(redactionUrl);
    await visible(fg.getByText(/U hebt toestemming tot/));
    await fg.getByRole('button', { name: r.detect, exact: true }).click();
    await fg.getByTestId('redaction-state').getByText(r.states.detected).waitFor({ timeout: LONG });
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
    expect(job.tracks.tracks.length).toBeGreaterThan(kept.length); // the cameraman is pixelated
    for (const k of kept) await fg.getByLabel(r.keep(r.face(k.id))).check();
    await fg.getByRole('button', { name: r.save, exact: true }).click();
    await visible(fg.getByRole('status').getByText(r.saved));
    await fg.getByRole('button', { name: r.render, exact: true }).click();
    await fg.getByTestId('redaction-state').getByText(r.states.rendered).waitFor({ timeout: LONG });
    const copy = await download(fg, () => fg.getByRole('link', { name: r.download }).click(), 'copy.mp4');
    const copyName = `kopie-betrokkene-${requestId}-clip-faces.mp4`;
    const copySha = createHash('sha256').update(copy).digest('hex');
    const probe = JSON.parse(
      (
        await run('ffprobe', [
          '-v',
          'error',
          '-show_entries',
          'stream=codec_name,width,height:format=duration',
          '-of',
          'json',
          path.join(work, 'copy.mp4'),
        ])
      ).stdout,
    ) as { streams: { codec_name: string; width: number; height: number }[]; format: { duration: string } };
    expect(probe.streams.map((s) => s.codec_name)).toEqual(['h264']); // no sound
    expect(probe.streams[0]).toMatchObject({ width: 1280, height: 720 });
    expect(Number(probe.format.duration)).toBeGreaterThan(2.5);

    // 4. The decision (granted), the Dutch letter recorded as sent, then downloaded.
    await fg.goto(detailUrl);
    await eventually(() => texts(h1(fg))).toEqual([d.title(nl.rights.kinds.access!)]);
    await fg.getByRole('button', { name: d.decide }).click();
    await fg.getByLabel(nl.rights.decisions.granted!, { exact: true }).check();
    await fg.getByRole('button', { name: d.decideSubmit }).click();
    await visible(fg.getByText(d.decidedNotice));
    await fg.getByRole('button', { name: d.send }).click();
    const nlPdf = d.letterLink(d.letterKinds.decision!, d.letterLanguages.nl!, d.letterFormats.pdf!);
    expect(await fg.getByRole('group', { name: d.sendLegend }).getByLabel(nlPdf).isChecked()).toBe(true);
    await fg.getByRole('button', { name: d.sendSubmit }).click();
    await visible(fg.getByText(d.sentNotice));
    await eventually(async () => (await request()).request.status).toBe('sent');
    await visible(fg.getByText(nl.rights.statuses.sent!, { exact: true }).first());
    const timeline = fg.getByRole('table', { name: d.timelineCaption });
    await visible(timeline.getByText(`${d.events.sent}. ${d.lettersWith(nlPdf)}`));
    await axe(fg, 'a request for access answered');

    const pdf = await download(
      fg,
      () => fg.getByRole('link', { name: nlPdf, exact: true }).click(),
      'besluit.pdf',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const letter = (await run('pdftotext', ['-layout', path.join(work, 'besluit.pdf'), '-'])).stdout.replace(
      /\s+/g,
      ' ',
    );
    expect(letter).toContain('Wij willigen uw verzoek in.');
    expect(letter).toContain('Uw kopie van de beelden');
    expect(letter).toContain(copyName);
    expect(letter.replace(/ /g, '')).toContain(copySha); // a long word may wrap in the PDF

    // What was recorded as sent is this letter: the digest of its text, as rendered now.
    const sent = (await request()).letters;
    expect(sent.map((l) => [l.kind, l.language, l.format])).toEqual([['decision', 'nl', 'pdf']]);
    const text = await fg.request.get(
      `${base}/api/rights/requests/${requestId}/letter?kind=decision&lang=nl&format=text`,
    );
    expect(
      createHash('sha256')
        .update(await text.body())
        .digest('hex'),
    ).toBe(sent[0]!.digest);

    // 5. Closed: the copy goes at once, and its page says so.
    await fg.getByRole('button', { name: d.close, exact: true }).click();
    await fg.getByRole('button', { name: d.closeSubmit }).click();
    await visible(fg.getByText(d.closedNotice));
    await eventually(async () => (await request()).request.status).toBe('closed');
    await fg.goto(redactionUrl);
    await visible(fg.getByText(r.copyDeleted(r.deleteReasons['request-closed']!)));
    expect(await fg.getByRole('link', { name: r.download }).count()).toBe(0);
    const gone = await fg.request.get(`${base}/api/rights/requests/${requestId}/redactions/clip-faces/copy`);
    expect(gone.status()).toBe(410);
    expect(await fs.readdir(path.join(rt.dataDir, 'redaction', 'copies'))).toEqual([]);
  }, 1_500_000);
});
