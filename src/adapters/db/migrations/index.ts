import type { Migration as KyselyMigration, MigrationProvider } from 'kysely';
import { m0001Foundation } from './0001-foundation.js';
import { m0002Alarms } from './0002-alarms.js';
import { m0003Assessments } from './0003-assessments.js';
import { m0004Recording } from './0004-recording.js';
import { m0005ApiTokens } from './0005-api-tokens.js';
import { m0006IncidentReportVersions } from './0006-incident-report-versions.js';
import { m0007AuditHardening } from './0007-audit-hardening.js';
import { m0008CameraStatus } from './0008-camera-status.js';
import { m0009AssessmentContributions } from './0009-assessment-contributions.js';
import { m0010VaultCustody } from './0010-vault-custody.js';
import { m0011Viewing } from './0011-viewing.js';
import { m0012HoldsAndDeletions } from './0012-holds-and-deletions.js';
import { m0014SubjectRequests } from './0014-subject-requests.js';
import { m0015Complaints } from './0015-complaints.js';
import { m0016RedactionJobs } from './0016-redaction-jobs.js';
import { m0017RequestLetterFormat } from './0017-request-letter-format.js';
import { m0018RecorderAgents } from './0018-recorder-agents.js';
import { m0019SharedState } from './0019-shared-state.js';
import { m0020RedactionHeldBy } from './0020-redaction-held-by.js';
import type { Dialect, Migration } from './migration.js';

export type { Dialect, Migration } from './migration.js';

/** Ordered list; names are permanent once released. Add new migrations at the end. */
export const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['0001-foundation', m0001Foundation],
  ['0002-alarms', m0002Alarms],
  ['0003-assessments', m0003Assessments],
  ['0004-recording', m0004Recording],
  ['0005-api-tokens', m0005ApiTokens],
  ['0006-incident-report-versions', m0006IncidentReportVersions],
  ['0007-audit-hardening', m0007AuditHardening],
  ['0008-camera-status', m0008CameraStatus],
  ['0009-assessment-contributions', m0009AssessmentContributions],
  ['0010-vault-custody', m0010VaultCustody],
  ['0011-viewing', m0011Viewing],
  ['0012-holds-and-deletions', m0012HoldsAndDeletions],
  ['0014-subject-requests', m0014SubjectRequests],
  ['0015-complaints', m0015Complaints],
  ['0016-redaction-jobs', m0016RedactionJobs],
  ['0017-request-letter-format', m0017RequestLetterFormat],
  ['0018-recorder-agents', m0018RecorderAgents],
  ['0019-shared-state', m0019SharedState],
  ['0020-redaction-held-by', m0020RedactionHeldBy],
];

export const migrationProvider = (dialect: Dialect): MigrationProvider => ({
  getMigrations: () =>
    Promise.resolve(
      Object.fromEntries(
        MIGRATIONS.map(([name, m]): [string, KyselyMigration] => [name, { up: (db) => m.up(db, dialect) }]),
      ),
    ),
});
