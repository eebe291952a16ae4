/** Repositories of clips, suspensions, objections and incident footage notes (migration 0004). */
import { sql } from 'kysely';
import type { CompiledPolicy } from '../../../core/policy/policy.js';
import type {
  ClipRecord,
  ClipRepository,
  ClipStatus,
  FootageNote,
  FootageNoteKind,
  FootageNoteRepository,
  ObjectionRecord,
  ObjectionRepository,
  RecordingLookups,
  SuspensionRecord,
  SuspensionRepository,
} from '../../../services/recording-ports.js';
import '../schema-alarm.js';
import type { ClipRow, FootageNoteRow, ObjectionRow, SuspensionRow } from '../schema-recording.js';
import '../schema-recording.js';
import '../schema-holds.js';
import type { Executor } from './executor.js';

/** A JSON array of strings from a text column (anything else: empty). */
export const json = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
// PostgreSQL returns bigint and double precision as strings through pg; SQLite as numbers.
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const toClip = (r: ClipRow): ClipRecord => ({
  id: r.id,
  cameraId: r.camera_id,
  roomId: r.room_id,
  siteId: r.site_id,
  alarmId: r.alarm_id,
  incidentId: r.incident_id,
  alarmIds: json(r.alarm_ids),
  incidentIds: json(r.incident_ids),
  conversationId: r.conversation_id,
  mode: r.mode === 'continuous' ? 'continuous' : 'incident',
  policySeq: num(r.policy_seq),
  policyCompiledAt: r.policy_compiled_at,
  policyHash: r.policy_hash,
  assessmentIds: json(r.assessment_ids),
  status: r.status as ClipStatus,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationSeconds: num(r.duration_seconds),
  bytes: num(r.bytes),
  sealedBytes: num(r.sealed_bytes),
  parts: num(r.parts),
  keyframeIntervalSeconds: num(r.keyframe_interval_seconds),
  preRollSeconds: num(r.pre_roll_seconds),
  endReason: r.end_reason,
  codec: r.codec,
  width: num(r.width),
  height: num(r.height),
  manifestDigest: r.manifest_digest,
  retentionHours: Number(r.retention_hours),
  retentionUntil: r.retention_until,
  errorCode: r.error_code,
  createdAt: r.created_at,
  sealedAt: r.sealed_at,
  deletedAt: r.deleted_at,
  deletedReason: r.deleted_reason,
});

const clipRow = (c: ClipRecord): ClipRow => ({
  id: c.id,
  camera_id: c.cameraId,
  room_id: c.roomId,
  site_id: c.siteId,
  alarm_id: c.alarmId,
  incident_id: c.incidentId,
  alarm_ids: JSON.stringify(c.alarmIds),
  incident_ids: JSON.stringify(c.incidentIds),
  conversation_id: c.conversationId,
  mode: c.mode,
  policy_seq: c.policySeq,
  policy_compiled_at: c.policyCompiledAt,
  policy_hash: c.policyHash,
  assessment_ids: JSON.stringify(c.assessmentIds),
  status: c.status,
  started_at: c.startedAt,
  ended_at: c.endedAt,
  duration_seconds: c.durationSeconds,
  bytes: c.bytes,
  sealed_bytes: c.sealedBytes,
  parts: c.parts,
  keyframe_interval_seconds: c.keyframeIntervalSeconds,
  pre_roll_seconds: c.preRollSeconds,
  end_reason: c.endReason,
  codec: c.codec,
  width: c.width,
  height: c.height,
  manifest_digest: c.manifestDigest,
  retention_hours: c.retentionHours,
  retention_until: c.retentionUntil,
  error_code: c.errorCode,
  created_at: c.createdAt,
  sealed_at: c.sealedAt,
  deleted_at: c.deletedAt,
  deleted_reason: c.deletedReason,
});

