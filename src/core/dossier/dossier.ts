/**
 * Builds the regulator dossier (issue 12 §4, docs/dossier.md) from facts the service gathered:
 * filters them to the period (calendar days in Europe/Amsterdam), counts recordings per month and
 * what became of them, and states each resident's request's timeliness with the same deadline
 * function the register uses (AVG art. 12 lid 3). Pure: the clock comes in as `now`.
 *
 * The facts carry no resident identity to begin with (the gatherer never reads a requester's
 * name, contact, recognition or time window); the builder also drops free texts that could
 * (a request's decision reasons, a police report number).
 */
import { err, ok, type Result } from '../result.js';
import {
  addCalendarMonths,
  addDays,
  dayInAmsterdam,
  deadlineState,
  isCalendarDay,
  type CalendarDay,
} from '../rights/deadlines.js';
import type {
  Dossier,
  DossierAudit,
  DossierComplaints,
  DossierMeasure,
  DossierPolicyVersion,
  DossierRegisterEntry,
  RecordingFiguresTotal,
  RecordingMonthFigures,
} from './dossier.schema.js';

export interface DossierPeriod {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/** Longer periods make a dossier nobody reads; ten years covers any retention of the records. */
export const MAX_PERIOD_DAYS = 3660;
/** A clip deleted within this long after its deadline was deleted on time (the sweep runs every minute). */
export const DELETION_GRACE_HOURS = 1;

/** The period asked for, or the last twelve months up to today when neither end is given. */
export const dossierPeriod = (
  input: { readonly from?: string | undefined; readonly to?: string | undefined },
  today: CalendarDay,
): Result<DossierPeriod> => {
  const to = input.to ?? today;
  const from = input.from ?? addDays(addCalendarMonths(to, -12), 1);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isCalendarDay(value))
      return err('REQUEST.INVALID', `${field} must be a calendar day YYYY-MM-DD, not "${value}"`, { field });
  if (from > to) return err('REQUEST.INVALID', `from (${from}) is after to (${to})`, { field: 'from' });
  if (to > today) return err('REQUEST.INVALID', `to (${to}) lies in the future`, { field: 'to' });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (days > MAX_PERIOD_DAYS)
    return err('REQUEST.INVALID', `the period spans ${days} days; at most ${MAX_PERIOD_DAYS}`, {
      field: 'from',
    });
  return ok({ from, to });
};

export interface NamedPlace {
  readonly id: string;
  readonly name: string;
}

export interface AssessmentFacts {
  readonly id: string;
  readonly title: string;
  readonly measure: string;
  readonly rooms: readonly NamedPlace[];
  readonly conversationTypes: readonly NamedPlace[];
  readonly versions: readonly {
    readonly version: number;
    readonly status: string;
    readonly createdAt: string;
    readonly submittedAt: string | undefined;
    readonly verdict: string | undefined;
    readonly dpoAdvice:
      | {
          readonly name: string;
          readonly at: string;
          readonly recommendation: string;
          readonly advice: string;
        }
      | undefined;
    readonly decision:
      | { readonly name: string; readonly at: string; readonly outcome: string; readonly reasons: string }
      | undefined;
    readonly validFrom: string | undefined;
    readonly validUntil: string | undefined;
    readonly withdrawal: { readonly at: string; readonly reason: string } | undefined;
  }[];
}

export interface PolicyVersionFacts {
  readonly seq: number;
  readonly compiledAt: string;
  readonly trigger: string;
  readonly cause: string | undefined;
  readonly hash: string;
  readonly rooms: readonly {
    readonly roomId: string;
    readonly entries: readonly {
      readonly assessmentId: string;
      readonly measureId: string;
      readonly conversationTypeId: string;
      readonly mode: { readonly kind: string };
      readonly audioAllowed: boolean;
      readonly retentionHours: number;
    }[];
  }[];
}

export interface ClipFacts {
  readonly id: string;
  readonly roomId: string;
  readonly startedAt: string | null;
  readonly createdAt: string;
  readonly retentionUntil: string | null;
  readonly deletedAt: string | null;
}

export interface HoldFacts {
  readonly clipId: string;
  readonly placedAt: string;
  /** The hold keeps the clip until then, or until it was released (whichever came first). */
  readonly until: string;
  readonly releasedAt: string | null;
}

export interface ViewingRequestFacts {
  readonly clipId: string;
  /** The clip's room (the clip may have been recorded before the period). */
  readonly roomId: string;
  readonly siteId: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly reason: string;
  readonly legalGround: string;
  readonly policeReport: boolean;
  readonly purposes: readonly string[];
  readonly state: string;
  readonly playsUsed: number;
}

