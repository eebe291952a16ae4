/**
 * Every kind of condition a rule can set points at a wizard question that is on one of its steps,
 * or at a workflow step on the assessment's page. test/integration/assessment-wizard-conditions.test.ts
 * runs the real rules on what the wizard's answers make.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionKind } from '../../../src/core/assessment/rule.js';
import { renderPage, REGISTRY, serveApi } from '../test/harness.js';
import { CONDITION_TARGETS } from './field-map.js';
import { dropDraft } from './wizard-draft.js';
import { Wizard } from './Wizard.js';
import { initialState, type WizardState } from './wizard-state.js';

const registry = REGISTRY;

const isWorkflow = (kind: ConditionKind) => 'workflow' in CONDITION_TARGETS[kind];

afterEach(() => dropDraft('x'));

describe('the conditions in the wizard', () => {
  it('every kind of condition points at a field the wizard shows, or at a workflow step', () => {
    serveApi({ 'GET /api/organisation': null });
    // Answers under which every conditional question is asked (camera with sound, long retention, high risk).
    const everything: WizardState = {
      ...initialState(),
      measure: 'incident-recording',
      audio: true,
      retention: '96',
      residualRisk: 'high',
    };
    renderPage(
      <Wizard
        registry={registry}
        existing={{ id: 'x', state: everything, nextVersion: 2, inPlace: false }}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    const kinds = Object.keys(CONDITION_TARGETS) as ConditionKind[];
    expect(kinds.length).toBe(17);
    for (const kind of kinds) {
      const target = CONDITION_TARGETS[kind];
      if ('workflow' in target) continue;
      for (const id of target.fields)
        expect(document.getElementById(id)?.closest('[data-step]'), `${kind} → ${id}`).not.toBeNull();
    }
    expect(kinds.filter(isWorkflow).sort()).toEqual(['data-subject-views', 'dpo-advice', 'human-judgement']);
  });
});
