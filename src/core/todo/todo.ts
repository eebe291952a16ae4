/**
 * The start page's to-do list (issue 11, "Everyday pages"): what this person has to act on, from
 * what the capabilities already hold. Pure: the caller gathers the candidates (already limited to
 * what the person may read), this decides what is theirs to do by their permissions and sites,
 * and orders it — overdue first, then the soonest.
 */
import { hasPermission, type Role } from '../auth/roles.js';

export const TODO_KINDS = [
  /** A submitted assessment waits for the decision maker. */
  'decide',
  /** An open assessment version has no DPO advice yet (approval needs it, AVG art. 35 lid 2). */
  'advise',
  /** An approved assessment's review date is near or has passed. */
  'review',
  /** An approved assessment stops being valid soon (recording it enabled stops then). */
  'expires',
  /** An incident whose report is still to be completed ("nog invullen"). */
  'report',
  /** A footage viewing request waits for this custodian's approval. */
  'approve-viewing',
  /** A legal hold on a clip lapses soon; then retention may delete the clip. */
  'hold-lapses',
  /** A complaint or regulator inquiry is due within a week or overdue (Awb art. 9:11, or the regulator's date). */
  'answer-complaint',
  /** A resident's request is due within 7 days or overdue (AVG art. 12(3)), not answered yet. */
  'answer-request',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export interface TodoItem {
  readonly kind: TodoKind;
  /** The thing to act on: an assessment, incident, viewing request or hold. */
  readonly id: string;
  /** The assessment's title (assessment kinds). */
  readonly title: string | null;
  /** The room concerned (incident, viewing and hold kinds). */
  readonly roomId: string | null;
  /** The incident a report, request or held clip belongs to. */
  readonly incidentId: string | null;
  /** Who asked (viewing requests). */
  readonly person: string | null;
  /** The moment that matters: submitted, occurred, requested, review date, end of validity or hold, a request's deadline day. */
  readonly at: string;
  /** The date has passed (review dates, a request's deadline). */
  readonly overdue: boolean;
}

export interface TodoAssessment {
  readonly id: string;
  /** The latest version. */
  readonly title: string;
  readonly status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  readonly advised: boolean;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  /** The version in force, if any. */
  readonly approved: { readonly reviewDate: string | null; readonly validUntil: string | null } | null;
}

interface Sited {
  readonly siteId: string;
  readonly roomId: string;
  readonly incidentId: string | null;
}

export interface TodoCandidates {
  readonly assessments: readonly TodoAssessment[];
  readonly unreported: readonly (Sited & { readonly id: string; readonly occurredAt: string })[];
  readonly awaitingMe: readonly (Sited & {
    readonly id: string;
    readonly requestedAt: string;
    readonly requester: string;
  })[];
  readonly holds: readonly (Sited & { readonly id: string; readonly until: string })[];
  /** Open complaints and inquiries due soon or overdue (site null: the whole organisation). */
  readonly complaints?: readonly {
    readonly id: string;
    readonly siteId: string | null;
    readonly subject: string;
    readonly dueOn: string;
    readonly overdue: boolean;
  }[];
  /** Residents' requests not answered yet, with where each stands against its deadline. */
  readonly subjectRequests: readonly {
    readonly id: string;
    readonly siteId: string;
    readonly roomId: string | null;
    /** The deadline day (YYYY-MM-DD, Europe/Amsterdam). */
    readonly dueOn: string;
    readonly deadline: 'open' | 'due-soon' | 'overdue' | 'answered';
  }[];
}

export interface TodoPerson {
  readonly roles: readonly Role[];
  /** Empty: every site. */
  readonly siteIds: readonly string[];
  /** Holds a share of the vault key. */
  readonly custodian: boolean;
}

export const REVIEW_HORIZON_DAYS = 30;
export const HOLD_HORIZON_DAYS = 7;
const DAY_MS = 86_400_000;

const item = (i: Partial<TodoItem> & Pick<TodoItem, 'kind' | 'id' | 'at'>): TodoItem => ({
  title: null,
  roomId: null,
  incidentId: null,
  person: null,
  overdue: false,
  ...i,
});

/** A review or hold date counts when it lies before now + horizon (passed ones included). */
const within = (at: string | null, now: Date, days: number): at is string =>
  at !== null && Date.parse(at) < now.getTime() + days * DAY_MS;

export const todoFor = (person: TodoPerson, c: TodoCandidates, now: Date): TodoItem[] => {
  const may = (p: Parameters<typeof hasPermission>[1]) => hasPermission(person.roles, p);
  const serves = (siteId: string) => person.siteIds.length === 0 || person.siteIds.includes(siteId);
  const out: TodoItem[] = [];
  const lookAfter = may('assessments:decide') || may('assessments:advise') || may('assessments:write');

  for (const a of c.assessments) {
    if (a.status === 'submitted' && may('assessments:decide'))
      out.push(item({ kind: 'decide', id: a.id, title: a.title, at: a.submittedAt ?? a.createdAt }));
    if ((a.status === 'draft' || a.status === 'submitted') && !a.advised && may('assessments:advise'))
      out.push(item({ kind: 'advise', id: a.id, title: a.title, at: a.submittedAt ?? a.createdAt }));
    if (a.approved && lookAfter) {
      const { reviewDate, validUntil } = a.approved;
      if (within(reviewDate, now, REVIEW_HORIZON_DAYS))
        out.push(
          item({
            kind: 'review',
            id: a.id,
            title: a.title,
            at: reviewDate,
            overdue: Date.parse(reviewDate) <= now.getTime(),
          }),
        );
      if (within(validUntil, now, REVIEW_HORIZON_DAYS) && Date.parse(validUntil) > now.getTime())
        out.push(item({ kind: 'expires', id: a.id, title: a.title, at: validUntil }));
    }
  }
  if (may('incidents:report'))
    for (const i of c.unreported)
      if (serves(i.siteId))
        out.push(item({ kind: 'report', id: i.id, roomId: i.roomId, incidentId: i.id, at: i.occurredAt }));
  if (person.custodian && may('footage:approve'))
    for (const r of c.awaitingMe)
      if (serves(r.siteId))
        out.push(
          item({
            kind: 'approve-viewing',
            id: r.id,
            roomId: r.roomId,
            incidentId: r.incidentId,
            person: r.requester,
            at: r.requestedAt,
          }),
        );
  if (may('footage:hold'))
    for (const h of c.holds)
      if (serves(h.siteId) && within(h.until, now, HOLD_HORIZON_DAYS) && Date.parse(h.until) > now.getTime())
        out.push(
          item({ kind: 'hold-lapses', id: h.id, roomId: h.roomId, incidentId: h.incidentId, at: h.until }),
        );

  if (may('complaints:manage'))
    for (const k of c.complaints ?? [])
      if (k.siteId === null ? person.siteIds.length === 0 : serves(k.siteId))
        out.push(
          item({ kind: 'answer-complaint', id: k.id, title: k.subject, at: k.dueOn, overdue: k.overdue }),
        );
  if (may('rights:manage'))
    for (const r of c.subjectRequests)
      if (serves(r.siteId) && (r.deadline === 'due-soon' || r.deadline === 'overdue'))
        out.push(
          item({
            kind: 'answer-request',
            id: r.id,
            roomId: r.roomId,
            at: r.dueOn,
            overdue: r.deadline === 'overdue',
          }),
        );

  // Overdue first; then what waits longest (things asked of you) or comes soonest (dates ahead).
  return out.sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.at.localeCompare(y.at));
};