export interface SubjectRequestFacts {
  readonly receivedOn: CalendarDay;
  readonly kind: string;
  readonly channel: string;
  readonly siteId: string;
  readonly status: string;
  readonly decision: string | null;
  readonly extensionNotifiedOn: CalendarDay | null;
  readonly answeredOn: CalendarDay | null;
}

/** Everything the dossier is built from, gathered by services/dossier.service.ts. */
export interface DossierFacts {
  readonly organisation:
    | {
        readonly name: string;
        readonly address: string;
        readonly dpoName: string;
        readonly dpoEmail: string;
        readonly dpoPhone: string;
      }
    | undefined;
  readonly sites: readonly NamedPlace[];
  readonly rooms: readonly (NamedPlace & { readonly siteId: string })[];
  readonly conversationTypes: readonly NamedPlace[];
  readonly assessments: readonly AssessmentFacts[];
  /** Every policy version, any order. */
  readonly policyVersions: readonly PolicyVersionFacts[];
  readonly suspensions: readonly {
    readonly scope: string;
    readonly siteId: string | null;
    readonly suspendedAt: string;
    readonly resumedAt: string | null;
  }[];
  readonly objections: readonly { readonly roomId: string; readonly at: string }[];
  /** Clips recorded in the period (the gatherer may pass more; the builder filters). */
  readonly clips: readonly ClipFacts[];
  /** Plays and exports of clips (audit entries), any time up to now. */
  readonly plays: readonly { readonly clipId: string; readonly at: string }[];
  readonly exports: readonly {
    readonly clipId: string;
    readonly at: string;
    readonly by: string;
    readonly roomId: string;
  }[];
  readonly holds: readonly HoldFacts[];
  readonly viewingRequests: readonly ViewingRequestFacts[];
  readonly subjectRequests: readonly SubjectRequestFacts[];
  readonly complaints: DossierComplaints;
  /** Register entries of the measures approved and in force at the end of the period. */
  readonly register: readonly DossierRegisterEntry[];
  readonly audit: DossierAudit;
}

const inPeriod = (p: DossierPeriod, instant: string | null | undefined): boolean => {
  if (instant === null || instant === undefined) return false;
  const day = dayInAmsterdam(new Date(instant));
  return day >= p.from && day <= p.to;
};
const dayIn = (p: DossierPeriod, day: CalendarDay): boolean => day >= p.from && day <= p.to;
const byTime =
  <T>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(a).localeCompare(at(b));

/** Every month the period touches, oldest first (YYYY-MM). */
export const monthsOf = (p: DossierPeriod): string[] => {
  const out: string[] = [];
  let m = p.from.slice(0, 7);
  const last = p.to.slice(0, 7);
  while (m <= last) {
    out.push(m);
    m = addCalendarMonths(`${m}-01`, 1).slice(0, 7);
  }
  return out;
};

const measureOf = (a: AssessmentFacts, p: DossierPeriod): DossierMeasure => {
  const endOfPeriod = p.to;
  const inForce = a.versions.some(
    (v) =>
      v.decision?.outcome === 'approved' &&
      dayInAmsterdam(new Date(v.decision.at)) <= endOfPeriod &&
      (v.withdrawal === undefined || dayInAmsterdam(new Date(v.withdrawal.at)) > endOfPeriod) &&
      (v.validUntil === undefined || v.validUntil.slice(0, 10) >= endOfPeriod),
  );
  return {
    assessmentId: a.id,
    title: a.title,
    measure: a.measure,
    rooms: a.rooms.map((r) => r.name),
    conversationTypes: a.conversationTypes.map((c) => c.name),
    inForce,
    versions: a.versions.map((v) => ({
      version: v.version,
      status: v.status,
      createdAt: v.createdAt,
      submittedAt: v.submittedAt ?? null,
      verdict: v.verdict ?? null,
      dpoAdvice:
        v.dpoAdvice === undefined
          ? null
          : {
              by: v.dpoAdvice.name,
              at: v.dpoAdvice.at,
              recommendation: v.dpoAdvice.recommendation,
              advice: v.dpoAdvice.advice,
            },
      decision:
        v.decision === undefined
          ? null
          : {
              by: v.decision.name,
              at: v.decision.at,
              outcome: v.decision.outcome,
              reasons: v.decision.reasons,
            },
      validFrom: v.validFrom ?? null,
      reviewDate: v.validUntil ?? null,
      withdrawal: v.withdrawal ?? null,
    })),
  };
};

