/** Error codes of the assessment engine and policy (merged into src/core/errors.ts). */
export const ASSESSMENT_ERRORS = {
  'ASSESSMENT.INVALID_SCENARIO': { status: 422, exit: 65, title: 'The scenario is not valid' },
  'ASSESSMENT.UNKNOWN_MEASURE': { status: 422, exit: 65, title: 'The measure is not in the catalogue' },
  'ASSESSMENT.CONTRADICTORY_SCENARIO': { status: 422, exit: 65, title: 'The scenario contradicts itself' },
  'ASSESSMENT.NOT_APPROVED': { status: 409, exit: 65, title: 'The assessment is not approved' },
  'ASSESSMENT.FORMAT_UNAVAILABLE': {
    status: 501,
    exit: 69,
    title: 'This report format is not yet available',
  },
  'ASSESSMENT.WRONG_STATE': {
    status: 409,
    exit: 65,
    title: 'The assessment is not in a state that allows this',
  },
  'ASSESSMENT.IMMUTABLE': {
    status: 409,
    exit: 65,
    title: 'An approved assessment version cannot be changed',
  },
  'ASSESSMENT.FOUR_EYES': {
    status: 409,
    exit: 65,
    title: 'Nobody decides on an assessment version they contributed to',
  },
  'ASSESSMENT.DPO_ADVICE_MISSING': {
    status: 409,
    exit: 65,
    title: 'The DPO advice is not recorded (GDPR Art. 35(2))',
  },
  'ASSESSMENT.VIEWS_MISSING': {
    status: 409,
    exit: 65,
    title: 'The data subjects’ views, or why they were not sought, are not recorded (GDPR Art. 35(9))',
  },
  'ASSESSMENT.JUDGEMENT_MISSING': {
    status: 409,
    exit: 65,
    title: 'A review finding has no recorded human judgement',
  },
  'ASSESSMENT.NOT_A_REVIEW_FINDING': {
    status: 422,
    exit: 65,
    title: 'A human judgement can only be recorded on a review finding',
  },
  'ASSESSMENT.NOT_PERMITTED_VERDICT': {
    status: 409,
    exit: 65,
    title: 'A measure whose verdict is "not permitted" cannot be approved',
  },
  'ASSESSMENT.REVIEW_DATE_MISSING': {
    status: 422,
    exit: 65,
    title: 'The assessment needs a review date in the future',
  },
  'ASSESSMENT.CONDITIONS_OPEN': {
    status: 409,
    exit: 65,
    title: 'Conditions that must be met before recording starts are still open',
  },
  'POLICY.INVALID_ASSESSMENT': {
    status: 422,
    exit: 65,
    title: 'An assessment record for the policy is not valid',
  },
  'POLICY.UNKNOWN_ROOM': { status: 404, exit: 66, title: 'The room has no policy' },
} as const satisfies Record<string, { status: number; exit: number; title: string }>;
