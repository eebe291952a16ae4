/** Error codes of the assessment engine and policy (merged into src/core/errors.ts). */
import { conflict, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const ASSESSMENT_ERRORS = {
  'ASSESSMENT.INVALID_SCENARIO': unprocessable('The scenario is not valid'),
  'ASSESSMENT.UNKNOWN_MEASURE': unprocessable('The measure is not in the catalogue'),
  'ASSESSMENT.CONTRADICTORY_SCENARIO': unprocessable('The scenario contradicts itself'),
  'ASSESSMENT.NOT_APPROVED': conflict('The assessment is not approved'),
  'ASSESSMENT.FORMAT_UNAVAILABLE': {
    status: 501,
    exit: 69,
    title: 'This report format is not yet available',
  },
  'ASSESSMENT.WRONG_STATE': conflict('The assessment is not in a state that allows this'),
  'ASSESSMENT.IMMUTABLE': conflict('An approved assessment version cannot be changed'),
  'ASSESSMENT.FOUR_EYES': conflict('Nobody decides on an assessment version they contributed to'),
  'ASSESSMENT.DPO_ADVICE_MISSING': conflict('The DPO advice is not recorded (GDPR Art. 35(2))'),
  'ASSESSMENT.VIEWS_MISSING': conflict(
    'The data subjects’ views, or why they were not sought, are not recorded (GDPR Art. 35(9))',
  ),
  'ASSESSMENT.JUDGEMENT_MISSING': conflict('A review finding has no recorded human judgement'),
  'ASSESSMENT.NOT_A_REVIEW_FINDING': unprocessable(
    'A human judgement can only be recorded on a review finding',
  ),
  'ASSESSMENT.NOT_PERMITTED_VERDICT': conflict(
    'A measure whose verdict is "not permitted" cannot be approved',
  ),
  'ASSESSMENT.REVIEW_DATE_MISSING': unprocessable('The assessment needs a review date in the future'),
  'ASSESSMENT.CONDITIONS_OPEN': conflict(
    'Conditions that must be met before recording starts are still open',
  ),
  'POLICY.INVALID_ASSESSMENT': unprocessable('An assessment record for the policy is not valid'),
  'POLICY.UNKNOWN_ROOM': notFound('The room has no policy'),
} as const satisfies ErrorTable;
