/** The texts of the assessment wizard's steps and summary, in English; typed against the Dutch table. */
import type { AssessmentTexts } from './assessment-nl.js';

export const assessmentEn: AssessmentTexts = {
  steps: {
    measure: 'Measure and scope',
    purpose: 'Purpose',
    basis: 'Legal basis',
    evidence: 'Evidence of the risk',
    alternatives: 'Lighter measures',
    safeguards: 'Safeguards',
    dpia: 'DPIA and people affected',
    review: 'Check and save',
  },
  stepsNav: 'Steps of the assessment',
  stepOf: (n, total) => `Step ${n} of ${total}`,
  next: (step) => `Next: ${step}`,
  back: (step) => `Back: ${step}`,
  noLighter: 'This is the lightest measure: there are no lighter measures to weigh.',
  reviewIntro:
    'Below are the verdict and all findings. Save the assessment as a draft; the DPO’s advice, the views, the judgement on open points and the decision follow on the assessment’s page.',
  summary: 'Verdict so far',
  blocking: 'What blocks it',
  nothingBlocks: 'Nothing blocks it.',
  open: 'Still to arrange',
  nothingOpen: 'No conditions are open.',
  inStep: (step) => `change in step ${step}`,
  afterSaving: 'is recorded after saving, on the assessment’s page (advice, views or judgement)',
  unanswered: 'Not answered yet.',
  yes: 'Yes',
  no: 'No',
  conditionsAccess: 'Does someone who refuses the measure then not get the service?',
  conditionsAccessHint:
    'For example: whoever refuses the camera gets no interview about their benefit. With “Yes” the measure is not permitted: nobody may miss a service because they object to a camera.',
  conditionsAccessYes: 'Yes, whoever refuses does not get the service',
  conditionsAccessNo: 'No, the service goes ahead',
  objection: 'Does recording stop at once when the resident objects?',
  objectionHint:
    'With “No” the measure is not permitted. As long as the question is not answered, it stays a condition.',
  objectionYes: 'Yes, staff switch recording off at once',
  objectionNo: 'No, recording continues',
  letter: 'Text about the camera in the invitation letter',
  letterHint:
    'The paragraph residents read in their invitation beforehand: that there is a camera, when it records and where they can read more.',
  letterSource: 'GDPR Art. 13 (TRN-1)',
  priorConsultation: 'Date the Dutch DPA was consulted',
  priorConsultationHint: 'Required with a high residual risk, before the start.',
  reviewDate: 'Review date (needed for approval)',
  reviewDateHint:
    'By when is the assessment looked at again? You can save the draft without a date, but it can only be approved with a date in the future.',
  titleEditDraft: (n) => `Change the assessment (you are editing the draft of version ${n})`,
  titleEditNew: (n) => `Change the assessment (becomes version ${n})`,
  leave: 'You have answers that are not saved yet. Leave and discard them?',
  withdrawOpen: 'Withdraw the assessment…',
  withdrawConfirm: 'Yes, withdraw',
  withdrawWarning:
    'Withdrawing stops at once what this assessment permitted (for example recording in these rooms). It cannot be undone; that takes a new assessment.',
  withdrawCancel: 'Do not withdraw',
  version: (n) => `Version ${n}`,
  versionOf: (title, n) => `${title} — version ${n}`,
  backToAssessment: 'Back to the assessment',
};
