/**
 * What an entry of the error catalogue holds, and the kinds most codes are: each kind pairs an
 * HTTP status with the CLI exit code of the same meaning (sysexits.h), so a table names the kind
 * once instead of repeating two numbers. Codes of a rarer kind spell out `{ status, exit, title }`.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly exit: number;
  readonly title: string;
}

export type ErrorTable = Readonly<Record<string, ErrorSpec>>;

const kind =
  (status: number, exit: number) =>
  (title: string): ErrorSpec => ({ status, exit, title });

/** 400, exit 65 (data error): the request or message is malformed. */
export const invalid = kind(400, 65);
/** 401, exit 77 (no permission): who asks is not known, or proved it wrongly. */
export const unauthenticated = kind(401, 77);
/** 403, exit 77 (no permission): known, and not allowed. */
export const forbidden = kind(403, 77);
/** 404, exit 66 (no input): what is named does not exist (or is not this user's to see). */
export const notFound = kind(404, 66);
/** 409, exit 65 (data error): the state of things does not allow it now. */
export const conflict = kind(409, 65);
/** 422, exit 65 (data error): well-formed, but its content is not acceptable. */
export const unprocessable = kind(422, 65);
/** 429, exit 75 (try again later). */
export const rateLimited = kind(429, 75);
