/**
 * What a room may do right now (pure). No conversation, an objection, no matching in-force entry:
 * off. Where several approved assessments cover the same conversation, the most restrictive wins:
 * each approval justifies only its own processing, so where two overlap only what *both* justify
 * is necessary (data minimisation, GDPR Art. 5(1)(c)); and an approved lighter measure for the
 * same conversation is itself evidence that the heavier one is not needed there (subsidiarity).
 */
import type { HourWindow } from '../assessment/scenario.schema.js';
import type { CompiledPolicy, PolicyEntry, RecordingMode } from './policy.js';

export interface Conversation {
  readonly conversationTypeId: string;
  /** ISO instant the conversation started (must be valid; the hour window is judged at `now`). */
  readonly startedAt: string;
  /** The conversation carries a risk flag; entries limited to flagged conversations need it. Absent: not flagged. */
  readonly riskFlag?: boolean;
  /** The resident objected: recording goes off at once (EDPB 3/2019 §105–106). */
  readonly objection?: boolean;
}

export interface Decision {
  readonly mode: RecordingMode;
  readonly audioAllowed: boolean;
  readonly retentionHours: number | undefined;
  readonly viewers: readonly string[];
  readonly assessmentIds: readonly string[];
  /** Why, in English for logs and the CLI. */
  readonly reason: string;
  /** Why, as a code a screen words in its own language (with `assessmentIds` by title). */
  readonly reasonCode: DecisionReason;
}

/** Every reason a decision can give. */
export const DECISION_REASONS = [
  'no-policy',
  'no-conversation',
  'objection',
  'no-assessment',
  'invalid-start',
  'not-covered-now',
  'assessment',
  'overlapping-assessments',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

/** Recording off, and why. */
export const offDecision = (reasonCode: DecisionReason, reason: string): Decision => ({
  mode: { kind: 'off' },
  audioAllowed: false,
  retentionHours: undefined,
  viewers: [],
  assessmentIds: [],
  reason,
  reasonCode,
});
const OFF = offDecision;

const WEEKDAY: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** ISO weekday and minutes after midnight of an instant in a time zone. */
export const localTime = (at: Date, timeZone: string): { day: number; minutes: number } => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY[get('weekday')] ?? 0, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
};

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** A window includes its start and excludes its end: 09:00–17:00 covers 16:59, not 17:00. */
export const inWindows = (windows: readonly HourWindow[], local: { day: number; minutes: number }): boolean =>
  windows.length === 0 ||
  windows.some(
    (w) =>
      w.days.includes(local.day) && local.minutes >= toMinutes(w.from) && local.minutes < toMinutes(w.to),
  );

const strength = (m: PolicyEntry['mode']): number => (m.kind === 'incident-triggered' ? 1 : 2);

const combine = (entries: readonly PolicyEntry[]): Decision => {
  const weakest = entries.reduce((a, b) => (strength(b.mode) < strength(a.mode) ? b : a));
  let mode: RecordingMode = weakest.mode;
  if (mode.kind === 'incident-triggered') {
    const triggered = entries.flatMap((e) => (e.mode.kind === 'incident-triggered' ? [e.mode] : []));
    mode = {
      kind: 'incident-triggered',
      preRollSeconds: Math.min(...triggered.map((m) => m.preRollSeconds)),
      postRollSeconds: Math.min(...triggered.map((m) => m.postRollSeconds)),
    };
  }
  const first = entries[0]?.viewers ?? [];
  return {
    mode,
    audioAllowed: entries.every((e) => e.audioAllowed),
    retentionHours: Math.min(...entries.map((e) => e.retentionHours)),
    viewers: first.filter((v) => entries.every((e) => e.viewers.includes(v))),
    assessmentIds: [...new Set(entries.map((e) => e.assessmentId))],
    reason:
      entries.length > 1
        ? 'overlapping assessments: the most restrictive applies'
        : `assessment ${weakest.assessmentId}`,
    reasonCode: entries.length > 1 ? 'overlapping-assessments' : 'assessment',
  };
};

export const decide = (
  policy: CompiledPolicy,
  roomId: string,
  conversation: Conversation | undefined,
  now: Date,
): Decision => {
  if (conversation === undefined) return OFF('no-conversation', 'no conversation in progress');
  if (conversation.objection === true) return OFF('objection', 'the resident objected');
  const room = policy.rooms.find((r) => r.roomId === roomId);
  if (room === undefined) return OFF('no-assessment', 'no approved assessment for this room');
  const started = Date.parse(conversation.startedAt);
  if (Number.isNaN(started)) return OFF('invalid-start', 'conversation start time is not valid');
  // The window is judged now, not at the start: a conversation that began at 16:59 in a window to
  // 17:00 stops recording at 17:00 (the recorder re-plans every few seconds).
  const local = localTime(now, policy.timeZone);
  const t = now.getTime();
  const flagged = conversation.riskFlag === true;
  const matching = room.entries.filter(
    (e) =>
      e.conversationTypeId === conversation.conversationTypeId &&
      // scope.riskFlaggedOnly: an unflagged conversation is outside the assessment's scope.
      (e.riskFlaggedOnly !== true || flagged) &&
      inWindows(e.hours, local) &&
      (e.validUntil === undefined || Date.parse(e.validUntil) > t),
  );
  if (matching.length === 0)
    return OFF('not-covered-now', 'no in-force assessment covers this conversation now');
  return combine(matching);
};
