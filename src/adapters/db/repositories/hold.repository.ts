/** Repositories of legal holds and deletion records (migration 0012): plain storage, no rules. */
import { sql } from 'kysely';
import type { LegalHold } from '../../../core/recording/holds.js';
import type {
  ClipDeletionRepository,
  ClipHoldRepository,
  DeletionReason,
  DeletionRecord,
} from '../../../services/hold-ports.js';
import type { Dialect } from '../migrations/migration.js';
import type { ClipDeletionRow, ClipHoldRow } from '../schema-holds.js';
import '../schema-holds.js';
import '../schema-recording.js';
import type { Executor } from './executor.js';
import { json } from './recording.repository.js';

const toHold = (r: ClipHoldRow): LegalHold => ({
  id: r.id,
  clipId: r.clip_id,
  reason: r.reason,
  policeReport: r.police_report,
  until: r.until,
  placedBy: r.placed_by,
  placedAt: r.placed_at,
  extendedAt: r.extended_at,
  extendedBy: r.extended_by,
  extensionReason: r.extension_reason,
  beyondMaximum: Number(r.beyond_maximum) === 1,
  releasedAt: r.released_at,
  releasedBy: r.released_by,
  releaseReason: r.release_reason,
});

/** The columns of a legal hold (0014's kind and request_id keep their defaults: 'legal', none). */
export const holdRow = (h: LegalHold): Omit<ClipHoldRow, 'kind' | 'request_id'> => ({
  id: h.id,
  clip_id: h.clipId,
  reason: h.reason,
  police_report: h.policeReport,
  until: h.until,
  placed_by: h.placedBy,
  placed_at: h.placedAt,
  extended_at: h.extendedAt,
  extended_by: h.extendedBy,
  extension_reason: h.extensionReason,
  beyond_maximum: h.beyondMaximum ? 1 : 0,
  released_at: h.releasedAt,
  released_by: h.releasedBy,
  release_reason: h.releaseReason,
});

export const clipHoldRepository = (db: Executor, dialect: Dialect): ClipHoldRepository => ({
  insert: async (h) => {
    await db.insertInto('clip_holds').values(holdRow(h)).execute();
  },
  update: async (h) => {
    const { id, ...rest } = holdRow(h);
    await db.updateTable('clip_holds').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('clip_holds').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toHold(r);
  },
  forClip: async (clipId) =>
    (
      await db
        .selectFrom('clip_holds')
        .selectAll()
        .where('clip_id', '=', clipId)
        .orderBy('placed_at')
        .orderBy('id')
        .execute()
    ).map(toHold),
  liveUntil: async (clipIds, now) => {
    if (clipIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('clip_holds')
      .select(['clip_id', (eb) => eb.fn.max('until').as('until')])
      .where('clip_id', 'in', [...clipIds])
      .where('released_at', 'is', null)
      .where('until', '>', now)
      .groupBy('clip_id')
      .execute();
    return new Map(rows.map((r) => [r.clip_id, String(r.until)]));
  },
  lapsing: async (now, before) =>
    (
      await db
        .selectFrom('clip_holds')
        .selectAll()
        .where('released_at', 'is', null)
        .where('until', '>', now)
        .where('until', '<', before)
        .orderBy('until')
        .orderBy('id')
        .limit(500)
        .execute()
    ).map(toHold),
  lockClip: async (clipId) => {
    if (dialect === 'postgres') await sql`SELECT id FROM clips WHERE id = ${clipId} FOR UPDATE`.execute(db);
  },
});

const toDeletion = (r: ClipDeletionRow): DeletionRecord => ({
  id: r.id,
  clipId: r.clip_id,
  cameraId: r.camera_id,
  roomId: r.room_id,
  siteId: r.site_id,
  incidentIds: json(r.incident_ids),
  startedAt: r.started_at,
  endedAt: r.ended_at,
  parts: r.parts === null ? null : Number(r.parts),
  sealedBytes: r.sealed_bytes === null ? null : Number(r.sealed_bytes),
  manifestDigest: r.manifest_digest,
  reason: r.reason as DeletionReason,
  deletedAt: r.deleted_at,
  deletedBy: r.deleted_by,
});

export const clipDeletionRepository = (db: Executor): ClipDeletionRepository => ({
  insert: async (d) => {
    await db
      .insertInto('clip_deletions')
      .values({
        id: d.id,
        clip_id: d.clipId,
        camera_id: d.cameraId,
        room_id: d.roomId,
        site_id: d.siteId,
        incident_ids: JSON.stringify(d.incidentIds),
        started_at: d.startedAt,
        ended_at: d.endedAt,
        parts: d.parts,
        sealed_bytes: d.sealedBytes,
        manifest_digest: d.manifestDigest,
        reason: d.reason,
        deleted_at: d.deletedAt,
        deleted_by: d.deletedBy,
      })
      .execute();
  },
  list: async (f) => {
    let q = db.selectFrom('clip_deletions').selectAll();
    if (f.clipId !== undefined) q = q.where('clip_id', '=', f.clipId);
    if (f.incidentId !== undefined) q = q.where('incident_ids', 'like', `%${JSON.stringify(f.incidentId)}%`);
    if (f.from !== undefined) q = q.where('deleted_at', '>=', f.from);
    if (f.to !== undefined) q = q.where('deleted_at', '<', f.to);
    if (f.siteIds !== undefined) q = q.where('site_id', 'in', f.siteIds.length > 0 ? [...f.siteIds] : ['']);
    return (
      await q
        .orderBy('deleted_at', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 200)
        .execute()
    ).map(toDeletion);
  },
});
