/**
 * A redacted copy to test what happens to it (ADR 0011, ADR 0017): a real 1-second clip with
 * faces (face-clips.ts) sealed under 2-of-3 custody, requests for access linked to it, and the
 * DPO's own four-eyes grant on the ground subject access. `render` makes a real copy for one
 * request: detection, an empty review, rendering.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { RedactionJobView } from '../../src/services/redaction.service.js';
import { BV_PASSPHRASE, FG_PASSPHRASE, initCustodyVault, type CustodyVault } from './custody-vault.js';
import { makeFaceClip } from './face-clips.js';
import { sealTestClip } from './sealed-clip.js';
import { loginAs, type TestRuntime } from './test-runtime.js';
import { waitFor } from './waiting.js';

export const REDACTION_CLIP = 'clip-faces';

type Headers = Record<string, string>;

export interface RedactionApi {
  (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<{ status: number; body: string; json<T>(): T }>;
}

/** The API as the DPO (fg) of runtime t, with a fresh login. */
export const dpoApi = async (t: TestRuntime): Promise<RedactionApi> => {
  const fg: Headers = (await loginAs(t.app, 'fg')).headers;
  return async (method, url, payload) => {
    const res = await t.app.inject({ method, url, headers: fg, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: <T>() => res.json<T>() };
  };
};

export const jobUrl = (requestId: string) => `/api/rights/requests/${requestId}/redactions/${REDACTION_CLIP}`;

export const jobOf = async (api: RedactionApi, requestId: string) =>
  (await api('GET', jobUrl(requestId))).json<RedactionJobView>();

/** Seals the clip in t's vault, opens `requests` requests for access on it and grants the DPO. */
export const prepareRedaction = async (
  t: TestRuntime,
  dataDir: string,
  requests: number,
  tempPrefix: string,
): Promise<{ vault: CustodyVault; requestIds: string[] }> => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const clip = await makeFaceClip(path.join(dataDir, 'faces.mp4'), { seconds: 1 });
  const vault = await initCustodyVault(t, tempPrefix);
  await sealTestClip(t, REDACTION_CLIP, vault.recipient, await fs.readFile(clip.file));
  const base = Date.now();
  await t.rt.database.db
    .updateTable('clips')
    .set({ started_at: iso(base - 60_000), ended_at: iso(base - 59_000) })
    .where('id', '=', REDACTION_CLIP)
    .execute();
  const api = await dpoApi(t);
  const bv = (await loginAs(t.app, 'beveiliging')).headers;
  const roomId = (await t.rt.store.read.cameras.list())[0]!.roomId;
  const requestIds: string[] = [];
  for (let i = 0; i < requests; i++) {
    const created = await api('POST', '/api/rights/requests', {
      kind: 'access',
      channel: 'post',
      receivedAt: iso(base - 600_000),
      roomId,
      windowFrom: iso(base - 3_600_000),
      windowTo: iso(base - 30_000),
      requesterContact: 'Postbus 1, Lindewaard',
      identityMethod: 'document-shown',
    });
    expect(created.status, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const linked = await api('POST', `/api/rights/requests/${id}/clips`, { clipIds: [REDACTION_CLIP] });
    expect(linked.status, linked.body).toBe(200);
    requestIds.push(id);
  }
  // The DPO's own grant on the ground subject access, approved by a second custodian, then by her.
  const asked = await api('POST', '/api/footage/requests', {
    clipId: REDACTION_CLIP,
    reason: 'Inzageverzoeken van inwoners: kopie met anderen onherkenbaar',
    legalGround: 'subject-access',
    purposes: ['view'],
  });
  expect(asked.status, asked.body).toBe(201);
  const viewing = asked.json<{ id: string }>().id;
  const bvApproved = await t.app.inject({
    method: 'POST',
    url: `/api/footage/requests/${viewing}/approve`,
    headers: bv,
    payload: { passphrase: BV_PASSPHRASE },
  });
  expect(bvApproved.statusCode, bvApproved.body).toBe(200);
  const granted = await api('POST', `/api/footage/requests/${viewing}/approve`, {
    passphrase: FG_PASSPHRASE,
  });
  expect(granted.json<{ state: string }>().state).toBe('granted');
  return { vault, requestIds };
};

/** Detects, reviews (no face kept) and renders the copy for one request; answers the finished job. */
export const renderCopy = async (api: RedactionApi, requestId: string): Promise<RedactionJobView> => {
  expect((await api('POST', `${jobUrl(requestId)}/detect`)).status).toBe(202);
  await waitFor('detection', async () => (await jobOf(api, requestId)).state !== 'detecting', 600_000);
  expect((await jobOf(api, requestId)).state).toBe('detected');
  const reviewed = await api('PUT', `${jobUrl(requestId)}/review`, {
    keepTrackIds: [],
    consentedTrackIds: [],
    edits: [],
  });
  expect(reviewed.status, reviewed.body).toBe(200);
  expect((await api('POST', `${jobUrl(requestId)}/render`)).status).toBe(202);
  await waitFor('render', async () => (await jobOf(api, requestId)).state !== 'rendering', 600_000);
  const done = await jobOf(api, requestId);
  expect(done.state, JSON.stringify(done.error)).toBe('rendered');
  expect(done.copy).not.toBeNull();
  return done;
};
