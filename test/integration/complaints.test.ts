/**
 * Complaints and regulator inquiries (issue 12 §3) over real HTTP on both dialects, with an
 * injected clock: the register and its deadlines (Awb art. 9:11; the regulator's date), the steps
 * and timeline, links checked against the user's sites, bad input that changes nothing, who sees
 * what, an audit log with no personal details, the erasure of contact details after closing, and
 * the period list for the regulator dossier.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintsModule } from '../../src/compose/complaints.compose.js';
import type { RightsModule } from '../../src/compose/rights.compose.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { SYSTEM, TEST_PASSWORD, demoSites, loggedInUser } from '../support/two-sites.js';

const dialects = await availableDialects();

interface View {
  id: string;
  status: string;
  kind: string;
  receivedOn: string;
  siteId: string | null;
  fromName: string | null;
  fromContact: string | null;
  regulatorDueOn: string | null;
  outcome: string | null;
  answeredOn: string | null;
  deadline: { status: string; dueOn: string; daysLeft: number; onTime?: boolean };
  actions: string[];
}
interface Detail {
  complaint: View;
  events: { action: string; details: Record<string, unknown> }[];
  links: { kind: string; targetId: string; label: string | null }[];
  people: Record<string, string>;
}

describe.each(dialects)('complaints and regulator inquiries (%s)', (dialect) => {
  let t: TestRuntime;
  let at = Date.parse('2026-03-10T12:00:00Z');
  const clock = { now: () => new Date(at) };
  let siteId: string;
  let otherSiteId: string;
  let roomId: string;
  let otherRoomId: string;
  let assessmentId: string;
  let requestId: string;
  const brinkFg = 'brink-fg';

  const api = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: (await loginAs(t.app, who, who.startsWith('brink-') ? TEST_PASSWORD : undefined)).headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const newComplaint = (over: object = {}) => ({
    kind: 'complaint',
    source: 'resident',
    receivedAt: '2026-03-09T23:30:00Z',
    siteId,
    fromName: 'J. Jansen',
    fromContact: 'Dorpsstraat 1, Lindewaard',
    subject: 'Camera in de spreekkamer niet aangekondigd',
    summary: 'Mevrouw zag geen bord bij de deur.',
    links: [{ kind: 'room', targetId: roomId }],
    ...over,
  });
  const create = async (over: object = {}) => {
    const res = await api('POST', '/api/complaints', 'fg', newComplaint(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<View>();
  };
  const count = async (table: 'complaints' | 'complaint_events' | 'complaint_links' | 'audit_log') =>
    Number(
      (
        await t.rt.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          // Sign-ins are audited too: count only what concerns complaints.
          .$if(table === 'audit_log', (q) => q.where(sql.ref('subject'), 'like', 'complaint:%'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const complaints = () => t.rt.modules.find((m) => m.name === 'complaints') as ComplaintsModule;

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock,
      loginAttemptsPerMinute: 100_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    const { stadhuis, brink } = await demoSites(t);
    siteId = stadhuis.id;
    otherSiteId = brink.id;
    roomId = (await t.rt.store.read.rooms.list({ siteId }))[0]!.id;
    otherRoomId = (await t.rt.store.read.rooms.list({ siteId: otherSiteId }))[0]!.id;
    // An assessment to link to (organisation-wide; its content does not matter here).
    assessmentId = 'a-complaints-test';
    const fg = (await t.rt.store.read.users.list()).find((u) => u.username === 'fg')!;
    await t.rt.database.db
      .insertInto('assessments')
      .values({
        id: assessmentId,
        title: 'Camera spreekkamers',
        measure: 'camera',
        created_by: fg.id,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const rights = t.rt.modules.find((m) => m.name === 'rights') as RightsModule;
    const r = await rights.service.create(SYSTEM, {
      kind: 'access',
      channel: 'post',
      receivedAt: '2026-03-01T10:00:00Z',
      roomId,
      windowFrom: '2026-03-01T08:00:00Z',
      windowTo: '2026-03-01T09:00:00Z',
      requesterContact: 'Dorpsstraat 1',
      identityMethod: 'signature',
    });
    if (!r.ok) throw new Error(r.error.message);
    requestId = r.value.id;
    await loggedInUser(t, brinkFg, ['dpo'], [otherSiteId]);
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers a complaint with the Awb six weeks from the day of receipt in Amsterdam, audited without who', async () => {
    const c = await create({
      links: [
        { kind: 'room', targetId: roomId },
        { kind: 'assessment', targetId: assessmentId },
        { kind: 'request', targetId: requestId },
      ],
    });
    // 23:30 UTC on 9 March is Tuesday 10 March in Amsterdam; six weeks later is Tuesday 21 April 2026.
    expect(c).toMatchObject({ status: 'received', receivedOn: '2026-03-10' });
    expect(c.deadline).toMatchObject({ status: 'open', dueOn: '2026-04-21', daysLeft: 42 });
    const detail = await api('GET', `/api/complaints/${c.id}`, 'secretaris');
    expect(detail.statusCode).toBe(200);
    expect(
      detail
        .json<Detail>()
        .links.map((l) => l.kind)
        .sort(),
    ).toEqual(['assessment', 'request', 'room']);
    expect(detail.json<Detail>().links.every((l) => l.label !== null)).toBe(true);
    const audit = await t.rt.store.read.audit.page({ limit: 10, subject: `complaint:${c.id}` });
    expect(audit.map((a) => a.action)).toEqual(['complaint.received']);
    expect(JSON.stringify(audit)).not.toMatch(/Jansen|Dorpsstraat|bord bij de deur/);
  });

  it('registers an inquiry of the regulator with the deadline it set', async () => {
    const q = await create({
      kind: 'regulator-inquiry',
      source: 'regulator',
      fromName: 'Autoriteit Persoonsgegevens',
      fromContact: null,
      reference: 'z2026-00123',
      subject: 'Vragen over camera’s in spreekkamers',
      regulatorDueOn: '2026-03-16',
      siteId: null,
      links: [{ kind: 'assessment', targetId: assessmentId }],
    });
    expect(q.deadline).toMatchObject({ status: 'due-soon', dueOn: '2026-03-16', daysLeft: 6 });
    const more = await api('POST', `/api/complaints/${q.id}/extend`, 'fg', {
      reasons: 'De AP gaf per brief twee weken extra',
      regulatorDueOn: '2026-03-30',
    });
    expect(more.statusCode, more.body).toBe(200);
    expect(more.json<View>().deadline.dueOn).toBe('2026-03-30');
    // Concerning the whole organisation: not there for a DPO of one site.
    expect((await api('GET', `/api/complaints/${q.id}`, brinkFg)).statusCode).toBe(404);
    const theirs = await api('GET', '/api/complaints', brinkFg);
    expect(theirs.json<View[]>().map((x) => x.id)).not.toContain(q.id);
  });

  it('bad input: a clear error with its field, nothing written', async () => {
    const before = [
      await count('complaints'),
      await count('complaint_events'),
      await count('complaint_links'),
      await count('audit_log'),
    ];
    const cases: [string, object, number, string, string | undefined][] = [
      ['fg', { kind: 'letter' }, 400, 'REQUEST.INVALID', undefined],
      ['fg', { phone: '0612345678' }, 400, 'REQUEST.INVALID', undefined],
      ['fg', { subject: 'x'.repeat(301) }, 400, 'REQUEST.INVALID', undefined],
      ['fg', { subject: ' ' }, 422, 'COMPLAINT.INVALID', 'subject'],
      ['fg', { summary: 'BSN 123456782' }, 422, 'COMPLAINT.INVALID', 'summary'],
      ['fg', { receivedAt: '2026-04-01T00:00:00Z' }, 422, 'COMPLAINT.INVALID', 'receivedAt'],
      ['fg', { source: 'regulator', fromName: 'AP' }, 422, 'COMPLAINT.INVALID', 'source'],
      [
        'fg',
        { kind: 'regulator-inquiry', source: 'regulator', fromName: 'AP' },
        422,
        'COMPLAINT.INVALID',
        'regulatorDueOn',
      ],
      ['fg', { source: 'works-council', fromName: null }, 422, 'COMPLAINT.INVALID', 'fromName'],
      ['fg', { siteId: 'no-such-site' }, 422, 'COMPLAINT.INVALID', 'siteId'],
      ['fg', { links: [{ kind: 'room', targetId: 'no-such-room' }] }, 422, 'COMPLAINT.LINK_INVALID', 'links'],
      [
        'fg',
        { links: [{ kind: 'assessment', targetId: 'no-such-assessment' }] },
        422,
        'COMPLAINT.LINK_INVALID',
        'links',
      ],
      // A room of another site than the complaint's.
      ['fg', { links: [{ kind: 'room', targetId: otherRoomId }] }, 422, 'COMPLAINT.LINK_INVALID', 'links'],
      // A DPO of De Brink names neither the Stadhuis nor its request.
      [brinkFg, {}, 422, 'COMPLAINT.INVALID', 'siteId'],
      [
        brinkFg,
        { siteId: otherSiteId, links: [{ kind: 'request', targetId: requestId }] },
        422,
        'COMPLAINT.LINK_INVALID',
        'links',
      ],
      [brinkFg, { siteId: null, links: [] }, 422, 'COMPLAINT.INVALID', 'siteId'],
    ];
    for (const [who, over, status, code, field] of cases) {
      const res = await api('POST', '/api/complaints', who, newComplaint(over));
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(status);
      const body = res.json<{ code: string; errors?: { field: string; rule?: string }[]; field?: string }>();
      expect(body.code).toBe(code);
      if (field !== undefined) expect(res.body).toContain(`"${field}"`);
      // An INVALID refusal names its field and the rule it broke (the UI words the rule).
      if (code === 'COMPLAINT.INVALID')
        expect(body.errors).toEqual([expect.objectContaining({ field, rule: expect.any(String) })]);
    }
    for (const who of ['balie', 'auditor', 'secretaris', 'beveiliging'])
      expect((await api('POST', '/api/complaints', who, newComplaint())).statusCode, who).toBe(403);
    expect([
      await count('complaints'),
      await count('complaint_events'),
      await count('complaint_links'),
      await count('audit_log'),
    ]).toEqual(before);
    expect((await api('GET', '/api/complaints', 'balie')).statusCode).toBe(403);
  });

  it('starts, records actions, postpones within six weeks, answers and closes; out-of-order steps are refused', async () => {
    const c = await create();
    const close = await api('POST', `/api/complaints/${c.id}/close`, 'fg', {});
    expect(close.statusCode).toBe(409);
    expect(close.json<{ code: string }>().code).toBe('COMPLAINT.TRANSITION');
    expect((await api('POST', `/api/complaints/${c.id}/start`, 'fg', {})).json<View>().status).toBe(
      'in-progress',
    );
    const note = await api('POST', `/api/complaints/${c.id}/entries`, 'fg', {
      type: 'letter-sent',
      text: 'Ontvangstbevestiging aan mevrouw Jansen verstuurd',
    });
    expect(note.statusCode, note.body).toBe(200);
    const bad = await api('POST', `/api/complaints/${c.id}/entries`, 'fg', { type: 'gossip', text: 'x' });
    expect(bad.statusCode).toBe(400);
    const ext = await api('POST', `/api/complaints/${c.id}/extend`, 'fg', {
      reasons: 'Hoorzitting met beide partijen nodig',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    // 10 March + 10 weeks = Tuesday 19 May 2026.
    expect(ext.json<View>().deadline.dueOn).toBe('2026-05-19');
    const again = await api('POST', `/api/complaints/${c.id}/extend`, 'fg', {
      reasons: 'Nog een keer verdagen graag',
    });
    expect(again.json<{ code: string }>().code).toBe('COMPLAINT.ALREADY_EXTENDED');
    const linked = await api('POST', `/api/complaints/${c.id}/links`, 'fg', {
      add: [{ kind: 'assessment', targetId: assessmentId }],
      remove: [{ kind: 'room', targetId: roomId }],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<{ kind: string }[]>().map((l) => l.kind)).toEqual(['assessment']);
    const answered = await api('POST', `/api/complaints/${c.id}/answer`, 'fg', {
      outcome: 'partly-founded',
      explanation: 'Het bord hing te laag; het is verplaatst.',
    });
    expect(answered.json<View>()).toMatchObject({
      status: 'answered',
      outcome: 'partly-founded',
      answeredOn: '2026-03-10',
    });
    expect(answered.json<View>().deadline).toMatchObject({ status: 'answered', onTime: true });
    expect((await api('POST', `/api/complaints/${c.id}/close`, 'fg', {})).json<View>().status).toBe('closed');
    const detail = (await api('GET', `/api/complaints/${c.id}`, 'auditor')).json<Detail>();
    expect(detail.events.map((e) => e.action)).toEqual([
      'received',
      'started',
      'letter-sent',
      'extended',
      'linked',
      'unlinked',
      'answered',
      'closed',
    ]);
    expect(detail.events[2]?.details['text']).toBe('Ontvangstbevestiging aan mevrouw Jansen verstuurd');
    // The screen shows who did each step by name: the privacy officer did them all.
    const by = (detail.events as unknown as { by: string }[]).map((e) => detail.people[e.by]);
    expect(by).toEqual(Array.from({ length: 8 }, () => 'Mr. Pieter Hoekstra (FG)'));
    const audit = await t.rt.store.read.audit.page({ limit: 20, subject: `complaint:${c.id}` });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'complaint.received',
        'complaint.started',
        'complaint.entry-added',
        'complaint.extended',
        'complaint.linked',
        'complaint.unlinked',
        'complaint.answered',
        'complaint.closed',
      ].sort(),
    );
    expect(JSON.stringify(audit)).not.toMatch(/Jansen|Dorpsstraat|Ontvangstbevestiging|bord/);
    // Closed: nothing more changes.
    const after = await api('POST', `/api/complaints/${c.id}/entries`, 'fg', {
      type: 'note',
      text: 'nog iets',
    });
    expect(after.json<{ code: string }>().code).toBe('COMPLAINT.TRANSITION');
  });

  it('a complaint of the Stadhuis is not there for a DPO of De Brink', async () => {
    const c = await create();
    for (const [method, url, body] of [
      ['GET', `/api/complaints/${c.id}`, undefined],
      ['POST', `/api/complaints/${c.id}/start`, {}],
      ['POST', `/api/complaints/${c.id}/entries`, { type: 'note', text: 'een notitie' }],
    ] as const) {
      const res = await api(method, url, brinkFg, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('COMPLAINT.NOT_FOUND');
    }
    expect((await api('GET', '/api/complaints', brinkFg)).json<View[]>()).toEqual([]);
  });

  it('shows overdue ones on /metrics and the DPO start page, and a late postponement is refused', async () => {
    const late = await create({ receivedAt: '2026-01-20T10:00:00Z' });
    expect(late.deadline.status).toBe('overdue');
    const ext = await api('POST', `/api/complaints/${late.id}/extend`, 'fg', {
      reasons: 'Te laat om nog te verdagen',
    });
    expect(ext.statusCode).toBe(409);
    expect(ext.json<{ code: string }>().code).toBe('COMPLAINT.EXTENSION_LATE');
    const overdue = await api('GET', '/api/complaints?deadline=overdue', 'fg');
    expect(overdue.json<View[]>().map((x) => x.id)).toContain(late.id);
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: (await loginAs(t.app, 'auditor')).headers,
    });
    expect(metrics.body).toMatch(/^proportio_complaints_overdue [1-9]\d*$/m);
    expect(metrics.body).toMatch(/^proportio_complaints_due_soon \d+$/m);
    const todo = await api('GET', '/api/me/todo', 'fg');
    expect(todo.statusCode, todo.body).toBe(200);
    const items = todo.json<{ items: { kind: string; id: string; overdue: boolean }[] }>().items;
    expect(items.find((i) => i.id === late.id)).toMatchObject({ kind: 'answer-complaint', overdue: true });
    const auditorTodo = (await api('GET', '/api/me/todo', 'auditor')).json<{ items: { kind: string }[] }>();
    expect(auditorTodo.items.some((i) => i.kind === 'answer-complaint')).toBe(false);
  });

  it('lists a period with timeliness and without who, and erases contact details after closing', async () => {
    const period = await api('GET', '/api/complaints/timeliness?from=2026-01-01&to=2026-03-31', 'auditor');
    expect(period.statusCode, period.body).toBe(200);
    const rows = period.json<{ kind: string; source: string; onTime: boolean | null; overdue: boolean }[]>();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.kind === 'regulator-inquiry' && r.source === 'regulator')).toBe(true);
    expect(rows.some((r) => r.onTime === true)).toBe(true);
    expect(rows.some((r) => r.overdue)).toBe(true);
    expect(period.body).not.toMatch(/Jansen|Dorpsstraat|Autoriteit|spreekkamer/);
    expect(
      (await api('GET', '/api/complaints/timeliness?from=2026-03-31&to=2026-01-01', 'auditor')).statusCode,
    ).toBe(422);
    expect(
      (await api('GET', '/api/complaints/timeliness?from=gisteren&to=2026-01-01', 'auditor')).statusCode,
    ).toBe(400);

    const closed = (await api('GET', '/api/complaints?status=closed', 'fg')).json<View[]>();
    expect(closed.length).toBeGreaterThan(0);
    at += 200 * 86_400_000;
    const erased = await complaints().service.eraseContacts();
    expect(erased.sort()).toEqual(closed.map((c) => c.id).sort());
    const after = (await api('GET', `/api/complaints/${closed[0]!.id}`, 'fg')).json<Detail>();
    expect(after.complaint).toMatchObject({ fromName: null, fromContact: null });
    expect(after.events.at(-1)?.action).toBe('contact-erased');
    expect(await complaints().service.eraseContacts()).toEqual([]);
  });
});
