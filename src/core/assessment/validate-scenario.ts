/**
 * Turns untrusted input into a Scenario or a precise error naming the field path. Shape errors
 * come from the JSON Schema; meaning errors (unknown measure, contradictions) from checks below.
 * Every error is listed, not only the first, so a user fixes a file in one go.
 */
import type { FieldRule } from '../field-rules.js';
import Value from 'typebox/value';
import { err, ok, type Result } from '../result.js';
import { findMeasure, type Measure } from './catalogue.js';
import { ASSESSMENT_TIME_ZONE, localMoment } from './hours.js';
import { RULE_IDS } from './rules/index.js';
import { ScenarioSchema, type Scenario } from './scenario.schema.js';

export interface FieldError {
  /** Dotted path, e.g. "safeguards.retentionHours" or "evidence.incidents[2].date". */
  readonly path: string;
  readonly message: string;
  /** The same, machine-readably, where it has a rule (see field-rules.ts). */
  readonly rule?: FieldRule;
}

const toPath = (instancePath: string): string =>
  instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === '' ? seg : `${acc}.${seg}`), '');

interface RawError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const describe = (e: RawError): string => {
  switch (e.keyword) {
    case 'type':
      return String(e.params['type']) === 'integer'
        ? 'must be a whole number'
        : `must be ${/^[aeiou]/.test(String(e.params['type'])) ? 'an' : 'a'} ${String(e.params['type'])}`;
    case 'enum':
      return `must be one of: ${(e.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'required':
      return 'is required';
    case 'format':
      return String(e.params['format']) === 'date'
        ? 'must be a date (YYYY-MM-DD)'
        : String(e.params['format']) === 'date-time'
          ? 'must be a date-time with offset (e.g. 2023-06-01T19:30:00+02:00)'
          : e.message;
    case 'pattern':
      return 'has the wrong form';
    case 'const':
      return `must be ${JSON.stringify(e.params['allowedValue'])}`;
    default:
      return e.message;
  }
};

/** Schema errors, one per field, without the noise of JSON Schema internals. */
export const schemaErrors = (input: unknown): FieldError[] => {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const raw of Value.Errors(ScenarioSchema, input) as unknown as RawError[]) {
    if (raw.keyword === 'boolean' || raw.keyword === 'anyOf') continue;
    let path = toPath(raw.instancePath);
    const message = describe(raw);
    if (raw.keyword === 'required') {
      const missing: unknown =
        raw.params['requiredProperties'] ?? raw.params['missingProperty'] ?? raw.params['required'];
      const names = Array.isArray(missing)
        ? missing.map(String)
        : typeof missing === 'string'
          ? [missing]
          : [];
      for (const name of names) {
        const p = path === '' ? name : `${path}.${name}`;
        if (!seen.has(p)) out.push({ path: p, message: 'is required', rule: 'required' });
        seen.add(p);
      }
      if (names.length > 0) continue;
    }
    if (raw.keyword === 'additionalProperties') {
      const extra = raw.params['additionalProperties'];
      const names = Array.isArray(extra) ? extra.map(String) : [];
      for (const name of names) {
        const p = path === '' ? name : `${path}.${name}`;
        if (!seen.has(p)) out.push({ path: p, message: 'is not a known field', rule: 'unknown-field' });
        seen.add(p);
      }
      continue;
    }
    if (path === '') path = '(root)';
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message });
  }
  return out;
};

const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Checks of meaning: what the schema cannot express. */
export const meaningErrors = (s: Scenario, measure: Measure): FieldError[] => {
  const out: FieldError[] = [];
  if (s.measure.audio === false && measure.audio) {
    out.push({
      path: 'measure.audio',
      message: `is false, but measure "${measure.id}" records sound by design; choose "continuous-video" for images only`,
    });
  }
  if (s.measure.audio === true && !measure.captures.includes('video')) {
    out.push({
      path: 'measure.audio',
      message: `is true, but measure "${measure.id}" has no camera or microphone`,
    });
  }
  if (
    (s.measure.preRollSeconds !== undefined || s.measure.postRollSeconds !== undefined) &&
    measure.id !== 'incident-recording'
  ) {
    out.push({
      path: 'measure.preRollSeconds',
      message: 'pre-roll and post-roll apply only to "incident-recording"',
    });
  }
  const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(dupes(s.scope.rooms.map((r) => r.id))))
    out.push({ path: 'scope.rooms', message: `room "${id}" is listed twice` });
  for (const id of new Set(dupes(s.scope.conversationTypes.map((c) => c.id)))) {
    out.push({ path: 'scope.conversationTypes', message: `conversation type "${id}" is listed twice` });
  }
  (s.scope.hours ?? []).forEach((w, i) => {
    if (minutes(w.from) >= minutes(w.to))
      out.push({
        path: `scope.hours[${i}].to`,
        message: 'must be later than "from" (split windows that cross midnight)',
      });
  });
  s.alternatives.forEach((a, i) => {
    const alt = findMeasure(a.measure);
    if (alt === undefined)
      out.push({
        path: `alternatives[${i}].measure`,
        message: `"${a.measure}" is not a measure in the catalogue`,
      });
    else if (alt.rank >= measure.rank)
      out.push({
        path: `alternatives[${i}].measure`,
        message: `"${a.measure}" is not less intrusive than "${measure.id}"`,
      });
  });
  (s.evidence.incidents ?? []).forEach((inc, i) => {
    if (dayNumber(inc.date) > dayNumber(s.assessedOn))
      out.push({ path: `evidence.incidents[${i}].date`, message: 'lies after assessedOn' });
    if (inc.occurredAt !== undefined) {
      const local = localMoment(inc.occurredAt);
      if (local === undefined)
        out.push({ path: `evidence.incidents[${i}].occurredAt`, message: 'is not a valid date-time' });
      else if (local.date !== inc.date)
        out.push({
          path: `evidence.incidents[${i}].occurredAt`,
          message: `falls on ${local.date} in ${ASSESSMENT_TIME_ZONE}, but date is ${inc.date}`,
        });
    }
  });
  (s.humanJudgements ?? []).forEach((j, i) => {
    if (!RULE_IDS.includes(j.ruleId))
      out.push({ path: `humanJudgements[${i}].ruleId`, message: `"${j.ruleId}" is not a rule id` });
    if (j.reasons.trim() === '')
      out.push({ path: `humanJudgements[${i}].reasons`, message: 'must give reasons' });
  });
  if (s.legalBasis.provision !== undefined && s.legalBasis.provision.trim() === '') {
    out.push({ path: 'legalBasis.provision', message: 'is empty; leave it out or name the provision' });
  }
  return out;
};

const format = (errors: readonly FieldError[]): string =>
  errors.map((e) => `${e.path}: ${e.message}`).join('; ');

export const validateScenario = (input: unknown): Result<Scenario> => {
  const shape = schemaErrors(input);
  if (shape.length > 0) return err('ASSESSMENT.INVALID_SCENARIO', format(shape), { errors: shape });
  const scenario = input as Scenario;
  const measure = findMeasure(scenario.measure.id);
  if (measure === undefined) {
    const errors = [
      { path: 'measure.id', message: `"${scenario.measure.id}" is not a measure in the catalogue` },
    ];
    return err('ASSESSMENT.UNKNOWN_MEASURE', format(errors), { errors });
  }
  const meaning = meaningErrors(scenario, measure);
  if (meaning.length > 0)
    return err('ASSESSMENT.CONTRADICTORY_SCENARIO', format(meaning), { errors: meaning });
  return ok(scenario);
};
