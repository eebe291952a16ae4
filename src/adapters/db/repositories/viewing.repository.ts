/**
 * Viewing requests and their approvals (migration 0011), and the ViewingStore: the foundation's
 * store widened to them, the clips and the custody shares, so an approval, a grant and their
 * audit entries commit together.
 */
import type { LegalGround, Purpose, RequestState } from '../../../core/viewing/viewing.js';
import type {
  ApprovalRecord,
  ApprovalState,
  ViewingRepository,
  ViewingRequestRecord,
  ViewingStore,
} from '../../../services/viewing-ports.js';
import type { Database } from '../connection.js';
import '../schema-holds.js';
import '../schema-rights.js';
import '../schema-viewing.js';
import type { ViewingApprovalTable, ViewingRequestTable } from '../schema-viewing.js';
import { createUnitOfWork } from '../store.js';
import { custodyRepository } from './custody-store.js';
import { bool, firstAs, int, type Executor } from './executor.js';
import { clipRepository } from './recording.repository.js';

const toRequest = (r: ViewingRequestTable): ViewingRequestRecord => ({
  id: r.id,
  clipId: r.clip_id,
  siteId: r.site_id,
  vault: r.vault_recipient,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  reason: r.reason,
  legalGround: r.legal_ground as LegalGround,
  policeReport: r.police_report,
  purposes: JSON.parse(r.purposes) as Purpose[],
  state: r.state as RequestState,
  refusedBy: r.refused_by,
  refusedAt: r.refused_at,
  refusalReason: r.refusal_reason,
  grantId: r.grant_id,
  grantedAt: r.granted_at,
  expiresAt: r.expires_at,
  playsAllowed: r.plays_allowed === null ? null : Number(r.plays_allowed),
  playsUsed: Number(r.plays_used),
  exportAllowed: bool(Number(r.export_allowed)),
  endedAt: r.ended_at,
  endReason: r.end_reason,
  endedBy: r.ended_by,
  heldBy: r.held_by,
});

const toRow = (r: ViewingRequestRecord): ViewingRequestTable => ({
  id: r.id,
  clip_id: r.clipId,
  site_id: r.siteId,
  vault_recipient: r.vault,
  requested_by: r.requestedBy,
  requested_at: r.requestedAt,
  reason: r.reason,
  legal_ground: r.legalGround,
  police_report: r.policeReport,
  purposes: JSON.stringify(r.purposes),
  state: r.state,
  refused_by: r.refusedBy,
  refused_at: r.refusedAt,
  refusal_reason: r.refusalReason,
  grant_id: r.grantId,
  granted_at: r.grantedAt,
  expires_at: r.expiresAt,
  plays_allowed: r.playsAllowed,
  plays_used: r.playsUsed,
  export_allowed: int(r.exportAllowed),
  ended_at: r.endedAt,
  end_reason: r.endReason,
  ended_by: r.endedBy,
  held_by: r.heldBy,
});

const toApproval = (r: ViewingApprovalTable): ApprovalRecord => ({
  id: r.id,
  requestId: r.request_id,
  custodianId: r.custodian_user_id,
  approvedAt: r.approved_at,
  state: r.state as ApprovalState,
  heldBy: r.held_by,
});

export const viewingRepository = (db: Executor): ViewingRepository => ({
  insertRequest: async (r) => {
    await db.insertInto('viewing_requests').values(toRow(r)).execute();
  },
  updateRequest: async (r) => {
    const { id, ...rest } = toRow(r);
    await db.updateTable('viewing_requests').set(rest).where('id', '=', id).execute();
  },
  getRequest: (id) => firstAs(db.selectFrom('viewing_requests').selectAll().where('id', '=', id), toRequest),
  byGrant: (grantId) =>
    firstAs(db.selectFrom('viewing_requests').selectAll().where('grant_id', '=', grantId), toRequest),
  listRequests: async (f) => {
    let q = db.selectFrom('viewing_requests').selectAll();
    if (f.state !== undefined) q = q.where('state', '=', f.state);
    if (f.clipId !== undefined) q = q.where('clip_id', '=', f.clipId);
    if (f.clipIds !== undefined) {
      if (f.clipIds.length === 0) return [];
      q = q.where('clip_id', 'in', [...f.clipIds]);
    }
    if (f.siteIds !== undefined) {
      if (f.siteIds.length === 0) return [];
      q = q.where('site_id', 'in', [...f.siteIds]);
    }
    const rows = await q
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit ?? 500)
      .execute();
    return rows.map(toRequest);
  },
  insertApproval: async (a) => {
    await db
      .insertInto('viewing_approvals')
      .values({
        id: a.id,
        request_id: a.requestId,
        custodian_user_id: a.custodianId,
        approved_at: a.approvedAt,
        state: a.state,
        held_by: a.heldBy,
      })
      .execute();
  },
  setApprovalState: async (id, state) => {
    await db.updateTable('viewing_approvals').set({ state }).where('id', '=', id).execute();
  },
  approvals: async (requestId) =>
    (
      await db
        .selectFrom('viewing_approvals')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('approved_at')
        .orderBy('id')
        .execute()
    ).map(toApproval),
  restricted: async (clipId, now) =>
    (await db
      .selectFrom('clip_holds')
      .select('id')
      .where('clip_id', '=', clipId)
      .where('kind', '=', 'restriction')
      .where('released_at', 'is', null)
      .where('until', '>', now)
      .executeTakeFirst()) !== undefined,
});

export const createViewingStore = (database: Database): ViewingStore =>
  createUnitOfWork(database, (db) => ({
    viewing: viewingRepository(db),
    clips: clipRepository(db),
    custody: custodyRepository(db),
  }));
