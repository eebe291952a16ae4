/** Repository of redaction jobs (migration 0016): plain storage, no rules. */
import type { JobState } from '../../../core/redaction/job.js';
import type {
  RedactionJobRecord,
  RedactionJobRepository,
  RedactionStore,
} from '../../../services/redaction-ports.js';
import type { Database } from '../connection.js';
import '../schema-redaction.js';
import type { RedactionJobRow } from '../schema-redaction.js';
import { createUnitOfWork } from '../store.js';
import type { Executor } from './executor.js';
import { recordingTables } from './recording-store.js';
import { subjectRequestRepository } from './rights.repository.js';

const json = <T>(v: string | null): T | null => (v === null ? null : (JSON.parse(v) as T));
const int = (v: number | string | null): number | null => (v === null ? null : Number(v));

const toJob = (r: RedactionJobRow): RedactionJobRecord => ({
  id: r.id,
  requestId: r.request_id,
  clipId: r.clip_id,
  siteId: r.site_id,
  state: r.state as JobState,
  grantId: r.grant_id,
  tracks: json(r.tracks),
  review: json(r.review),
  errorCode: r.error_code,
  errorMessage: r.error_message,
  frames: int(r.frames),
  pixelatedBoxes: int(r.pixelated_boxes),
  copyBytes: int(r.copy_bytes),
  copySha256: r.copy_sha256,
  copyExpiresAt: r.copy_expires_at,
  copyDeletedAt: r.copy_deleted_at,
  copyDeletedReason: r.copy_deleted_reason,
  downloadedAt: r.downloaded_at,
  heldBy: r.held_by,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (j: RedactionJobRecord): RedactionJobRow => ({
  id: j.id,
  request_id: j.requestId,
  clip_id: j.clipId,
  site_id: j.siteId,
  state: j.state,
  grant_id: j.grantId,
  tracks: j.tracks === null ? null : JSON.stringify(j.tracks),
  review: j.review === null ? null : JSON.stringify(j.review),
  error_code: j.errorCode,
  error_message: j.errorMessage,
  frames: j.frames,
  pixelated_boxes: j.pixelatedBoxes,
  copy_bytes: j.copyBytes,
  copy_sha256: j.copySha256,
  copy_expires_at: j.copyExpiresAt,
  copy_deleted_at: j.copyDeletedAt,
  copy_deleted_reason: j.copyDeletedReason,
  downloaded_at: j.downloadedAt,
  held_by: j.heldBy,
  created_by: j.createdBy,
  created_at: j.createdAt,
  updated_at: j.updatedAt,
});

export const redactionJobRepository = (db: Executor): RedactionJobRepository => ({
  save: async (job) => {
    const row = toRow(job);
    const { id: _id, request_id: _r, clip_id: _c, ...rest } = row;
    await db
      .insertInto('redaction_jobs')
      .values(row)
      .onConflict((oc) => oc.columns(['request_id', 'clip_id']).doUpdateSet(rest))
      .execute();
  },
  get: async (requestId, clipId) => {
    const r = await db
      .selectFrom('redaction_jobs')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('clip_id', '=', clipId)
      .executeTakeFirst();
    return r === undefined ? undefined : toJob(r);
  },
  byRequest: async (requestId) =>
    (
      await db
        .selectFrom('redaction_jobs')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map(toJob),
  inStates: async (states) =>
    states.length === 0
      ? []
      : (
          await db
            .selectFrom('redaction_jobs')
            .selectAll()
            .where('state', 'in', [...states])
            .execute()
        ).map(toJob),
  withCopy: async () =>
    (
      await db
        .selectFrom('redaction_jobs')
        .selectAll()
        .where('copy_sha256', 'is not', null)
        .where('copy_deleted_at', 'is', null)
        .execute()
    ).map(toJob),
});

/** The RedactionStore: the requests' repositories plus the jobs', over one handle. */
export const createRedactionStore = (database: Database): RedactionStore =>
  createUnitOfWork(database, (db, dialect) => ({
    ...recordingTables(db, dialect),
    requests: subjectRequestRepository(db),
    redactions: redactionJobRepository(db),
  }));
