/**
 * The register of complaints and regulator inquiries (issue 12 §3, docs/rights.md): registering,
 * the timeline (steps and hand-written entries), links to assessments, rooms and residents'
 * requests, the deadline (Awb art. 9:11, or the regulator's date) and the outcome. Every change
 * validates, stores, writes the timeline and the audit log in one transaction (audit subject
 * `complaint:<id>`). The audit entries name kinds, categories, dates and outcomes, never who
 * complained, their address, or the text of a note: the audit chain cannot be erased, those can.
 *
 * Site scope: a complaint about one site is seen by people serving it (else 404, as for an
 * unknown id); one about the organisation as a whole (no site) by people serving every site.
 */
import {
  DEFAULT_COMPLAINT_CONTACT_DAYS,
  allowedComplaintActions,
  checkStep,
  complaintState,
  planAnswer,
  planComplaintExtension,
  timelinessOf,
  validateLinks,
  validateNewComplaint,
  validateTimelineEntry,
  withoutContact,
  type Complaint,
  type ComplaintAction,
  type ComplaintLink,
  type ComplaintStatus,
  type ComplaintTimeliness,
  type NewComplaintInput,
} from '../core/complaints/complaint.js';
import { fieldRule } from '../core/field-rules.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import {
  dayInAmsterdam,
  isCalendarDay,
  type CalendarDay,
  type DeadlineState,
  type DeadlineStatus,
} from '../core/rights/deadlines.js';
import { recordAudit } from './audit.service.js';
import type {
  ComplaintEvent,
  ComplaintFilter,
  ComplaintRepositories,
  ComplaintStore,
  StoredLink,
} from './complaints-ports.js';
import { actorId, type Actor, type Clock, type IdGenerator } from './ports.js';
import { actorServesAllSites, actorServesSite } from './site-scope.js';
import { inTransaction } from './transaction.js';

export const COMPLAINTS_SYSTEM: Actor = { kind: 'system', name: 'complaints' };

export interface ComplaintView extends Complaint {
  readonly deadline: DeadlineState;
  readonly actions: readonly ComplaintAction[];
}

/** A link with what it points to, as far as the viewer may see it. */
export interface LinkView extends StoredLink {
  /** The assessment's title, the room's name, or the request's kind; null when it is gone. */
  readonly label: string | null;
}

export interface ComplaintDetail {
  readonly complaint: ComplaintView;
  readonly events: readonly ComplaintEvent[];
  readonly links: readonly LinkView[];
  /** Display names of the people in the timeline and links (by user id), for the screen. */
  readonly people: Readonly<Record<string, string>>;
}

export interface ComplaintListFilter {
  readonly status?: ComplaintStatus;
  readonly kind?: string;
  readonly source?: string;
  readonly deadline?: DeadlineStatus;
  /** Not closed yet. */
  readonly open?: boolean;
}

export interface ComplaintsServiceDeps {
  readonly store: ComplaintStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly contactRetentionDays?: number;
}

const OPEN: readonly ComplaintStatus[] = ['received', 'in-progress'];
const NOT_CLOSED: readonly ComplaintStatus[] = ['received', 'in-progress', 'answered'];

/** Who may see a complaint: its site's people, or for one about the whole organisation, people of every site. */
const serves = (a: Actor, c: Pick<Complaint, 'siteId'>): boolean =>
  c.siteId === null ? actorServesAllSites(a) : actorServesSite(a, c.siteId);

const siteFilter = (a: Actor): Pick<ComplaintFilter, 'siteIds' | 'orgWide'> =>
  a.kind === 'user' && a.siteIds.length > 0 ? { siteIds: a.siteIds, orgWide: false } : {};

