/**
 * The AssessmentStore: the foundation's store widened to the assessment tables (store.ts), so a
 * state change, the policy version it causes and their audit entries commit together.
 */
import type { AssessmentStore } from '../../../services/assessment-ports.js';
import type { Database } from '../connection.js';
import '../schema-assessment.js';
import { createUnitOfWork } from '../store.js';
import { assessmentRepository, policyVersionRepository } from './assessment.repository.js';

export const createAssessmentStore = (database: Database): AssessmentStore =>
  createUnitOfWork(database, (db, dialect) => ({
    assessments: assessmentRepository(db),
    policyVersions: policyVersionRepository(db, dialect),
  }));
