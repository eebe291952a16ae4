/**
 * Redaction jobs end to end over HTTP, on both dialects (issue 12 §2, docs/redaction.md "The
 * job"): a 3-second clip with two real faces (test/support/face-clips.ts) sealed in a vault under
 * 2-of-3 custody, linked to a resident's request for access. No decryption without the DPO's own
 * live grant on the ground subject access approved by a second custodian; then detection in the
 * background (real face-api), the review (the astronaut kept), the render (real ffmpeg), the
 * audited download, and the detector run again on the copy: no face outside the kept head. The
 * copy rests encrypted, no plaintext is left in the data folder, and after seven days (injected
 * clock) the sweep deletes it.
 */
import { execFile } from 'node:child_process';
import '../../src/adapters/db/schema-recording.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector } from '../../src/adapters/media/face-detector.js';
import { createFootageRedactor } from '../../src/adapters/media/footage-redactor.js';
import type { RedactionModule } from '../../src/compose/redaction.compose.js';
import type { RedactionJobView } from '../../src/services/redaction.service.js';
import {
  BV_PASSPHRASE,
  FG_PASSPHRASE,
  initCustodyVault,
  type CustodyVault,
} from '../support/custody-vault.js';
import { availableDialects } from '../support/databases.js';
import { FACE_MATERIAL, makeFaceClip, type FaceClip } from '../support/face-clips.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const run = promisify(execFile);
const ready =
  toolsAvailable('redaction jobs', 'ffmpeg', 'ffprobe', 'age') &&
  testMaterialAvailable('redaction jobs', FACE_MATERIAL);
const dialects = await availableDialects();

type Headers = Record<string, string>;
const REASON = 'Inzageverzoek van een inwoner: kopie met anderen onherkenbaar';

