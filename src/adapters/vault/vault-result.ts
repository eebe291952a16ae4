/**
 * Results of the vault adapter. Shaped exactly like core's Result/DomainError but typed with the
 * vault's own codes, so they are assignable to Result<T> once VAULT_ERRORS is part of ERRORS.
 * Streams cannot return values for failures mid-flight; they throw VaultError, which carries the
 * same DomainError shape.
 */
import type { VAULT_ERRORS } from '../../core/recording/vault-errors.js';

export type VaultErrorCode = keyof typeof VAULT_ERRORS;

export interface VaultDomainError {
  readonly code: VaultErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type VaultResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: VaultDomainError };

export const vaultOk = <T>(value: T): VaultResult<T> => ({ ok: true, value });

export const vaultErr = (
  code: VaultErrorCode,
  message: string,
  details?: Record<string, unknown>,
): VaultResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export class VaultError extends Error {
  readonly error: VaultDomainError;
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
export const catchVault = async <T>(fn: () => Promise<T>): Promise<VaultResult<T>> => {
  try {
    return vaultOk(await fn());
  } catch (e) {
    if (e instanceof VaultError) return { ok: false, error: e.error };
    throw e;
  }
};
