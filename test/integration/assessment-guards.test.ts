/**
 * What the workflow refuses, on every dialect: a decision by anyone who contributed to the version
 * (four-eyes: author, DPO, views, judgement, submission), approval
 * without the DPO advice or the views, approval of a "not permitted" verdict, any change to an
 * approved version (the service and the database trigger both refuse), and bad input — an
 * invalid scenario, an unknown room, a code instead of an id, the wrong role — which writes
 * nothing: counts of assessments, versions and audit entries stay the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import { packageRoot } from '../../src/main.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const START = new Date('2026-03-04T09:00:00Z');
const day = (plus: number) => new Date(START.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
type Json = Record<string, unknown>;
type Headers = Record<string, string>;

const example = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(packageRoot(), 'examples', name), 'utf8')) as Json &
    Record<'scope' | 'measure' | 'safeguards' | 'dpia' | 'evidence', Json>;

/** The example adapted to the demo (see assessment-workflow.test.ts). */
const incidentTriggered = (roomId: string, typeId: string): Json => {
  const s = example('incident-triggered-recording.json');
  delete s.humanJudgements;
  delete s.safeguards.dpoAdviceDate;
  delete s.dpia.dataSubjectViews;
  delete s.evidence.incidents;
  return {
    ...s,
    assessedOn: day(0),
    measure: { ...s.measure, startDate: day(0) }, // recording never starts before the start date
    scope: {
      ...s.scope,
      rooms: [{ id: roomId, name: 'Spreekkamer 2' }],
      conversationTypes: [{ id: typeId, name: 'Bijstandsgesprek', sensitive: true }],
    },
    safeguards: { ...s.safeguards, reviewDate: day(365) },
    dpia: { ...s.dpia, date: day(0) },
  };
};

/** The defining case (continuous video and audio of every benefit conversation) in the demo's rooms. */
const definingCase = (roomIds: string[], typeId: string): Json => {
  const s = example('defining-case.json');
  delete s.evidence.incidents;
  delete s.safeguards.dpoAdviceDate;
  delete s.dpia.dataSubjectViews;
  delete s.humanJudgements;
  return {
    ...s,
    assessedOn: day(0),
    measure: { ...s.measure, startDate: day(-700) },
    scope: {
      ...s.scope,
      rooms: roomIds.map((id) => ({ id })),
      conversationTypes: [{ id: typeId, name: 'Bijstandsgesprek', sensitive: true }],
    },
    safeguards: { ...s.safeguards, reviewDate: day(365) },
    dpia: { ...s.dpia, date: day(-10) },
  };
};

