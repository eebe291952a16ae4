/**
 * The alternatives comparison, the heart of the report ("welke middelen, per middel de voor- en
 * nadelen"): every catalogue measure evaluated for the same scope, purpose, controller, evidence
 * and safeguards, side by side, and the least intrusive measure that meets the stated purpose.
 */
import { CATALOGUE, type Achievement, type Measure, type MeasureId, type PurposeKind } from './catalogue.js';
import { assessValid, type AssessOptions, type Assessment } from './assess.js';
import type { Outcome } from './rule.js';
import type { Scenario } from './scenario.schema.js';
import { t, type Text } from './text.js';
import type { Verdict } from './verdict.js';

export interface AlternativeRow {
  readonly measureId: MeasureId;
  readonly rank: number;
  readonly name: Text;
  readonly achieves: Readonly<Record<PurposeKind, Achievement>>;
  /** Achieves every stated purpose kind fully, and the scenario does not document it as insufficient. */
  readonly meetsPurpose: boolean;
  /** Why it does or does not meet the purpose. */
  readonly purposeNote: Text;
  readonly findingsSummary: Readonly<Record<Outcome, number>>;
  readonly failedRules: readonly string[];
  readonly verdict: Verdict;
  readonly pros: Text;
  readonly cons: Text;
  /** This row is the measure the scenario assesses. */
  readonly assessed: boolean;
}

export interface Comparison {
  readonly purposeKinds: readonly PurposeKind[];
  readonly rows: readonly AlternativeRow[];
  /** The least intrusive measure that meets the purpose and is not "not permitted"; undefined if none. */
  readonly leastIntrusiveMeetingPurpose: MeasureId | undefined;
  /** Per stated purpose kind: the least intrusive permitted measure that fully achieves it (a combination may be needed). */
  readonly leastIntrusivePerPurpose: Readonly<Partial<Record<PurposeKind, MeasureId>>>;
  readonly conclusion: Text;
}

/** The scenario as if it assessed measure m instead; alternatives kept only where they are lighter than m. */
export const scenarioFor = (s: Scenario, m: Measure): Scenario => {
  if (m.id === s.measure.id) return s;
  // An alternative is hypothetical: it has not started, and refusing it costs no service.
  const measure: Scenario['measure'] = { id: m.id };
  if (s.measure.camera !== undefined && m.captures.includes('video'))
    Object.assign(measure, { camera: s.measure.camera });
  if (m.id === 'incident-recording') {
    if (s.measure.preRollSeconds !== undefined)
      Object.assign(measure, { preRollSeconds: s.measure.preRollSeconds });
    if (s.measure.postRollSeconds !== undefined)
      Object.assign(measure, { postRollSeconds: s.measure.postRollSeconds });
  }
  const rankOf = (id: string) => CATALOGUE.find((c) => c.id === id)?.rank ?? Number.MAX_SAFE_INTEGER;
  // A person's judgement concerns the measure they judged; it never carries over to another one.
  const { humanJudgements: _judged, ...rest } = s;
  return {
    ...rest,
    measure,
    conditionsAccessToService: false,
    alternatives: s.alternatives.filter((a) => rankOf(a.measure) < m.rank),
  };
};

const documentedInsufficient = (s: Scenario, id: MeasureId): string | undefined => {
  const a = s.alternatives.find((x) => x.measure === id);
  return a !== undefined && (a.status === 'in-place-insufficient' || a.status === 'considered-insufficient')
    ? a.reasons
    : undefined;
};

const summary = (a: Assessment): Record<Outcome, number> => {
  const out: Record<Outcome, number> = { pass: 0, fail: 0, condition: 0, review: 0 };
  for (const f of a.findings) out[f.effectiveOutcome] += 1;
  return out;
};

export const compareAlternatives = (scenario: Scenario, options: AssessOptions = {}): Comparison => {
  const kinds = scenario.purpose.kinds;
  const rows = CATALOGUE.map((m): AlternativeRow => {
    const a = assessValid(scenarioFor(scenario, m), m, options);
    const insufficient = m.id === scenario.measure.id ? undefined : documentedInsufficient(scenario, m.id);
    const fully = kinds.length > 0 && kinds.every((k) => m.achieves[k] === 'yes');
    const meetsPurpose = fully && insufficient === undefined;
    const purposeNote =
      kinds.length === 0
        ? t('Geen doel opgegeven.', 'No purpose stated.')
        : !fully
          ? t('Bereikt niet elk gesteld doel volledig.', 'Does not fully achieve every stated purpose.')
          : insufficient !== undefined
            ? t(
                `Volgens de beoordeling onvoldoende: ${insufficient}`,
                `Found insufficient in the assessment: ${insufficient}`,
              )
            : t('Bereikt elk gesteld doel.', 'Achieves every stated purpose.');
    return {
      measureId: m.id,
      rank: m.rank,
      name: m.name,
      achieves: m.achieves,
      meetsPurpose,
      purposeNote,
      findingsSummary: summary(a),
      failedRules: a.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId),
      verdict: a.verdict,
      pros: m.pros,
      cons: m.cons,
      assessed: m.id === scenario.measure.id,
    };
  });
  const best = rows.find((r) => r.meetsPurpose && r.verdict !== 'not-permitted');
  const assessedRow = rows.find((r) => r.assessed);
  const conclusion =
    best === undefined
      ? t(
          'Geen middel uit de catalogus bereikt het gestelde doel en is toegestaan.',
          'No measure in the catalogue meets the stated purpose and is permitted.',
        )
      : assessedRow !== undefined && best.rank < assessedRow.rank
        ? t(
            `Minst ingrijpend middel dat het doel bereikt: ${best.name.nl}. Dat is minder ingrijpend dan het beoordeelde middel (${assessedRow.name.nl}).`,
            `Least intrusive measure that meets the purpose: ${best.name.en}. It is less intrusive than the measure assessed (${assessedRow.name.en}).`,
          )
        : t(
            `Minst ingrijpend middel dat het doel bereikt: ${best.name.nl}.`,
            `Least intrusive measure that meets the purpose: ${best.name.en}.`,
          );
  const perPurpose: Partial<Record<PurposeKind, MeasureId>> = {};
  for (const k of kinds) {
    const row = rows.find((r) => r.achieves[k] === 'yes' && r.verdict !== 'not-permitted');
    if (row !== undefined) perPurpose[k] = row.measureId;
  }
  return {
    purposeKinds: kinds,
    rows,
    leastIntrusiveMeetingPurpose: best?.measureId,
    leastIntrusivePerPurpose: perPurpose,
    conclusion,
  };
};
