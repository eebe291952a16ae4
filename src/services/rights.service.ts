/**
 * Residents' requests (AVG art. 15, 17, 18, 21; issue 12 §1, docs/rights.md): the privacy
 * officer's register, the footage a request points to (found through its room and time window,
 * never by name), and what is done to the linked clips. Every change validates, stores, writes the
 * request's timeline and the audit log in one transaction (audit subject `rights-request:<id>`).
 * The audit entries name the kind, dates and outcomes, never the requester's name, contact or
 * the recognition note: the audit chain cannot be erased, those fields are (ADR 0007).
 */
import {
  HOLD_MAX_DAYS_SETTING,
  heldUntil,
  holdMaxDaysOf,
  liveHolds,
  maximumEnd,
} from '../core/recording/holds.js';
import { copyFileName } from '../core/redaction/job.js';
import { fieldRule } from '../core/field-rules.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import {
  dayInAmsterdam,
  type CalendarDay,
  type DeadlineState,
  type DeadlineStatus,
} from '../core/rights/deadlines.js';
import {
  DEFAULT_CONTACT_RETENTION_DAYS,
  allowedActions,
  clipActionFits,
  clipMatchesRequest,
  nextStatus,
  planClose,
  planDecision,
  planExtension,
  requestDeadlineState,
  validateNewRequest,
  type ClipAction,
  type NewRequestInput,
  type RequestAction,
  type LetterLanguage,
  type RequestStatus,
  type SubjectRequest,
} from '../core/rights/request.js';
import { recordAudit } from './audit.service.js';
import { createHash } from 'node:crypto';
import type { DeletionRecord, ReleaseWithDeletion } from './hold-ports.js';
import { actorId, type Actor, type Clock, type DomainEvents, type IdGenerator } from './ports.js';
import type {
  CandidateAlarm,
  CandidateClip,
  LetterRecord,
  RequestClipLink,
  RequestCopy,
  RequestEvent,
  RightsRepositories,
  RightsStore,
} from './rights-ports.js';
import { actorServesSite } from './site-scope.js';
import { inTransaction } from './transaction.js';

export const RIGHTS_SYSTEM: Actor = { kind: 'system', name: 'rights' };

/** A request with where it stands against its deadline today. */
export interface RequestView extends SubjectRequest {
  readonly deadline: DeadlineState;
  readonly actions: readonly RequestAction[];
}

export interface RequestDetail {
  readonly request: RequestView;
  readonly events: readonly RequestEvent[];
  readonly clips: readonly RequestClipLink[];
  readonly letters: readonly LetterRecord[];
  /** Display names of the people in the timeline, links and letters (by user id), for the screen. */
  readonly people: Readonly<Record<string, string>>;
}

/** A clip the request's room and window point to, with whether it is linked and what happened to it. */
export interface FoundClip extends CandidateClip {
  readonly linked: boolean;
  readonly outcome: RequestClipLink['outcome'];
  /** A live legal hold keeps it (e.g. for a police report): erasure would be refused. */
  readonly legalHold: boolean;
  readonly policeReport: string | null;
  readonly restricted: boolean;
}

export interface Findings {
  readonly clips: readonly FoundClip[];
  readonly alarms: readonly CandidateAlarm[];
}

export interface ClipActionResult {
  readonly clipId: string;
  readonly outcome: RequestClipLink['outcome'];
  readonly reason: string | null;
  readonly policeReport: string | null;
  /** A failure that left the clip as it was (the clip is still recording, the vault failed): try again. */
  readonly error?: string;
}

export interface RightsServiceDeps {
  readonly store: RightsStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Crypto-shredding one clip (recording service): refused while any hold keeps it. */
  readonly deleteClip: (
    actor: Actor,
    clipId: string,
    reason: 'erasure' | 'objection',
    release?: ReleaseWithDeletion,
  ) => Promise<Result<DeletionRecord>>;
  /** A letter's plain text (adapters/reports/rights-letter.ts): its digest is recorded when it goes out. */
  readonly letterText: (kind: LetterKind, data: LetterData, lang: LetterLanguage) => string;
  readonly contactRetentionDays?: number;
  /** Tells the rest of the system after a request closed (rights.request.closed: its copies go). */
  readonly events?: Pick<DomainEvents, 'emit'>;
}

export interface RequestListFilter {
  readonly status?: RequestStatus;
  readonly kind?: string;
  readonly deadline?: DeadlineStatus;
  /** Open requests only (not closed). */
  readonly open?: boolean;
}

