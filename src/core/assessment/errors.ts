/** Error codes of the assessment engine and policy (merged into src/core/errors.ts). */
export const ASSESSMENT_ERRORS = {} as const satisfies Record<string, { status: number; exit: number; title: string }>;
