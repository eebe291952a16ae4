/** Repositories of residents' requests (migration 0014): plain storage, no rules. */
import type { LegalHold } from '../../../core/recording/holds.js';
import { SUPERSEDED_COPY } from '../../../core/redaction/job.js';
import type { SubjectRequest } from '../../../core/rights/request.js';
import type {
  CandidateAlarm,
  CandidateClip,
  ClipOutcome,
  LetterRecord,
  RequestClipLink,
  RequestEvent,
  RightsStore,
  SubjectRequestRepository,
} from '../../../services/rights-ports.js';
import type { Database } from '../connection.js';
import '../schema-alarm.js';
import '../schema-holds.js';
import '../schema-recording.js';
import '../schema-redaction.js';
import '../schema-rights.js';
import type { RequestClipRow, SubjectRequestRow } from '../schema-rights.js';
import { createUnitOfWork } from '../store.js';
import type { Executor } from './executor.js';
import { holdRow } from './hold.repository.js';
import { recordingTables } from './recording-store.js';

const toRequest = (r: SubjectRequestRow): SubjectRequest =>
  ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    siteId: r.site_id,
    roomId: r.room_id,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    recognition: r.recognition,
    requesterName: r.requester_name,
    requesterContact: r.requester_contact,
    contactErasedAt: r.contact_erased_at,
    identityMethod: r.identity_method,
    identityNote: r.identity_note,
    language: r.language,
    status: r.status,
    decision: r.decision,
    decisionReasons: r.decision_reasons,
    decidedOn: r.decided_on,
    extensionNotifiedOn: r.extension_notified_on,
    extensionReasons: r.extension_reasons,
    answeredOn: r.answered_on,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }) as SubjectRequest;

const requestRow = (r: SubjectRequest): SubjectRequestRow => ({
  id: r.id,
  kind: r.kind,
  channel: r.channel,
  received_at: r.receivedAt,
  received_on: r.receivedOn,
  site_id: r.siteId,
  room_id: r.roomId,
  window_from: r.windowFrom,
  window_to: r.windowTo,
  recognition: r.recognition,
  requester_name: r.requesterName,
  requester_contact: r.requesterContact,
  contact_erased_at: r.contactErasedAt,
  identity_method: r.identityMethod,
  identity_note: r.identityNote,
  language: r.language,
  status: r.status,
  decision: r.decision,
  decision_reasons: r.decisionReasons,
  decided_on: r.decidedOn,
  extension_notified_on: r.extensionNotifiedOn,
  extension_reasons: r.extensionReasons,
  answered_on: r.answeredOn,
  closed_at: r.closedAt,
  close_reason: r.closeReason,
  created_by: r.createdBy,
  created_at: r.createdAt,
});

const toLink = (r: RequestClipRow): RequestClipLink => ({
  requestId: r.request_id,
  clipId: r.clip_id,
  linkedBy: r.linked_by,
  linkedAt: r.linked_at,
  outcome: r.outcome as ClipOutcome | null,
  outcomeReason: r.outcome_reason,
  policeReport: r.police_report,
  actedAt: r.acted_at,
  actedBy: r.acted_by,
});

const linkRow = (l: RequestClipLink): RequestClipRow => ({
  request_id: l.requestId,
  clip_id: l.clipId,
  linked_by: l.linkedBy,
  linked_at: l.linkedAt,
  outcome: l.outcome,
  outcome_reason: l.outcomeReason,
  police_report: l.policeReport,
  acted_at: l.actedAt,
  acted_by: l.actedBy,
});