export const buildDossier = (facts: DossierFacts, period: DossierPeriod, now: Date): Dossier => {
  const p = period;
  const siteName = new Map(facts.sites.map((s) => [s.id, s.name]));
  const room = new Map(facts.rooms.map((r) => [r.id, r]));
  const roomName = (id: string) => room.get(id)?.name ?? id;
  const siteOfRoom = (id: string) => siteName.get(room.get(id)?.siteId ?? '') ?? '';
  const typeName = new Map(facts.conversationTypes.map((c) => [c.id, c.name]));

  const policyVersion = (v: PolicyVersionFacts): DossierPolicyVersion => ({
    seq: v.seq,
    compiledAt: v.compiledAt,
    trigger: v.trigger,
    cause: v.cause ?? null,
    hash: v.hash,
    recording: v.rooms.flatMap((r) =>
      r.entries.map((e) => ({
        room: roomName(r.roomId),
        site: siteOfRoom(r.roomId),
        conversationType: typeName.get(e.conversationTypeId) ?? e.conversationTypeId,
        measure: e.measureId,
        mode: e.mode.kind,
        audio: e.audioAllowed,
        retentionHours: e.retentionHours,
        assessmentId: e.assessmentId,
      })),
    ),
  });
  const versions = [...facts.policyVersions].sort((a, b) => a.seq - b.seq);
  const before = versions.filter((v) => dayInAmsterdam(new Date(v.compiledAt)) < p.from).at(-1);

  const suspensions = facts.suspensions
    .filter(
      (s) =>
        inPeriod(p, s.suspendedAt) ||
        inPeriod(p, s.resumedAt) ||
        (dayInAmsterdam(new Date(s.suspendedAt)) < p.from &&
          (s.resumedAt === null || dayInAmsterdam(new Date(s.resumedAt)) > p.to)),
    )
    .sort(byTime((s) => s.suspendedAt))
    .map((s) => ({
      scope: s.scope,
      site: s.siteId === null ? null : (siteName.get(s.siteId) ?? s.siteId),
      suspendedAt: s.suspendedAt,
      resumedAt: s.resumedAt,
    }));
  const objections = facts.objections
    .filter((o) => inPeriod(p, o.at))
    .sort(byTime((o) => o.at))
    .map((o) => ({ at: o.at, room: roomName(o.roomId), site: siteOfRoom(o.roomId) }));

  const recordings = recordingFigures(facts, p, now);

  const requests = facts.viewingRequests
    .filter((r) => inPeriod(p, r.requestedAt))
    .sort(byTime((r) => r.requestedAt))
    .map((r) => ({
      requestedAt: r.requestedAt,
      requestedBy: r.requestedBy,
      site: siteName.get(r.siteId) ?? r.siteId,
      room: roomName(r.roomId),
      reason: r.reason,
      legalGround: r.legalGround,
      policeReport: r.policeReport,
      purposes: [...r.purposes],
      state: r.state,
      plays: r.playsUsed,
    }));
  const exports = facts.exports
    .filter((e) => inPeriod(p, e.at))
    .sort(byTime((e) => e.at))
    .map((e) => ({ at: e.at, by: e.by, room: roomName(e.roomId) }));

  const today = dayInAmsterdam(now);
  const subjectItems = facts.subjectRequests
    .filter((r) => dayIn(p, r.receivedOn))
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
    .map((r) => {
      const d = deadlineState(r, today);
      const timeliness =
        d.status === 'answered'
          ? d.onTime === true
            ? 'on-time'
            : 'late'
          : d.status === 'overdue'
            ? 'overdue'
            : 'open';
      return {
        receivedOn: r.receivedOn,
        kind: r.kind,
        channel: r.channel,
        site: siteName.get(r.siteId) ?? r.siteId,
        status: r.status,
        decision: r.decision,
        extended: d.dueOn !== deadlineState({ receivedOn: r.receivedOn }, today).dueOn,
        dueOn: d.dueOn,
        answeredOn: r.answeredOn,
        timeliness,
      } as const;
    });
  const countOf = (t: string) => subjectItems.filter((r) => r.timeliness === t).length;

  const o = facts.organisation;
  return {
    kind: 'proportio.regulator-dossier',
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    period: { from: p.from, to: p.to, timeZone: 'Europe/Amsterdam' },
    organisation:
      o === undefined
        ? null
        : {
            name: o.name,
            address: o.address,
            dpo: { name: o.dpoName, email: o.dpoEmail, phone: o.dpoPhone },
          },
    measures: facts.assessments.map((a) => measureOf(a, p)),
    policyHistory: {
      inForceAtStart: before === undefined ? null : policyVersion(before),
      versions: versions.filter((v) => inPeriod(p, v.compiledAt)).map(policyVersion),
    },
    suspensions: { count: suspensions.length, items: suspensions },
    objections: { count: objections.length, items: objections },
    recordings,
    footageAccess: { requests, exports },
    subjectRequests: {
      count: subjectItems.length,
      onTime: countOf('on-time'),
      late: countOf('late'),
      open: countOf('open'),
      overdue: countOf('overdue'),
      items: subjectItems,
    },
    complaints: facts.complaints,
    register: [...facts.register],
    audit: facts.audit,
  };
};

