/**
 * From approved assessments to what each room may do (DOMAIN.md section 5): only an approved,
 * in-force assessment (DPO advice recorded, approved by the accountable official, not expired,
 * not withdrawn, not past its review date) whose recomputed verdict is not "not permitted" can
 * enable a recording mode. Everything else is off. Pure: `now` is passed in.
 */
import { assess } from '../assessment/assess.js';
import type { MeasureId } from '../assessment/catalogue.js';
import type { HourWindow, Incident, Scenario } from '../assessment/scenario.schema.js';
import type { Verdict } from '../assessment/verdict.js';
import { err, ok, type Result } from '../result.js';
import {
  blockingConditions,
  describeConditions,
  enforcedAudio,
  enforcedRetentionHours,
} from './conditions.js';
import { resolveInstant } from './local-date.js';

export type RecordingMode =
  | { readonly kind: 'off' }
  | { readonly kind: 'incident-triggered'; readonly preRollSeconds: number; readonly postRollSeconds: number }
  | { readonly kind: 'continuous' };

export const DEFAULT_PRE_ROLL_SECONDS = 30;
export const DEFAULT_POST_ROLL_SECONDS = 120;
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** One version of an assessment with its workflow state, as the services store it. */
export interface AssessmentRecord {
  readonly id: string;
  readonly version?: number;
  /** The approved input, evidence included: the verdict is recomputed from it, never typed in. */
  readonly scenario: Scenario;
  /** Incident evidence frozen at approval (register extract); replaces scenario.evidence.incidents. */
  readonly incidents?: readonly Incident[];
  readonly status: 'draft' | 'approved' | 'rejected' | 'withdrawn';
  /** When the DPO advice was recorded (Art. 35(2)). */
  readonly dpoAdviceRecordedAt?: string;
  readonly decision?: { readonly by: string; readonly at: string; readonly outcome: 'approved' | 'rejected' };
  /** ISO instant from which it applies (default: the decision). */
  readonly validFrom?: string;
  /** ISO instant at which it expires. */
  readonly validUntil?: string;
  readonly withdrawnAt?: string;
}

export interface PolicyEntry {
  readonly assessmentId: string;
  readonly measureId: MeasureId;
  readonly conversationTypeId: string;
  /** Empty: all hours. Windows are in the policy's time zone. */
  readonly hours: readonly HourWindow[];
  readonly mode: Exclude<RecordingMode, { kind: 'off' }>;
  readonly audioAllowed: boolean;
  readonly retentionHours: number;
  readonly viewers: readonly string[];
  /**
   * Only conversations that carry a risk flag (scope.riskFlaggedOnly); unflagged ones stay off.
   * compile() always sets it; optional only so policies stored before the field read as unlimited.
   */
  readonly riskFlaggedOnly?: boolean;
  /** The entry switches off at this instant (expiry or review date, whichever is first). */
  readonly validUntil: string | undefined;
}

export interface RoomPolicy {
  readonly roomId: string;
  readonly entries: readonly PolicyEntry[];
}

export interface CompiledPolicy {
  readonly compiledAt: string;
  readonly timeZone: string;
  readonly rooms: readonly RoomPolicy[];
  /** Assessments that enable nothing, and why (for the audit trail and the UI). */
  readonly excluded: readonly { readonly assessmentId: string; readonly reason: string }[];
  /** The recomputed verdict per included assessment. */
  readonly verdicts: Readonly<Record<string, Verdict>>;
}

/**
 * Why a record cannot enable recording at `now`; ok when it is approved and in force. It is in
 * force from the later of `validFrom` (default: the decision) and the measure's start date, and
 * date-only values are the start of that day in the policy's time zone.
 */
