import { DomainFailure, ok, type Result } from '../core/result.js';
import type { Repositories, Store } from './ports.js';

/**
 * Runs fn in one transaction. A DomainFailure thrown inside (via unwrap) rolls everything back,
 * audit entry included, and comes back as a Result error; anything else propagates.
 */
export const inTransaction = async <T>(store: Store, fn: (repos: Repositories) => Promise<T>): Promise<Result<T>> => {
  try {
    return ok(await store.transaction(fn));
  } catch (e) {
    if (e instanceof DomainFailure) return { ok: false, error: e.error };
    throw e;
  }
};