describe.each(dialects)('assessment guards on %s', (dialect) => {
  let t: TestRuntime;
  let mod: AssessmentModule;
  let roomId: string;
  let room1: string;
  let typeId: string;
  const as: Record<string, Headers> = {};

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock: { now: () => START },
      loginAttemptsPerMinute: 1000,
    });
    mod = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
    const rooms = await t.rt.store.read.rooms.list();
    roomId = rooms.find((r) => r.name === 'Spreekkamer 2')!.id;
    room1 = rooms.find((r) => r.name === 'Spreekkamer 1')!.id;
    typeId = (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id;
    // One person holding two roles: the security coordinator who is also the accountable official.
    const dual = await t.rt.services.users.create(
      { kind: 'system', name: 'test' },
      {
        username: 'dubbel',
        displayName: 'Dubbele Rol',
        roles: ['security', 'decision-maker'],
        password: 'a-long-test-password-1',
      },
    );
    if (!dual.ok) throw new Error(dual.error.message);
    for (const u of ['fg', 'secretaris', 'beveiliging', 'balie', 'auditor', 'beheer'])
      as[u] = (await loginAs(t.app, u)).headers;
    as.dubbel = (await loginAs(t.app, 'dubbel', 'a-long-test-password-1')).headers;
  });
  afterAll(async () => t?.close());

  const post = (url: string, who: string, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: as[who]!,
      ...(payload !== undefined ? { payload: payload as Json } : {}),
    });
  const counts = async () => ({
    ...(await mod.services.assessments.count()),
    audit: await t.rt.store.read.audit.count(),
    policy: (await mod.services.policy.history()).length,
  });

  /** Create, advise, hear views, judge what needs judging, submit; returns the id. */
  const readyForDecision = async (author: string, scenario: Json, opts: { advice?: boolean } = {}) => {
    const created = await post('/api/assessments', author, { scenario });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    if (opts.advice !== false)
      expect(
        (
          await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
            advice: 'Advies vastgelegd.',
            recommendation: 'approve',
          })
        ).statusCode,
      ).toBe(200);
    expect(
      (await post(`/api/assessments/${id}/views`, author, { sought: true, summary: 'Cliëntenraad gehoord.' }))
        .statusCode,
    ).toBe(200);
    const e = await mod.services.assessments.evaluateStored(id);
    for (const ruleId of e.ok ? e.value.pendingReviews : []) {
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, author, {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen.',
          })
        ).statusCode,
      ).toBe(200);
    }
    expect((await post(`/api/assessments/${id}/submit`, author)).statusCode).toBe(200);
    return id;
  };
  const approve = (id: string, who = 'secretaris') =>
    post(`/api/assessments/${id}/decision`, who, { outcome: 'approved', reasons: 'Akkoord.' });

  it('four-eyes: the author cannot decide on their own assessment, another official can', async () => {
    const id = await readyForDecision('dubbel', incidentTriggered(roomId, typeId));
    const before = await counts();
    const own = await approve(id, 'dubbel');
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'ASSESSMENT.FOUR_EYES' });
    expect(await counts()).toEqual(before);
    expect((await approve(id)).statusCode).toBe(200);
  });

  it("four-eyes: someone who edited a colleague's draft cannot decide on it either", async () => {
    const created = await post('/api/assessments', 'beveiliging', {
      scenario: incidentTriggered(roomId, typeId),
    });
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    // The security-and-decision-maker colleague rewrites the untouched draft…
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/assessments/${id}`,
      headers: as.dubbel!,
      payload: { scenario: incidentTriggered(roomId, typeId) },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // …which makes a version authored by them rather than an anonymous in-place change.
    expect(edited.json()).toMatchObject({ newVersion: true, version: { version: 2 } });
    expect(
      (
        await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
          advice: 'Advies vastgelegd.',
          recommendation: 'approve',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/views`, 'beveiliging', {
          sought: true,
          summary: 'Cliëntenraad gehoord.',
        })
      ).statusCode,
    ).toBe(200);
    const e = await mod.services.assessments.evaluateStored(id);
    for (const ruleId of e.ok ? e.value.pendingReviews : []) {
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, 'beveiliging', {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen.',
          })
        ).statusCode,
      ).toBe(200);
    }
    expect((await post(`/api/assessments/${id}/submit`, 'beveiliging')).statusCode).toBe(200);
    const own = await approve(id, 'dubbel');
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'ASSESSMENT.FOUR_EYES' });
  });

  it('four-eyes (issue 8, 2.2): security + decision-maker who recorded the views and the judgement and submitted cannot approve', async () => {
    // The reported case: a colleague drafts, the dual-role user does everything else, then approves.
    const created = await post('/api/assessments', 'beveiliging', {
      scenario: incidentTriggered(roomId, typeId),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    expect(
      (
        await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
          advice: 'Advies vastgelegd.',
          recommendation: 'approve',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/views`, 'dubbel', {
          sought: true,
          summary: 'Cliëntenraad gehoord.',
        })
      ).statusCode,
    ).toBe(200);
    const e = await mod.services.assessments.evaluateStored(id);
    const reviews = e.ok ? e.value.pendingReviews : [];
    expect(reviews.length).toBeGreaterThan(0);
    for (const ruleId of reviews)
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, 'dubbel', {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen.',
          })
        ).statusCode,
      ).toBe(200);
    expect((await post(`/api/assessments/${id}/submit`, 'dubbel')).statusCode).toBe(200);

    const before = await counts();
    const own = await approve(id, 'dubbel');
    expect(own.statusCode, own.body).toBe(409);
    expect(own.headers['content-type']).toContain('application/problem+json');
    const problem = own.json<{
      code: string;
      detail: string;
      details: { contributions: string[]; reason: { nl: string; en: string } };
    }>();
    expect(problem.code).toBe('ASSESSMENT.FOUR_EYES');
    expect(problem.details.contributions).toEqual(['views', ...reviews.map(() => 'judgement'), 'submission']);
    expect(problem.detail).toContain('you recorded the views of the data subjects');
    expect(problem.detail).toContain(`you recorded the human judgement on ${reviews[0]}`);
    expect(problem.detail).toContain('you submitted this version');
    expect(problem.details.reason.nl).toContain('u heeft de zienswijzen van betrokkenen vastgelegd');
    expect(problem.details.reason.nl).toContain('u heeft deze versie ingediend');
    // Rejecting is deciding too.
    const reject = await post(`/api/assessments/${id}/decision`, 'dubbel', {
      outcome: 'rejected',
      reasons: 'Nee.',
    });
    expect(reject.statusCode).toBe(409);
    expect(reject.json()).toMatchObject({ code: 'ASSESSMENT.FOUR_EYES' });
    expect(await counts()).toEqual(before);
    // Someone who took no part decides.
    expect((await approve(id)).statusCode).toBe(200);
  });

  it('four-eyes (issue 8, 2.2): submitting alone is a contribution that bars the decision', async () => {
    const id = await readyForDecision('beveiliging', incidentTriggered(roomId, typeId));
    // readyForDecision submitted as the author; a second version by the author, submitted by the dual-role user.
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/assessments/${id}`,
      headers: as.beveiliging!,
      payload: { scenario: incidentTriggered(roomId, typeId) },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
          advice: 'Advies vastgelegd.',
          recommendation: 'approve',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/views`, 'beveiliging', {
          sought: true,
          summary: 'Cliëntenraad gehoord.',
        })
      ).statusCode,
    ).toBe(200);
    const e = await mod.services.assessments.evaluateStored(id);
    for (const ruleId of e.ok ? e.value.pendingReviews : [])
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, 'beveiliging', {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen.',
          })
        ).statusCode,
      ).toBe(200);
    expect((await post(`/api/assessments/${id}/submit`, 'dubbel')).statusCode).toBe(200);
    const own = await approve(id, 'dubbel');
    expect(own.statusCode, own.body).toBe(409);
    expect(own.json()).toMatchObject({
      code: 'ASSESSMENT.FOUR_EYES',
      details: { contributions: ['submission'] },
    });
    expect((await approve(id)).statusCode).toBe(200);
  });

  it('four-eyes (issue 8, 2.2): views recorded and then replaced by a colleague still bar the decision', async () => {
    const id = await readyForDecision('beveiliging', incidentTriggered(roomId, typeId));
    // A new version (the author's), whose views the dual-role user records first; the author records them again.
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/assessments/${id}`,
      headers: as.beveiliging!,
      payload: { scenario: incidentTriggered(roomId, typeId) },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    for (const who of ['dubbel', 'beveiliging'])
      expect(
        (await post(`/api/assessments/${id}/views`, who, { sought: true, summary: 'Cliëntenraad gehoord.' }))
          .statusCode,
      ).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
          advice: 'Advies vastgelegd.',
          recommendation: 'approve',
        })
      ).statusCode,
    ).toBe(200);
    const e = await mod.services.assessments.evaluateStored(id);
    for (const ruleId of e.ok ? e.value.pendingReviews : [])
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, 'beveiliging', {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen.',
          })
        ).statusCode,
      ).toBe(200);
    expect((await post(`/api/assessments/${id}/submit`, 'beveiliging')).statusCode).toBe(200);
    const own = await approve(id, 'dubbel');
    expect(own.statusCode, own.body).toBe(409);
    expect(own.json()).toMatchObject({ code: 'ASSESSMENT.FOUR_EYES', details: { contributions: ['views'] } });
    expect((await approve(id)).statusCode).toBe(200);
  });

  it('refuses approval without the DPO advice, and the DPO only can give it', async () => {
    const id = await readyForDecision('beveiliging', incidentTriggered(room1, typeId), { advice: false });
    const before = await counts();
    const res = await approve(id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ASSESSMENT.DPO_ADVICE_MISSING' });
    const wrongRole = await post(`/api/assessments/${id}/dpo-advice`, 'beveiliging', {
      advice: 'Ik ben geen FG.',
      recommendation: 'approve',
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    // Rejection needs no advice: the official may always say no.
    const reject = await post(`/api/assessments/${id}/decision`, 'secretaris', {
      outcome: 'rejected',
      reasons: 'Eerst advies FG en een smallere scope.',
    });
    expect(reject.statusCode).toBe(200);
    expect(reject.json()).toMatchObject({ version: { status: 'rejected' } });
  });

  it('refuses approval without the views of data subjects or the reason they were not sought', async () => {
    const created = await post('/api/assessments', 'fg', { scenario: incidentTriggered(room1, typeId) });
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    await post(`/api/assessments/${id}/dpo-advice`, 'fg', { advice: 'Akkoord.', recommendation: 'approve' });
    const incomplete = await post(`/api/assessments/${id}/views`, 'fg', { sought: true });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'summary' }] });
    await post(`/api/assessments/${id}/submit`, 'fg');
    expect((await approve(id)).json()).toMatchObject({ code: 'ASSESSMENT.VIEWS_MISSING' });
  });

  it('never approves a "not permitted" verdict (the defining case), however complete the paperwork', async () => {
    const id = await readyForDecision('fg', definingCase([room1, roomId], typeId));
    const e = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${id}/evaluation`,
      headers: as.secretaris!,
    });
    expect(e.json()).toMatchObject({ verdict: 'not-permitted' });
    const before = await counts();
    const res = await approve(id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ASSESSMENT.NOT_PERMITTED_VERDICT' });
    expect(res.json<{ details: { failedRules: string[] } }>().details.failedRules).toEqual(
      expect.arrayContaining(['LB-1', 'AUD-1', 'SC-1', 'PROP-3']),
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses approval while a condition that must hold before the start is open, and lists it', async () => {
    // Permitted with conditions, but no DPIA yet (start in the future), no works-council consent,
    // no sign and no access rules; retention 600 h against RET-1's 72 h (enforced, not blocking).
    const base = incidentTriggered(room1, typeId) as Json & Record<'measure' | 'safeguards' | 'dpia', Json>;
    const { worksCouncilConsentDate: _wc, access: _access, ...safeguards } = base.safeguards;
    const { date: _date, ...dpia } = base.dpia;
    const scenario = {
      ...base,
      measure: { ...base.measure, startDate: day(30) },
      safeguards: { ...safeguards, retentionHours: 600, transparency: { sign: false, secondLayer: true } },
      dpia,
    };
    const id = await readyForDecision('fg', scenario);
    const e = await mod.services.assessments.evaluateStored(id);
    expect(e.ok && e.value.verdict).toBe('permitted-with-conditions');
    // The room's policy as the other tests left it: this refusal must not change it.
    const roomEntries = async () =>
      (
        await t.app.inject({ method: 'GET', url: `/api/rooms/${room1}/policy`, headers: as.secretaris! })
      ).json<{ policy: { entries: unknown[] } }>().policy.entries;
    const entriesBefore = await roomEntries();
    const before = await counts();
    const res = await approve(id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ASSESSMENT.CONDITIONS_OPEN' });
    const open = res.json<{ details: { conditions: { ruleId: string; kind: string }[] } }>().details
      .conditions;
    expect(open.map((c) => `${c.ruleId} ${c.kind}`)).toEqual(
      expect.arrayContaining([
        'DPIA-1 dpia-before-start',
        'EMP-1 works-council-consent',
        'TRN-1 signage',
        'SEC-1 access-control',
      ]),
    );
    expect(open.some((c) => c.ruleId === 'RET-1')).toBe(false);
    expect(await counts()).toEqual(before);
    expect(await roomEntries()).toEqual(entriesBefore);
  });

  it('an approved version never changes: the service refuses, and so does the database', async () => {
    const id = await readyForDecision('fg', incidentTriggered(roomId, typeId));
    expect((await approve(id)).statusCode).toBe(200);
    const before = await counts();
    const advice = await post(`/api/assessments/${id}/dpo-advice`, 'fg', {
      advice: 'Achteraf anders.',
      recommendation: 'reject',
    });
    expect(advice.statusCode).toBe(409);
    expect(advice.json()).toMatchObject({ code: 'ASSESSMENT.IMMUTABLE' });
    expect(
      (
        await post(`/api/assessments/${id}/judgements`, 'fg', {
          ruleId: 'PROP-1',
          outcome: 'fail',
          reasons: 'Toch niet.',
        })
      ).json(),
    ).toMatchObject({ code: 'ASSESSMENT.IMMUTABLE' });
    expect((await post(`/api/assessments/${id}/submit`, 'fg')).json()).toMatchObject({
      code: 'ASSESSMENT.IMMUTABLE',
    });
    expect(await counts()).toEqual(before);

    const db = t.rt.database.db;
    const tamper = (set: string) =>
      sql
        .raw(`UPDATE assessment_versions SET ${set} WHERE assessment_id = '${id}' AND version = 1`)
        .execute(db);
    await expect(tamper(`scenario = '{}'`)).rejects.toThrow(/immutable/);
    await expect(tamper(`verdict = 'permitted'`)).rejects.toThrow(/immutable/);
    await expect(tamper(`status = 'draft'`)).rejects.toThrow(/immutable/);
    await expect(
      sql.raw(`DELETE FROM assessment_versions WHERE assessment_id = '${id}'`).execute(db),
    ).rejects.toThrow(/cannot be deleted/);
    // Withdrawal is the one change the database lets through — and then the row is final.
    await tamper(
      `status = 'withdrawn', withdrawn_at = '2026-03-05T00:00:00.000Z', withdrawn_by = 'x', withdrawn_reason = 'test'`,
    );
    await expect(tamper(`withdrawn_reason = 'rewritten'`)).rejects.toThrow(/final/);
  });

  it('a changed input of a submitted version becomes version 2; the old one is superseded, not edited', async () => {
    const id = await readyForDecision('fg', incidentTriggered(room1, typeId));
    const s = incidentTriggered(room1, typeId) as Json & { safeguards: Json };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/assessments/${id}`,
      headers: as.fg!,
      payload: { scenario: { ...s, safeguards: { ...s.safeguards, retentionHours: 24 } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      newVersion: true,
      version: { version: 2, status: 'draft', humanJudgements: [] },
    });
    const got = await mod.services.assessments.get(id);
    expect(got.ok && got.value.versions.map((v) => [v.version, v.status, v.withdrawal?.reason])).toEqual([
      [1, 'withdrawn', 'superseded by version 2'],
      [2, 'draft', undefined],
    ]);
  });

  it('bad input writes nothing and names the field', async () => {
    const before = await counts();
    const good = incidentTriggered(roomId, typeId) as Json & { scope: Json; safeguards: Json };

    const invalid = await post('/api/assessments', 'fg', {
      scenario: { ...good, safeguards: { ...good.safeguards, retentionHours: 'lang' } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'ASSESSMENT.INVALID_SCENARIO',
      errors: [{ field: 'safeguards.retentionHours' }],
    });

    const missing = await post('/api/assessments/evaluate', 'fg', {
      scenario: { ...good, purpose: undefined },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(
      'purpose',
    );

    const unknownRoom = await post('/api/assessments', 'fg', {
      scenario: { ...good, scope: { ...good.scope, rooms: [{ id: 'kamer-die-niet-bestaat' }] } },
    });
    expect(unknownRoom.statusCode).toBe(422);
    expect(unknownRoom.json()).toMatchObject({ errors: [{ field: 'scope.rooms[0].id' }] });

    const code = await post('/api/assessments', 'fg', {
      scenario: {
        ...good,
        scope: { ...good.scope, conversationTypes: [{ id: 'bijstandsgesprek', sensitive: true }] },
      },
    });
    expect(code.json()).toMatchObject({
      errors: [{ field: 'scope.conversationTypes[0].id', message: expect.stringContaining(typeId) }],
    });

    const typedAdvice = await post('/api/assessments', 'fg', {
      scenario: { ...good, safeguards: { ...good.safeguards, dpoAdviceDate: '2026-01-01' } },
    });
    expect(typedAdvice.json()).toMatchObject({
      code: 'ASSESSMENT.INVALID_SCENARIO',
      errors: [{ field: 'safeguards.dpoAdviceDate' }],
    });

    const contradictory = await post('/api/assessments', 'fg', {
      scenario: { ...good, measure: { id: 'continuous-video', audio: false, preRollSeconds: 10 } },
    });
    expect(contradictory.statusCode).toBe(422);
    expect(contradictory.json()).toMatchObject({
      code: 'ASSESSMENT.CONTRADICTORY_SCENARIO',
      errors: [{ field: 'measure.preRollSeconds' }],
    });

    const notObject = await post('/api/assessments', 'fg', { scenario: 'scenario.json' });
    expect(notObject.statusCode).toBe(400);
    const extra = await post('/api/assessments', 'fg', { scenario: good, approved: true });
    expect(extra.statusCode).toBe(400);
    const hostile = await post('/api/assessments', 'fg', {
      scenario: { ...good, title: `<script>alert(1)</script>${'x'.repeat(5000)}` },
    });
    expect(hostile.json()).toMatchObject({
      code: 'ASSESSMENT.INVALID_SCENARIO',
      errors: [{ field: 'title' }],
    });

    for (const who of ['balie', 'auditor', 'beheer', 'secretaris'])
      expect((await post('/api/assessments', who, { scenario: good })).statusCode).toBe(403);
    expect(
      (
        await post('/api/assessments/00000000-0000-4000-8000-000000000000/decision', 'secretaris', {
          outcome: 'approved',
          reasons: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post('/api/assessments/00000000-0000-4000-8000-000000000000/decision', 'secretaris', {
          outcome: 'maybe',
          reasons: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const noRoom = await t.app.inject({
      method: 'GET',
      url: '/api/rooms/00000000-0000-4000-8000-000000000000/policy',
      headers: as.balie!,
    });
    expect(noRoom.statusCode).toBe(404);

    expect(await counts()).toEqual(before);
  });

  it('a judgement only on a review finding', async () => {
    const created = await post('/api/assessments', 'fg', { scenario: incidentTriggered(room1, typeId) });
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    const before = await counts();
    const pass = await post(`/api/assessments/${id}/judgements`, 'fg', {
      ruleId: 'LB-1',
      outcome: 'pass',
      reasons: 'Wil ik overrulen.',
    });
    expect(pass.statusCode).toBe(422);
    expect(pass.json()).toMatchObject({
      code: 'ASSESSMENT.NOT_A_REVIEW_FINDING',
      errors: [{ field: 'ruleId' }],
    });
    const unknown = await post(`/api/assessments/${id}/judgements`, 'fg', {
      ruleId: 'XYZ-9',
      outcome: 'pass',
      reasons: 'Bestaat niet.',
    });
    expect(unknown.json()).toMatchObject({ code: 'ASSESSMENT.NOT_A_REVIEW_FINDING' });
    expect(await counts()).toEqual(before);
  });
});
