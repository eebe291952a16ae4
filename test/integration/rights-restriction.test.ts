/**
 * A resident's restriction (AVG art. 18) against what came before it, on both dialects, with real
 * four-eyes grants (vault under 2-of-3 custody, real age) and an injected clock:
 * - a viewing grant given before the restriction ends with it (art. 18(2)); a request still
 *   waiting for its second approval is refused it; a grant for a police report (legal claims) runs on;
 * - a clip the erasure request restricted first (while weighed, art. 18(1)(d)) is erased by that
 *   same request: its own restriction is released in the erasure's transaction. Another
 *   resident's restriction still keeps a clip.
 * And `send` records the letters that went out (docs/rights.md "Letters").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { ViewingRequestView } from '../../src/http/routes/footage/footage-schemas.js';
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

type Headers = Record<string, string>;
const WINDOW = { windowFrom: '2026-03-02T08:00:00Z', windowTo: '2026-03-02T12:00:00Z' };

describe.each(dialects)('restriction against earlier grants and later erasure (%s)', (dialect) => {
  let t: TestRuntime;
  let vault: CustodyVault | undefined;
  const clock = { now: () => new Date('2026-03-10T09:00:00Z') };
  const h = {} as Record<'bv' | 'fg' | 'auditor', Headers>;
  let roomId: string;

  const api = async (who: Headers, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: <T>() => res.json<T>() };
  };
  const code = (r: { body: string }) => (JSON.parse(r.body) as { code?: string }).code;
  /** A sealed clip in the first camera's room, inside the window. */
  const clip = async (id: string, minute: number) => {
    await sealTestClip(t, id, vault!.recipient, Buffer.alloc(30_000, id));
    const start = Date.parse('2026-03-02T09:00:00Z') + minute * 60_000;
    await t.rt.database.db
      .updateTable('clips')
      .set({ started_at: new Date(start).toISOString(), ended_at: new Date(start + 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
  };
  const viewingRequest = async (clipId: string, extra: object = {}) => {
    const r = await api(h.bv, 'POST', '/api/footage/requests', {
      clipId,
      reason: 'Onderzoek naar het incident bij de balie van dinsdag',
      legalGround: 'own-investigation',
      purposes: ['view'],
      ...extra,
    });
    expect(r.status, r.body).toBe(201);
    return r.json<ViewingRequestView>();
  };
  const approve = (who: Headers, id: string, passphrase: string) =>
    api(who, 'POST', `/api/footage/requests/${id}/approve`, { passphrase });
  const granted = async (clipId: string, extra: object = {}) => {
    const r = await viewingRequest(clipId, extra);
    expect((await approve(h.fg, r.id, FG_PASSPHRASE)).status).toBe(200);
    const g = await approve(h.bv, r.id, BV_PASSPHRASE);
    expect(g.status, g.body).toBe(200);
    expect(g.json<ViewingRequestView>().state).toBe('granted');
    return g.json<ViewingRequestView>();
  };
  const rightsRequest = async (kind: string) => {
    const r = await api(h.fg, 'POST', '/api/rights/requests', {
      kind,
      channel: 'desk',
      receivedAt: '2026-03-09T10:00:00Z',
      roomId,
      ...WINDOW,
      requesterContact: 'Dorpsstraat 1, Lindewaard',
      identityMethod: 'document-shown',
    });
    expect(r.status, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  };
  const link = async (id: string, clipIds: string[]) =>
    expect((await api(h.fg, 'POST', `/api/rights/requests/${id}/clips`, { clipIds })).status).toBe(200);
  const act = async (id: string, action: 'erase' | 'restrict') => {
    const r = await api(h.fg, 'POST', `/api/rights/requests/${id}/clip-actions`, { action });
    expect(r.status, r.body).toBe(200);
    return r.json<{ clipId: string; outcome: string | null; error?: string }[]>();
  };

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock,
      loginAttemptsPerMinute: 100_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    vault = await initCustodyVault(t, 'proportio-restriction-');
    roomId = (await t.rt.store.read.cameras.list())[0]!.roomId;
    h.bv = (await loginAs(t.app, 'beveiliging')).headers;
    h.fg = (await loginAs(t.app, 'fg')).headers;
    h.auditor = (await loginAs(t.app, 'auditor')).headers;
  }, 180_000);
  afterAll(async () => {
    await vault?.close();
    await t?.close();
  });

  it('a grant given before the restriction ends with it; a waiting request cannot be granted; a police grant runs on', async () => {
    await clip('gr-view', 0);
    const before = await granted('gr-view');
    const police = await granted('gr-view', {
      legalGround: 'police-report',
      policeReport: 'PL0900-2026-41',
      reason: 'Aangifte: de politie vraagt de beelden',
    });
    const waiting = await viewingRequest('gr-view');
    expect((await approve(h.fg, waiting.id, FG_PASSPHRASE)).status).toBe(200);
    // The grant works before the restriction.
    const first = await api(h.bv, 'POST', `/api/footage/grants/${before.grant!.id}/plays`, {});
    expect(first.status, first.body).toBe(201);

    const r = await rightsRequest('restriction');
    await link(r, ['gr-view']);
    expect(await act(r, 'restrict')).toMatchObject([{ clipId: 'gr-view', outcome: 'restricted' }]);

    const play = await api(h.bv, 'POST', `/api/footage/grants/${before.grant!.id}/plays`, {});
    expect([play.status, code(play)]).toEqual([409, 'FOOTAGE.GRANT_ENDED']);
    const ended = (await api(h.auditor, 'GET', `/api/footage/requests/${before.id}`)).json<
      ViewingRequestView & { endReason: string | null }
    >();
    expect(ended).toMatchObject({ state: 'ended', endReason: 'restricted' });
    const audit = await t.rt.store.read.audit.page({ limit: 50, action: 'viewing.ended' });
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ requestId: before.id, reason: 'restricted' }),
    );
    // The second approval of a request made before the restriction: refused, nothing granted.
    const second = await approve(h.bv, waiting.id, BV_PASSPHRASE);
    expect([second.status, code(second)]).toEqual([409, 'RIGHTS.CLIP_RESTRICTED']);
    expect(
      (await api(h.bv, 'GET', `/api/footage/requests/${waiting.id}`)).json<ViewingRequestView>().state,
    ).toBe('pending');
    // Legal claims (art. 18(2)): the police's grant runs on.
    const policePlay = await api(h.bv, 'POST', `/api/footage/grants/${police.grant!.id}/plays`, {});
    expect(policePlay.status, policePlay.body).toBe(201);
  });

  it("erases a clip the same request restricted first, releasing its own restriction; another resident's restriction still keeps a clip", async () => {
    await clip('er-own', 10);
    await clip('er-other', 20);
    const rec = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    const erasure = await rightsRequest('erasure');
    await link(erasure, ['er-own']);
    // While the erasure is weighed, the clip is restricted (art. 18(1)(d)).
    expect(await act(erasure, 'restrict')).toMatchObject([{ clipId: 'er-own', outcome: 'restricted' }]);
    expect(await rec.service.getClip('er-own')).toMatchObject({ status: 'sealed' });

    const erased = await act(erasure, 'erase');
    expect(erased).toEqual([{ clipId: 'er-own', outcome: 'erased', reason: null, policeReport: null }]);
    expect(await rec.service.getClip('er-own')).toMatchObject({
      status: 'deleted',
      deletedReason: 'erasure',
    });
    const holds = await t.rt.database.db
      .selectFrom('clip_holds')
      .select(['kind', 'request_id', 'released_at', 'release_reason'])
      .where('clip_id', '=', 'er-own')
      .execute();
    expect(holds).toEqual([
      expect.objectContaining({ kind: 'restriction', request_id: erasure, released_at: expect.any(String) }),
    ]);
    const released = await t.rt.store.read.audit.page({ limit: 10, subject: 'clip:er-own' });
    expect(released.map((a) => a.action)).toEqual(
      expect.arrayContaining(['clip.hold.placed', 'clip.hold.released', 'clip.deleted']),
    );
    // Nothing is left to erase.
    const again = await api(h.fg, 'POST', `/api/rights/requests/${erasure}/clip-actions`, {
      action: 'erase',
    });
    expect(code(again)).toBe('RIGHTS.CLIP_NOT_LINKED');

    // Another resident restricted er-other: this erasure leaves it, and says why.
    const restriction = await rightsRequest('restriction');
    await link(restriction, ['er-other']);
    await act(restriction, 'restrict');
    const other = await rightsRequest('erasure');
    await link(other, ['er-other']);
    expect(await act(other, 'erase')).toMatchObject([
      { clipId: 'er-other', outcome: null, error: 'HOLD.CLIP_HELD' },
    ]);
    expect(await rec.service.getClip('er-other')).toMatchObject({ status: 'sealed' });
    const live = await t.rt.database.db
      .selectFrom('clip_holds')
      .select('released_at')
      .where('clip_id', '=', 'er-other')
      .execute();
    expect(live).toEqual([{ released_at: null }]);
  });

  it('send records the letters that went out; the timeline names them', async () => {
    const r = await rightsRequest('access');
    const ext = await api(h.fg, 'POST', `/api/rights/requests/${r}/extend`, {
      reasons: 'veel opnamen van meerdere camera’s te beoordelen',
    });
    expect(ext.status, ext.body).toBe(200);
    await api(h.fg, 'POST', `/api/rights/requests/${r}/decide`, { decision: 'granted' });
    const bad = await api(h.fg, 'POST', `/api/rights/requests/${r}/send`, {
      letters: [{ language: 'fr', format: 'pdf' }],
    });
    expect([bad.status, code(bad)]).toEqual([400, 'REQUEST.INVALID']);
    const sent = await api(h.fg, 'POST', `/api/rights/requests/${r}/send`, {
      letters: [
        { language: 'nl', format: 'pdf' },
        { language: 'en', format: 'text' },
      ],
    });
    expect(sent.status, sent.body).toBe(200);
    const d = (await api(h.auditor, 'GET', `/api/rights/requests/${r}`)).json<{
      letters: { kind: string; language: string; format: string; sentOn: string; digest: string }[];
      events: { action: string; details: Record<string, unknown> }[];
    }>();
    expect(d.letters.map((l) => [l.kind, l.language, l.format, l.sentOn])).toEqual(
      expect.arrayContaining([
        ['extension', 'nl', 'pdf', '2026-03-10'],
        ['decision', 'nl', 'pdf', '2026-03-10'],
        ['decision', 'en', 'text', '2026-03-10'],
      ]),
    );
    expect(d.letters).toHaveLength(3);
    for (const l of d.letters) expect(l.digest).toMatch(/^[0-9a-f]{64}$/);
    // The digest is of the letter's text as sent: the text letter of today has the same one.
    const en = await t.app.inject({
      method: 'GET',
      url: `/api/rights/requests/${r}/letter?kind=decision&lang=en&format=text`,
      headers: h.fg,
    });
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(en.body).digest('hex')).toBe(
      d.letters.find((l) => l.kind === 'decision' && l.language === 'en')!.digest,
    );
    expect(d.events.find((e) => e.action === 'sent')?.details.letters).toEqual([
      { kind: 'decision', language: 'nl', format: 'pdf' },
      { kind: 'decision', language: 'en', format: 'text' },
    ]);
  });
});