export const clipRepository = (db: Executor): ClipRepository => ({
  insert: async (c) => {
    await db.insertInto('clips').values(clipRow(c)).execute();
  },
  update: async (c) => {
    const { id, ...rest } = clipRow(c);
    await db.updateTable('clips').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('clips').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toClip(r);
  },
  list: async (f) => {
    let q = db.selectFrom('clips').selectAll();
    if (f.incidentId !== undefined) q = q.where('incident_ids', 'like', `%${JSON.stringify(f.incidentId)}%`);
    if (f.alarmId !== undefined) q = q.where('alarm_ids', 'like', `%${JSON.stringify(f.alarmId)}%`);
    if (f.cameraId !== undefined) q = q.where('camera_id', '=', f.cameraId);
    if (f.siteIds !== undefined) q = q.where('site_id', 'in', f.siteIds.length > 0 ? [...f.siteIds] : ['']);
    if (f.includeDeleted !== true) q = q.where('deleted_at', 'is', null);
    return (
      await q
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 200)
        .execute()
    ).map(toClip);
  },
  expired: async (now, limit, stuckBefore) =>
    (
      await db
        .selectFrom('clips')
        .selectAll()
        .where('deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('status', 'in', ['sealed', 'failed', 'interrupted']),
            eb.and([eb('status', '=', 'recording'), eb('created_at', '<=', stuckBefore)]),
          ]),
        )
        .where('retention_until', 'is not', null)
        .where('retention_until', '<=', now)
        // A live legal hold keeps the clip (migration 0012); an ended hold no longer does.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('clip_holds')
                .select('clip_holds.id')
                .whereRef('clip_holds.clip_id', '=', 'clips.id')
                .where('clip_holds.released_at', 'is', null)
                .where('clip_holds.until', '>', now),
            ),
          ),
        )
        .orderBy('retention_until')
        .limit(limit)
        .execute()
    ).map(toClip),
  unfinished: async () =>
    (await db.selectFrom('clips').selectAll().where('status', '=', 'recording').execute()).map(toClip),
  totals: async () => {
    const r = await db
      .selectFrom('clips')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number | string | null>('sealed_bytes').as('bytes'),
      ])
      .where('status', '=', 'sealed')
      .executeTakeFirstOrThrow();
    return { clips: Number(r.n), sealedBytes: Number(r.bytes ?? 0) };
  },
});

const toSuspension = (r: SuspensionRow): SuspensionRecord => ({
  id: r.id,
  scope: r.scope === 'site' ? 'site' : 'organisation',
  siteId: r.site_id,
  reason: r.reason,
  suspendedBy: r.suspended_by,
  suspendedAt: r.suspended_at,
  resumedBy: r.resumed_by,
  resumedAt: r.resumed_at,
  resumeReason: r.resume_reason,
});

const suspensionRow = (s: SuspensionRecord): SuspensionRow => ({
  id: s.id,
  scope: s.scope,
  site_id: s.siteId,
  reason: s.reason,
  suspended_by: s.suspendedBy,
  suspended_at: s.suspendedAt,
  resumed_by: s.resumedBy,
  resumed_at: s.resumedAt,
  resume_reason: s.resumeReason,
});