describe.skipIf(!ready).each(dialects)('redaction jobs (%s)', (dialect) => {
  let t: TestRuntime;
  let vault: CustodyVault | undefined;
  let clip: FaceClip;
  let work = '';
  let offset = 0;
  const base = Math.floor(Date.now() / 1000) * 1000;
  const clock = { now: () => new Date(base + offset) };
  const iso = (ms: number) => new Date(ms).toISOString();
  const h = {} as Record<'fg' | 'bv' | 'auditor' | 'balie', Headers>;
  let requestId = '';
  let mod: RedactionModule;

  const api = async (
    who: Headers,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const res = await t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, raw: res.rawPayload, json: <T>() => res.json<T>() };
  };
  const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
  const jobUrl = () => `/api/rights/requests/${requestId}/redactions/clip-faces`;
  const job = async () => (await api(h.fg, 'GET', jobUrl())).json<RedactionJobView>();
  const rows = async () => t.rt.database.db.selectFrom('redaction_jobs').selectAll().execute();

  /** fg asks on `legalGround`, beveiliging then fg approve with their passphrases: granted. */
  const grant = async (legalGround: string) => {
    const r = await api(h.fg, 'POST', '/api/footage/requests', {
      clipId: 'clip-faces',
      reason: REASON,
      legalGround,
      purposes: ['view'],
    });
    expect(r.status, r.body).toBe(201);
    const id = r.json<{ id: string }>().id;
    expect(
      (await api(h.bv, 'POST', `/api/footage/requests/${id}/approve`, { passphrase: BV_PASSPHRASE })).status,
    ).toBe(200);
    const g = await api(h.fg, 'POST', `/api/footage/requests/${id}/approve`, { passphrase: FG_PASSPHRASE });
    expect(g.status, g.body).toBe(200);
    expect(g.json<{ state: string }>().state).toBe('granted');
    return id;
  };

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-redaction-jobs-'));
    clip = await makeFaceClip(path.join(work, 'faces.mp4'), { seconds: 3 });
    t = await startTestRuntime({
      dialect,
      demo: true,
      listen: true,
      clock,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    mod = t.rt.modules.find((m) => m.name === 'redaction') as RedactionModule;
    vault = await initCustodyVault(t, 'proportio-redaction-jobs-');
    await sealTestClip(t, 'clip-faces', vault.recipient, await fs.readFile(clip.file));
    // The recorder knows when a clip started; sealTestClip leaves it open, the request's window needs it.
    await t.rt.database.db
      .updateTable('clips')
      .set({ started_at: iso(base - 60_000), ended_at: iso(base - 57_000) })
      .where('id', '=', 'clip-faces')
      .execute();
    h.fg = (await loginAs(t.app, 'fg')).headers;
    h.bv = (await loginAs(t.app, 'beveiliging')).headers;
    h.auditor = (await loginAs(t.app, 'auditor')).headers;
    h.balie = (await loginAs(t.app, 'balie')).headers;
    const c = (await t.rt.store.read.cameras.list())[0]!;
    const created = await api(h.fg, 'POST', '/api/rights/requests', {
      kind: 'access',
      channel: 'post',
      receivedAt: iso(base - 600_000),
      roomId: c.roomId,
      windowFrom: iso(base - 3_600_000),
      windowTo: iso(base + 3_600_000),
      requesterContact: 'Postbus 1, Lindewaard',
      identityMethod: 'document-shown',
    });
    expect(created.status, created.body).toBe(201);
    requestId = created.json<{ id: string }>().id;
    const linked = await api(h.fg, 'POST', `/api/rights/requests/${requestId}/clips`, {
      clipIds: ['clip-faces'],
    });
    expect(linked.status, linked.body).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await mod?.service.stop();
    await vault?.close();
    await t?.close();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('refuses to decrypt without a grant, and under a grant on another legal ground; nothing is written', async () => {
    const before = await rows();
    const none = await api(h.fg, 'POST', `${jobUrl()}/detect`);
    expect(none.status, none.body).toBe(409);
    expect(code(none)).toBe('REDACTION.GRANT_REQUIRED');
    const viewingId = await grant('own-investigation');
    const wrongGround = await api(h.fg, 'POST', `${jobUrl()}/detect`);
    expect(code(wrongGround)).toBe('REDACTION.GRANT_REQUIRED');
    // beveiliging approved it but did not ask: the grant is fg's, not his.
    expect(code(await api(h.bv, 'POST', `${jobUrl()}/detect`))).toBeDefined();
    expect((await rows()).length).toBe(before.length);
    expect(code(await api(h.fg, 'GET', jobUrl()))).toBe('REDACTION.NOT_DETECTED');
    expect(code(await api(h.fg, 'POST', `${jobUrl()}/render`))).toBe('REDACTION.NOT_DETECTED');
    const revoked = await api(h.fg, 'POST', `/api/footage/requests/${viewingId}/revoke`, {
      reason: 'verkeerde grond',
    });
    expect(revoked.status, revoked.body).toBe(200);
  });

  it('only the privacy officer acts; the auditor reads; the front desk sees nothing', async () => {
    expect((await api(h.bv, 'POST', `${jobUrl()}/detect`)).status).toBe(403);
    expect((await api(h.auditor, 'POST', `${jobUrl()}/detect`)).status).toBe(403);
    expect((await api(h.balie, 'GET', jobUrl())).status).toBe(403);
    expect((await api(h.auditor, 'GET', `/api/rights/requests/${requestId}/redactions`)).status).toBe(200);
    expect(
      code(await api(h.fg, 'POST', `/api/rights/requests/${requestId}/redactions/clip-other/detect`)),
    ).toBe('RIGHTS.CLIP_NOT_LINKED');
  });

  it('detects in the background under the grant, reviews, renders, and the copy shows only the kept face', async () => {
    await grant('subject-access');
    const started = await api(h.fg, 'POST', `${jobUrl()}/detect`);
    expect(started.status, started.body).toBe(202);
    expect(started.json<RedactionJobView>().state).toBe('detecting');
    expect(code(await api(h.fg, 'POST', `${jobUrl()}/detect`))).toBe('REDACTION.JOB_BUSY');
    await waitFor('detection', async () => (await job()).state !== 'detecting', 600_000);
    const detected = await job();
    expect(detected.state, JSON.stringify(detected.error)).toBe('detected');
    expect(detected.progress).toBeNull();
    const astronaut = clip.heads[0]!;
    const onHead = (k: { t: number; x: number; y: number; w: number; h: number }) => {
      const b = astronaut.at(k.t);
      const cx = k.x + k.w / 2;
      const cy = k.y + k.h / 2;
      return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h;
    };
    const kept = detected.tracks!.tracks.filter(
      (tr) => tr.keyframes.filter(onHead).length > tr.keyframes.length / 2,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(detected.tracks!.tracks.length).toBeGreaterThan(kept.length);

    // Bad reviews are refused and change nothing.
    const bad = await api(h.fg, 'PUT', `${jobUrl()}/review`, {
      keepTrackIds: ['face-99'],
      consentedTrackIds: [],
      edits: [],
    });
    expect(bad.status).toBe(422);
    expect(code(bad)).toBe('REDACTION.UNKNOWN_TRACK');
    const outside = await api(h.fg, 'PUT', `${jobUrl()}/review`, {
      keepTrackIds: [],
      consentedTrackIds: [],
      edits: [{ kind: 'add', from: 0, to: 60, box: { x: 0, y: 0, w: 10, h: 10 } }],
    });
    expect(code(outside)).toBe('REDACTION.INVALID_EDIT');
    const malformed = await api(h.fg, 'PUT', `${jobUrl()}/review`, { keepTrackIds: 'face-1' });
    expect(malformed.status).toBe(400);
    expect((await job()).review).toBeNull();
    expect(code(await api(h.fg, 'POST', `${jobUrl()}/render`))).toBe('REDACTION.NOT_REVIEWED');

    const reviewed = await api(h.fg, 'PUT', `${jobUrl()}/review`, {
      keepTrackIds: kept.map((k) => k.id),
      consentedTrackIds: [],
      edits: [],
    });
    expect(reviewed.status, reviewed.body).toBe(200);
    const rendering = await api(h.fg, 'POST', `${jobUrl()}/render`);
    expect(rendering.status, rendering.body).toBe(202);
    await waitFor('render', async () => (await job()).state !== 'rendering', 600_000);
    const rendered = await job();
    expect(rendered.state, JSON.stringify(rendered.error)).toBe('rendered');
    expect(rendered.copy?.expiresAt).toBe(iso(base + 7 * 86_400_000));

    // At rest the copy is encrypted; no plaintext clip or scratch file is left in the data folder.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    const redactionFiles = files(path.join(t.dataDir, 'redaction'));
    expect(redactionFiles).toHaveLength(1);
    const atRest = readFileSync(redactionFiles[0]!);
    expect(atRest.includes(Buffer.from('ftyp'))).toBe(false);
    expect(statSync(redactionFiles[0]!).mode & 0o077).toBe(0);

    const down = await api(h.fg, 'GET', `${jobUrl()}/copy`);
    expect(down.status, down.body.slice(0, 200)).toBe(200);
    expect(down.raw.subarray(4, 8).toString()).toBe('ftyp');
    const audited = await t.rt.store.read.audit.page({ limit: 20, action: 'redaction.downloaded' });
    expect(audited[0]?.subject).toBe('clip:clip-faces');
    expect((await api(h.auditor, 'GET', `${jobUrl()}/copy`)).status).toBe(403);

    // The detector on the copy: the kept head is there, no face anywhere else.
    const copyFile = path.join(work, 'copy.mp4');
    await fs.writeFile(copyFile, down.raw);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      copyFile,
    ]);
    expect(Number(stdout)).toBeGreaterThan(2);
    const tiny = await createFaceDetector({ model: 'tiny' });
    if (!tiny.ok) throw new Error(tiny.error.message);
    const again = await createFootageRedactor({ detector: tiny.value }).detectTracks(copyFile);
    if (!again.ok) throw new Error(again.error.message);
    const keyframes = again.value.tracks.flatMap((tr) => tr.keyframes);
    expect(keyframes.filter((k) => !onHead(k))).toEqual([]);
    expect(keyframes.filter(onHead).length).toBeGreaterThan(0);
  }, 1_200_000);

  it('deletes the copy after seven days; the download then says it is gone', async () => {
    expect((await job()).copy).not.toBeNull();
    offset += 7 * 86_400_000 - 60_000;
    expect(await mod.service.sweep()).toBe(0);
    offset += 60_000;
    expect(await mod.service.sweep()).toBe(1);
    h.fg = (await loginAs(t.app, 'fg')).headers; // the session of a week ago has expired
    const gone = await api(h.fg, 'GET', `${jobUrl()}/copy`);
    expect(gone.status).toBe(410);
    expect(code(gone)).toBe('REDACTION.COPY_GONE');
    const j = await job();
    expect(j.copy).toBeNull();
    expect(j.copyDeleted?.reason).toBe('expired');
    expect(readdirSync(path.join(t.dataDir, 'redaction', 'copies'))).toEqual([]);
  });
});
