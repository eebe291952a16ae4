/**
 * The register's refusals in the user's language: COMPLAINT.INVALID names the field and the rule
 * the core checked (src/core/complaints/complaint.ts); the screen says it next to that field
 * (registers/field-errors.ts).
 */
import type { FieldProblem } from '../api.js';
import type { Dictionary } from '../i18n/index.js';
import { registerFieldText, registerRefusal, type RuleWords } from '../registers/field-errors.js';

const WORDS: RuleWords<keyof Dictionary['complaints']['errors']> = [
  ['not-in-future', 'future'],
  ['format', 'due', 'regulatorDueOn'],
  ['format', 'dateFormat'],
  ['inconsistent', 'sourceKind'],
  ['min-length', 'subject', 'subject'],
  ['identity-number', 'bsn'],
  ['required', 'organisation', 'fromName'],
  ['required', 'siteNeeded', 'siteId'],
  ['before-receipt', 'dueBefore'],
  ['not-later', 'dueLater'],
  ['not-applicable', 'dueComplaint'],
  ['unknown-reference', 'siteUnknown'],
  ['length-range', 'entryText', 'text'],
  ['length-range', 'reasons'],
  ['max-length', 'tooLong'],
];

export const complaintFieldText = (t: Dictionary, fe: Pick<FieldProblem, 'field' | 'rule'>): string =>
  registerFieldText(WORDS, t.complaints.errors, fe);

export const complaintRefusal = registerRefusal('COMPLAINT.INVALID', WORDS, (t) => t.complaints.errors);