const OPEN: readonly RequestStatus[] = ['received', 'in-progress', 'decided', 'sent'];

export type LetterKind = LetterRecord['kind'];
export type LetterFormat = LetterRecord['format'];

/** What a letter is written from: the request as it stands, the organisation, the clips' outcomes, the day. */
export interface LetterData {
  readonly request: RequestView;
  readonly organisation: { readonly name: string; readonly address: string; readonly dpoEmail: string };
  readonly clips: readonly RequestClipLink[];
  /** The redacted copies that go with a decision on access (named in the letter by file and digest). */
  readonly copies: readonly (RequestCopy & { readonly file: string })[];
  readonly date: CalendarDay;
}

/** Which letters went out with a step (absent: the one the step is about, in the request's language, as PDF). */
export interface LettersSent {
  readonly letters?: readonly { readonly language: LetterLanguage; readonly format: LetterFormat }[];
}

export const rightsService = ({
  store,
  clock,
  ids,
  deleteClip,
  letterText,
  contactRetentionDays,
  events,
}: RightsServiceDeps) => {
  const now = () => clock.now();
  const today = (): CalendarDay => dayInAmsterdam(now());
  const view = (r: SubjectRequest): RequestView => ({
    ...r,
    deadline: requestDeadlineState(r, today()),
    actions: allowedActions(r.status),
  });
  const subject = (id: string) => `rights-request:${id}`;

  /** The request within the actor's sites, else RIGHTS.NOT_FOUND (as for an unknown id). */
  const requestOf = async (repos: RightsRepositories, actor: Actor, id: string) => {
    const r = await repos.requests.get(id);
    if (r === undefined || !actorServesSite(actor, r.siteId))
      return unwrap(err('RIGHTS.NOT_FOUND', `request ${id} does not exist`, { requestId: id }));
    return r;
  };

  /** One step: the timeline entry and the audit entry, with the same details (nothing identifying). */
  const record = async (
    repos: RightsRepositories,
    actor: Actor,
    r: SubjectRequest,
    action: string,
    details: Record<string, unknown>,
  ) => {
    const at = now().toISOString();
    await repos.requests.addEvent({
      id: ids.newId(),
      requestId: r.id,
      at,
      by: actorId(actor),
      action,
      details,
    });
    await recordAudit(repos, clock, actor, `rights.request.${action}`, subject(r.id), {
      kind: r.kind,
      ...details,
    });
  };

  const letterData = async (repos: RightsRepositories, r: SubjectRequest): Promise<LetterData> => {
    const org = await repos.organisation.get();
    return {
      request: view(r),
      organisation: { name: org?.name ?? '', address: org?.address ?? '', dpoEmail: org?.dpoEmail ?? '' },
      clips: await repos.requests.clips(r.id),
      copies: (await repos.requests.copies(r.id)).map((c) => ({ ...c, file: copyFileName(r.id, c.clipId) })),
      date: today(),
    };
  };

  /**
   * Records the letters that went out with a step (the decision with `send`, the notice with
   * `extend`): which, in what language and form, on what day, and the digest of its text. The
   * timeline and audit name kind, language and form only.
   */
  const recordLetters = async (
    repos: RightsRepositories,
    actor: Actor,
    r: SubjectRequest,
    kind: LetterKind,
    sent: LettersSent,
  ) => {
    const wanted = sent.letters ?? [{ language: r.language, format: 'pdf' as const }];
    const unique = [...new Map(wanted.map((l) => [`${l.language}/${l.format}`, l])).values()];
    const data = await letterData(repos, r);
    for (const l of unique)
      await repos.requests.addLetter({
        id: ids.newId(),
        requestId: r.id,
        kind,
        language: l.language,
        format: l.format,
        sentOn: today(),
        sentBy: actorId(actor),
        digest: createHash('sha256')
          .update(letterText(kind, data, l.language))
          .digest('hex'),
      });
    return unique.map((l) => ({ kind, language: l.language, format: l.format }));
  };

  const step = (
    actor: Actor,
    id: string,
    fn: (
      r: SubjectRequest,
      repos: RightsRepositories,
    ) => Promise<{ next: SubjectRequest; action: string; details: Record<string, unknown> }>,
  ): Promise<Result<RequestView>> =>
    inTransaction(store, async (repos) => {
      const r = await requestOf(repos, actor, id);
      const { next, action, details } = await fn(r, repos);
      await repos.requests.update(next);
      await record(repos, actor, next, action, { from: r.status, to: next.status, ...details });
      return view(next);
    });

  /** The live legal holds of a clip (a restriction hold is not one: it keeps, it does not bar erasure's reasons). */
  const legalHolds = async (repos: RightsRepositories, clipId: string) => {
    const restrictions = await repos.requests.restrictionHolds(clipId);
    return liveHolds(await repos.holds.forClip(clipId), now()).filter((h) => !restrictions.has(h.id));
  };

  const findClips = async (repos: RightsRepositories, r: SubjectRequest): Promise<FoundClip[]> => {
    const found = await repos.requests.clipsOverlapping(
      { roomId: r.roomId, siteId: r.siteId },
      r.windowFrom,
      r.windowTo,
    );
    const links = new Map((await repos.requests.clips(r.id)).map((l) => [l.clipId, l]));
    // Linked clips stay on the list even if they no longer match (e.g. deleted since).
    const extra = [...links.keys()].filter((id) => !found.some((c) => c.id === id));
    for (const id of extra) {
      const c = await repos.clips.get(id);
      if (c !== undefined) found.push({ ...c });
    }
    const restricted = await repos.requests.restricted(
      found.map((c) => c.id),
      now().toISOString(),
    );
    const out: FoundClip[] = [];
    for (const c of found) {
      const legal = await legalHolds(repos, c.id);
      const link = links.get(c.id);
      out.push({
        id: c.id,
        cameraId: c.cameraId,
        roomId: c.roomId,
        siteId: c.siteId,
        status: c.status,
        startedAt: c.startedAt,
        endedAt: c.endedAt,
        durationSeconds: c.durationSeconds,
        retentionUntil: c.retentionUntil,
        linked: link !== undefined,
        outcome: link?.outcome ?? null,
        legalHold: legal.length > 0,
        policeReport: legal.find((h) => h.policeReport !== null)?.policeReport ?? null,
        restricted: restricted.has(c.id),
      });
    }
    return out;
  };

  return {
    list: async (viewer: Actor, filter: RequestListFilter = {}): Promise<RequestView[]> => {
      const rows = await store.read.requests.list({
        ...(filter.status !== undefined
          ? { status: [filter.status] }
          : filter.open === true
            ? { status: OPEN }
            : {}),
        ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
        ...(viewer.kind === 'user' && viewer.siteIds.length > 0 ? { siteIds: viewer.siteIds } : {}),
      });
      const views = rows.map(view);
      return filter.deadline === undefined
        ? views
        : views.filter((v) => v.deadline.status === filter.deadline);
    },

    get: async (viewer: Actor, id: string): Promise<Result<RequestDetail>> => {
      const r = await store.read.requests.get(id);
      if (r === undefined || !actorServesSite(viewer, r.siteId))
        return err('RIGHTS.NOT_FOUND', `request ${id} does not exist`, { requestId: id });
      const events = await store.read.requests.events(id);
      const clips = await store.read.requests.clips(id);
      const letters = await store.read.requests.letters(id);
      const people: Record<string, string> = {};
      const ids = [
        r.createdBy,
        ...events.map((e) => e.by),
        ...clips.flatMap((c) => [c.linkedBy, c.actedBy ?? '']),
        ...letters.map((l) => l.sentBy),
      ];
      for (const uid of new Set(ids.filter((x) => x !== ''))) {
        const u = await store.read.users.get(uid);
        if (u !== undefined) people[uid] = u.displayName;
      }
      return ok({ request: view(r), events, clips, letters, people });
    },

    create: (actor: Actor, input: NewRequestInput): Promise<Result<RequestView>> =>
      inTransaction(store, async (repos) => {
        const v = unwrap(validateNewRequest(input, now()));
        let siteId = v.siteId;
        if (v.roomId !== null) {
          const room = await repos.rooms.get(v.roomId);
          if (room === undefined || !actorServesSite(actor, room.siteId))
            return unwrap(
              err(
                'RIGHTS.INVALID',
                `room ${v.roomId} does not exist`,
                fieldRule('roomId', 'unknown-reference'),
              ),
            );
          if (siteId !== null && siteId !== room.siteId)
            return unwrap(
              err('RIGHTS.INVALID', 'the room is not at that site', fieldRule('siteId', 'not-at-site')),
            );
          siteId = room.siteId;
        }
        const site = siteId === null ? undefined : await repos.sites.get(siteId);
        if (site === undefined || !actorServesSite(actor, site.id))
          return unwrap(
            err(
              'RIGHTS.INVALID',
              `site ${siteId ?? ''} does not exist`,
              fieldRule('siteId', 'unknown-reference'),
            ),
          );
        const r: SubjectRequest = {
          ...v,
          id: ids.newId(),
          siteId: site.id,
          status: 'received',
          decision: null,
          decisionReasons: null,
          decidedOn: null,
          extensionNotifiedOn: null,
          extensionReasons: null,
          answeredOn: null,
          closedAt: null,
          closeReason: null,
          contactErasedAt: null,
          createdBy: actorId(actor),
          createdAt: now().toISOString(),
        };
        await repos.requests.insert(r);
        const deadline = requestDeadlineState(r, today());
        await record(repos, actor, r, 'received', {
          channel: r.channel,
          receivedOn: r.receivedOn,
          siteId: r.siteId,
          roomId: r.roomId,
          windowFrom: r.windowFrom,
          windowTo: r.windowTo,
          identityMethod: r.identityMethod,
          dueOn: deadline.dueOn,
        });
        return view(r);
      }),

    start: (actor: Actor, id: string) =>
      step(actor, id, async (r) => {
        const status = unwrap(nextStatus(r.status, 'start'));
        return Promise.resolve({ next: { ...r, status }, action: 'started', details: {} });
      }),

    /** Extends the deadline; the notice to the resident goes out today and is recorded. */
    extend: (actor: Actor, id: string, input: { reasons: string } & LettersSent) =>
      step(actor, id, async (r, repos) => {
        const p = unwrap(planExtension(r, input, today()));
        const next = { ...r, ...p, status: unwrap(nextStatus(r.status, 'extend')) };
        const letters = await recordLetters(repos, actor, next, 'extension', input);
        return {
          next,
          action: 'extended',
          details: {
            extensionNotifiedOn: p.extensionNotifiedOn,
            dueOn: requestDeadlineState(next, today()).dueOn,
            letters,
          },
        };
      }),

    decide: (actor: Actor, id: string, input: { decision: string; reasons?: string | null }) =>
      step(actor, id, async (r) => {
        const p = unwrap(planDecision(r, input, today()));
        return Promise.resolve({
          next: { ...r, ...p, status: 'decided' as const },
          action: 'decided',
          details: { decision: p.decision, decidedOn: p.decidedOn },
        });
      }),

    /** The decision went out to the resident today: the clock stops. */
    send: (actor: Actor, id: string, input: LettersSent = {}) =>
      step(actor, id, async (r, repos) => {
        const status = unwrap(nextStatus(r.status, 'send'));
        const next = { ...r, status, answeredOn: today() };
        const d = requestDeadlineState(next, today());
        const letters = await recordLetters(repos, actor, next, 'decision', input);
        return {
          next,
          action: 'sent',
          details: { answeredOn: next.answeredOn, dueOn: d.dueOn, onTime: d.onTime ?? null, letters },
        };
      }),

    close: async (actor: Actor, id: string, input: { reason?: string | null }) => {
      const closed = await step(actor, id, async (r) => {
        const p = unwrap(planClose(r, input));
        return Promise.resolve({
          next: {
            ...r,
            status: 'closed' as const,
            closedAt: now().toISOString(),
            closeReason: p.closeReason,
          },
          action: 'closed',
          details: { withdrawn: r.status !== 'sent' },
        });
      });
      // After the commit: a copy made for the request has no purpose left (ADR 0011).
      if (closed.ok) events?.emit({ type: 'rights.request.closed', at: now().toISOString(), requestId: id });
      return closed;
    },

    /** The clips the request's room and window point to, and the alarms there (never found by name). */
    findings: async (viewer: Actor, id: string): Promise<Result<Findings>> => {
      const r = await store.read.requests.get(id);
      if (r === undefined || !actorServesSite(viewer, r.siteId))
        return err('RIGHTS.NOT_FOUND', `request ${id} does not exist`, { requestId: id });
      return ok({
        clips: await findClips(store.read, r),
        alarms: await store.read.requests.alarmsOverlapping(
          { roomId: r.roomId, siteId: r.siteId },
          r.windowFrom,
          r.windowTo,
        ),
      });
    },

    /** Links clips the request points to (room and window); a clip elsewhere is refused. */
    linkClips: (actor: Actor, id: string, clipIds: readonly string[]): Promise<Result<RequestClipLink[]>> =>
      inTransaction(store, async (repos) => {
        const r = await requestOf(repos, actor, id);
        const status = unwrap(nextStatus(r.status, 'clips'));
        const existing = new Set((await repos.requests.clips(id)).map((l) => l.clipId));
        const added: string[] = [];
        for (const clipId of new Set(clipIds)) {
          if (existing.has(clipId)) continue;
          const c = await repos.clips.get(clipId);
          if (c === undefined || !actorServesSite(actor, c.siteId) || !clipMatchesRequest(c, r))
            return unwrap(
              err('RIGHTS.CLIP_OUTSIDE_WINDOW', `clip ${clipId} is not in the request's room and window`, {
                field: 'clipIds',
                clipId,
              }),
            );
          await repos.requests.linkClip({
            requestId: id,
            clipId,
            linkedBy: actorId(actor),
            linkedAt: now().toISOString(),
            outcome: null,
            outcomeReason: null,
            policeReport: null,
            actedAt: null,
            actedBy: null,
          });
          added.push(clipId);
        }
        if (added.length > 0) {
          if (status !== r.status) await repos.requests.update({ ...r, status });
          await record(repos, actor, { ...r, status }, 'clips-linked', { clipIds: added });
        }
        return repos.requests.clips(id);
      }),

    /**
     * Erasure (art. 17; art. 21 for an objection) or restriction (art. 18) of the linked clips that
     * nothing was done to yet. A clip a legal hold keeps is not erased: its outcome is
     * 'refused-hold' with the hold's police report, which the decision letter states (art. 17(3)(e)).
     */
    actOnClips: async (actor: Actor, id: string, action: ClipAction): Promise<Result<ClipActionResult[]>> => {
      const pre = await inTransaction(store, async (repos) => {
        const r = await requestOf(repos, actor, id);
        unwrap(nextStatus(r.status, 'clips'));
        if (!clipActionFits(r.kind, action))
          return unwrap(
            err('RIGHTS.CLIP_ACTION_KIND', `a request for ${r.kind} does not allow ${action}`, {
              kind: r.kind,
              action,
            }),
          );
        // Erasure also takes clips this request restricted first (art. 18(1)(d): while it was weighed).
        const links = (await repos.requests.clips(id)).filter(
          (l) => l.outcome === null || (action === 'erase' && l.outcome === 'restricted'),
        );
        if (links.length === 0)
          return unwrap(
            err('RIGHTS.CLIP_NOT_LINKED', 'no linked clip is waiting for an action', { requestId: id }),
          );
        return { r, links };
      });
      if (!pre.ok) return pre;
      const { r, links } = pre.value;
      const results: ClipActionResult[] = [];
      for (const link of links) {
        const res =
          action === 'restrict' ? await restrictOne(actor, r, link) : await eraseOne(actor, r, link);
        results.push(res);
      }
      return ok(results);
    },

    /** Erases name, contact, identity note and recognition note of requests closed long enough ago. */
    eraseContacts: async (limit = 100): Promise<string[]> => {
      const days = contactRetentionDays ?? DEFAULT_CONTACT_RETENTION_DAYS;
      const before = new Date(now().getTime() - days * 86_400_000).toISOString();
      const due = await store.read.requests.contactsDue(before, limit);
      const done: string[] = [];
      for (const d of due) {
        const r = await inTransaction(store, async (repos) => {
          const cur = await repos.requests.get(d.id);
          if (cur === undefined || cur.contactErasedAt !== null) return;
          await repos.requests.update({
            ...cur,
            requesterName: null,
            requesterContact: null,
            identityNote: null,
            recognition: null,
            contactErasedAt: now().toISOString(),
          });
          await record(repos, RIGHTS_SYSTEM, cur, 'contact-erased', { retentionDays: days });
        });
        if (r.ok) done.push(d.id);
      }
      return done;
    },

    /** What a letter needs: the request, the organisation, the clips' outcomes, today; a letter about a step not taken yet is refused. */
    letterInput: async (viewer: Actor, id: string, kind: 'decision' | 'extension') => {
      const d = await store.read.requests.get(id);
      if (d === undefined || !actorServesSite(viewer, d.siteId))
        return err('RIGHTS.NOT_FOUND', `request ${id} does not exist`, { requestId: id });
      if (kind === 'decision' ? d.decision === null : d.extensionNotifiedOn === null)
        return err('RIGHTS.TRANSITION', `request ${id} has no ${kind} to write about yet`, {
          status: d.status,
          action: kind,
        });
      return ok(await letterData(store.read, d));
    },

    /** Open and overdue requests per status, for /metrics and the start page. */
    counts: async (): Promise<{ open: number; overdue: number; dueSoon: number }> => {
      const open = (await store.read.requests.list({ status: OPEN })).map(view);
      return {
        open: open.filter((v) => v.status !== 'sent').length,
        overdue: open.filter((v) => v.deadline.status === 'overdue').length,
        dueSoon: open.filter((v) => v.deadline.status === 'due-soon').length,
      };
    },
  };

  async function setOutcome(
    actor: Actor,
    r: SubjectRequest,
    link: RequestClipLink,
    outcome: NonNullable<RequestClipLink['outcome']>,
    reason: string | null,
    policeReport: string | null,
    also?: (repos: RightsRepositories) => Promise<void>,
  ): Promise<ClipActionResult> {
    const res = await inTransaction(store, async (repos) => {
      if (also) await also(repos);
      await repos.requests.updateClip({
        ...link,
        outcome,
        outcomeReason: reason,
        policeReport,
        actedAt: now().toISOString(),
        actedBy: actorId(actor),
      });
      await record(repos, actor, r, `clip-${outcome}`, { clipId: link.clipId, policeReport });
    });
    return res.ok
      ? { clipId: link.clipId, outcome, reason, policeReport }
      : { clipId: link.clipId, outcome: null, reason: null, policeReport: null, error: res.error.code };
  }

  async function eraseOne(actor: Actor, r: SubjectRequest, link: RequestClipLink): Promise<ClipActionResult> {
    const legal = await legalHolds(store.read, link.clipId);
    if (legal.length > 0) {
      const police = legal.find((h) => h.policeReport !== null);
      return setOutcome(
        actor,
        r,
        link,
        'refused-hold',
        `legal hold until ${heldUntil(legal, now()) ?? '?'}: ${(police ?? legal[0])?.reason ?? ''}`,
        police?.policeReport ?? null,
      );
    }
    // The request's own restriction ends with the erasure, in the same transaction (a failed erasure keeps it).
    const own = [...(await store.read.requests.restrictionHolds(link.clipId))]
      .filter(([, requestId]) => requestId === r.id)
      .map(([holdId]) => holdId);
    const del = await deleteClip(
      actor,
      link.clipId,
      r.kind === 'objection' ? 'objection' : 'erasure',
      own.length > 0 ? { holdIds: own, reason: ERASED_REASON } : undefined,
    );
    if (!del.ok) {
      if (del.error.code === 'HOLD.CLIP_DELETED')
        return setOutcome(actor, r, link, 'erased', 'already deleted', null);
      return {
        clipId: link.clipId,
        outcome: null,
        reason: del.error.message,
        policeReport: null,
        error: del.error.code,
      };
    }
    return setOutcome(actor, r, link, 'erased', null, null);
  }

  async function restrictOne(
    actor: Actor,
    r: SubjectRequest,
    link: RequestClipLink,
  ): Promise<ClipActionResult> {
    return setOutcome(actor, r, link, 'restricted', null, null, async (repos) => {
      await repos.holds.lockClip(link.clipId);
      const c = await repos.clips.get(link.clipId);
      if (c === undefined || c.status === 'deleted')
        unwrap(err('HOLD.CLIP_DELETED', `clip ${link.clipId} was deleted`, { clipId: link.clipId }));
      const maxDays = holdMaxDaysOf(await repos.settings.get(HOLD_MAX_DAYS_SETTING));
      const at = now().toISOString();
      const hold = {
        id: ids.newId(),
        clipId: link.clipId,
        reason: RESTRICTION_REASON,
        policeReport: null,
        until: maximumEnd(at, maxDays),
        placedBy: actorId(actor),
        placedAt: at,
        extendedAt: null,
        extendedBy: null,
        extensionReason: null,
        beyondMaximum: false,
        releasedAt: null,
        releasedBy: null,
        releaseReason: null,
      };
      await repos.requests.insertRestriction(hold, r.id);
      await recordAudit(repos, clock, actor, 'clip.hold.placed', `clip:${link.clipId}`, {
        holdId: hold.id,
        kind: 'restriction',
        reason: hold.reason,
        until: hold.until,
        requestId: r.id,
        maxDays,
      });
    });
  }
};

/** The reason a restriction hold carries (AVG art. 18): kept, not viewed or exported. */
export const RESTRICTION_REASON = 'beperking van de verwerking (AVG art. 18)';

/** Why a request's own restriction is released when its clip is erased. */
export const ERASED_REASON = 'opgeheven: de beelden zijn gewist op verzoek van de bewoner';

export type RightsService = ReturnType<typeof rightsService>;