export const suspensionRepository = (db: Executor): SuspensionRepository => ({
  insert: async (s) => {
    await db.insertInto('recording_suspensions').values(suspensionRow(s)).execute();
  },
  update: async (s) => {
    const { id, ...rest } = suspensionRow(s);
    await db.updateTable('recording_suspensions').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db
      .selectFrom('recording_suspensions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toSuspension(r);
  },
  active: async () =>
    (
      await db
        .selectFrom('recording_suspensions')
        .selectAll()
        .where('resumed_at', 'is', null)
        .orderBy('suspended_at')
        .execute()
    ).map(toSuspension),
  list: async (limit) =>
    (
      await db
        .selectFrom('recording_suspensions')
        .selectAll()
        .orderBy('suspended_at', 'desc')
        .limit(limit)
        .execute()
    ).map(toSuspension),
});

const toObjection = (r: ObjectionRow): ObjectionRecord => ({
  id: r.id,
  roomId: r.room_id,
  conversationId: r.conversation_id,
  recordedBy: r.recorded_by,
  at: r.at,
});

export const objectionRepository = (db: Executor): ObjectionRepository => ({
  insert: async (o) => {
    await db
      .insertInto('recording_objections')
      .values({
        id: o.id,
        room_id: o.roomId,
        conversation_id: o.conversationId,
        recorded_by: o.recordedBy,
        at: o.at,
      })
      .execute();
  },
  forConversation: async (conversationId) => {
    const r = await db
      .selectFrom('recording_objections')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return r && toObjection(r);
  },
  forConversations: async (conversationIds) => {
    if (conversationIds.length === 0) return [];
    const rows = await db
      .selectFrom('recording_objections')
      .selectAll()
      .where('conversation_id', 'in', [...conversationIds])
      .execute();
    return rows.map(toObjection);
  },
});

const toNote = (r: FootageNoteRow): FootageNote => ({
  id: r.id,
  incidentId: r.incident_id,
  alarmId: r.alarm_id,
  roomId: r.room_id,
  cameraId: r.camera_id,
  kind: r.kind as FootageNoteKind,
  message: r.message,
  clipId: r.clip_id,
  at: r.at,
});

export const footageNoteRepository = (db: Executor): FootageNoteRepository => ({
  insert: async (n) => {
    await db
      .insertInto('incident_footage_notes')
      .values({
        id: n.id,
        incident_id: n.incidentId,
        alarm_id: n.alarmId,
        room_id: n.roomId,
        camera_id: n.cameraId,
        kind: n.kind,
        message: n.message,
        clip_id: n.clipId,
        at: n.at,
      })
      .execute();
  },
  list: async (f) => {
    let q = db.selectFrom('incident_footage_notes').selectAll();
    if (f.incidentId !== undefined) q = q.where('incident_id', '=', f.incidentId);
    if (f.alarmId !== undefined) q = q.where('alarm_id', '=', f.alarmId);
    return (await q.orderBy('at').orderBy('id').execute()).map(toNote);
  },
});

/**
 * Reads of the alarm capability's conversations and the assessment capability's policy versions.
 * policy_versions is read with plain SQL so this file does not depend on that capability's row
 * types; a missing table (the assessment migration not applied) means "no policy": all off.
 */
export const recordingLookups = (db: Executor): RecordingLookups => ({
  runningConversations: async () =>
    (
      await db
        .selectFrom('conversations')
        .select(['id', 'site_id', 'room_id', 'conversation_type_id', 'started_at', 'risk_flag', 'started_by'])
        .where('ended_at', 'is', null)
        .execute()
    ).map((r) => ({
      id: r.id,
      siteId: r.site_id,
      roomId: r.room_id,
      conversationTypeId: r.conversation_type_id,
      startedAt: r.started_at,
      riskFlag: Number(r.risk_flag) === 1,
      startedBy: r.started_by,
    })),
  openAlarms: async () =>
    (
      await db
        .selectFrom('alarms')
        .select(['id', 'incident_id', 'room_id', 'last_press_at'])
        .where('state', '!=', 'closed')
        .execute()
    ).map((r) => ({
      alarmId: r.id,
      incidentId: r.incident_id,
      roomId: r.room_id,
      lastPressAt: r.last_press_at,
    })),
  siteOfIncident: async (incidentId) =>
    (await db.selectFrom('incidents').select('site_id').where('id', '=', incidentId).executeTakeFirst())
      ?.site_id,
  latestPolicy: async () => {
    try {
      const r = await sql<{ seq: number | string; compiled_at: string; hash: string; compiled: string }>`
        SELECT seq, compiled_at, hash, compiled FROM policy_versions ORDER BY seq DESC LIMIT 1`.execute(db);
      const row = r.rows[0];
      if (row === undefined) return undefined;
      return {
        seq: Number(row.seq),
        compiledAt: row.compiled_at,
        hash: row.hash,
        compiled: JSON.parse(row.compiled) as CompiledPolicy,
      };
    } catch (e) {
      if (/policy_versions/i.test(String((e as Error).message))) return undefined;
      throw e;
    }
  },
});
