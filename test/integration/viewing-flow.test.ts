/**
 * Four-eyes viewing end to end, on both dialects (issue 10 §2): a vault under 2-of-3 custody made
 * by `vault init` (real age: two passphrases, one age key), a sealed clip, a request, approvals
 * over HTTP with a passphrase or an opened share, a play whose audit entry precedes its first byte,
 * and a stream identical to what was sealed. One custodian alone opens nothing; a wrong passphrase
 * changes nothing and is rate-limited; a grant opens only its clip and ends on expiry, plays used
 * up, revocation, logout and restart. Afterwards no share plaintext or identity is in the
 * database or any file of the data folder. The clock is injected: no test waits.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClipStore } from '../../src/adapters/vault/clip-store.js';
import { openShare, wipeShares } from '../../src/adapters/vault/custody.js';
import { grantStore } from '../../src/adapters/vault/grant-store.js';
import type { AgeIdentity } from '../../src/adapters/vault/keys.js';
import { encodeShareDocument } from '../../src/core/custody/share-document.js';
import { recordAudit } from '../../src/services/audit.service.js';
import type { ViewingModule } from '../../src/compose/viewing.compose.js';
import type { ViewingRequestView } from '../../src/http/routes/footage/footage-schemas.js';
import { packageRoot } from '../../src/main.js';
import {
  BV_PASSPHRASE,
  FG_PASSPHRASE,
  initCustodyVault,
  type CustodyVault,
} from '../support/custody-vault.js';
import { availableDialects } from '../support/databases.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

const FG = FG_PASSPHRASE;
const BV = BV_PASSPHRASE;
const REASON = 'Onderzoek naar het incident bij de balie van dinsdag';
const CONTENT = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `fragment ${i} of a sealed fMP4 stand-in\n`).join(''),
);
const OTHER = Buffer.from('the other clip of the same vault, never to be opened by this grant '.repeat(500));

type Headers = Record<string, string>;

describe.each(dialects)('four-eyes viewing (%s)', (dialect) => {
  let t: TestRuntime;
  let vault: CustodyVault | undefined;
  let outside: string;
  let secretaryKey: AgeIdentity;
  let recipient: string;
  let keyFile: string;
  let offset = 0;
  const clock = { now: () => new Date(Date.parse('2026-03-10T09:00:00Z') + offset) };
  const h = {} as Record<'bv' | 'fg' | 'sec' | 'auditor' | 'beheer' | 'bhv', Headers>;
  let mod: ViewingModule;
  /** Every log line the server wrote (pino, modules and HTTP). */
  const logged: string[] = [];

  const api = async (who: Headers, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: <T>() => res.json<T>(), headers: res.headers };
  };
  const request = async (clipId = 'clip-view', extra: object = {}) => {
    const r = await api(h.bv, 'POST', '/api/footage/requests', {
      clipId,
      reason: REASON,
      legalGround: 'own-investigation',
      purposes: ['view'],
      ...extra,
    });
    expect(r.status, r.body).toBe(201);
    return r.json<ViewingRequestView>();
  };
  const approve = (who: Headers, id: string, body: object) =>
    api(who, 'POST', `/api/footage/requests/${id}/approve`, body);
  /** fg with her passphrase, then beveiliging with his: granted. */
  const granted = async (extra: object = {}) => {
    const r = await request('clip-view', extra);
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
    const g = await approve(h.bv, r.id, { passphrase: BV });
    expect(g.status, g.body).toBe(200);
    const v = g.json<ViewingRequestView>();
    expect(v.state).toBe('granted');
    return v;
  };
  const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
  const audits = async (action: string) => t.rt.store.read.audit.page({ limit: 200, action });
  const head = async () => (await t.rt.store.read.audit.page({ limit: 1 }))[0]?.seq;
  const play = (who: Headers, grantId: string) =>
    api(who, 'POST', `/api/footage/grants/${grantId}/plays`, {});
  const fetchStream = (who: Headers, url: string) =>
    fetch(`${t.url}${url}`, { headers: { cookie: who.cookie! } });
  const sealedShare = async (username: string) => {
    const id = (await t.rt.store.read.users.findByUsername(username))!.id;
    const rows = await sql<{
      sealed: string;
    }>`SELECT sealed FROM vault_shares WHERE custodian_user_id = ${id} AND retired_at IS NULL`.execute(
      t.rt.database.db,
    );
    return Buffer.from(rows.rows[0]!.sealed, 'base64');
  };
  /** The secretary opens her share with her own age key, as the CLI does, and sends the document. */
  const secretaryShare = async (): Promise<string> => {
    const doc = await openShare(await sealedShare('secretaris'), { identities: [secretaryKey] });
    if (!doc.ok) throw new Error(doc.error.message);
    const bytes = Buffer.from(encodeShareDocument(doc.value.info, doc.value.share));
    wipeShares([doc.value]);
    return bytes.toString('base64');
  };

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      listen: true,
      clock,
      env: { PROPORTIO_MQTT_PORT: '-1', PROPORTIO_LOG_LEVEL: 'debug' },
      logStream: { write: (line) => void logged.push(line) },
    });
    mod = t.rt.modules.find((m) => m.name === 'viewing') as ViewingModule;
    vault = await initCustodyVault(t, 'proportio-viewing-');
    ({ outside, secretaryKey, keyFile, recipient } = vault);
    await sealTestClip(t, 'clip-view', recipient, CONTENT);
    await sealTestClip(t, 'clip-other', recipient, OTHER);
    h.bv = (await loginAs(t.app, 'beveiliging')).headers;
    h.fg = (await loginAs(t.app, 'fg')).headers;
    h.sec = (await loginAs(t.app, 'secretaris')).headers;
    h.auditor = (await loginAs(t.app, 'auditor')).headers;
    h.beheer = (await loginAs(t.app, 'beheer')).headers;
    h.bhv = (await loginAs(t.app, 'bhv')).headers;
  }, 120_000);

  afterAll(async () => {
    await vault?.close();
    await t?.close();
  });

  it('bad requests: a clear error and nothing stored', async () => {
    const before = await head();
    const cases: Array<[Headers, object, number, string]> = [
      [h.bv, { reason: 'kort' }, 422, 'FOOTAGE.REASON_INVALID'],
      [h.bv, { legalGround: 'police-report' }, 422, 'FOOTAGE.POLICE_REPORT_REQUIRED'],
      [h.bv, { purposes: ['view', 'export'] }, 422, 'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT'],
      [h.bv, { clipId: 'no-such-clip' }, 404, 'RESOURCE.NOT_FOUND'],
      [h.bv, { legalGround: 'because' }, 400, 'REQUEST.INVALID'],
      [h.sec, {}, 403, 'AUTH.FORBIDDEN'],
      [h.auditor, {}, 403, 'AUTH.FORBIDDEN'],
      [h.beheer, {}, 403, 'AUTH.FORBIDDEN'],
    ];
    for (const [who, extra, status, expected] of cases) {
      const r = await api(who, 'POST', '/api/footage/requests', {
        clipId: 'clip-view',
        reason: REASON,
        legalGround: 'own-investigation',
        purposes: ['view'],
        ...extra,
      });
      expect([r.status, code(r)], JSON.stringify(extra)).toEqual([status, expected]);
    }
    expect(await head()).toBe(before);
    expect((await api(h.auditor, 'GET', '/api/footage/requests')).json<unknown[]>()).toEqual([]);
  });

  it('request → one approval (no grant, nothing streams) → wrong passphrase (nothing changes) → second approval → play streams the sealed bytes, audited first', async () => {
    const r = await request();
    expect(r).toMatchObject({ state: 'pending', threshold: 2, approvals: [], grant: null, incidentId: 'i1' });
    expect(r.awaiting.map((p) => p.displayName).sort()).toEqual([
      'Drs. Anouk Jansen (gemeentesecretaris)',
      'Mr. Pieter Hoekstra (FG)',
      'Sanne de Vries (beveiliging)',
    ]);
    expect((await audits('viewing.requested'))[0]).toMatchObject({ subject: 'clip:clip-view' });

    // The requester cannot be the first to approve.
    const own = await approve(h.bv, r.id, { passphrase: BV });
    expect([own.status, code(own)]).toEqual([403, 'FOOTAGE.OWN_REQUEST_NEEDS_OTHER']);
    // Not a custodian (admin role may approve, but beheer holds no share).
    const notCustodian = await approve(h.beheer, r.id, { passphrase: FG });
    expect([notCustodian.status, code(notCustodian)]).toEqual([403, 'FOOTAGE.NOT_CUSTODIAN']);

    // A wrong passphrase: 422, no approval, no audit entry.
    const before = await head();
    const wrong = await approve(h.fg, r.id, { passphrase: 'niet de goede wachtwoordzin' });
    expect([wrong.status, code(wrong)]).toEqual([422, 'FOOTAGE.WRONG_PASSPHRASE']);
    expect(await head()).toBe(before);
    expect(
      (await api(h.fg, 'GET', `/api/footage/requests/${r.id}`)).json<ViewingRequestView>().approvals,
    ).toEqual([]);

    // One custodian: approval 1 of 2, no grant, nothing to play.
    const one = await approve(h.fg, r.id, { passphrase: FG });
    expect(one.status, one.body).toBe(200);
    const v1 = one.json<ViewingRequestView>();
    expect(v1).toMatchObject({ state: 'pending', grant: null });
    expect(v1.approvals.map((a) => a.by.displayName)).toEqual(['Mr. Pieter Hoekstra (FG)']);
    expect(v1.awaiting.map((p) => p.displayName)).not.toContain('Mr. Pieter Hoekstra (FG)');
    const twice = await approve(h.fg, r.id, { passphrase: FG });
    expect([twice.status, code(twice)]).toEqual([409, 'FOOTAGE.ALREADY_APPROVED']);
    expect((await play(h.bv, r.id)).status).toBe(404);
    expect(await audits('viewing.granted')).toEqual([]);

    // The second custodian (the requester himself, now that another approved): granted.
    const two = await approve(h.bv, r.id, { passphrase: BV });
    expect(two.status, two.body).toBe(200);
    const v2 = two.json<ViewingRequestView>();
    expect(v2.state).toBe('granted');
    expect(v2.grant).toMatchObject({ playsLeft: 5, exportAllowed: false, live: true });
    expect(Date.parse(v2.grant!.expiresAt) - Date.parse(v2.grant!.grantedAt)).toBe(3_600_000);
    const grantId = v2.grant!.id;

    // Only the requester plays: not a custodian, not the auditor, not an admin.
    expect([(await play(h.fg, grantId)).status, code(await play(h.fg, grantId))]).toEqual([
      403,
      'FOOTAGE.NOT_REQUESTER',
    ]);
    expect((await play(h.auditor, grantId)).status).toBe(403);
    expect((await play(h.beheer, grantId)).status).toBe(403);
    expect((await api(h.auditor, 'GET', `/api/footage/requests/${r.id}`)).status).toBe(200);

    const started = await play(h.bv, grantId);
    expect(started.status, started.body).toBe(201);
    const ticket = started.json<{ url: string; playsLeft: number; viewer: { displayName: string } }>();
    expect(ticket).toMatchObject({ playsLeft: 4, viewer: { displayName: 'Sanne de Vries (beveiliging)' } });

    // Another session cannot use the token; the requester's own can, and gets the sealed bytes.
    expect((await fetchStream(h.fg, ticket.url)).status).toBe(404);
    const res = await fetchStream(h.bv, ticket.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('inline');
    const reader = res.body!.getReader();
    const chunks: Buffer[] = [];
    const first = await reader.read();
    // The play is in the audit chain when the first byte arrives.
    const played = await audits('viewing.played');
    expect(played).toHaveLength(1);
    expect(played[0]).toMatchObject({
      subject: 'clip:clip-view',
      details: { grantId, play: 1, playsLeft: 4 },
    });
    chunks.push(Buffer.from(first.value!));
    for (;;) {
      const n = await reader.read();
      if (n.done) break;
      chunks.push(Buffer.from(n.value));
    }
    expect(Buffer.concat(chunks).equals(CONTENT)).toBe(true);

    // History: every step, with display names; an action it does not know shows generically.
    await t.rt.store.transaction((repos) =>
      recordAudit(repos, clock, { kind: 'system', name: 'test' }, 'clip.hold.placed', 'clip:clip-view', {
        until: '2026-06-01',
      }),
    );
    const hist = await api(h.auditor, 'GET', '/api/footage/history?incidentId=i1');
    expect(hist.status, hist.body).toBe(200);
    const events =
      hist.json<Array<{ action: string; actor: { displayName: string } | null; clipId: string }>>();
    const mine = events.filter((e) => e.clipId === 'clip-view').map((e) => e.action);
    expect(mine).toEqual(
      expect.arrayContaining([
        'viewing.requested',
        'viewing.approved',
        'viewing.granted',
        'viewing.played',
        'clip.hold.placed',
      ]),
    );
    expect(mine.indexOf('viewing.requested')).toBeLessThan(mine.indexOf('viewing.played'));
    expect(events.find((e) => e.action === 'viewing.played')?.actor?.displayName).toBe(
      'Sanne de Vries (beveiliging)',
    );
    expect(events.find((e) => e.action === 'clip.hold.placed')?.actor).toBeNull();
  });

  it('a custodian with an age key approves with the share opened on her side', async () => {
    const r = await request();
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
    const byPassphrase = await approve(h.sec, r.id, { passphrase: 'she has none' });
    expect([byPassphrase.status, code(byPassphrase)]).toEqual([422, 'FOOTAGE.SHARE_SEALED_TO_KEY']);
    const forged = await approve(h.sec, r.id, {
      share: Buffer.from('not a share at all').toString('base64'),
    });
    expect([forged.status, code(forged)]).toEqual([422, 'CUSTODY.SHARE_INVALID']);
    // fg's share presented by the secretary is not hers.
    const fgDoc = await openShare(await sealedShare('fg'), { passphrase: FG });
    if (!fgDoc.ok) throw new Error('fg share');
    const stolen = Buffer.from(encodeShareDocument(fgDoc.value.info, fgDoc.value.share)).toString('base64');
    wipeShares([fgDoc.value]);
    const wrongOwner = await approve(h.sec, r.id, { share: stolen });
    expect([wrongOwner.status, code(wrongOwner)]).toEqual([422, 'FOOTAGE.SHARE_MISMATCH']);
    const ok = await approve(h.sec, r.id, { share: await secretaryShare() });
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json<ViewingRequestView>().state).toBe('granted');
    const rev = await api(h.bv, 'POST', `/api/footage/requests/${r.id}/revoke`, { reason: 'klaar' });
    expect(rev.json<ViewingRequestView>()).toMatchObject({ state: 'revoked', endReason: 'revoked' });
  });

  it('a grant opens only its own clip: another clip of the same vault does not decrypt with its keys', async () => {
    const store = await openClipStore(path.join(t.dataDir, 'vault', 'clips'));
    const keys = grantStore(async () => store);
    const fg = await keys.holdSealed('r1', 'fg', await sealedShare('fg'), FG, 0);
    const bv = await keys.holdSealed('r1', 'bv', await sealedShare('beveiliging'), BV, 0);
    expect(fg.ok && bv.ok).toBe(true);
    const set = await sql<{
      generation: number;
      threshold: number;
      shares: number;
    }>`SELECT generation, threshold, shares FROM vault_shares WHERE retired_at IS NULL LIMIT 1`.execute(
      t.rt.database.db,
    );
    const s = set.rows[0]!;
    const g = await keys.grant({
      requestId: 'r1',
      custodianIds: ['fg', 'bv'],
      expect: {
        vault: recipient,
        current: {
          vault: recipient,
          generation: Number(s.generation),
          threshold: Number(s.threshold),
          shares: Number(s.shares),
        },
      },
      clipId: 'clip-view',
      manifestDigest: null,
      grantId: 'g1',
    });
    expect(g).toEqual({ ok: true, value: undefined });
    expect(keys.holds('r1', 'fg')).toBe(false);
    const own = await keys.plaintext('g1', 'clip-view');
    const pieces: Buffer[] = [];
    if (own.ok) for await (const b of own.value) pieces.push(b);
    expect(Buffer.concat(pieces).equals(CONTENT)).toBe(true);
    const other = await keys.plaintext('g1', 'clip-other');
    let failure = other.ok ? '' : other.error.code;
    if (other.ok)
      try {
        for await (const _ of other.value) void _;
      } catch (e) {
        failure = (e as { code?: string }).code ?? String(e);
      }
    expect(failure).toBe('VAULT.WRONG_KEY');
    keys.end('g1');
    const ended = await keys.plaintext('g1', 'clip-view');
    expect(ended.ok ? 'ok' : ended.error.code).toBe('FOOTAGE.GRANT_ENDED');
  });

  it('K-1 never grants: one approval lapses after 30 minutes and must be given again', async () => {
    const r = await request();
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
    offset += 31 * 60_000;
    const later = (await api(h.bv, 'GET', `/api/footage/requests/${r.id}`)).json<ViewingRequestView>();
    expect(later).toMatchObject({ state: 'pending', approvals: [] });
    // The requester cannot now be the first; fg confirms again and then it is complete.
    expect(code(await approve(h.bv, r.id, { passphrase: BV }))).toBe('FOOTAGE.OWN_REQUEST_NEEDS_OTHER');
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
    expect((await approve(h.bv, r.id, { passphrase: BV })).json<ViewingRequestView>().state).toBe('granted');
  });

  it('a grant ends when its hour is over', async () => {
    const v = await granted();
    offset += 60 * 60_000;
    const r = await play(h.bv, v.grant!.id);
    expect([r.status, code(r)]).toEqual([409, 'FOOTAGE.GRANT_ENDED']);
    const after = (await api(h.bv, 'GET', `/api/footage/requests/${v.id}`)).json<ViewingRequestView>();
    expect(after).toMatchObject({ state: 'ended', endReason: 'expired', grant: { live: false } });
    expect((await audits('viewing.ended')).some((e) => e.details.requestId === v.id)).toBe(true);
  });

  it('a grant ends when its plays are used up (after the last token lapsed)', async () => {
    const v = await granted();
    const urls: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await play(h.bv, v.grant!.id);
      expect(p.status, p.body).toBe(201);
      urls.push(p.json<{ url: string }>().url);
    }
    const sixth = await play(h.bv, v.grant!.id);
    expect([sixth.status, code(sixth)]).toEqual([409, 'FOOTAGE.GRANT_ENDED']);
    // The last token still plays within its minute.
    const last = await fetchStream(h.bv, urls[4]!);
    expect(last.status).toBe(200);
    expect(Buffer.from(await last.arrayBuffer()).equals(CONTENT)).toBe(true);
    offset += 61_000;
    expect((await fetchStream(h.bv, urls[4]!)).status).toBe(404);
    const after = (await api(h.bv, 'GET', `/api/footage/requests/${v.id}`)).json<ViewingRequestView>();
    expect(after).toMatchObject({
      state: 'ended',
      endReason: 'plays-used',
      grant: { playsLeft: 0, live: false },
    });
  });

  it('a grant ends when revoked, and on logout of the requester', async () => {
    const v = await granted();
    const stranger = await api(h.bhv, 'POST', `/api/footage/requests/${v.id}/revoke`, {
      reason: 'weg ermee',
    });
    expect(stranger.status).toBe(403);
    const p = (await play(h.bv, v.grant!.id)).json<{ url: string }>();
    const rev = await api(h.fg, 'POST', `/api/footage/requests/${v.id}/revoke`, {
      reason: 'niet meer nodig',
    });
    expect(rev.json<ViewingRequestView>()).toMatchObject({ state: 'revoked', grant: { live: false } });
    expect((await fetchStream(h.bv, p.url)).status).toBe(404);
    expect(code(await play(h.bv, v.grant!.id))).toBe('FOOTAGE.GRANT_ENDED');

    const w = await granted();
    const second = (await loginAs(t.app, 'beveiliging')).headers;
    const out = await api(second, 'POST', '/api/auth/logout', {});
    expect(out.status).toBeLessThan(300);
    // The logout's event is handled asynchronously; settle through the service's own queue.
    await mod.service.settle();
    const after = (await api(h.bv, 'GET', `/api/footage/requests/${w.id}`)).json<ViewingRequestView>();
    expect(after).toMatchObject({ state: 'ended', endReason: 'logout', grant: { live: false } });
  });

  it('the export helper gets the plaintext and the chain of custody of a live grant that named export, and nothing else', async () => {
    const actorOf = async (username: string) => {
      const u = (await t.rt.store.read.users.findByUsername(username))!;
      return { kind: 'user', userId: u.id, username, roles: u.roles, siteIds: u.siteIds } as const;
    };
    const bv = await actorOf('beveiliging');
    const viewOnly = await granted();
    const refusedView = await mod.evidence.forExport(viewOnly.grant!.id, bv);
    expect(refusedView.ok ? 'ok' : refusedView.error.code).toBe('FOOTAGE.EXPORT_NEEDS_POLICE_REPORT');
    const v = await granted({
      legalGround: 'police-report',
      policeReport: 'PL0900-2026-77',
      purposes: ['view', 'export'],
    });
    expect(v.grant?.exportAllowed).toBe(true);
    const notMine = await mod.evidence.forExport(v.grant!.id, await actorOf('fg'));
    expect(notMine.ok ? 'ok' : notMine.error.code).toBe('FOOTAGE.NOT_REQUESTER');
    const before = await head();
    const e = await mod.evidence.forExport(v.grant!.id, bv);
    if (!e.ok) throw new Error(e.error.message);
    expect(e.value).toMatchObject({
      requestId: v.id,
      legalGround: 'police-report',
      policeReport: 'PL0900-2026-77',
    });
    expect(e.value.clip.id).toBe('clip-view');
    expect(e.value.custody.map((c) => [c.step, c.by])).toEqual([
      ['requested', 'Sanne de Vries (beveiliging)'],
      ['approved', 'Mr. Pieter Hoekstra (FG)'],
      ['approved', 'Sanne de Vries (beveiliging)'],
      ['granted', 'Sanne de Vries (beveiliging)'],
    ]);
    const pieces: Buffer[] = [];
    for await (const b of e.value.plaintext()) pieces.push(b);
    expect(Buffer.concat(pieces).equals(CONTENT)).toBe(true);
    expect(await head()).toBe(before); // the export audits, not this
    await api(h.bv, 'POST', `/api/footage/requests/${v.id}/revoke`, { reason: 'export klaar' });
    const ended = await mod.evidence.forExport(v.grant!.id, bv);
    expect(ended.ok ? 'ok' : ended.error.code).toBe('FOOTAGE.GRANT_ENDED');
    await api(h.bv, 'POST', `/api/footage/requests/${viewOnly.id}/revoke`, { reason: 'klaar' });
  });

  it('CLI (child process): footage requests lists; footage approve opens an age-key share locally and sends it', async () => {
    const r = await request();
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: h.sec,
        payload: { name: 'cli' },
      })
    ).json<{ token: string }>().token;
    const shareFile = path.join(outside, 'secretaris-share.age');
    await writeFile(shareFile, await sealedShare('secretaris'));
    const cli = async (...args: string[]) => {
      try {
        const o = await promisify(execFile)(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(packageRoot(), 'src/cli/run.ts'),
            ...args,
            '--url',
            t.url!,
            '--token',
            token,
          ],
          { cwd: packageRoot(), env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent' } },
        );
        return { code: 0, out: o.stdout, err: o.stderr };
      } catch (e) {
        const x = e as { code: number; stdout: string; stderr: string };
        return { code: x.code, out: x.stdout, err: x.stderr };
      }
    };
    const listed = await cli('footage', 'requests', '--awaiting-me', '--json');
    expect(listed.code, listed.err).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ id: string }>).map((x) => x.id)).toContain(r.id);
    const noKey = await cli('footage', 'approve', r.id, '--share', shareFile);
    expect(noKey.code).not.toBe(0);
    expect(noKey.err).toContain('--share-identity');
    const ok = await cli('footage', 'approve', r.id, '--share', shareFile, '--identity', keyFile);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('granted');
    const after = (await api(h.bv, 'GET', `/api/footage/requests/${r.id}`)).json<ViewingRequestView>();
    expect(after.state).toBe('granted');
    expect(after.approvals.map((a) => a.by.displayName).sort()).toEqual([
      'Drs. Anouk Jansen (gemeentesecretaris)',
      'Mr. Pieter Hoekstra (FG)',
    ]);
    await api(h.bv, 'POST', `/api/footage/requests/${r.id}/revoke`, { reason: 'klaar' });
  });

  it('refusal closes a request; nobody approves it after', async () => {
    const r = await request();
    const nonCustodian = await api(h.beheer, 'POST', `/api/footage/requests/${r.id}/refuse`, {
      reason: 'nee',
    });
    expect(code(nonCustodian)).toBe('FOOTAGE.NOT_CUSTODIAN');
    const ref = await api(h.fg, 'POST', `/api/footage/requests/${r.id}/refuse`, { reason: 'geen grond' });
    expect(ref.json<ViewingRequestView>()).toMatchObject({
      state: 'refused',
      refusal: { reason: 'geen grond', by: { displayName: 'Mr. Pieter Hoekstra (FG)' } },
    });
    expect(code(await approve(h.fg, r.id, { passphrase: FG }))).toBe('FOOTAGE.REQUEST_CLOSED');
  });

  it('five wrong passphrases in 15 minutes lock the custodian out, even with the right one; nothing changes', async () => {
    const r = await request();
    const before = await head();
    for (let i = 0; i < 5; i++)
      expect(code(await approve(h.fg, r.id, { passphrase: `fout ${i} fout fout` }))).toBe(
        'FOOTAGE.WRONG_PASSPHRASE',
      );
    const locked = await approve(h.fg, r.id, { passphrase: FG });
    expect([locked.status, code(locked)]).toEqual([429, 'FOOTAGE.TOO_MANY_ATTEMPTS']);
    expect(await head()).toBe(before);
    offset += 16 * 60_000;
    expect((await approve(h.fg, r.id, { passphrase: FG })).status).toBe(200);
  });

  it('after all this, no share plaintext, passphrase or identity is in the database, the logs or any file of the data folder', async () => {
    const markers = ['proportio-vault-share/1', 'AGE-SECRET-KEY-1', FG, BV];
    // The share bytes themselves, as hex and base64 (opened here, only to search for them).
    for (const [u, key] of [
      ['fg', { passphrase: FG }],
      ['beveiliging', { passphrase: BV }],
    ] as const) {
      const d = await openShare(await sealedShare(u), key);
      if (!d.ok) throw new Error(u);
      markers.push(Buffer.from(d.value.share).toString('hex'), Buffer.from(d.value.share).toString('base64'));
      wipeShares([d.value]);
    }
    const found: string[] = [];
    const tables =
      dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
              t.rt.database.db,
            )
          ).rows
        : (
            await sql<{
              name: string;
            }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
              t.rt.database.db,
            )
          ).rows;
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(['viewing_requests', 'viewing_approvals']),
    );
    for (const { name } of tables) {
      const rows = (
        await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(t.rt.database.db)
      ).rows;
      const text = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
      for (const m of markers) if (text.includes(m)) found.push(`table ${name}: ${m.slice(0, 12)}`);
    }
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = path.join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
    for (const f of walk(t.dataDir)) {
      const text = readFileSync(f).toString('latin1');
      for (const m of markers)
        if (text.includes(m)) found.push(`${path.relative(t.dataDir, f)}: ${m.slice(0, 12)}`);
    }
    // The logs: they did record the approvals (so this search could find something) …
    const log = logged.join('');
    expect(log).toContain('/approve');
    // … and the secretary's share, sent by the CLI and by the test, is in no log line either.
    const sec = await openShare(await sealedShare('secretaris'), { identities: [secretaryKey] });
    if (!sec.ok) throw new Error('secretaris');
    const secBytes = Buffer.from(encodeShareDocument(sec.value.info, sec.value.share));
    markers.push(secBytes.toString('base64').slice(0, 40), Buffer.from(sec.value.share).toString('hex'));
    wipeShares([sec.value]);
    for (const m of markers) if (log.includes(m)) found.push(`log: ${m.slice(0, 12)}`);
    expect(found).toEqual([]);
    expect(await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).toContain('age1');
  });

  it('a restart ends every grant (its keys were only in memory)', async () => {
    const v = await granted();
    await mod.stop(); // wipes every key the process held, as a restart does
    const after = (await api(h.bv, 'GET', `/api/footage/requests/${v.id}`)).json<ViewingRequestView>();
    expect(after).toMatchObject({ state: 'ended', endReason: 'restart', grant: { live: false } });
    expect(code(await play(h.bv, v.grant!.id))).toBe('FOOTAGE.GRANT_ENDED');
  });
});