export const complaintsService = ({ store, clock, ids, contactRetentionDays }: ComplaintsServiceDeps) => {
  const now = () => clock.now();
  const today = (): CalendarDay => dayInAmsterdam(now());
  const view = (c: Complaint): ComplaintView => ({
    ...c,
    deadline: complaintState(c, today()),
    actions: allowedComplaintActions(c.status),
  });
  const subject = (id: string) => `complaint:${id}`;
  const notFound = (id: string) =>
    err('COMPLAINT.NOT_FOUND', `complaint ${id} does not exist`, { complaintId: id });

  const complaintOf = async (repos: ComplaintRepositories, actor: Actor, id: string) => {
    const c = await repos.complaints.get(id);
    if (c === undefined || !serves(actor, c)) return unwrap(notFound(id));
    return c;
  };

  /** One timeline entry and its audit entry (code given as a literal, details with nothing identifying). */
  const record = async (
    repos: ComplaintRepositories,
    actor: Actor,
    c: Complaint,
    action: string,
    auditCode: string,
    details: Record<string, unknown>,
    timelineOnly: Record<string, unknown> = {},
  ) => {
    await repos.complaints.addEvent({
      id: ids.newId(),
      complaintId: c.id,
      at: now().toISOString(),
      by: actorId(actor),
      action,
      details: { ...details, ...timelineOnly },
    });
    await recordAudit(repos, clock, actor, auditCode, subject(c.id), {
      kind: c.kind,
      source: c.source,
      ...details,
    });
  };

  /** A link checked: it exists, the actor may see it, and a room or request is of the complaint's site. */
  const checkLink = async (
    repos: ComplaintRepositories,
    actor: Actor,
    siteId: string | null,
    l: ComplaintLink,
  ): Promise<void> => {
    const bad = (why: string) =>
      unwrap(
        err('COMPLAINT.LINK_INVALID', `${l.kind} ${l.targetId} ${why}`, {
          field: 'links',
          kind: l.kind,
          targetId: l.targetId,
        }),
      );
    const inScope = (s: string) => actorServesSite(actor, s) && (siteId === null || siteId === s);
    if (l.kind === 'assessment') {
      if ((await repos.complaints.assessment(l.targetId)) === undefined) bad('does not exist');
    } else if (l.kind === 'room') {
      const room = await repos.rooms.get(l.targetId);
      if (room === undefined || !actorServesSite(actor, room.siteId)) bad('does not exist');
      else if (!inScope(room.siteId)) bad('is not at the site the complaint concerns');
    } else {
      const r = await repos.complaints.request(l.targetId);
      if (r === undefined || !actorServesSite(actor, r.siteId)) bad('does not exist');
      else if (!inScope(r.siteId)) bad('is not of the site the complaint concerns');
    }
  };

  const step = (
    actor: Actor,
    id: string,
    fn: (
      c: Complaint,
      repos: ComplaintRepositories,
    ) => Promise<{ next: Complaint; action: string; code: string; details: Record<string, unknown> }>,
  ): Promise<Result<ComplaintView>> =>
    inTransaction(store, async (repos) => {
      const c = await complaintOf(repos, actor, id);
      const { next, action, code, details } = await fn(c, repos);
      await repos.complaints.update(next);
      await record(repos, actor, next, action, code, { from: c.status, to: next.status, ...details });
      return view(next);
    });

  const labelOf = async (viewer: Actor, l: StoredLink): Promise<string | null> => {
    if (l.kind === 'assessment') return (await store.read.complaints.assessment(l.targetId))?.title ?? null;
    if (l.kind === 'room') {
      const room = await store.read.rooms.get(l.targetId);
      return room !== undefined && actorServesSite(viewer, room.siteId) ? room.name : null;
    }
    const r = await store.read.complaints.request(l.targetId);
    return r !== undefined && actorServesSite(viewer, r.siteId) ? r.id : null;
  };

  return {
    list: async (viewer: Actor, filter: ComplaintListFilter = {}): Promise<ComplaintView[]> => {
      const rows = await store.read.complaints.list({
        ...(filter.status !== undefined
          ? { status: [filter.status] }
          : filter.open === true
            ? { status: NOT_CLOSED }
            : {}),
        ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
        ...(filter.source !== undefined ? { source: filter.source } : {}),
        ...siteFilter(viewer),
      });
      const views = rows.map(view);
      return filter.deadline === undefined
        ? views
        : views.filter((v) => v.deadline.status === filter.deadline);
    },

    get: async (viewer: Actor, id: string): Promise<Result<ComplaintDetail>> => {
      const c = await store.read.complaints.get(id);
      if (c === undefined || !serves(viewer, c)) return notFound(id);
      const links: LinkView[] = [];
      for (const l of await store.read.complaints.links(id)) {
        const label = await labelOf(viewer, l);
        // A room or request of a site the viewer does not serve is left out (not even its id).
        if (label === null && l.kind !== 'assessment') continue;
        links.push({ ...l, label });
      }
      const events = await store.read.complaints.events(id);
      const people: Record<string, string> = {};
      for (const uid of new Set([c.createdBy, ...events.map((e) => e.by), ...links.map((l) => l.linkedBy)])) {
        const u = await store.read.users.get(uid);
        if (u !== undefined) people[uid] = u.displayName;
      }
      return ok({ complaint: view(c), events, links, people });
    },

    create: (actor: Actor, input: NewComplaintInput): Promise<Result<ComplaintView>> =>
      inTransaction(store, async (repos) => {
        const v = unwrap(validateNewComplaint(input, now()));
        if (v.siteId === null) {
          if (!actorServesAllSites(actor))
            return unwrap(
              err(
                'COMPLAINT.INVALID',
                'name the site: your account serves only some sites',
                fieldRule('siteId', 'required'),
              ),
            );
        } else {
          const site = await repos.sites.get(v.siteId);
          if (site === undefined || !actorServesSite(actor, site.id))
            return unwrap(
              err(
                'COMPLAINT.INVALID',
                `site ${v.siteId} does not exist`,
                fieldRule('siteId', 'unknown-reference'),
              ),
            );
        }
        for (const l of v.links) await checkLink(repos, actor, v.siteId, l);
        const { links, ...fields } = v;
        const c: Complaint = {
          ...fields,
          id: ids.newId(),
          contactErasedAt: null,
          status: 'received',
          extensionNotifiedOn: null,
          extensionReasons: null,
          outcome: null,
          outcomeExplanation: null,
          answeredOn: null,
          closedAt: null,
          createdBy: actorId(actor),
          createdAt: now().toISOString(),
        };
        await repos.complaints.insert(c);
        const at = now().toISOString();
        for (const l of links)
          await repos.complaints.addLink({ ...l, complaintId: c.id, linkedBy: actorId(actor), linkedAt: at });
        await record(repos, actor, c, 'received', 'complaint.received', {
          receivedOn: c.receivedOn,
          siteId: c.siteId,
          dueOn: complaintState(c, today()).dueOn,
          links: links.map((l) => `${l.kind}:${l.targetId}`),
        });
        return view(c);
      }),

    start: (actor: Actor, id: string) =>
      step(actor, id, async (c) => {
        unwrap(checkStep(c.status, 'start'));
        return Promise.resolve({
          next: { ...c, status: 'in-progress' as const },
          action: 'started',
          code: 'complaint.started',
          details: {},
        });
      }),

    /** More time: Awb art. 9:11 lid 2 for a complaint, the regulator's new date for an inquiry. */
    extend: (actor: Actor, id: string, input: { reasons: string; regulatorDueOn?: string | null }) =>
      step(actor, id, async (c) => {
        const p = unwrap(planComplaintExtension(c, input, today()));
        const next: Complaint = {
          ...c,
          ...p,
          regulatorDueOn: c.kind === 'regulator-inquiry' ? p.regulatorDueOn : c.regulatorDueOn,
        };
        return Promise.resolve({
          next,
          action: 'extended',
          code: 'complaint.extended',
          details: { extensionNotifiedOn: p.extensionNotifiedOn, dueOn: complaintState(next, today()).dueOn },
        });
      }),

    /** A hand-written timeline entry (note, action taken, letter sent, …); its text stays off the audit log. */
    addEntry: (
      actor: Actor,
      id: string,
      input: { type: string; text: string },
    ): Promise<Result<ComplaintEvent[]>> =>
      inTransaction(store, async (repos) => {
        const c = await complaintOf(repos, actor, id);
        unwrap(checkStep(c.status, 'record'));
        const e = unwrap(validateTimelineEntry(input));
        await record(repos, actor, c, e.type, 'complaint.entry-added', { type: e.type }, { text: e.text });
        return repos.complaints.events(id);
      }),

    /** Adds and removes links (checked as on registering). */
    link: (
      actor: Actor,
      id: string,
      input: {
        add?: readonly { kind: string; targetId: string }[];
        remove?: readonly { kind: string; targetId: string }[];
      },
    ): Promise<Result<LinkView[]>> =>
      inTransaction(store, async (repos) => {
        const c = await complaintOf(repos, actor, id);
        unwrap(checkStep(c.status, 'link'));
        const add = unwrap(validateLinks(input.add ?? []));
        const remove = unwrap(validateLinks(input.remove ?? []));
        const existing = new Set((await repos.complaints.links(id)).map((l) => `${l.kind}:${l.targetId}`));
        const added: string[] = [];
        const removed: string[] = [];
        const at = now().toISOString();
        for (const l of add) {
          const key = `${l.kind}:${l.targetId}`;
          if (existing.has(key)) continue;
          await checkLink(repos, actor, c.siteId, l);
          await repos.complaints.addLink({ ...l, complaintId: id, linkedBy: actorId(actor), linkedAt: at });
          existing.add(key);
          added.push(key);
        }
        for (const l of remove) {
          const key = `${l.kind}:${l.targetId}`;
          if (!existing.has(key)) continue;
          await repos.complaints.removeLink(id, l);
          existing.delete(key);
          removed.push(key);
        }
        if (added.length > 0) await record(repos, actor, c, 'linked', 'complaint.linked', { links: added });
        if (removed.length > 0)
          await record(repos, actor, c, 'unlinked', 'complaint.unlinked', { links: removed });
        return (await repos.complaints.links(id)).map((l) => ({ ...l, label: null }));
      }),

    /** The outcome went out today: the clock stops. */
    answer: (actor: Actor, id: string, input: { outcome: string; explanation: string }) =>
      step(actor, id, async (c) => {
        const p = unwrap(planAnswer(c, input, today()));
        const next = { ...c, ...p };
        const d = complaintState(next, today());
        return Promise.resolve({
          next,
          action: 'answered',
          code: 'complaint.answered',
          details: { outcome: p.outcome, answeredOn: p.answeredOn, dueOn: d.dueOn, onTime: d.onTime ?? null },
        });
      }),

    close: (actor: Actor, id: string) =>
      step(actor, id, async (c) => {
        unwrap(checkStep(c.status, 'close'));
        return Promise.resolve({
          next: { ...c, status: 'closed' as const, closedAt: now().toISOString() },
          action: 'closed',
          code: 'complaint.closed',
          details: { outcome: c.outcome },
        });
      }),

    /** Erases the address (and a person's name) of complaints closed long enough ago. */
    eraseContacts: async (limit = 100): Promise<string[]> => {
      const days = contactRetentionDays ?? DEFAULT_COMPLAINT_CONTACT_DAYS;
      const before = new Date(now().getTime() - days * 86_400_000).toISOString();
      const done: string[] = [];
      for (const d of await store.read.complaints.contactsDue(before, limit)) {
        const r = await inTransaction(store, async (repos) => {
          const cur = await repos.complaints.get(d.id);
          if (cur === undefined || cur.contactErasedAt !== null) return;
          await repos.complaints.update(withoutContact(cur, now().toISOString()));
          await record(repos, COMPLAINTS_SYSTEM, cur, 'contact-erased', 'complaint.contact-erased', {
            retentionDays: days,
          });
        });
        if (r.ok) done.push(d.id);
      }
      return done;
    },

    /**
     * Complaints and inquiries received in a period (days, inclusive) with their timeliness, for
     * the regulator dossier: kind, source category, dates, on time, outcome; nothing about who.
     */
    complaintsInPeriod: async (
      viewer: Actor,
      from: CalendarDay,
      to: CalendarDay,
    ): Promise<Result<ComplaintTimeliness[]>> => {
      if (!isCalendarDay(from))
        return err('COMPLAINT.INVALID', 'from is a day (YYYY-MM-DD)', fieldRule('from', 'format'));
      if (!isCalendarDay(to) || to < from)
        return err(
          'COMPLAINT.INVALID',
          'to is a day on or after from',
          fieldRule('to', isCalendarDay(to) ? 'ends-before-start' : 'format'),
        );
      const rows = await store.read.complaints.list({
        receivedFrom: from,
        receivedTo: to,
        limit: 10_000,
        ...siteFilter(viewer),
      });
      const d = today();
      return ok(
        rows
          .map((c) => timelinessOf(c, d))
          .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id)),
      );
    },

    /** Open, due-soon and overdue complaints and inquiries, for /metrics and the start page. */
    counts: async (viewer: Actor = COMPLAINTS_SYSTEM) => {
      const open = (await store.read.complaints.list({ status: OPEN, ...siteFilter(viewer) })).map(view);
      return {
        open: open.length,
        dueSoon: open.filter((v) => v.deadline.status === 'due-soon').length,
        overdue: open.filter((v) => v.deadline.status === 'overdue').length,
      };
    },

    /** The open ones near or past their deadline (the DPO's to-do list). */
    needingAnswer: async (viewer: Actor): Promise<ComplaintView[]> =>
      (await store.read.complaints.list({ status: OPEN, ...siteFilter(viewer) }))
        .map(view)
        .filter((v) => v.deadline.status === 'due-soon' || v.deadline.status === 'overdue'),
  };
};

export type ComplaintsService = ReturnType<typeof complaintsService>;
