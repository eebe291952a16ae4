/**
 * `proportio assess scenario.json [--json] [--format md|html|pdf --out FILE] [--lang nl|en]`:
 * the assessment engine without a database. HTML and PDF come from src/adapters/reports; a PDF
 * needs --out. Bad scenarios get an error naming the field (exit 65);
 * the report is printed or written; "not permitted" is a result, not a failure, unless --fail-on.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { renderHtmlReport } from '../../adapters/reports/html-report.js';
import { renderPdfReport } from '../../adapters/reports/pdf-report.js';
import { assessValid } from '../../core/assessment/assess.js';
import { findMeasure } from '../../core/assessment/catalogue.js';
import { compareAlternatives } from '../../core/assessment/compare.js';
import { renderMarkdown } from '../../core/assessment/report-markdown.js';
import { buildReportModel, type ReportModel } from '../../core/assessment/report-model.js';
import type { Lang } from '../../core/assessment/text.js';
import type { Scenario } from '../../core/assessment/scenario.schema.js';
import { validateScenario } from '../../core/assessment/validate-scenario.js';
import { verdictRank, type Verdict } from '../../core/assessment/verdict.js';
import { CliError, EXIT, type CliIo } from '../io.js';

/** A scenario is a few kilobytes; anything near this is not one. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

interface AssessOptions {
  json?: boolean;
  format?: 'md' | 'html' | 'pdf';
  out?: string;
  lang: Lang;
  failOn?: 'not-permitted' | 'conditions';
}

const readScenario = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file}: not a file`, EXIT.NO_INPUT);
    if (info.size > MAX_SCENARIO_BYTES)
      throw new CliError(
        `${file}: larger than ${MAX_SCENARIO_BYTES} bytes; not a scenario`,
        EXIT.DATA_ERR,
        'ASSESSMENT.INVALID_SCENARIO',
      );
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      EXIT.NO_INPUT,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(
      `${file}: not valid JSON (${(e as Error).message})`,
      EXIT.DATA_ERR,
      'ASSESSMENT.INVALID_SCENARIO',
    );
  }
};

/** Validate and assess: the whole pure pipeline from parsed JSON to the valid scenario and its report model. */
export const assessScenario = (input: unknown): { scenario: Scenario; model: ReportModel } => {
  const valid = validateScenario(input);
  if (!valid.ok) throw CliError.fromDomain(valid.error);
  const scenario = valid.value;
  const measure = findMeasure(scenario.measure.id);
  if (measure === undefined)
    throw new CliError(`measure.id: unknown measure`, EXIT.DATA_ERR, 'ASSESSMENT.UNKNOWN_MEASURE');
  return {
    scenario,
    model: buildReportModel(scenario, assessValid(scenario, measure), compareAlternatives(scenario)),
  };
};

export const reportFor = (input: unknown): ReportModel => assessScenario(input).model;

/** The report in the chosen format; rendered completely before anything is written. */
const render = async (
  scenario: Scenario,
  model: ReportModel,
  opts: AssessOptions,
): Promise<string | Buffer> => {
  if (opts.json === true) return `${JSON.stringify(model, null, 2)}\n`;
  switch (opts.format) {
    case 'html':
      return renderHtmlReport(model, opts.lang, { scenario });
    case 'pdf':
      return renderPdfReport(model, opts.lang, { scenario });
    case 'md':
    case undefined:
      return renderMarkdown(model, opts.lang);
  }
};

const failsOn = (verdict: Verdict, failOn: AssessOptions['failOn']): boolean =>
  failOn === 'not-permitted'
    ? verdict === 'not-permitted'
    : failOn === 'conditions'
      ? verdictRank(verdict) < verdictRank('permitted')
      : false;

export const registerAssessCommand = (program: Command, io: CliIo): void => {
  program
    .command('assess')
    .description(
      'assess a scenario file (measure, scope, purpose, evidence, safeguards) and report the verdict',
    )
    .argument('<scenario>', 'scenario JSON file (format: docs/assessment/scenario.schema.json)')
    .option('--json', 'print the report model as JSON')
    .addOption(new Option('--format <format>', 'report format').choices(['md', 'html', 'pdf']))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .addOption(new Option('--lang <lang>', 'report language').choices(['nl', 'en']).default('nl'))
    .addOption(
      new Option('--fail-on <verdict>', 'exit 1 when the verdict is this or worse').choices([
        'not-permitted',
        'conditions',
      ]),
    )
    .action(async (file: string, opts: AssessOptions) => {
      if (opts.json === true && opts.format !== undefined)
        throw new CliError('use either --json or --format, not both', EXIT.USAGE);
      // A PDF on a terminal is noise; it needs a file.
      if (opts.format === 'pdf' && opts.out === undefined)
        throw new CliError('--format pdf needs --out FILE', EXIT.USAGE);
      const { scenario, model } = assessScenario(await readScenario(file));
      const text = await render(scenario, model, opts);
      if (opts.out !== undefined) {
        try {
          await writeFile(opts.out, text);
        } catch (e) {
          throw new CliError(
            `${opts.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
            EXIT.CANT_CREATE,
          );
        }
        io.out(`${opts.out}: ${model.verdict.name[opts.lang]}`);
      } else {
        io.out(typeof text === 'string' ? text : text.toString('utf8'));
      }
      if (failsOn(model.verdict.value, opts.failOn)) throw new CliError('', EXIT.CHECK_FAILED);
    });
};
