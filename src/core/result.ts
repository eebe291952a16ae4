/**
 * Expected outcomes are values, not exceptions (CONVENTIONS.md): the core returns a Result with a
 * stable error code; the HTTP layer maps codes to RFC 9457 problem+json, the CLI to exit codes.
 */
import type { ErrorCode } from './errors.js';

/** A failure with a stable code; C narrows the codes an adapter can give (e.g. only VAULT.*). */
export interface DomainError<C extends ErrorCode = ErrorCode> {
  readonly code: C;
  readonly message: string;
  /** Machine-readable context (field names, ids). Never personal data of residents. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The one result shape; a Result<T, C> is a Result<T> wherever any code is welcome. */
export type Result<T, C extends ErrorCode = ErrorCode> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError<C> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <C extends ErrorCode>(
  code: C,
  message: string,
  details?: Record<string, unknown>,
): Result<never, C> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown by services when a Result error must abort a transaction; carries the DomainError unchanged. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainFailure';
  }
}

export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainFailure(r.error);
  return r.value;
};

/**
 * Thrown by the database adapter when the disk under the database is full (SQLite SQLITE_FULL,
 * PostgreSQL 53100). Not a domain outcome, so not a DomainFailure: it passes through services
 * unchanged and becomes a 503 STORAGE.FULL (CLI exit 75). The transaction was rolled back; the
 * driver's own error is the `cause`, for the log.
 */
export class StorageFullError extends Error {
  readonly code = 'STORAGE.FULL' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}
