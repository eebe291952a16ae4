import { DomainFailure, ok, type Result } from '../core/result.js';
import type { AssessmentRepositories, AssessmentStore } from './assessment-ports.js';

/** inTransaction (transaction.ts) for the AssessmentStore: a DomainFailure rolls back, audit entry included, and comes back as a Result error. */
export const inAssessmentTransaction = async <T>(
  store: AssessmentStore,
  fn: (repos: AssessmentRepositories) => Promise<T>,
): Promise<Result<T>> => {
  try {
    return ok(await store.transaction(fn));
  } catch (e) {
    if (e instanceof DomainFailure) return { ok: false, error: e.error };
    throw e;
  }
};
