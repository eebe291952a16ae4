/**
 * assess(scenario) → findings per rule, the DPIA determination and the verdict. Pure: the
 * reference date is the scenario's `assessedOn`; incidents come from the scenario or, inside
 * Proportio, from the incident register (options.incidents replaces the scenario's list).
 */
import { err, ok, type Result } from '../result.js';
import { findMeasure, type Measure } from './catalogue.js';
import type { DpiaDetermination } from './dpia.js';
import { deriveFacts } from './facts.js';
import type { Condition } from './rule.js';
import { RULES } from './rules/index.js';
import type { Incident, Scenario } from './scenario.schema.js';
import { validateScenario } from './validate-scenario.js';
import { applyJudgement, conditionsOf, verdictOf, type AssessedFinding, type Verdict } from './verdict.js';

export interface AssessOptions {
  /** Evidence from the incident register; when given, it replaces scenario.evidence.incidents. */
  readonly incidents?: readonly Incident[];
}

export interface Assessment {
  readonly measure: Measure;
  readonly findings: readonly AssessedFinding[];
  readonly dpia: DpiaDetermination;
  readonly verdict: Verdict;
  readonly conditions: readonly Condition[];
}

/** Assess a scenario that has passed validateScenario. */
export const assessValid = (
  scenario: Scenario,
  measure: Measure,
  options: AssessOptions = {},
): Assessment => {
  const incidents = options.incidents ?? scenario.evidence.incidents ?? [];
  const facts = deriveFacts(scenario, measure, incidents);
  const judgements = scenario.humanJudgements ?? [];
  const findings = RULES.map((rule) => applyJudgement(rule.evaluate(facts), rule.title, judgements));
  return {
    measure,
    findings,
    dpia: facts.dpia,
    verdict: verdictOf(findings),
    conditions: conditionsOf(findings),
  };
};

/**
 * Assess a scenario that passed validateScenario when it came in (and was stored so): nothing is
 * validated again, the measure is only looked up.
 */
export const assessValidated = (scenario: Scenario, options: AssessOptions = {}): Result<Assessment> => {
  const measure = findMeasure(scenario.measure.id);
  return measure === undefined
    ? err(
        'ASSESSMENT.UNKNOWN_MEASURE',
        `measure.id: "${scenario.measure.id}" is not a measure in the catalogue`,
      )
    : ok(assessValid(scenario, measure, options));
};

/** Validate, then assess. Bad input gets an error naming the field, never a verdict. */
export const assess = (scenario: unknown, options: AssessOptions = {}): Result<Assessment> => {
  const valid = validateScenario(scenario);
  return valid.ok ? assessValidated(valid.value, options) : valid;
};
