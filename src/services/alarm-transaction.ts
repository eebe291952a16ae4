import { DomainFailure, ok, type Result } from '../core/result.js';
import type { AlarmRepositories, AlarmStore } from './alarm-ports.js';

/** inTransaction (transaction.ts) for the AlarmStore: a DomainFailure rolls back and comes back as a Result error. */
export const inAlarmTransaction = async <T>(
  store: AlarmStore,
  fn: (repos: AlarmRepositories) => Promise<T>,
): Promise<Result<T>> => {
  try {
    return ok(await store.transaction(fn));
  } catch (e) {
    if (e instanceof DomainFailure) return { ok: false, error: e.error };
    throw e;
  }
};
