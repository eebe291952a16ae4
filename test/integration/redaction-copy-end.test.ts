/**
 * When a redacted copy ends before its seven days (ADR 0011), on both dialects: two requests for
 * access share a real 1-second clip with faces (test/support/face-clips.ts) sealed under 2-of-3
 * custody; a real copy is rendered for each under the DPO's four-eyes grant.
 *
 * - Closing request A deletes A's copy at once — no sweep runs in this test — and leaves B's.
 * - A restart of the runtime (a new process on the same data folder and database, started as
 *   `serve` starts it): B's copy was sealed under the old process's key, which no new key opens;
 *   the file is deleted, the job says "restart", the download says the copy is gone.
 */
import '../../src/adapters/db/schema-recording.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCopyVault } from '../../src/adapters/vault/copy-vault.js';
import type { CustodyVault } from '../support/custody-vault.js';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { FACE_MATERIAL } from '../support/face-clips.js';
import {
  dpoApi,
  jobOf,
  jobUrl,
  prepareRedaction,
  renderCopy,
  type RedactionApi,
} from '../support/redaction-fixture.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const ready =
  toolsAvailable('redacted copy end', 'ffmpeg', 'ffprobe', 'age') &&
  testMaterialAvailable('redacted copy end', FACE_MATERIAL);
const dialects = await availableDialects();

describe.skipIf(!ready).each(dialects)('a redacted copy ends on close and on restart (%s)', (dialect) => {
  let t: TestRuntime;
  let pg: TestDatabase | undefined;
  let vault: CustodyVault | undefined;
  let dataDir = '';
  let api: RedactionApi;
  const requests = { a: '', b: '' };

  const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
  const job = (requestId: string) => jobOf(api, requestId);
  const copiesDir = () => path.join(dataDir, 'redaction', 'copies');
  const copyFiles = async () => (await fs.readdir(copiesDir()).catch(() => [] as string[])).sort();

  /** A runtime on the one data folder and database: the first loads the demo, a later one restarts. */
  const boot = async (demo: boolean) =>
    startTestRuntime({
      dialect,
      demo,
      dataDir,
      ...(pg?.url ? { joinDatabaseUrl: pg.url } : {}),
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-copy-end-'));
    // PostgreSQL: the database is this test's, so that it outlives the first runtime.
    if (dialect === 'postgres') pg = await freshDatabase('postgres');
    t = await boot(true);
    const prepared = await prepareRedaction(t, dataDir, 2, 'proportio-copy-end-');
    vault = prepared.vault;
    [requests.a, requests.b] = prepared.requestIds as [string, string];
    api = await dpoApi(t);
    await renderCopy(api, requests.a);
    await renderCopy(api, requests.b);
  }, 1_500_000);

  afterAll(async () => {
    for (const m of [...(t?.rt.modules ?? [])].reverse()) await m.stop();
    await vault?.close();
    await t?.close();
    await pg?.drop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("closing a request deletes its copy at once, and no other request's", async () => {
    const [a, b] = [await job(requests.a), await job(requests.b)];
    expect(await copyFiles()).toEqual([`${a.id}.copy`, `${b.id}.copy`].sort());
    const closed = await api('POST', `/api/rights/requests/${requests.a}/close`, {
      reason: 'De bewoner trekt het verzoek in.',
    });
    expect(closed.status, closed.body).toBe(200);
    await waitFor(
      'the copy of the closed request is deleted',
      async () => (await job(requests.a)).copy === null,
      120_000,
    );
    expect((await job(requests.a)).copyDeleted?.reason).toBe('request-closed');
    expect(await copyFiles()).toEqual([`${b.id}.copy`]);
    const gone = await api('GET', `${jobUrl(requests.a)}/copy`);
    expect(gone.status).toBe(410);
    expect(code(gone)).toBe('REDACTION.COPY_GONE');
    const audit = await t.rt.store.read.audit.page({ limit: 10, action: 'redaction.copy-deleted' });
    expect(audit.map((e) => e.details)).toContainEqual({
      rightsRequestId: requests.a,
      reason: 'request-closed',
    });
    // The other request's copy is untouched and still downloads.
    expect((await job(requests.b)).copy).not.toBeNull();
    expect((await api('GET', `${jobUrl(requests.b)}/copy`)).status).toBe(200);
  });

  it('after a restart the copy is unreadable and deleted, and the job says so', async () => {
    const b = await job(requests.b);
    const sealed = await fs.readFile(path.join(copiesDir(), `${b.id}.copy`));
    await vault?.close();
    vault = undefined;
    await t.close();

    t = await boot(false);
    await t.rt.start();
    api = await dpoApi(t);
    expect(await copyFiles()).toEqual([]);
    const after = await job(requests.b);
    expect(after.copy).toBeNull();
    expect(after.copyDeleted?.reason).toBe('restart');
    expect(after.state).toBe('rendered');
    const gone = await api('GET', `${jobUrl(requests.b)}/copy`);
    expect(gone.status).toBe(410);
    expect(code(gone)).toBe('REDACTION.COPY_GONE');
    const audit = await t.rt.store.read.audit.page({ limit: 10, action: 'redaction.copy-deleted' });
    expect(audit.map((e) => e.details)).toContainEqual({ rightsRequestId: requests.b, reason: 'restart' });

    // Even kept, the old file would be no copy: a new process's key does not open it.
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-copy-end-key-'));
    try {
      await fs.writeFile(path.join(elsewhere, `${b.id}.copy`), sealed);
      expect(await openCopyVault(elsewhere).get(b.id)).toBeUndefined();
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });
});
