/**
 * Every condition a rule can set can be met from the UI (issue 11): on scenarios made by the
 * wizard's own toScenario from answers a user can give, the real rules (src/core/assessment)
 * leave only the conditions the workflow records on the assessment's page (DPO advice, views,
 * human judgement). web/src/assessment/conditions.test.tsx checks that each condition's field is
 * on a wizard step.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assessment/assess.js';
import type { Condition, ConditionKind } from '../../src/core/assessment/rule.js';
import { MEASURE_IDS } from '../../web/src/api.js';
import { CONDITION_TARGETS } from '../../web/src/assessment/field-map.js';
import {
  initialState,
  lighterThan,
  toScenario,
  type WizardState,
} from '../../web/src/assessment/wizard-state.js';
import type { Registry } from '../../web/src/registry.js';

const registry = {
  rooms: [{ id: 'r-1' }],
  types: [{ id: 'c-1', sensitive: true }],
  roomName: () => 'Spreekkamer 1',
  typeName: () => 'Bijstandsgesprek',
} as unknown as Registry;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** What a user who only picks a measure and its scope gives: every condition is still open. */
const bare = (measure: string): WizardState => ({
  ...initialState(),
  title: 'Afweging',
  measure,
  rooms: ['r-1'],
  types: ['c-1'],
  purposeText: 'Hulp halen bij agressie in Spreekkamer 1 tijdens bijstandsgesprekken',
  retention: measure === 'incident-recording' ? '96' : '',
});

/** Every question answered as the rules want it. */
const complete = (measure: string): WizardState => ({
  ...bare(measure),
  purposeKinds: ['immediate-help', 'evidence'],
  provision: 'Arbeidsomstandighedenwet art. 3 lid 2',
  alternatives: Object.fromEntries(
    lighterThan(measure).map((m) => [
      m,
      { status: 'in-place-insufficient' as const, reasons: 'Onvoldoende.' },
    ]),
  ),
  sign: true,
  secondLayer: true,
  letter: 'In de spreekkamer hangt een camera die alleen bij een alarm opneemt.',
  worksCouncil: day(-30),
  retention: '72',
  automaticDeletion: true,
  accessRoles: 'beveiligingscoördinator',
  fourEyes: true,
  logged: true,
  encrypted: true,
  objection: 'yes',
  rights: true,
  noStaffUse: true,
  reviewDate: day(365),
  dpiaDate: day(-10),
  residualRisk: 'medium',
  conditionsAccess: 'no',
});

const conditionsOf = (s: WizardState): readonly Condition[] => {
  const result = assess(toScenario(s, registry, 'Gemeente'), { incidents: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.conditions;
};

const isWorkflow = (kind: ConditionKind) => 'workflow' in CONDITION_TARGETS[kind];

describe('every condition a rule sets can be met from the UI', () => {
  it.each(MEASURE_IDS.filter((m) => m !== 'covert-recording'))(
    '%s: once every question is answered, only the workflow’s own conditions are left',
    (measure) => {
      const before = conditionsOf(bare(measure));
      const after = conditionsOf(complete(measure));
      expect(after.filter((c) => !isWorkflow(c.kind))).toEqual([]);
      // Not vacuous: the bare answers did raise conditions the wizard's questions then met.
      if (measure === 'incident-recording')
        expect(new Set(before.filter((c) => !isWorkflow(c.kind)).map((c) => c.kind))).toEqual(
          new Set<ConditionKind>([
            'signage',
            'second-layer',
            'letter',
            'works-council-consent',
            'review-date',
            'rights-procedure',
            'objection-switch',
            'access-control',
            'no-staff-performance-use',
            'retention-max',
            'automatic-deletion',
            'dpia-before-start',
          ]),
        );
    },
  );

  it('TRN-1’s invitation letter is met by the letter question (the camera is no longer "onder voorwaarden" for it)', () => {
    const without = conditionsOf({ ...complete('incident-recording'), letter: '' });
    expect(without.map((c) => c.kind)).toContain('letter');
    expect(conditionsOf(complete('incident-recording')).map((c) => c.kind)).not.toContain('letter');
  });
});
