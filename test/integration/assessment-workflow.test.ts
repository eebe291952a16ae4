/**
 * The assessment workflow over HTTP on every dialect, with the demo municipality: an
 * incident-triggered recording for Spreekkamer 2 × bijstandsgesprek, evidence from the register,
 * live findings, the DPO's advice, the views, the accountable official's approval — and then the
 * room policy the API reports follows: on after approval, off after expiry (scheduler tick) and
 * after withdrawal; a changed input becomes version 2 while version 1 stays as approved.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import type { Clock } from '../../src/services/ports.js';
import { availableDialects } from '../support/databases.js';
import {
  approveDemoAssessment as approveDemo,
  demoScenario as demoScenarioAt,
} from '../support/approved-assessment.js';
import { loginAs, startTestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

/** A Wednesday, 10:00 in Amsterdam: inside the scenario's hours (Mon–Fri 08:30–17:00). */
const START = new Date('2026-03-04T09:00:00Z');

const movableClock = (at: Date): Clock & { set(d: Date): void } => {
  let now = at;
  return { now: () => now, set: (d) => (now = d) };
};

type Json = Record<string, unknown>;

/** The shared demo scenario, dated START. */
const demoScenario = (roomId: string, typeId: string): Json => demoScenarioAt(roomId, typeId, START);

type Headers = Record<string, string>;

/**
 * A demo municipality of its own on a movable clock, with the accounts the workflow needs. Every
 * test that changes the policy builds its own, so one failure cannot cascade into the next test.
 */
