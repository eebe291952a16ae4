/**
 * The evidence export through the real four-eyes grants (issue 10 §4 on top of §2), on both
 * dialects: a vault under 2-of-3 custody (`vault init`, real age), a real fMP4 sealed to it, a
 * request naming view and export on the ground police report, two custodians approving with their
 * passphrases, and the requester's POST /api/footage/grants/:id/export. The ZIP verifies (in
 * process, and once with `proportio export verify` in a child process), its clip.mp4 is the sealed
 * plaintext, its custody names who asked and who approved, and `clip.exported` is in the audit
 * log and the footage history. A view-only grant, someone else (even a custodian) and a revoked
 * grant are refused, and a refusal writes nothing. The clock is injected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipFiles } from '../../src/adapters/evidence/package.js';
import { verifyFiles } from '../../src/adapters/evidence/read-package.js';
import type { EvidenceManifest } from '../../src/core/evidence/manifest.js';
import type { ViewingRequestView } from '../../src/http/routes/footage/footage-schemas.js';
import { runCliProcess } from '../support/cli-process.js';
import {
  BV_PASSPHRASE,
  FG_PASSPHRASE,
  initCustodyVault,
  type CustodyVault,
} from '../support/custody-vault.js';
import { availableDialects } from '../support/databases.js';
import { tinyFmp4 } from '../support/evidence-source.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

const REASON = 'Aangifte van bedreiging aan de balie, de politie vraagt de beelden';
const POLICE_REPORT = 'PL0900-2026-4242';
const CLIP = 'clip-granted-export';

type Headers = Record<string, string>;

describe.each(dialects)('evidence export through real grants (%s)', (dialect) => {
  let t: TestRuntime;
  let vault: CustodyVault | undefined;
  let content: Buffer;
  let fingerprint: string;
  const clock = { now: () => new Date('2026-03-10T09:00:00Z') };
  const h = {} as Record<'bv' | 'fg' | 'auditor', Headers>;

  const api = async (who: Headers, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    return {
      status: res.statusCode,
      body: res.body,
      raw: res.rawPayload,
      headers: res.headers,
      json: <T>() => res.json<T>(),
    };
  };
  const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
  const head = async () => (await t.rt.store.read.audit.page({ limit: 1 }))[0]?.seq;
  const exported = async () => t.rt.store.read.audit.page({ limit: 50, action: 'clip.exported' });
  /** beveiliging asks; fg approves with her passphrase, then beveiliging with his: granted. */
  const granted = async (purposes: string[]) => {
    const r = await api(h.bv, 'POST', '/api/footage/requests', {
      clipId: CLIP,
      reason: REASON,
      legalGround: 'police-report',
      policeReport: POLICE_REPORT,
      purposes,
    });
    expect(r.status, r.body).toBe(201);
    const id = r.json<ViewingRequestView>().id;
    const first = await api(h.fg, 'POST', `/api/footage/requests/${id}/approve`, {
      passphrase: FG_PASSPHRASE,
    });
    expect(first.status, first.body).toBe(200);
    const second = await api(h.bv, 'POST', `/api/footage/requests/${id}/approve`, {
      passphrase: BV_PASSPHRASE,
    });
    expect(second.status, second.body).toBe(200);
    const v = second.json<ViewingRequestView>();
    expect([v.state, v.grant?.live, v.grant?.exportAllowed]).toEqual([
      'granted',
      true,
      purposes.includes('export'),
    ]);
    return { requestId: id, grantId: v.grant!.id };
  };
  const exportVia = (who: Headers, grantId: string, payload: object = {}) =>
    api(who, 'POST', `/api/footage/grants/${grantId}/export`, payload);
  const revoke = (requestId: string) =>
    api(h.bv, 'POST', `/api/footage/requests/${requestId}/revoke`, { reason: 'export klaar' });

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, clock, env: { PROPORTIO_MQTT_PORT: '-1' } });
    vault = await initCustodyVault(t, 'proportio-export-granted-');
    content = tinyFmp4();
    await sealTestClip(t, CLIP, vault.recipient, content);
    h.bv = (await loginAs(t.app, 'beveiliging')).headers;
    h.fg = (await loginAs(t.app, 'fg')).headers;
    h.auditor = (await loginAs(t.app, 'auditor')).headers;
    const key = await api({}, 'GET', '/api/public/evidence-key');
    fingerprint = key.json<{ fingerprint: string }>().fingerprint;
  }, 120_000);

  afterAll(async () => {
    await vault?.close();
    await t?.close();
  });

  it('a view-only grant is refused for export, and nothing is written', async () => {
    const { requestId, grantId } = await granted(['view']);
    const before = await head();
    const r = await exportVia(h.bv, grantId);
    expect([r.status, code(r)]).toEqual([422, 'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT']);
    expect(await head()).toBe(before);
    expect(await exported()).toEqual([]);
    expect((await revoke(requestId)).status).toBe(200);
  });

  it('requester exports through the real grant: the ZIP verifies, holds the sealed bytes, names its custody, is audited and in the history', async () => {
    const { requestId, grantId } = await granted(['view', 'export']);

    // Someone else, even a custodian who approved it, cannot export it; nothing is written.
    const before = await head();
    const stranger = await exportVia(h.fg, grantId);
    expect([stranger.status, code(stranger)]).toEqual([403, 'FOOTAGE.NOT_REQUESTER']);
    // A recipient that is no age key is refused too.
    const badRecipient = await exportVia(h.bv, grantId, { recipient: 'ssh-ed25519 AAAA' });
    expect([badRecipient.status, code(badRecipient)]).toEqual([422, 'EVIDENCE.RECIPIENT_INVALID']);
    expect(await head()).toBe(before);

    const res = await exportVia(h.bv, grantId);
    expect(res.status, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bewijsexport-.+\.zip"$/);
    const files = unzipFiles(res.raw)!;
    const v = verifyFiles(files, fingerprint);
    expect(v.ok && v.trusted).toBe(true);
    expect(files.get('clip.mp4')!.equals(content)).toBe(true);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as EvidenceManifest;
    expect(manifest.case).toMatchObject({
      grantId,
      requestId,
      legalGround: 'police-report',
      policeReport: POLICE_REPORT,
    });
    expect(manifest.custody.map((c) => [c.step, c.by])).toEqual([
      ['requested', 'Sanne de Vries (beveiliging)'],
      ['approved', 'Mr. Pieter Hoekstra (FG)'],
      ['approved', 'Sanne de Vries (beveiliging)'],
      // The grant is the second approval's doing.
      ['granted', 'Sanne de Vries (beveiliging)'],
      ['exported', 'Sanne de Vries (beveiliging)'],
    ]);

    const bv = (await t.rt.store.read.users.findByUsername('beveiliging'))!;
    const audited = await exported();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor: `user:${bv.id}`,
      subject: `clip:${CLIP}`,
      details: { grantId, requestId, exportId: manifest.exportId, recipient: 'none' },
    });

    const hist = await api(h.auditor, 'GET', `/api/footage/history?clipId=${CLIP}`);
    expect(hist.status, hist.body).toBe(200);
    const events = hist.json<Array<{ action: string; actor: { displayName: string } | null }>>();
    expect(events.filter((e) => e.action === 'clip.exported').map((e) => e.actor?.displayName)).toEqual([
      'Sanne de Vries (beveiliging)',
    ]);

    // The police's check: the CLI in a child process, offline, with the published fingerprint.
    const zipFile = path.join(vault!.outside, 'bewijsexport.zip');
    fs.writeFileSync(zipFile, res.raw);
    const cli = await runCliProcess(['export', 'verify', zipFile, '--fingerprint', fingerprint]);
    expect(cli.code, cli.stderr + cli.stdout).toBe(0);
    expect(cli.stdout).toContain('IN ORDE / VALID');

    // Revoked: the export is refused and nothing more is written.
    expect((await revoke(requestId)).status).toBe(200);
    const afterRevoke = await head();
    const refused = await exportVia(h.bv, grantId);
    expect([refused.status, code(refused)]).toEqual([409, 'FOOTAGE.GRANT_ENDED']);
    expect(await head()).toBe(afterRevoke);
    expect(await exported()).toHaveLength(1);
  });
});
