/** Error codes of the assessment engine and policy (merged into src/core/errors.ts). */
export const ASSESSMENT_ERRORS = {
  'ASSESSMENT.INVALID_SCENARIO': { status: 422, exit: 65, title: 'The scenario is not valid' },
  'ASSESSMENT.UNKNOWN_MEASURE': { status: 422, exit: 65, title: 'The measure is not in the catalogue' },
  'ASSESSMENT.CONTRADICTORY_SCENARIO': { status: 422, exit: 65, title: 'The scenario contradicts itself' },
  'ASSESSMENT.NOT_APPROVED': { status: 409, exit: 65, title: 'The assessment is not approved' },
  'ASSESSMENT.FORMAT_UNAVAILABLE': { status: 501, exit: 69, title: 'This report format is not yet available' },
  'POLICY.INVALID_ASSESSMENT': { status: 422, exit: 65, title: 'An assessment record for the policy is not valid' },
  'POLICY.UNKNOWN_ROOM': { status: 404, exit: 66, title: 'The room has no policy' },
} as const satisfies Record<string, { status: number; exit: number; title: string }>;