const startWorld = async (dialect: (typeof dialects)[number]) => {
  const clock = movableClock(START);
  const t = await startTestRuntime({ dialect, demo: true, clock, loginAttemptsPerMinute: 1000 });
  const mod = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
  // The recorder subscribes the same way.
  const changes: string[] = [];
  t.rt.events.subscribe('policy.changed', (e) => changes.push(e.trigger));
  const roomId = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!.id;
  const typeId = (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id;
  const fg: Headers = (await loginAs(t.app, 'fg')).headers;
  const secretaris: Headers = (await loginAs(t.app, 'secretaris')).headers;
  const balie: Headers = (await loginAs(t.app, 'balie')).headers;
  const post = (url: string, headers: Headers, payload?: Json) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const roomDecision = async (headers: Headers) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/policy`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      decisions: Array<{
        conversationTypeId: string;
        decision: { mode: Json; audioAllowed: boolean; retentionHours?: number };
      }>;
    }>();
    return body.decisions.find((d) => d.conversationTypeId === typeId)!.decision;
  };
  return { t, clock, mod, changes, roomId, typeId, fg, secretaris, balie, post, roomDecision };
};
type World = Awaited<ReturnType<typeof startWorld>>;

/** A world of its own for this test only, closed when the test ends. */
const worldForThisTest = async (dialect: (typeof dialects)[number]): Promise<World> => {
  const w = await startWorld(dialect);
  onTestFinished(() => w.t.close());
  return w;
};

/** Draft → advice → views → judgements → submit → approval of the demo scenario; the assessment id. */
const approveDemoAssessment = (w: World): Promise<string> => approveDemo({ ...w, today: START });

describe.each(dialects)('assessment workflow on %s', (dialect) => {
  // The tests that approve nothing share one world; each test that approves builds its own.
  let shared: World;
  beforeAll(async () => {
    shared = await startWorld(dialect);
  });
  afterAll(async () => shared?.t.close());

  it('starts with recording off in every room', async () => {
    const { t, balie, roomDecision } = shared;
    expect((await roomDecision(balie)).mode).toEqual({ kind: 'off' });
    const policy = await t.app.inject({ method: 'GET', url: '/api/policy', headers: balie });
    expect(policy.json()).toMatchObject({ compiled: { rooms: [] }, version: null });
  });

  it('evaluates live, with the evidence pulled from the register, and writes nothing', async () => {
    const { t, mod, roomId, typeId, fg } = shared;
    const before = await mod.services.assessments.count();
    const audit = await t.rt.store.read.audit.count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/assessments/evaluate',
      headers: fg,
      payload: { scenario: demoScenario(roomId, typeId) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<{
      verdict: string;
      findings: Array<{ ruleId: string; outcome: string }>;
      evidence: { source: string; incidents: Json[] };
    }>();
    const register = (await t.rt.store.read.incidents.list({ roomId })).filter(
      (i) => i.conversationTypeId === typeId && i.kind !== null,
    );
    expect(register.length).toBeGreaterThan(3);
    expect(e.evidence.source).toBe('register');
    expect(e.evidence.incidents).toHaveLength(register.length);
    expect(e.findings.map((f) => f.ruleId)).toContain('NEC-1');
    expect(e.findings.find((f) => f.ruleId === 'NEC-1')!.outcome).toBe('pass');
    expect(e.verdict).not.toBe('not-permitted');
    expect(await mod.services.assessments.count()).toEqual(before);
    expect(await t.rt.store.read.audit.count()).toBe(audit);
  });

  it('passes the time of each register incident to NEC-3, which compares it with the hours in scope (issue 8 §6)', async () => {
    const { t, roomId, typeId, fg } = shared;
    const evaluate = async (hours: Json[]) => {
      const scenario = demoScenario(roomId, typeId);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/assessments/evaluate',
        headers: fg,
        payload: { scenario: { ...scenario, scope: { ...(scenario.scope as Json), hours } } },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{
        findings: Array<{ ruleId: string; outcome: string; reasons: Array<{ nl: string; en: string }> }>;
        evidence: { incidents: Array<{ date: string; occurredAt?: string }> };
      }>();
    };
    // The demo's incidents happen during office hours; a scope at night covers none of them.
    const night = await evaluate([{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '06:00' }]);
    expect(night.evidence.incidents.length).toBeGreaterThan(0);
    for (const i of night.evidence.incidents) expect(i.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const nec3 = night.findings.find((f) => f.ruleId === 'NEC-3')!;
    expect(nec3.outcome).toBe('fail');
    expect(nec3.reasons.map((r) => r.en).join(' ')).toContain(
      'also covers parts of the day without incidents: night (00:00–06:00)',
    );
    // The example's office hours fit the hours of the incidents.
    const office = await evaluate([{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' }]);
    expect(office.findings.find((f) => f.ruleId === 'NEC-3')!.outcome).toBe('pass');
  });

  it('runs draft → advice → views → judgements → submit → approval, and the room policy follows', async () => {
    const { t, roomId, typeId, fg, secretaris, balie, roomDecision } = await worldForThisTest(dialect);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: fg,
      payload: { scenario: demoScenario(roomId, typeId) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const assessmentId = created.json<{ assessment: { id: string } }>().assessment.id;
    expect(created.json()).toMatchObject({ version: { version: 1, status: 'draft' } });

    const advice = await t.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/dpo-advice`,
      headers: fg,
      payload: {
        advice:
          'Opname alleen bij alarm, zonder geluid, 72 uur: proportioneel gezien de incidenten in juist deze kamer.',
        recommendation: 'approve-with-conditions',
      },
    });
    expect(advice.statusCode, advice.body).toBe(200);
    const views = await t.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/views`,
      headers: fg,
      payload: {
        sought: true,
        summary: 'Cliëntenraad: alleen bij alarm, nooit geluid, bezwaar zet de camera uit.',
        representatives: 'Cliëntenraad Werk en Inkomen',
      },
    });
    expect(views.statusCode, views.body).toBe(200);

    const evaluation = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/evaluation`,
      headers: secretaris,
    });
    expect(evaluation.statusCode).toBe(200);
    const pending = evaluation.json<{ pendingReviews: string[] }>().pendingReviews;
    for (const ruleId of pending) {
      const j = await t.app.inject({
        method: 'POST',
        url: `/api/assessments/${assessmentId}/judgements`,
        headers: fg,
        payload: {
          ruleId,
          outcome: 'pass',
          reasons:
            'Ernstige incidenten met aangifte in juist deze kamer en dit soort gesprek; opname alleen bij alarm weegt op tegen het vermoeden.',
        },
      });
      expect(j.statusCode, j.body).toBe(200);
    }
    const judged = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/evaluation`,
      headers: secretaris,
    });
    expect(judged.json()).toMatchObject({ pendingReviews: [], verdict: 'permitted-with-conditions' });

    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/submit`,
      headers: fg,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect((await roomDecision(balie)).mode).toEqual({ kind: 'off' });

    const decision = await t.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/decision`,
      headers: secretaris,
      payload: { outcome: 'approved', reasons: 'Conform advies FG; evaluatie na een jaar.' },
    });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json()).toMatchObject({
      version: { status: 'approved', verdict: 'permitted-with-conditions' },
      policyVersion: { trigger: 'approval' },
    });

    const d = await roomDecision(balie);
    expect(d.mode).toEqual({ kind: 'incident-triggered', preRollSeconds: 30, postRollSeconds: 120 });
    expect(d.audioAllowed).toBe(false);
    expect(d.retentionHours).toBe(72);
    const wmo = (await t.rt.store.read.conversationTypes.findByCode('wmo-keukentafelgesprek'))!.id;
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/rooms/${roomId}/policy?conversationType=${wmo}`,
      headers: balie,
    });
    expect(
      other.json<{ decisions: Array<{ decision: { mode: Json } }> }>().decisions[0]!.decision.mode,
    ).toEqual({ kind: 'off' });

    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}`,
      headers: secretaris,
    });
    const v1 = stored.json<{ versions: Array<{ evidence: Json[]; decision: Json }> }>().versions[0]!;
    expect(v1.evidence.length).toBeGreaterThan(3);
    expect(v1.decision).toMatchObject({
      outcome: 'approved',
      name: 'Drs. Anouk Jansen (gemeentesecretaris)',
    });
    const audit = await t.rt.store.read.audit.page({ limit: 50, subject: `assessment:${assessmentId}` });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'assessment.create',
      'assessment.dpo-advice',
      'assessment.views',
      ...pending.map(() => 'assessment.judgement'),
      'assessment.submit',
      'assessment.approve',
    ]);
    expect(await t.rt.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('reports the Markdown report with the decision', async () => {
    const w = await worldForThisTest(dialect);
    const { t, secretaris } = w;
    const assessmentId = await approveDemoAssessment(w);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/report.md?lang=en`,
      headers: secretaris,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/markdown');
    expect(res.body).toContain('Drs. Anouk Jansen');
    expect(res.body).toContain('DPO advice');
  });

  it('renders the documents: DPIA report (HTML, tagged PDF), register entry, sign and privacy page', async () => {
    const w = await worldForThisTest(dialect);
    const { t, roomId, fg, balie } = w;
    const assessmentId = await approveDemoAssessment(w);
    const html = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/report.html`,
      headers: fg,
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<html lang="nl"');
    expect(html.body).toContain('Drs. Anouk Jansen');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/report.pdf?lang=en`,
      headers: fg,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ropa = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/ropa.json`,
      headers: fg,
    });
    expect(ropa.statusCode).toBe(200);
    expect(ropa.json()).toMatchObject({
      kind: 'proportio.ropa-entry',
      controller: { name: 'Gemeente Lindewaard' },
    });
    const ropaPdf = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/ropa.pdf`,
      headers: fg,
    });
    expect(ropaPdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sign = await t.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/sign.pdf`, headers: balie });
    expect(sign.statusCode).toBe(200);
    expect(sign.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const texts = await t.app.inject({
      method: 'GET',
      url: `/api/rooms/${roomId}/transparency`,
      headers: balie,
    });
    expect(texts.json()).toMatchObject({
      recording: true,
      secondLayerUrl: expect.stringContaining(`/api/public/rooms/${roomId}/privacy`),
    });
    expect(texts.json<{ letterParagraph: { nl: string } }>().letterParagraph.nl.length).toBeGreaterThan(40);
    // The second layer is public: residents reach it from the sign without an account.
    const page = await t.app.inject({ method: 'GET', url: `/api/public/rooms/${roomId}/privacy` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gemeente Lindewaard');
  });

  it('has no register entry for a measure that is not approved', async () => {
    const { t, roomId, typeId, fg } = shared;
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: fg,
      payload: { scenario: demoScenario(roomId, typeId) },
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json<{ assessment: { id: string } }>().assessment.id;
    const ropa = await t.app.inject({ method: 'GET', url: `/api/assessments/${id}/ropa.json`, headers: fg });
    expect(ropa.statusCode).toBe(409);
    expect(ropa.json()).toMatchObject({ code: 'ASSESSMENT.NOT_APPROVED' });
  });

  it('keeps version 1 approved and in force when the input changes: version 2 is a new draft', async () => {
    const w = await worldForThisTest(dialect);
    const { t, roomId, typeId, fg, balie, roomDecision } = w;
    const assessmentId = await approveDemoAssessment(w);
    const s = demoScenario(roomId, typeId) as Json & { safeguards: Json };
    s.safeguards = { ...s.safeguards, retentionHours: 48 };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}`,
      headers: fg,
      payload: { scenario: s },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ newVersion: true, version: { version: 2, status: 'draft' } });
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}`,
      headers: fg,
    });
    const versions = stored.json<{
      versions: Array<{ version: number; status: string; scenario: { safeguards: Json } }>;
    }>().versions;
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expect(versions[0]!.scenario.safeguards.retentionHours).toBe(72);
    expect((await roomDecision(balie)).retentionHours).toBe(72);
  });

  it('switches recording off at expiry: the scheduler tick stores the change and audits policy.expired', async () => {
    const w = await worldForThisTest(dialect);
    const { t, clock, mod, changes, roomDecision } = w;
    const assessmentId = await approveDemoAssessment(w);
    clock.set(new Date(START.getTime() + 366 * 86_400_000 + 3_600_000));
    const balie = (await loginAs(t.app, 'balie')).headers;
    // decide() already respects the expiry between ticks …
    expect((await roomDecision(balie)).mode).toEqual({ kind: 'off' });
    // … and the tick records it in the history.
    const r = await mod.services.policy.tick();
    expect(r.ok && r.value?.trigger).toBe('expiry');
    expect((await roomDecision(balie)).mode).toEqual({ kind: 'off' });
    const history = await t.app.inject({ method: 'GET', url: '/api/policy/history', headers: balie });
    expect(history.json<Array<{ trigger: string }>>().map((h) => h.trigger)).toEqual(['expiry', 'approval']);
    const expired = await t.rt.store.read.audit.page({ limit: 10, action: 'policy.expired' });
    expect(expired).toHaveLength(1);
    expect(expired[0]!.details).toMatchObject({ trigger: 'expiry', stopped: [assessmentId] });
    // A second tick with nothing new stores nothing.
    const again = await mod.services.policy.tick();
    expect(again.ok && again.value).toBeUndefined();
    expect(changes).toEqual(['approval', 'expiry']);
    clock.set(START);
  });
});

describe.each(dialects)('withdrawal on %s', (dialect) => {
  it('switches the room off at once and records why', async () => {
    const world = await worldForThisTest(dialect);
    const { t, mod, roomId, typeId, fg, secretaris, post } = world;
    const id = await approveDemoAssessment(world);
    expect(
      (
        await mod.services.policy.decide(roomId, {
          conversationTypeId: typeId,
          startedAt: START.toISOString(),
        })
      ).mode.kind,
    ).toBe('incident-triggered');

    const w = await post(`/api/assessments/${id}/withdrawal`, secretaris, {
      reason: 'De ondernemingsraad trok zijn instemming in.',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ policyVersion: { trigger: 'withdrawal' } });
    expect(
      (
        await mod.services.policy.decide(roomId, {
          conversationTypeId: typeId,
          startedAt: START.toISOString(),
        })
      ).mode.kind,
    ).toBe('off');
    const room = await t.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/policy`, headers: fg });
    expect(room.json<{ policy: { entries: Json[] } }>().policy.entries).toEqual([]);
    const history = (await mod.services.policy.history()).map((h) => h.trigger);
    expect(history).toEqual(['withdrawal', 'approval']);
    // Withdrawn is final: a second withdrawal has nothing to withdraw.
    expect(
      (await post(`/api/assessments/${id}/withdrawal`, secretaris, { reason: 'Nogmaals.' })).json(),
    ).toMatchObject({ code: 'ASSESSMENT.WRONG_STATE' });
  });
});
