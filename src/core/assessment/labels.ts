/**
 * The names of outcomes, purpose kinds and achievements, Dutch and English: one table each, for
 * every report (Markdown, the DPIA document) and every rule that names them.
 */
import type { Achievement, PurposeKind } from './catalogue.js';
import type { Outcome } from './rule.js';
import { t, type Text } from './text.js';

/** Each name says what the outcome means for approval: a fail blocks it, a review needs a person. */
export const OUTCOME_NAMES: Readonly<Record<Outcome, Text>> = {
  pass: t('voldoet', 'pass'),
  fail: t('blokkeert', 'fail (blocking)'),
  condition: t('voorwaarde', 'condition'),
  review: t('menselijke afweging nodig', 'review (needs a human judgement)'),
};

export const PURPOSE_KIND_NAMES: Readonly<Record<PurposeKind, Text>> = {
  'immediate-help': t('directe hulp', 'immediate help'),
  deterrence: t('afschrikking', 'deterrence'),
  evidence: t('bewijs', 'evidence'),
};

/** How far a measure achieves a purpose kind (the alternatives table). */
export const ACHIEVEMENT_NAMES: Readonly<Record<Achievement, Text>> = {
  yes: t('ja', 'yes'),
  partial: t('deels', 'partly'),
  no: t('nee', 'no'),
};
