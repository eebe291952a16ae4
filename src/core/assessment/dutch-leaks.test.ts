/**
 * Everything the engine writes in Dutch reads as Dutch: every rule's title, reasons, conditions
 * and source, over the example scenarios (the defining case, the demo's mobile alarm buttons,
 * incident-triggered recording) with every measure of the catalogue, and the Dutch report.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { englishLeaks } from '../../../test/support/dutch-leaks.js';
import { assess } from './assess.js';
import { MEASURE_IDS } from './catalogue.js';
import { compareAlternatives } from './compare.js';
import { buildReportModel } from './report-model.js';
import { renderMarkdown } from './report-markdown.js';
import { RULES } from './rules/index.js';
import type { Scenario } from './scenario.schema.js';
import { sourceText } from './sources.js';

const EXAMPLES = ['defining-case', 'mobile-alarm-buttons', 'incident-triggered-recording'];

const example = (name: string): Scenario =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
  ) as Scenario;

/** Every Dutch text of one assessment and its Markdown report, each with where it came from. */
const dutchTexts = (scenario: Scenario): Array<{ where: string; text: string }> => {
  const r = assess(scenario);
  // A measure that does not fit the example (a contradiction) is refused; the rest is checked.
  if (!r.ok) return [];
  const a = r.value;
  const out: Array<{ where: string; text: string }> = [];
  for (const f of a.findings) {
    out.push({ where: `${f.ruleId} title`, text: f.title.nl });
    for (const x of f.reasons) out.push({ where: `${f.ruleId} reason`, text: x.nl });
    for (const c of f.conditions ?? []) out.push({ where: `${f.ruleId} condition`, text: c.text.nl });
    out.push({ where: `${f.ruleId} source`, text: sourceText(f, 'nl') });
  }
  for (const x of a.dpia.reasons) out.push({ where: 'DPIA reason', text: x.nl });
  const comparison = compareAlternatives(scenario);
  const markdown = renderMarkdown(buildReportModel(scenario, a, comparison), 'nl');
  // The report quotes what the organisation typed (title, purpose, statistics): not ours to check.
  const own = [scenario.title, scenario.purpose.text, scenario.evidence.statistics ?? ''].filter((x) => x);
  for (const line of markdown.split('\n'))
    if (!own.some((o) => line.includes(o))) out.push({ where: 'report', text: line });
  return out;
};

const scenarios = EXAMPLES.flatMap((name) =>
  MEASURE_IDS.map((id) => {
    const s = example(name);
    return { name: `${name} with ${id}`, scenario: { ...s, measure: { ...s.measure, id } } };
  }),
);

describe('the Dutch the engine writes has no English in it', () => {
  it('the examples themselves are assessed (not refused)', () => {
    for (const name of EXAMPLES) expect(dutchTexts(example(name)).length, name).toBeGreaterThan(50);
  });

  it.each(scenarios)('$name', ({ scenario }) => {
    const leaks = dutchTexts(scenario)
      .map(({ where, text }) => ({ where, text, leaks: englishLeaks(text) }))
      .filter((x) => x.leaks.length > 0);
    expect(leaks).toEqual([]);
  });

  it('every rule has a Dutch source in words: AVG, no "(verify)", no file name', () => {
    for (const r of RULES) {
      expect(englishLeaks(r.source.nl), r.id).toEqual([]);
      expect(r.source.en, r.id).not.toMatch(/verify|\.md\b/);
    }
  });

  it('a finding stored before sources were bilingual is shown without internal notes', () => {
    const old = { ruleId: 'PROP-1', source: 'EDPB Guidelines 3/2019 §36–39 (verify)' };
    expect(sourceText(old, 'nl')).toBe('EDPB-richtsnoeren 3/2019, punt 36–39 (bron nog niet bevestigd)');
    const gone = { ruleId: 'OLD-9', source: 'WP248 rev.01 criterion 9; the case in DOMAIN.md section 1' };
    expect(sourceText(gone, 'en')).not.toMatch(/DOMAIN\.md|verify/);
  });

  it('the check itself catches a leak', () => {
    expect(englishLeaks('De maatregel must be approved (verify).')).toEqual(
      expect.arrayContaining([' must ', '(verify)']),
    );
    expect(englishLeaks('Zie AUTH.WEAK_PASSWORD')).toEqual(['AUTH.WEAK_PASSWORD']);
    expect(englishLeaks('Het wachtwoord moet minstens 12 tekens hebben.')).toEqual([]);
    expect(englishLeaks('Grondslag art. 6(1)(f) AVG')).toEqual(['6(1)(f)']);
    expect(englishLeaks('Advies van de FG (art. 35(2)).')).toEqual(['35(2)']);
    expect(englishLeaks('Grondslag art. 6 lid 1, onder f AVG; art. 35 lid 2 AVG')).toEqual([]);
  });
});
