/**
 * The demo municipality's incident-triggered recording (examples/incident-triggered-recording.json)
 * taken through the whole workflow over HTTP — draft, DPO advice, views, judgements, submission,
 * approval — so a test has a room whose live policy records only on an alarm.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import { packageRoot } from '../../src/main.js';
import type { TestRuntime } from './test-runtime.js';

type Json = Record<string, unknown>;
type Headers = Record<string, string>;

const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

/** The example adapted to the demo: its room and kind of conversation, dated `today`. */
export const demoScenario = (roomId: string, typeId: string, today: Date): Json => {
  const s = JSON.parse(
    fs.readFileSync(path.join(packageRoot(), 'examples', 'incident-triggered-recording.json'), 'utf8'),
  ) as Json & {
    scope: Json;
    measure: Json;
    safeguards: Json;
    dpia: Json;
    evidence: Json;
    purpose: Json;
  };
  delete s.humanJudgements;
  delete s.safeguards.dpoAdviceDate;
  delete s.dpia.dataSubjectViews;
  delete s.evidence.incidents;
  s.title = 'Opname alleen bij alarm in Spreekkamer 2, bijstandsgesprekken';
  s.assessedOn = day(today, 0);
  s.controller = { name: 'Gemeente Lindewaard', publicAuthority: true };
  // Recording never starts before measure.startDate: the demo measure starts today, after the DPIA (same day).
  s.measure = { ...s.measure, startDate: day(today, 0) };
  s.scope = {
    ...s.scope,
    rooms: [{ id: roomId, name: 'Spreekkamer 2' }],
    conversationTypes: [{ id: typeId, name: 'Bijstandsgesprek', sensitive: true }],
  };
  s.purpose = {
    ...s.purpose,
    text: 'Bij een alarm tijdens een bijstandsgesprek in Spreekkamer 2 direct hulp halen en beeldbewijs vastleggen van het incident voor aangifte bij de politie',
  };
  s.safeguards = { ...s.safeguards, reviewDate: day(today, 365) };
  s.dpia = { ...s.dpia, date: day(today, 0) };
  return s;
};

/** Draft → advice → views → judgements → submit → approval of the demo scenario; the assessment id. */
export const approveDemoAssessment = async (w: {
  readonly t: TestRuntime;
  readonly roomId: string;
  readonly typeId: string;
  readonly fg: Headers;
  readonly secretaris: Headers;
  readonly today: Date;
}): Promise<string> => {
  const { t, fg, secretaris } = w;
  const mod = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
  const post = (url: string, headers: Headers, payload?: Json) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const created = await post('/api/assessments', fg, { scenario: demoScenario(w.roomId, w.typeId, w.today) });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ assessment: { id: string } }>().assessment.id;
  const advice = await post(`/api/assessments/${id}/dpo-advice`, fg, {
    advice: 'Akkoord onder voorwaarden.',
    recommendation: 'approve-with-conditions',
  });
  expect(advice.statusCode, advice.body).toBe(200);
  const views = await post(`/api/assessments/${id}/views`, fg, {
    sought: false,
    reasonNotSought: 'De cliëntenraad is opgeheven; een nieuwe wordt in 2026 ingesteld.',
  });
  expect(views.statusCode, views.body).toBe(200);
  const evaluation = await mod.services.assessments.evaluateStored(id);
  for (const ruleId of evaluation.ok ? evaluation.value.pendingReviews : []) {
    const j = await post(`/api/assessments/${id}/judgements`, fg, {
      ruleId,
      outcome: 'pass',
      reasons: 'Gewogen: ernstige incidenten in deze kamer.',
    });
    expect(j.statusCode, j.body).toBe(200);
  }
  expect((await post(`/api/assessments/${id}/submit`, fg)).statusCode).toBe(200);
  const decision = await post(`/api/assessments/${id}/decision`, secretaris, {
    outcome: 'approved',
    reasons: 'Akkoord.',
  });
  expect(decision.statusCode, decision.body).toBe(200);
  return id;
};
