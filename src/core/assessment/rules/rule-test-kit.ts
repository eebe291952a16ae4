/**
 * Test support for the rule tables (imported by *.rule.test.ts only): a complete, well-justified
 * scenario to start from, a way to derive facts from a changed copy, and the check every row of a
 * rule's table makes.
 */
import { findMeasure } from '../catalogue.js';
import { deriveFacts, type Facts } from '../facts.js';
import type { Outcome, Rule } from '../rule.js';
import { SIGN_ITEMS, type Incident, type Scenario } from '../scenario.schema.js';

export const incident = (over: Partial<Incident> = {}): Incident => ({
  date: '2023-06-01',
  kind: 'intimidation-or-threat',
  severity: 'high',
  policeReport: true,
  roomId: 'kamer-1',
  conversationTypeId: 'terugvordering',
  ...over,
});

export const baseScenario = (): Scenario => ({
  title: 'Test',
  assessedOn: '2024-01-01',
  controller: { name: 'Gemeente Test', publicAuthority: true },
  measure: { id: 'incident-recording', startDate: '2024-03-01' },
  scope: {
    rooms: [{ id: 'kamer-1' }],
    conversationTypes: [{ id: 'terugvordering', sensitive: true }],
    hours: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
    publiclyAccessible: false,
  },
  purpose: {
    text: 'Bij een alarm in kamer 1 direct hulp halen en beeldbewijs vastleggen voor aangifte bij de politie',
    kinds: ['immediate-help', 'evidence'],
  },
  legalBasis: { article: 'e', provision: 'Arbeidsomstandighedenwet art. 3 lid 2' },
  evidence: { incidents: [incident(), incident({ date: '2023-09-01', kind: 'physical-violence' })] },
  alternatives: [
    { measure: 'room-design', status: 'in-place-insufficient', reasons: 'geen bewijs' },
    { measure: 'de-escalation', status: 'in-place-insufficient', reasons: 'incidenten ondanks training' },
    {
      measure: 'second-staff-member',
      status: 'in-place-insufficient',
      reasons: 'getuigen onvoldoende voor vervolging',
    },
    { measure: 'host-nearby', status: 'in-place-insufficient', reasons: 'ziet niet wat in de kamer gebeurt' },
    { measure: 'alarm-button', status: 'in-place-insufficient', reasons: 'legt niets vast' },
    { measure: 'live-view', status: 'considered-insufficient', reasons: 'ingrijpender en geen bewijs' },
  ],
  safeguards: {
    transparency: {
      sign: true,
      signContents: [...SIGN_ITEMS],
      secondLayer: true,
      letterText: 'In deze kamer…',
    },
    worksCouncilConsentDate: '2023-12-01',
    dpoAdviceDate: '2023-12-10',
    retentionHours: 72,
    automaticDeletion: true,
    access: { roles: ['beveiligingscoördinator'], fourEyes: true, logged: true, encryptedAtRest: true },
    reviewDate: '2025-01-01',
    objectionSwitchesOff: true,
    rightsProcedure: true,
    noStaffPerformanceUse: true,
  },
  dpia: {
    date: '2023-12-15',
    dataSubjectViews: { sought: true, summary: 'akkoord onder voorwaarden' },
    residualRisk: 'medium',
  },
  peopleAffected: { staff: true, residents: true, minors: false, vulnerableGroups: false },
  conditionsAccessToService: false,
});

/** Facts for a scenario changed by `change` (which may mutate its fresh copy). */
export const factsOf = (change: (s: Scenario) => void = () => undefined): Facts => {
  const s = structuredClone(baseScenario()) as Scenario & { -readonly [K in keyof Scenario]: Scenario[K] };
  change(s);
  const m = findMeasure(s.measure.id);
  if (m === undefined) throw new Error(`unknown measure ${s.measure.id}`);
  return deriveFacts(s, m, s.evidence.incidents ?? []);
};

/** A mutable view for test changes (the schema types are readonly-free, this is for clarity). */
export type Draft = Scenario;

/** One row of a rule's table: a change to the base scenario and the outcome it must give. */
export interface RuleCase {
  readonly name: string;
  readonly change: (s: Scenario) => void;
  readonly outcome: Outcome;
}

/**
 * What is wrong with the rule's finding for one row, in words (nothing: []): it is the rule's,
 * has the row's outcome, gives reasons, and a condition names what it asks.
 */
export const rowProblems = (rule: Rule, row: RuleCase): string[] => {
  const f = rule.evaluate(factsOf(row.change));
  const problems: string[] = [];
  if (f.ruleId !== rule.id) problems.push(`the finding is ${f.ruleId}'s`);
  if (f.outcome !== row.outcome) problems.push(`outcome ${f.outcome}, expected ${row.outcome}`);
  if (f.reasons.length === 0) problems.push('no reasons');
  if (f.outcome === 'condition' && (f.conditions ?? []).length === 0)
    problems.push('a condition that asks nothing');
  return problems;
};
