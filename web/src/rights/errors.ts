/**
 * The register's refusals in the user's language: RIGHTS.INVALID names the field and the rule the
 * core checked (src/core/rights/request.ts); the screen says it next to that field
 * (registers/field-errors.ts).
 */
import type { Dictionary } from '../i18n/index.js';
import { registerFieldText, registerRefusal, type RuleWords } from '../registers/field-errors.js';
import type { FieldProblem } from '../api.js';

const WORDS: RuleWords<keyof Dictionary['rights']['errors']> = [
  ['not-in-future', 'future'],
  ['format', 'dateFormat'],
  ['ends-before-start', 'windowOrder'],
  ['span-too-long', 'windowTooLong'],
  ['after-receipt', 'windowAfterReceipt'],
  ['identity-number', 'documentNumber'],
  ['required', 'contactNeeded', 'requesterContact'],
  ['required', 'roomNeeded', 'roomId'],
  ['not-at-site', 'roomSite'],
  ['unknown-reference', 'roomUnknown'],
  ['length-range', 'reasons'],
  ['max-length', 'tooLong'],
];

export const rightsFieldText = (t: Dictionary, fe: Pick<FieldProblem, 'field' | 'rule'>): string =>
  registerFieldText(WORDS, t.rights.errors, fe);

export const rightsRefusal = registerRefusal('RIGHTS.INVALID', WORDS, (t) => t.rights.errors);
