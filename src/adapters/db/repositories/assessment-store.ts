/**
 * The AssessmentStore over Kysely: the foundation's repositories plus the assessment tables,
 * bound to the database or to one transaction, so a state change, the policy version it causes
 * and their audit entries commit together.
 */
import type { AssessmentRepositories, AssessmentStore } from '../../../services/assessment-ports.js';
import type { Database } from '../connection.js';
import '../schema-assessment.js';
import { apiTokenRepository, sessionRepository, userRepository } from './account.repository.js';
import { assessmentRepository, policyVersionRepository } from './assessment.repository.js';
import { auditRepository } from './audit.repository.js';
import type { Executor } from './executor.js';
import { incidentRepository } from './incident.repository.js';
import {
  cameraRepository,
  conversationTypeRepository,
  organisationRepository,
  roomRepository,
  settingsRepository,
  siteRepository,
} from './registry.repository.js';

const repositories = (db: Executor, dialect: 'sqlite' | 'postgres'): AssessmentRepositories => ({
  organisation: organisationRepository(db),
  settings: settingsRepository(db),
  sites: siteRepository(db),
  rooms: roomRepository(db),
  cameras: cameraRepository(db),
  conversationTypes: conversationTypeRepository(db),
  users: userRepository(db),
  sessions: sessionRepository(db),
  apiTokens: apiTokenRepository(db),
  audit: auditRepository(db, dialect),
  incidents: incidentRepository(db),
  assessments: assessmentRepository(db),
  policyVersions: policyVersionRepository(db, dialect),
});

/** On the composition root's own database handle: the normal case. */
export const createAssessmentStore = (database: Database): AssessmentStore => ({
  dialect: database.dialect,
  read: repositories(database.db, database.dialect),
  transaction: (fn) => database.db.transaction().execute((trx) => fn(repositories(trx, database.dialect))),
  // The handle belongs to the composition root, which closes it.
  close: async () => undefined,
});
