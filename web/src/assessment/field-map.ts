/**
 * Where in the wizard a finding or a condition can be changed: rule id → the fields it reads, and
 * condition kind → the field that meets it (or the workflow step that records it after saving).
 * The summary's links jump to the first of these fields that is on screen for the current answers.
 * Ids are the wizard's element ids (idOf in Wizard.tsx); a group's id is the wrapper around it.
 */
import type { ConditionKind } from '../../../src/core/assessment/rule.js';

/** The wizard's element id of an answer: wiz-risk-only for riskOnly. */
export const fieldId = (k: string): string => `wiz-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The wrapper around the lighter measures (one select and reason each). */
export const ALTERNATIVES_ID = 'wiz-alternatives';

export const RULE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'AUD-1': [fieldId('audioJustification'), fieldId('audio'), fieldId('measure')],
  'COV-1': [fieldId('measure')],
  'DPIA-1': [fieldId('dpiaDate')],
  'DPIA-2': [fieldId('priorConsultation'), fieldId('residualRisk'), fieldId('reviewDate')],
  'EMP-1': [fieldId('worksCouncil')],
  'EMP-2': [fieldId('noStaffUse')],
  'LB-1': [fieldId('article'), fieldId('publicAuthority')],
  'LB-2': [fieldId('provision'), fieldId('article')],
  'LB-3': [fieldId('article')],
  'NEC-1': [fieldId('danger'), fieldId('statistics')],
  'NEC-2': [ALTERNATIVES_ID],
  'NEC-3': [fieldId('rooms'), fieldId('riskOnly'), fieldId('workHours')],
  'NEC-4': [fieldId('purposeKinds'), fieldId('measure')],
  'PROP-1': [fieldId('danger'), fieldId('measure')],
  'PROP-2': [fieldId('sign'), fieldId('measure')],
  'PROP-3': [fieldId('conditionsAccess')],
  'PUR-1': [fieldId('purposeText')],
  'RET-1': [fieldId('retention'), fieldId('retentionJustification'), fieldId('automaticDeletion')],
  'RGT-1': [fieldId('rights')],
  'RGT-2': [fieldId('objection')],
  'ROPA-1': [fieldId('measure')],
  'SC-1': [fieldId('art9'), fieldId('audio'), fieldId('types')],
  'SEC-1': [fieldId('accessRoles'), fieldId('fourEyes'), fieldId('logged'), fieldId('encrypted')],
  'TRN-1': [fieldId('sign'), fieldId('secondLayer'), fieldId('letter')],
};

/**
 * The wizard answer behind a field of the scenario that the API names in a field error
 * (`safeguards.retentionHours` → retention): the user reads the answer's label, never the path.
 */
export const SCENARIO_ANSWERS: Readonly<Record<string, string>> = {
  title: 'title',
  measure: 'measure',
  'measure.audio': 'audio',
  'measure.preRollSeconds': 'preRoll',
  'measure.postRollSeconds': 'postRoll',
  'scope.rooms': 'rooms',
  'scope.conversationTypes': 'types',
  'scope.hours': 'workHours',
  'scope.riskFlaggedOnly': 'riskOnly',
  'scope.publiclyAccessible': 'publiclyAccessible',
  'purpose.text': 'purposeText',
  'purpose.kinds': 'purposeKinds',
  'controller.publicAuthority': 'publicAuthority',
  'legalBasis.article': 'article',
  'legalBasis.provision': 'provision',
  'evidence.imminentDanger.statement': 'danger',
  'evidence.imminentDanger.date': 'dangerDate',
  'evidence.imminentDanger': 'danger',
  'evidence.statistics': 'statistics',
  alternatives: 'alternatives',
  'safeguards.transparency.sign': 'sign',
  'safeguards.transparency.secondLayer': 'secondLayer',
  'safeguards.transparency.letterText': 'letter',
  'safeguards.worksCouncilConsentDate': 'worksCouncil',
  'safeguards.retentionHours': 'retention',
  'safeguards.retentionJustification': 'retentionJustification',
  'safeguards.automaticDeletion': 'automaticDeletion',
  'safeguards.access.roles': 'accessRoles',
  'safeguards.access.fourEyes': 'fourEyes',
  'safeguards.access.logged': 'logged',
  'safeguards.access.encryptedAtRest': 'encrypted',
  'safeguards.reviewDate': 'reviewDate',
  'safeguards.objectionSwitchesOff': 'objection',
  'safeguards.rightsProcedure': 'rights',
  'safeguards.noStaffPerformanceUse': 'noStaffUse',
  'safeguards.audioJustification': 'audioJustification',
  'safeguards.art9Exception': 'art9',
  'dpia.date': 'dpiaDate',
  'dpia.residualRisk': 'residualRisk',
  'dpia.priorConsultationDate': 'priorConsultation',
  'peopleAffected.staff': 'staff',
  'peopleAffected.residents': 'residents',
  'peopleAffected.minors': 'minors',
  'peopleAffected.vulnerableGroups': 'vulnerable',
};

/**
 * The answer behind a field path: its longest known prefix, list positions and the request's
 * `scenario` wrapper ignored (`scenario.alternatives.2.reasons` → alternatives).
 */
export const answerFor = (path: string): string | undefined => {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((p) => p !== '' && !/^\d+$/.test(p));
  if (parts[0] === 'scenario') parts.shift();
  for (let n = parts.length; n > 0; n--) {
    const answer = SCENARIO_ANSWERS[parts.slice(0, n).join('.')];
    if (answer) return answer;
  }
  return undefined;
};

/** The workflow records these on the assessment's page once it is saved, not the wizard. */
export type WorkflowStep = 'advice' | 'views' | 'judgement';

export type ConditionTarget = { readonly fields: readonly string[] } | { readonly workflow: WorkflowStep };

/** Every kind of condition a rule can set, and where the user meets it (typed: none can be left out). */
export const CONDITION_TARGETS: Readonly<Record<ConditionKind, ConditionTarget>> = {
  'retention-max': { fields: [fieldId('retention'), fieldId('retentionJustification')] },
  'automatic-deletion': { fields: [fieldId('automaticDeletion')] },
  'no-audio': { fields: [fieldId('audio')] },
  signage: { fields: [fieldId('sign')] },
  'second-layer': { fields: [fieldId('secondLayer')] },
  letter: { fields: [fieldId('letter')] },
  'works-council-consent': { fields: [fieldId('worksCouncil')] },
  'dpo-advice': { workflow: 'advice' },
  'data-subject-views': { workflow: 'views' },
  'review-date': { fields: [fieldId('reviewDate')] },
  'rights-procedure': { fields: [fieldId('rights')] },
  'objection-switch': { fields: [fieldId('objection')] },
  'access-control': {
    fields: [fieldId('accessRoles'), fieldId('fourEyes'), fieldId('logged'), fieldId('encrypted')],
  },
  'no-staff-performance-use': { fields: [fieldId('noStaffUse')] },
  'alternatives-documented': { fields: [ALTERNATIVES_ID] },
  'dpia-before-start': { fields: [fieldId('dpiaDate')] },
  'human-judgement': { workflow: 'judgement' },
};

/** The fields a finding's condition or a finding itself points at. */
export const fieldsFor = (ruleId: string, kind?: ConditionKind): readonly string[] => {
  const target = kind === undefined ? undefined : CONDITION_TARGETS[kind];
  if (target && 'fields' in target) return target.fields;
  return RULE_FIELDS[ruleId] ?? [];
};