const HOUR_MS = 3_600_000;

/**
 * Per month of recording: how many clips were recorded, and of those how many were ever viewed,
 * exported or held, deleted on time, deleted late, or are still kept past their deadline. A
 * clip's deadline is the end of its retention, moved to the end of a legal hold that kept it.
 */
const recordingFigures = (facts: DossierFacts, p: DossierPeriod, now: Date): Dossier['recordings'] => {
  const viewed = new Set(facts.plays.map((x) => x.clipId));
  const exported = new Set(facts.exports.map((x) => x.clipId));
  const holdEnd = new Map<string, number>();
  for (const h of facts.holds) {
    const end = Math.min(Date.parse(h.until), h.releasedAt === null ? Infinity : Date.parse(h.releasedAt));
    holdEnd.set(h.clipId, Math.max(holdEnd.get(h.clipId) ?? 0, end));
  }
  const months = new Map<string, RecordingMonthFigures>(
    monthsOf(p).map((month) => [month, { month, ...emptyFigures() }]),
  );
  const graceMs = DELETION_GRACE_HOURS * HOUR_MS;
  for (const c of facts.clips) {
    const at = c.startedAt ?? c.createdAt;
    if (!inPeriod(p, at)) continue;
    const m = months.get(dayInAmsterdam(new Date(at)).slice(0, 7));
    if (m === undefined) continue;
    const deadline = Math.max(
      c.retentionUntil === null ? Infinity : Date.parse(c.retentionUntil),
      holdEnd.get(c.id) ?? 0,
    );
    const deleted = c.deletedAt === null ? undefined : Date.parse(c.deletedAt);
    months.set(m.month, {
      ...m,
      recorded: m.recorded + 1,
      viewed: m.viewed + (viewed.has(c.id) ? 1 : 0),
      exported: m.exported + (exported.has(c.id) ? 1 : 0),
      held: m.held + (holdEnd.has(c.id) ? 1 : 0),
      deleted: m.deleted + (deleted === undefined ? 0 : 1),
      deletedOnTime: m.deletedOnTime + (deleted !== undefined && deleted <= deadline + graceMs ? 1 : 0),
      deletedLate: m.deletedLate + (deleted !== undefined && deleted > deadline + graceMs ? 1 : 0),
      keptPastDeadline:
        m.keptPastDeadline + (deleted === undefined && now.getTime() > deadline + graceMs ? 1 : 0),
    });
  }
  const list = [...months.values()];
  const totals = emptyFigures();
  for (const m of list)
    for (const k of Object.keys(totals) as (keyof RecordingFiguresTotal)[]) totals[k] += m[k];
  return { deletionGraceHours: DELETION_GRACE_HOURS, months: list, totals };
};

const emptyFigures = (): { -readonly [K in keyof RecordingFiguresTotal]: number } => ({
  recorded: 0,
  viewed: 0,
  exported: 0,
  held: 0,
  deleted: 0,
  deletedOnTime: 0,
  deletedLate: 0,
  keptPastDeadline: 0,
});

/** Said in the dossier when no complaints register is wired in (see docs/dossier.md). */
export const NO_COMPLAINTS_REGISTER: DossierComplaints = {
  available: false,
  note: {
    nl: 'Het register van klachten en verzoeken van de toezichthouder is in deze versie van Proportio nog niet aangesloten; dit onderdeel is daarom leeg en zegt niets over het aantal klachten.',
    en: 'The register of complaints and inquiries from the regulator is not connected in this version of Proportio; this section is therefore empty and says nothing about the number of complaints.',
  },
};
