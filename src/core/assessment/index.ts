/** Public API of the assessment engine (pure). */
export {
  CATALOGUE,
  MEASURE_IDS,
  PURPOSE_KINDS,
  findMeasure,
  type Measure,
  type MeasureId,
  type PurposeKind,
} from './catalogue.js';
export { assess, assessValid, assessValidated, type Assessment, type AssessOptions } from './assess.js';
export { compareAlternatives, type AlternativeRow, type Comparison } from './compare.js';
export type { DpiaDetermination, NamedItem } from './dpia.js';
export { buildReportModel, type ReportFinding, type ReportModel } from './report-model.js';
export { renderMarkdown } from './report-markdown.js';
export type { Condition, Finding, Outcome, Rule } from './rule.js';
export { RULES, RULE_IDS } from './rules/index.js';
export { ScenarioSchema, type HumanJudgement, type Incident, type Scenario } from './scenario.schema.js';
export type { Lang, Text } from './text.js';
export { validateScenario, type FieldError } from './validate-scenario.js';
export { VERDICT_NAMES, verdictRank, type AssessedFinding, type Verdict } from './verdict.js';
