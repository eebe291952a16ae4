/** Error codes of recording, media and the vault (merged into src/core/errors.ts). */
export const RECORDING_ERRORS = {} as const satisfies Record<string, { status: number; exit: number; title: string }>;
