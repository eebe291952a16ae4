/**
 * The names of outcomes, purpose kinds and achievements, Dutch and English: one table each, for
 * every report (Markdown, the DPIA document) and every rule that names them.
 */
import type { Achievement, PurposeKind } from './catalogue.js';
import type { Outcome } from './rule.js';
import type { Text } from './text.js';

/** Each name says what the outcome means for approval: a fail blocks it, a review needs a person. */
export const OUTCOME_NAMES: Readonly<Record<Outcome, Text>> = {
  pass: { nl: 'voldoet', en: 'pass' },
  fail: { nl: 'blokkeert', en: 'fail (blocking)' },
  condition: { nl: 'voorwaarde', en: 'condition' },
  review: { nl: 'menselijke afweging nodig', en: 'review (needs a human judgement)' },
};

export const PURPOSE_KIND_NAMES: Readonly<Record<PurposeKind, Text>> = {
  'immediate-help': { nl: 'directe hulp', en: 'immediate help' },
  deterrence: { nl: 'afschrikking', en: 'deterrence' },
  evidence: { nl: 'bewijs', en: 'evidence' },
};

/** How far a measure achieves a purpose kind (the alternatives table). */
export const ACHIEVEMENT_NAMES: Readonly<Record<Achievement, Text>> = {
  yes: { nl: 'ja', en: 'yes' },
  partial: { nl: 'deels', en: 'partly' },
  no: { nl: 'nee', en: 'no' },
};
