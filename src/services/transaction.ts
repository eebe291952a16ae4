import { DomainFailure, ok, type Result } from '../core/result.js';

/** Any store that runs a function in one transaction with repositories bound to it. */
export interface Transactional<R> {
  transaction<T>(fn: (repos: R) => Promise<T>): Promise<T>;
}

/**
 * Runs fn in one transaction. A DomainFailure thrown inside (via unwrap) rolls everything back,
 * audit entry included, and comes back as a Result error; anything else propagates.
 */
export const inTransaction = async <R, T>(
  store: Transactional<R>,
  fn: (repos: R) => Promise<T>,
): Promise<Result<T>> => {
  try {
    return ok(await store.transaction(fn));
  } catch (e) {
    if (e instanceof DomainFailure) return { ok: false, error: e.error };
    throw e;
  }
};
