/**
 * Test support for the report renderers (imported by *.test.ts only): an example scenario from
 * examples/, optionally changed, validated and assessed into the report model the renderers take.
 */
import { readFileSync } from 'node:fs';
import { assessValid } from '../../core/assessment/assess.js';
import { findMeasure } from '../../core/assessment/catalogue.js';
import { compareAlternatives } from '../../core/assessment/compare.js';
import { buildReportModel, type ReportModel } from '../../core/assessment/report-model.js';
import type { Scenario } from '../../core/assessment/scenario.schema.js';
import { validateScenario } from '../../core/assessment/validate-scenario.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

export const exampleReport = (
  name: 'defining-case' | 'incident-triggered-recording' | 'mobile-alarm-buttons',
  change: (s: Scenario) => Scenario = (s) => s,
): { scenario: Scenario; model: ReportModel } => {
  const raw = JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8')) as Scenario;
  const valid = validateScenario(change(raw));
  if (!valid.ok) throw new Error(valid.error.message);
  const scenario = valid.value;
  const measure = findMeasure(scenario.measure.id);
  if (measure === undefined) throw new Error(`unknown measure ${scenario.measure.id}`);
  return {
    scenario,
    model: buildReportModel(scenario, assessValid(scenario, measure), compareAlternatives(scenario)),
  };
};