export const inForce = (
  r: AssessmentRecord,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Result<true> => {
  const t = now.getTime();
  const instant = (iso: string | undefined): number | undefined => resolveInstant(iso, timeZone);
  const no = (why: string) => err('ASSESSMENT.NOT_APPROVED', `${r.id}: ${why}`, { assessmentId: r.id });
  if (r.status !== 'approved' || r.decision?.outcome !== 'approved')
    return no(`not approved (status ${r.status})`);
  if (r.dpoAdviceRecordedAt === undefined) return no('no DPO advice recorded');
  const withdrawn = instant(r.withdrawnAt);
  if (withdrawn !== undefined && withdrawn <= t) return no('withdrawn');
  const from = instant(r.validFrom ?? r.decision.at);
  if (from === undefined || from > t) return no('not yet in force');
  const startDate = r.scenario.measure.startDate;
  const start = instant(startDate);
  if (startDate !== undefined && (start === undefined || start > t))
    return no(`not yet in force: the measure starts on ${startDate}`);
  const until = instant(r.validUntil);
  if (r.validUntil !== undefined && (until === undefined || until <= t)) return no('expired');
  const review = instant(r.scenario.safeguards.reviewDate);
  if (review === undefined) return no('no review date');
  if (review <= t) return no('past its review date');
  return ok(true);
};

const modeFor = (s: Scenario): PolicyEntry['mode'] | undefined => {
  switch (s.measure.id) {
    case 'incident-recording':
      return {
        kind: 'incident-triggered',
        preRollSeconds: s.measure.preRollSeconds ?? DEFAULT_PRE_ROLL_SECONDS,
        postRollSeconds: s.measure.postRollSeconds ?? DEFAULT_POST_ROLL_SECONDS,
      };
    case 'continuous-video':
    case 'audio-recording':
      return { kind: 'continuous' };
    default:
      // Live view shows, alarms log, covert recording is never a room policy: none is a recording mode.
      return undefined;
  }
};

const earliest = (timeZone: string, ...isos: (string | undefined)[]): string | undefined => {
  const known = isos
    .map((i) => ({ i, t: resolveInstant(i, timeZone) }))
    .filter((x): x is { i: string; t: number } => x.i !== undefined && x.t !== undefined);
  known.sort((a, b) => a.t - b.t);
  const first = known[0];
  return first === undefined ? undefined : new Date(first.t).toISOString();
};

export const compile = (
  records: readonly AssessmentRecord[],
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): CompiledPolicy => {
  const excluded: { assessmentId: string; reason: string }[] = [];
  const verdicts: Record<string, Verdict> = {};
  const byRoom = new Map<string, PolicyEntry[]>();
  for (const r of records) {
    const force = inForce(r, now, timeZone);
    if (!force.ok) {
      excluded.push({ assessmentId: r.id, reason: force.error.message });
      continue;
    }
    const a = assess(r.scenario, r.incidents === undefined ? {} : { incidents: r.incidents });
    if (!a.ok) {
      excluded.push({ assessmentId: r.id, reason: a.error.message });
      continue;
    }
    verdicts[r.id] = a.value.verdict;
    if (a.value.verdict === 'not-permitted') {
      excluded.push({ assessmentId: r.id, reason: `${r.id}: verdict not permitted` });
      continue;
    }
    // A condition that must hold before the first frame and is still open enables nothing.
    const open = blockingConditions(a.value.conditions);
    if (open.length > 0) {
      excluded.push({ assessmentId: r.id, reason: `${r.id}: conditions open: ${describeConditions(open)}` });
      continue;
    }
    const mode = modeFor(r.scenario);
    if (mode === undefined) {
      excluded.push({
        assessmentId: r.id,
        reason: `${r.id}: measure ${r.scenario.measure.id} is not a recording mode`,
      });
      continue;
    }
    const s = r.scenario;
    const asked = s.safeguards.retentionHours;
    if (asked === undefined) {
      excluded.push({ assessmentId: r.id, reason: `${r.id}: no retention period` });
      continue;
    }
    // Enforceable conditions are applied here, not merely reported: retention cut to its bound, audio off.
    const retentionHours = enforcedRetentionHours(asked, a.value.conditions);
    const audioAllowed = enforcedAudio(s.measure.audio ?? a.value.measure.audio, a.value.conditions);
    for (const room of s.scope.rooms) {
      const list = byRoom.get(room.id) ?? [];
      for (const c of s.scope.conversationTypes) {
        list.push({
          assessmentId: r.id,
          measureId: a.value.measure.id,
          conversationTypeId: c.id,
          hours: s.scope.hours ?? [],
          mode,
          audioAllowed,
          retentionHours,
          viewers: s.safeguards.access?.roles ?? [],
          riskFlaggedOnly: s.scope.riskFlaggedOnly === true,
          validUntil: earliest(timeZone, r.validUntil, s.safeguards.reviewDate),
        });
      }
      byRoom.set(room.id, list);
    }
  }
  const rooms = [...byRoom.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([roomId, entries]) => ({ roomId, entries }));
  return { compiledAt: now.toISOString(), timeZone, rooms, excluded, verdicts };
};

export const roomPolicy = (policy: CompiledPolicy, roomId: string): Result<RoomPolicy> => {
  const room = policy.rooms.find((r) => r.roomId === roomId);
  return room === undefined
    ? err('POLICY.UNKNOWN_ROOM', `room ${roomId} has no recording policy (recording is off)`, { roomId })
    : ok(room);
};