const parseDetails = (s: string): Record<string, unknown> => {
  const v: unknown = JSON.parse(s);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

export const subjectRequestRepository = (db: Executor): SubjectRequestRepository => ({
  insert: async (r) => {
    await db.insertInto('subject_requests').values(requestRow(r)).execute();
  },
  update: async (r) => {
    const { id, ...rest } = requestRow(r);
    await db.updateTable('subject_requests').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRequest(r);
  },
  list: async (f) => {
    let q = db.selectFrom('subject_requests').selectAll();
    if (f.status !== undefined) q = q.where('status', 'in', f.status.length > 0 ? [...f.status] : ['']);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.siteIds !== undefined) q = q.where('site_id', 'in', f.siteIds.length > 0 ? [...f.siteIds] : ['']);
    return (
      await q
        .orderBy('received_on', 'desc')
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 500)
        .execute()
    ).map(toRequest);
  },
  contactsDue: async (closedBefore, limit) =>
    (
      await db
        .selectFrom('subject_requests')
        .selectAll()
        .where('closed_at', 'is not', null)
        .where('closed_at', '<=', closedBefore)
        .where('contact_erased_at', 'is', null)
        .orderBy('closed_at')
        .limit(limit)
        .execute()
    ).map(toRequest),
  addEvent: async (e: RequestEvent) => {
    const last = await db
      .selectFrom('subject_request_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('request_id', '=', e.requestId)
      .executeTakeFirst();
    await db
      .insertInto('subject_request_events')
      .values({
        id: e.id,
        request_id: e.requestId,
        seq: Number(last?.seq ?? 0) + 1,
        at: e.at,
        by: e.by,
        action: e.action,
        details: JSON.stringify(e.details),
      })
      .execute();
  },
  events: async (requestId) =>
    (
      await db
        .selectFrom('subject_request_events')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('seq')
        .execute()
    ).map((r) => ({
      id: r.id,
      requestId: r.request_id,
      at: r.at,
      by: r.by,
      action: r.action,
      details: parseDetails(r.details),
    })),
  linkClip: async (l) => {
    await db.insertInto('request_clips').values(linkRow(l)).execute();
  },
  updateClip: async (l) => {
    const { request_id, clip_id, ...rest } = linkRow(l);
    await db
      .updateTable('request_clips')
      .set(rest)
      .where('request_id', '=', request_id)
      .where('clip_id', '=', clip_id)
      .execute();
  },
  clips: async (requestId) =>
    (
      await db
        .selectFrom('request_clips')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('linked_at')
        .orderBy('clip_id')
        .execute()
    ).map(toLink),
  copies: async (requestId) =>
    (
      await db
        .selectFrom('redaction_jobs as j')
        .leftJoin('clips as c', 'c.id', 'j.clip_id')
        .select(['j.clip_id', 'j.copy_sha256', 'j.copy_bytes', 'c.started_at', 'c.ended_at'])
        .where('j.request_id', '=', requestId)
        .where('j.copy_sha256', 'is not', null)
        .where((w) =>
          w.or([
            w('j.copy_deleted_reason', 'is', null),
            w('j.copy_deleted_reason', 'not in', [...SUPERSEDED_COPY]),
          ]),
        )
        .orderBy('c.started_at')
        .orderBy('j.clip_id')
        .execute()
    ).map((r) => ({
      clipId: r.clip_id,
      sha256: r.copy_sha256!,
      bytes: Number(r.copy_bytes ?? 0),
      clipStartedAt: r.started_at ?? null,
      clipEndedAt: r.ended_at ?? null,
    })),
  addLetter: async (l: LetterRecord) => {
    await db
      .insertInto('subject_request_letters')
      .values({
        id: l.id,
        request_id: l.requestId,
        kind: l.kind,
        language: l.language,
        sent_on: l.sentOn,
        sent_by: l.sentBy,
        digest: l.digest,
        format: l.format,
      })
      .execute();
  },
  letters: async (requestId) =>
    (
      await db
        .selectFrom('subject_request_letters')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('sent_on')
        .orderBy('id')
        .execute()
    ).map((r) => ({
      id: r.id,
      requestId: r.request_id,
      kind: r.kind as LetterRecord['kind'],
      language: r.language as LetterRecord['language'],
      sentOn: r.sent_on,
      sentBy: r.sent_by,
      digest: r.digest,
      format: r.format as LetterRecord['format'],
    })),
  clipsOverlapping: async (where, from, to) => {
    let q = db
      .selectFrom('clips')
      .select([
        'id',
        'camera_id',
        'room_id',
        'site_id',
        'status',
        'started_at',
        'ended_at',
        'duration_seconds',
        'retention_until',
      ])
      .where('started_at', 'is not', null)
      .where('started_at', '<', to)
      .where((eb) =>
        eb.or([
          eb('ended_at', '>=', from),
          eb.and([eb('ended_at', 'is', null), eb('started_at', '>=', from)]),
          eb.and([eb('ended_at', 'is', null), eb('status', '=', 'recording')]),
        ]),
      );
    q = where.roomId !== null ? q.where('room_id', '=', where.roomId) : q.where('site_id', '=', where.siteId);
    const rows = await q.orderBy('started_at').orderBy('id').limit(500).execute();
    return rows.map((r): CandidateClip => ({
      id: r.id,
      cameraId: r.camera_id,
      roomId: r.room_id,
      siteId: r.site_id,
      status: r.status,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
      retentionUntil: r.retention_until,
    }));
  },
  alarmsOverlapping: async (where, from, to) => {
    let q = db
      .selectFrom('alarms')
      .leftJoin('conversations', 'conversations.id', 'alarms.conversation_id')
      .select([
        'alarms.id as alarmId',
        'alarms.incident_id as incidentId',
        'alarms.room_id as roomId',
        'alarms.raised_at as raisedAt',
        'alarms.conversation_id as conversationId',
        'conversations.started_at as conversationStartedAt',
        'conversations.ended_at as conversationEndedAt',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('incident_report_versions')
              .select('incident_report_versions.incident_id')
              .whereRef('incident_report_versions.incident_id', '=', 'alarms.incident_id'),
          )
          .as('reported'),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb('alarms.raised_at', '>=', from), eb('alarms.raised_at', '<', to)]),
          eb.and([
            eb('conversations.started_at', '<', to),
            eb.or([eb('conversations.ended_at', 'is', null), eb('conversations.ended_at', '>=', from)]),
          ]),
        ]),
      );
    q =
      where.roomId !== null
        ? q.where('alarms.room_id', '=', where.roomId)
        : q.where('alarms.site_id', '=', where.siteId);
    const rows = await q.orderBy('alarms.raised_at').orderBy('alarms.id').limit(200).execute();
    return rows.map((r): CandidateAlarm => ({
      alarmId: r.alarmId,
      incidentId: r.incidentId,
      roomId: r.roomId,
      raisedAt: r.raisedAt,
      conversationId: r.conversationId,
      conversationStartedAt: r.conversationStartedAt ?? null,
      conversationEndedAt: r.conversationEndedAt ?? null,
      reported: r.reported === true || Number(r.reported) === 1,
    }));
  },
  insertRestriction: async (h: LegalHold, requestId) => {
    await db
      .insertInto('clip_holds')
      .values({ ...holdRow(h), kind: 'restriction', request_id: requestId })
      .execute();
  },
  restrictionHolds: async (clipId) =>
    new Map(
      (
        await db
          .selectFrom('clip_holds')
          .select(['id', 'request_id'])
          .where('clip_id', '=', clipId)
          .where('kind', '=', 'restriction')
          .execute()
      ).map((r) => [r.id, r.request_id]),
    ),
  restricted: async (clipIds, now) => {
    if (clipIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('clip_holds')
      .select('clip_id')
      .where('clip_id', 'in', [...clipIds])
      .where('kind', '=', 'restriction')
      .where('released_at', 'is', null)
      .where('until', '>', now)
      .execute();
    return new Set(rows.map((r) => r.clip_id));
  },
});

/** The RightsStore: the recording store's repositories plus the requests', over one handle. */
export const createRightsStore = (database: Database): RightsStore =>
  createUnitOfWork(database, (db, dialect) => ({
    ...recordingTables(db, dialect),
    requests: subjectRequestRepository(db),
  }));
