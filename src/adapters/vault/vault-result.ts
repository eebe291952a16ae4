/**
 * The vault adapter returns core's Result narrowed to its own codes: Result<T, VaultErrorCode>.
 * Streams cannot return values for failures mid-flight; they throw VaultError, which carries the
 * same DomainError, and catchVault turns it back into a Result at the edge.
 */
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { ok, type DomainError, type Result } from '../../core/result.js';

export class VaultError extends Error {
  readonly error: DomainError<VaultErrorCode>;
  constructor(code: VaultErrorCode, message: string, details?: Record<string, unknown>) {
    super(`${code}: ${message}`);
    this.name = 'VaultError';
    this.error = details === undefined ? { code, message } : { code, message, details };
  }

  get code(): VaultErrorCode {
    return this.error.code;
  }
}

/** Turns anything thrown by the vault's own code into a Result; unknown errors stay exceptions. */
export const catchVault = async <T>(fn: () => Promise<T>): Promise<Result<T, VaultErrorCode>> => {
  try {
    return ok(await fn());
  } catch (e) {
    if (e instanceof VaultError) return { ok: false, error: e.error };
    throw e;
  }
};
