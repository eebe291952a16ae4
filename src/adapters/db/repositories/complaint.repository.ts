/** Repositories of complaints and regulator inquiries (migration 0015): plain storage, no rules. */
import type { Complaint, ComplaintLink } from '../../../core/complaints/complaint.js';
import type {
  ComplaintEvent,
  ComplaintRepository,
  ComplaintStore,
  StoredLink,
} from '../../../services/complaints-ports.js';
import type { Database } from '../connection.js';
import '../schema-assessment.js';
import '../schema-complaints.js';
import '../schema-rights.js';
import type { ComplaintRow } from '../schema-complaints.js';
import { createUnitOfWork } from '../store.js';
import type { Executor } from './executor.js';

const toComplaint = (r: ComplaintRow): Complaint =>
  ({
    id: r.id,
    kind: r.kind,
    source: r.source,
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    siteId: r.site_id,
    fromName: r.from_name,
    fromContact: r.from_contact,
    contactErasedAt: r.contact_erased_at,
    reference: r.reference,
    subject: r.subject,
    summary: r.summary,
    regulatorDueOn: r.regulator_due_on,
    status: r.status,
    extensionNotifiedOn: r.extension_notified_on,
    extensionReasons: r.extension_reasons,
    outcome: r.outcome,
    outcomeExplanation: r.outcome_explanation,
    answeredOn: r.answered_on,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }) as Complaint;

const complaintRow = (c: Complaint): ComplaintRow => ({
  id: c.id,
  kind: c.kind,
  source: c.source,
  received_at: c.receivedAt,
  received_on: c.receivedOn,
  site_id: c.siteId,
  from_name: c.fromName,
  from_contact: c.fromContact,
  contact_erased_at: c.contactErasedAt,
  reference: c.reference,
  subject: c.subject,
  summary: c.summary,
  regulator_due_on: c.regulatorDueOn,
  status: c.status,
  extension_notified_on: c.extensionNotifiedOn,
  extension_reasons: c.extensionReasons,
  outcome: c.outcome,
  outcome_explanation: c.outcomeExplanation,
  answered_on: c.answeredOn,
  closed_at: c.closedAt,
  created_by: c.createdBy,
  created_at: c.createdAt,
});

const parseDetails = (s: string): Record<string, unknown> => {
  const v: unknown = JSON.parse(s);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

export const complaintRepository = (db: Executor): ComplaintRepository => ({
  insert: async (c) => {
    await db.insertInto('complaints').values(complaintRow(c)).execute();
  },
  update: async (c) => {
    const { id, ...rest } = complaintRow(c);
    await db.updateTable('complaints').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toComplaint(r);
  },
  list: async (f) => {
    let q = db.selectFrom('complaints').selectAll();
    if (f.status !== undefined) q = q.where('status', 'in', f.status.length > 0 ? [...f.status] : ['']);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.source !== undefined) q = q.where('source', '=', f.source);
    if (f.receivedFrom !== undefined) q = q.where('received_on', '>=', f.receivedFrom);
    if (f.receivedTo !== undefined) q = q.where('received_on', '<=', f.receivedTo);
    if (f.siteIds !== undefined) {
      const ids = f.siteIds.length > 0 ? [...f.siteIds] : [''];
      q = q.where((eb) =>
        f.orgWide === true
          ? eb.or([eb('site_id', 'in', ids), eb('site_id', 'is', null)])
          : eb('site_id', 'in', ids),
      );
    }
    return (
      await q
        .orderBy('received_on', 'desc')
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 500)
        .execute()
    ).map(toComplaint);
  },
  contactsDue: async (closedBefore, limit) =>
    (
      await db
        .selectFrom('complaints')
        .selectAll()
        .where('closed_at', 'is not', null)
        .where('closed_at', '<=', closedBefore)
        .where('contact_erased_at', 'is', null)
        .orderBy('closed_at')
        .limit(limit)
        .execute()
    ).map(toComplaint),
  addEvent: async (e: ComplaintEvent) => {
    const last = await db
      .selectFrom('complaint_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('complaint_id', '=', e.complaintId)
      .executeTakeFirst();
    await db
      .insertInto('complaint_events')
      .values({
        id: e.id,
        complaint_id: e.complaintId,
        seq: Number(last?.seq ?? 0) + 1,
        at: e.at,
        by: e.by,
        action: e.action,
        details: JSON.stringify(e.details),
      })
      .execute();
  },
  events: async (complaintId) =>
    (
      await db
        .selectFrom('complaint_events')
        .selectAll()
        .where('complaint_id', '=', complaintId)
        .orderBy('seq')
        .execute()
    ).map((r) => ({
      id: r.id,
      complaintId: r.complaint_id,
      at: r.at,
      by: r.by,
      action: r.action,
      details: parseDetails(r.details),
    })),
  addLink: async (l: StoredLink) => {
    await db
      .insertInto('complaint_links')
      .values({
        complaint_id: l.complaintId,
        kind: l.kind,
        target_id: l.targetId,
        linked_by: l.linkedBy,
        linked_at: l.linkedAt,
      })
      .execute();
  },
  removeLink: async (complaintId: string, l: ComplaintLink) => {
    await db
      .deleteFrom('complaint_links')
      .where('complaint_id', '=', complaintId)
      .where('kind', '=', l.kind)
      .where('target_id', '=', l.targetId)
      .execute();
  },
  links: async (complaintId) =>
    (
      await db
        .selectFrom('complaint_links')
        .selectAll()
        .where('complaint_id', '=', complaintId)
        .orderBy('linked_at')
        .orderBy('kind')
        .orderBy('target_id')
        .execute()
    ).map(
      (r) =>
        ({
          complaintId: r.complaint_id,
          kind: r.kind,
          targetId: r.target_id,
          linkedBy: r.linked_by,
          linkedAt: r.linked_at,
        }) as StoredLink,
    ),
  assessment: async (id) =>
    db.selectFrom('assessments').select(['id', 'title']).where('id', '=', id).executeTakeFirst(),
  request: async (id) => {
    const r = await db
      .selectFrom('subject_requests')
      .select(['id', 'site_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r && { id: r.id, siteId: r.site_id };
  },
});

export const createComplaintStore = (database: Database): ComplaintStore =>
  createUnitOfWork(database, (db) => ({ complaints: complaintRepository(db) }));
