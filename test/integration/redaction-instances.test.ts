/**
 * A redacted copy with two instances on one PostgreSQL and one data folder (ADR 0011, ADR 0017):
 * the copy's key lives in the memory of the instance that rendered it (A).
 *
 * - B names A instead of calling the copy gone: download and delete answer 409
 *   REDACTION.HELD_ELSEWHERE with A's place.
 * - A restart of B ends only what B held: A's copy, its file and its record stay, and A still
 *   hands it out, byte for byte.
 * - Closing the request on B deletes the copy at once on A (A hears the close), once.
 */
import '../../src/adapters/db/schema-recording.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustodyVault } from '../support/custody-vault.js';
import { availableDialects } from '../support/databases.js';
import { FACE_MATERIAL } from '../support/face-clips.js';
import {
  dpoApi,
  jobOf,
  jobUrl,
  prepareRedaction,
  renderCopy,
  type RedactionApi,
} from '../support/redaction-fixture.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const ready =
  (await availableDialects()).includes('postgres') &&
  toolsAvailable('redacted copy on two instances', 'ffmpeg', 'ffprobe', 'age') &&
  testMaterialAvailable('redacted copy on two instances', FACE_MATERIAL);

const PORT_A = '18471';
const PORT_B = '18472';

describe.runIf(ready)('a redacted copy stays with the instance that made it', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  let vault: CustodyVault | undefined;
  let dataDir = '';
  let onA: RedactionApi;
  let onB: RedactionApi;
  let requestId = '';
  let jobId = '';
  let sha256 = '';

  const env = (port: string) => ({ PROPORTIO_MQTT_PORT: '-1', PROPORTIO_PORT: port });
  const bootB = () =>
    startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir,
      env: env(PORT_B),
    });
  const copyFile = () => path.join(dataDir, 'redaction', 'copies', `${jobId}.copy`);
  const exists = (f: string) =>
    fs.stat(f).then(
      () => true,
      () => false,
    );
  const problem = (r: { body: string }) => JSON.parse(r.body) as { code?: string; heldOn?: string };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-copy-instances-'));
    a = await startTestRuntime({ dialect: 'postgres', demo: true, dataDir, env: env(PORT_A) });
    b = await bootB();
    const prepared = await prepareRedaction(a, dataDir, 1, 'proportio-copy-instances-');
    vault = prepared.vault;
    requestId = prepared.requestIds[0]!;
    onA = await dpoApi(a);
    onB = await dpoApi(b);
    const done = await renderCopy(onA, requestId);
    jobId = done.id;
    sha256 = done.copy!.sha256;
  }, 1_500_000);

  afterAll(async () => {
    await vault?.close();
    await b?.close();
    await a?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('B names A for the download and the deletion, and changes nothing', async () => {
    expect((await jobOf(onB, requestId)).copy?.sha256).toBe(sha256);
    for (const [method, url] of [
      ['GET', `${jobUrl(requestId)}/copy`],
      ['DELETE', `${jobUrl(requestId)}/copy`],
    ] as const) {
      const r = await onB(method, url);
      expect(r.status, r.body).toBe(409);
      expect(problem(r).code).toBe('REDACTION.HELD_ELSEWHERE');
      expect(r.body).toContain(`:${PORT_A}`);
    }
    expect((await jobOf(onA, requestId)).copy?.sha256).toBe(sha256);
    expect(await exists(copyFile())).toBe(true);
  });

  it("a restart of B leaves A's copy alone; A still hands it out", async () => {
    await b.close();
    b = await bootB();
    await b.rt.start();
    onB = await dpoApi(b);
    expect(await exists(copyFile())).toBe(true);
    const job = await jobOf(onB, requestId);
    expect(job.copy?.sha256).toBe(sha256);
    expect(job.copyDeleted).toBeNull();
    const got = await a.app.inject({
      method: 'GET',
      url: `${jobUrl(requestId)}/copy`,
      headers: (await loginAs(a.app, 'fg')).headers,
    });
    expect(got.statusCode, got.body).toBe(200);
    expect(createHash('sha256').update(got.rawPayload).digest('hex')).toBe(sha256);
  });

  it('closing the request on B deletes the copy on A at once, once', async () => {
    const closed = await onB('POST', `/api/rights/requests/${requestId}/close`, {
      reason: 'De bewoner trekt het verzoek in.',
    });
    expect(closed.status, closed.body).toBe(200);
    await waitFor('A to delete its copy', async () => !(await exists(copyFile())), 120_000);
    const job = await jobOf(onA, requestId);
    expect(job.copy).toBeNull();
    expect(job.copyDeleted?.reason).toBe('request-closed');
    const audit = await a.rt.store.read.audit.page({ limit: 20, action: 'redaction.copy-deleted' });
    expect(audit.filter((e) => e.details.rightsRequestId === requestId)).toHaveLength(1);
  });
});
