/**
 * Residents' requests (issue 12 §1) over real HTTP on both dialects, with an injected clock: the
 * register and its deadlines, the steps, bad input that changes nothing, who may see what, and
 * the footage a request points to — linked, erased (crypto-shred) or refused under a legal hold
 * for a police report, or restricted (art. 18) with a restriction hold.
 */
import { execFileSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { SYSTEM, TEST_PASSWORD, demoSites, loggedInUser } from '../support/two-sites.js';

const dialects = await availableDialects();

interface Req {
  id: string;
  status: string;
  receivedOn: string;
  deadline: { status: string; dueOn: string; daysLeft: number; onTime?: boolean };
  extensionNotifiedOn: string | null;
  answeredOn: string | null;
  decision: string | null;
  actions: string[];
}

describe.each(dialects)("residents' requests (%s)", (dialect) => {
  let t: TestRuntime;
  let at = Date.parse('2026-03-10T12:00:00Z');
  const clock = { now: () => new Date(at) };
  const identity = generateIdentity();
  let roomId: string;
  let otherRoomId: string;
  const brinkFg = 'brink-fg';

  const api = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: (await loginAs(t.app, who, who.startsWith('brink-') ? TEST_PASSWORD : undefined)).headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const newRequest = (over: object = {}) => ({
    kind: 'access',
    channel: 'desk',
    receivedAt: '2026-03-09T23:30:00Z',
    roomId,
    windowFrom: '2026-03-02T09:00:00+01:00',
    windowTo: '2026-03-02T11:00:00+01:00',
    recognition: 'rode jas',
    requesterName: 'J. Jansen',
    requesterContact: 'Dorpsstraat 1, Lindewaard',
    identityMethod: 'document-shown',
    identityNote: 'rijbewijs getoond, niet gekopieerd',
    ...over,
  });
  const create = async (over: object = {}) => {
    const res = await api('POST', '/api/rights/requests', 'fg', newRequest(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Req>();
  };
  /** A sealed clip of the first camera's room, recorded between these instants. */
  const clip = async (id: string, startedAt: string, endedAt: string) => {
    await sealTestClip(t, id, identity.recipient.text, Buffer.alloc(40_000, id));
    await t.rt.database.db
      .updateTable('clips')
      .set({ started_at: startedAt, ended_at: endedAt })
      .where('id', '=', id)
      .execute();
  };
  const rows = async (table: 'subject_requests' | 'subject_request_events' | 'request_clips') =>
    Number(
      (
        await t.rt.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock,
      loginAttemptsPerMinute: 100_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    const camera = (await t.rt.store.read.cameras.list())[0]!;
    roomId = camera.roomId;
    const room = (await t.rt.store.read.rooms.get(roomId))!;
    otherRoomId = (await t.rt.store.read.rooms.list({ siteId: room.siteId })).find(
      (r) => r.id !== roomId,
    )!.id;
    const { stadhuis, brink } = await demoSites(t);
    const other = room.siteId === stadhuis.id ? brink : stadhuis;
    await loggedInUser(t, brinkFg, ['dpo'], [other.id]);
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers a request with its deadline counted from the day of receipt in Amsterdam', async () => {
    const r = await create();
    // 23:30 UTC on 9 March is 10 March in Amsterdam; one month later is Friday 10 April 2026, a working day.
    expect(r).toMatchObject({ status: 'received', receivedOn: '2026-03-10' });
    expect(r.deadline).toMatchObject({ status: 'open', dueOn: '2026-04-10', daysLeft: 31 });
    const list = await api('GET', '/api/rights/requests?open=true', 'auditor');
    expect(list.statusCode).toBe(200);
    expect(list.json<Req[]>().map((x) => x.id)).toContain(r.id);
    const audit = await t.rt.store.read.audit.page({ limit: 10, subject: `rights-request:${r.id}` });
    expect(audit.map((a) => a.action)).toEqual(['rights.request.received']);
    // The audit chain cannot be erased: it names no requester, contact or recognition note.
    expect(JSON.stringify(audit)).not.toMatch(/Jansen|Dorpsstraat|rode jas|rijbewijs/);
  });

  it('bad input: a clear error, nothing written', async () => {
    const before = [await rows('subject_requests'), await rows('subject_request_events')];
    // A refusal of a field names the field and the rule it broke (the UI words the rule).
    const cases: [object, number, string, { field: string; rule: string } | undefined][] = [
      [{ kind: 'deletion' }, 400, 'REQUEST.INVALID', undefined],
      [{ idCopy: 'data:image/png;base64,AAAA' }, 400, 'REQUEST.INVALID', undefined],
      [
        { windowTo: '2026-03-02T08:00:00+01:00' },
        422,
        'RIGHTS.INVALID',
        { field: 'windowTo', rule: 'ends-before-start' },
      ],
      [
        { windowFrom: '2026-01-01T00:00:00Z' },
        422,
        'RIGHTS.INVALID',
        { field: 'windowTo', rule: 'span-too-long' },
      ],
      [
        { identityNote: 'paspoort NW1234567' },
        422,
        'RIGHTS.INVALID',
        { field: 'identityNote', rule: 'identity-number' },
      ],
      [{ requesterContact: ' ' }, 422, 'RIGHTS.INVALID', { field: 'requesterContact', rule: 'required' }],
      [{ roomId: 'no-such-room' }, 422, 'RIGHTS.INVALID', { field: 'roomId', rule: 'unknown-reference' }],
      [
        { receivedAt: '2026-04-01T00:00:00Z' },
        422,
        'RIGHTS.INVALID',
        { field: 'receivedAt', rule: 'not-in-future' },
      ],
    ];
    for (const [over, status, code, fieldError] of cases) {
      const res = await api('POST', '/api/rights/requests', 'fg', newRequest(over));
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(status);
      const body = res.json<{ code: string; errors?: { field: string; rule?: string }[] }>();
      expect(body.code).toBe(code);
      if (fieldError !== undefined) expect(body.errors).toEqual([expect.objectContaining(fieldError)]);
    }
    // Only the privacy officer registers; a DPO of the other site cannot name this room.
    const balie = await api('POST', '/api/rights/requests', 'balie', newRequest());
    expect(balie.statusCode).toBe(403);
    const other = await api('POST', '/api/rights/requests', brinkFg, newRequest());
    expect(other.statusCode).toBe(422);
    expect([await rows('subject_requests'), await rows('subject_request_events')]).toEqual(before);
  });

  it('extends within the first month, decides, sends and closes; late and out-of-order steps are refused', async () => {
    const r = await create({ kind: 'access' });
    expect((await api('POST', `/api/rights/requests/${r.id}/send`, 'fg', {})).json()).toMatchObject({
      code: 'RIGHTS.TRANSITION',
    });
    const started = await api('POST', `/api/rights/requests/${r.id}/start`, 'fg', {});
    expect(started.json<Req>().status).toBe('in-progress');
    const ext = await api('POST', `/api/rights/requests/${r.id}/extend`, 'fg', {
      reasons: 'veel opnamen van meerdere camera’s te beoordelen',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json<Req>()).toMatchObject({ extensionNotifiedOn: '2026-03-10' });
    expect(ext.json<Req>().deadline.dueOn).toBe('2026-06-10');
    const again = await api('POST', `/api/rights/requests/${r.id}/extend`, 'fg', {
      reasons: 'nog een keer verlengen',
    });
    expect(again.json<{ code: string }>().code).toBe('RIGHTS.ALREADY_EXTENDED');
    const refused = await api('POST', `/api/rights/requests/${r.id}/decide`, 'fg', { decision: 'refused' });
    expect(refused.statusCode).toBe(422);
    const decided = await api('POST', `/api/rights/requests/${r.id}/decide`, 'fg', { decision: 'granted' });
    expect(decided.json<Req>()).toMatchObject({ status: 'decided', decision: 'granted' });
    const sent = await api('POST', `/api/rights/requests/${r.id}/send`, 'fg', {});
    expect(sent.json<Req>()).toMatchObject({ status: 'sent', answeredOn: '2026-03-10' });
    expect(sent.json<Req>().deadline).toMatchObject({ status: 'answered', onTime: true });
    const closed = await api('POST', `/api/rights/requests/${r.id}/close`, 'fg', {});
    expect(closed.json<Req>().status).toBe('closed');
    const detail = await api('GET', `/api/rights/requests/${r.id}`, 'auditor');
    expect(detail.json<{ events: { action: string }[] }>().events.map((e) => e.action)).toEqual([
      'received',
      'started',
      'extended',
      'decided',
      'sent',
      'closed',
    ]);
    // A late extension: received 35 days ago.
    const late = await create({
      receivedAt: '2026-02-03T10:00:00Z',
      windowFrom: '2026-02-02T09:00:00Z',
      windowTo: '2026-02-02T10:00:00Z',
    });
    expect(late.deadline.status).toBe('overdue');
    const lateExt = await api('POST', `/api/rights/requests/${late.id}/extend`, 'fg', {
      reasons: 'te laat aangekondigd',
    });
    expect(lateExt.statusCode).toBe(409);
    expect(lateExt.json<{ code: string }>().code).toBe('RIGHTS.EXTENSION_LATE');
    const overdue = await api('GET', '/api/rights/requests?deadline=overdue', 'fg');
    expect(overdue.json<Req[]>().map((x) => x.id)).toEqual([late.id]);
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: (await loginAs(t.app, 'auditor')).headers,
    });
    expect(metrics.body).toMatch(/^proportio_rights_requests_overdue 1$/m);
  });

  it('who sees the register: the DPO and the auditor, not the front desk, not another site', async () => {
    const r = await create();
    expect((await api('GET', '/api/rights/requests', 'balie')).statusCode).toBe(403);
    expect((await api('GET', `/api/rights/requests/${r.id}`, 'beveiliging')).statusCode).toBe(403);
    expect((await api('GET', `/api/rights/requests/${r.id}`, brinkFg)).statusCode).toBe(404);
    expect((await api('GET', '/api/rights/requests', brinkFg)).json<Req[]>()).toEqual([]);
    expect((await api('POST', `/api/rights/requests/${r.id}/start`, 'auditor', {})).statusCode).toBe(403);
  });

  it('erasure: finds the clips of the room and window, erases them, refuses one a police hold keeps', async () => {
    await clip('er-in', '2026-03-02T08:30:00.000Z', '2026-03-02T08:31:00.000Z');
    await clip('er-held', '2026-03-02T09:10:00.000Z', '2026-03-02T09:11:00.000Z');
    await clip('er-before', '2026-03-02T07:00:00.000Z', '2026-03-02T07:01:00.000Z');
    const rec = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    const hold = await rec.holds.place(SYSTEM, 'er-held', {
      reason: 'aangifte na bedreiging',
      policeReport: 'PL0900-2026-77',
      until: '2026-06-01',
    });
    expect(hold.ok).toBe(true);
    const r = await create({ kind: 'erasure' });
    const found = await api('GET', `/api/rights/requests/${r.id}/findings`, 'fg');
    expect(found.statusCode, found.body).toBe(200);
    const f = found.json<{ clips: { id: string; legalHold: boolean; policeReport: string | null }[] }>();
    expect(f.clips.map((c) => c.id).sort()).toEqual(['er-held', 'er-in']);
    expect(f.clips.find((c) => c.id === 'er-held')).toMatchObject({
      legalHold: true,
      policeReport: 'PL0900-2026-77',
    });

    const outside = await api('POST', `/api/rights/requests/${r.id}/clips`, 'fg', { clipIds: ['er-before'] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ code: string }>().code).toBe('RIGHTS.CLIP_OUTSIDE_WINDOW');
    expect(await rows('request_clips')).toBe(0);
    const restrictAccess = await api('POST', `/api/rights/requests/${r.id}/clip-actions`, 'fg', {
      action: 'restrict',
    });
    expect(restrictAccess.json<{ code: string }>().code).toBe('RIGHTS.CLIP_NOT_LINKED');

    const linked = await api('POST', `/api/rights/requests/${r.id}/clips`, 'fg', {
      clipIds: ['er-in', 'er-held'],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const acted = await api('POST', `/api/rights/requests/${r.id}/clip-actions`, 'fg', { action: 'erase' });
    expect(acted.statusCode, acted.body).toBe(200);
    const results = acted.json<{ clipId: string; outcome: string; policeReport: string | null }[]>();
    expect(results.find((x) => x.clipId === 'er-in')).toMatchObject({ outcome: 'erased' });
    expect(results.find((x) => x.clipId === 'er-held')).toMatchObject({
      outcome: 'refused-hold',
      policeReport: 'PL0900-2026-77',
    });
    expect(await rec.service.getClip('er-in')).toMatchObject({ status: 'deleted', deletedReason: 'erasure' });
    expect(await rec.service.getClip('er-held')).toMatchObject({ status: 'sealed' });
    const clipsDir = path.join(t.dataDir, 'vault', 'clips');
    expect(await readdir(clipsDir)).not.toContain('er-in');
    const audit = await t.rt.store.read.audit.page({ limit: 20, subject: 'clip:er-in' });
    expect(audit.map((a) => a.action)).toContain('clip.deleted');
  });

  it('restriction: a restriction hold keeps the clip; access requests cannot act on clips', async () => {
    await clip('rs-in', '2026-03-03T08:30:00.000Z', '2026-03-03T08:31:00.000Z');
    const window = { windowFrom: '2026-03-03T08:00:00Z', windowTo: '2026-03-03T09:00:00Z' };
    const access = await create({ kind: 'access', ...window });
    await api('POST', `/api/rights/requests/${access.id}/clips`, 'fg', { clipIds: ['rs-in'] });
    const wrong = await api('POST', `/api/rights/requests/${access.id}/clip-actions`, 'fg', {
      action: 'erase',
    });
    expect(wrong.json<{ code: string }>().code).toBe('RIGHTS.CLIP_ACTION_KIND');
    const r = await create({ kind: 'restriction', ...window });
    await api('POST', `/api/rights/requests/${r.id}/clips`, 'fg', { clipIds: ['rs-in'] });
    const acted = await api('POST', `/api/rights/requests/${r.id}/clip-actions`, 'fg', {
      action: 'restrict',
    });
    expect(acted.json<{ outcome: string }[]>()).toMatchObject([{ outcome: 'restricted' }]);
    const found = await api('GET', `/api/rights/requests/${r.id}/findings`, 'fg');
    expect(
      found.json<{ clips: { id: string; restricted: boolean; legalHold: boolean }[] }>().clips,
    ).toMatchObject([{ id: 'rs-in', restricted: true, legalHold: false }]);
    const holds = await api('GET', '/api/recording/clips/rs-in/holds', 'fg');
    expect(holds.json<{ held: boolean }>().held).toBe(true);
    // Kept, not viewed (art. 18(2)): a viewing request is refused unless it is for legal claims.
    const view = await api('POST', '/api/footage/requests', 'fg', {
      clipId: 'rs-in',
      reason: 'inzageverzoek van een andere bewoner beoordelen',
      legalGround: 'subject-access',
      purposes: ['view'],
    });
    expect(view.statusCode, view.body).toBe(409);
    expect(view.json<{ code: string }>().code).toBe('RIGHTS.CLIP_RESTRICTED');
    const police = await api('POST', '/api/footage/requests', 'fg', {
      clipId: 'rs-in',
      reason: 'aangifte: beelden nodig voor de politie',
      legalGround: 'police-report',
      policeReport: 'PL0900-2026-88',
      purposes: ['view'],
    });
    expect(police.json<{ code?: string }>().code).not.toBe('RIGHTS.CLIP_RESTRICTED');
    // The other room's request does not see it.
    const elsewhere = await create({ roomId: otherRoomId, ...window });
    const none = await api('GET', `/api/rights/requests/${elsewhere.id}/findings`, 'fg');
    expect(none.json<{ clips: unknown[] }>().clips).toEqual([]);
  });

  it.runIf(toolsAvailable('rights letters', 'pdftotext'))(
    'decision letters in Dutch and English (PDF and text) state the deadline, the hold and the remedies',
    async () => {
      await clip('lt-held', '2026-03-04T08:30:00.000Z', '2026-03-04T08:31:00.000Z');
      const rec = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
      await rec.holds.place(SYSTEM, 'lt-held', {
        reason: 'aangifte na bedreiging',
        policeReport: 'PL0900-2026-99',
        until: '2026-06-01',
      });
      const r = await create({
        kind: 'erasure',
        windowFrom: '2026-03-04T08:00:00Z',
        windowTo: '2026-03-04T09:00:00Z',
      });
      const early = await api('GET', `/api/rights/requests/${r.id}/letter?kind=decision`, 'fg');
      expect(early.statusCode).toBe(409);
      await api('POST', `/api/rights/requests/${r.id}/clips`, 'fg', { clipIds: ['lt-held'] });
      await api('POST', `/api/rights/requests/${r.id}/clip-actions`, 'fg', { action: 'erase' });
      await api('POST', `/api/rights/requests/${r.id}/decide`, 'fg', {
        decision: 'refused',
        reasons: 'De opname is nodig voor een aangifte bij de politie.',
      });
      const pdf = await api('GET', `/api/rights/requests/${r.id}/letter?kind=decision&lang=nl`, 'fg');
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const file = path.join(t.dataDir, 'letter.pdf');
      await writeFile(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
      expect(text).toContain('uiterlijk 10 april 2026');
      expect(text).toContain('Autoriteit Persoonsgegevens (artikel 77 AVG)');
      expect(text).toContain('bestuursrechter');
      expect(text).toContain('PL0900-2026-99');
      expect(text).toContain('artikel 17, derde lid, onder e, AVG');
      const en = await api(
        'GET',
        `/api/rights/requests/${r.id}/letter?kind=decision&lang=en&format=text`,
        'auditor',
      );
      expect(en.headers['content-type']).toContain('text/plain');
      expect(en.body).toContain('The deadline for our decision was 10 April 2026');
      expect(en.body).toContain('Article 77 GDPR');
      expect(en.body).not.toContain('AVG');
      const noExt = await api('GET', `/api/rights/requests/${r.id}/letter?kind=extension`, 'fg');
      expect(noExt.json<{ code: string }>().code).toBe('RIGHTS.TRANSITION');
      expect(
        (await api('GET', `/api/rights/requests/${r.id}/letter?kind=decision`, 'balie')).statusCode,
      ).toBe(403);
    },
  );

  it('erases contact details six months after closing, keeps the register entry', async () => {
    const r = await create();
    await api('POST', `/api/rights/requests/${r.id}/close`, 'fg', { reason: 'ingetrokken door de bewoner' });
    const rights = t.rt.modules.find((m) => m.name === 'rights') as unknown as {
      service: { eraseContacts(): Promise<string[]> };
    };
    expect(await rights.service.eraseContacts()).not.toContain(r.id);
    at += 184 * 86_400_000;
    expect(await rights.service.eraseContacts()).toContain(r.id);
    const d = (await api('GET', `/api/rights/requests/${r.id}`, 'fg')).json<{
      request: Record<string, unknown>;
    }>();
    expect(d.request).toMatchObject({
      requesterName: null,
      requesterContact: null,
      identityNote: null,
      recognition: null,
      kind: 'access',
      status: 'closed',
    });
    at -= 184 * 86_400_000;
  });
});
