/**
 * The rules of four-eyes viewing (issue 10 §2): what a viewing request must say, its states, who
 * may approve it, when K approvals make a grant and what the grant allows, and when a waiting
 * approval lapses. Pure: times come in as milliseconds, ids from the caller. The keys themselves
 * (opening shares, combining, unwrapping one clip's file keys) are the vault adapter's.
 */
import { err, ok, type Result } from '../result.js';
import type { CustodyErrorCode } from '../custody/errors.js';
import type { FootageErrorCode } from './errors.js';

export const LEGAL_GROUNDS = ['own-investigation', 'police-report', 'subject-access', 'complaint'] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];
export const PURPOSES = ['view', 'export'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type RequestState = 'pending' | 'granted' | 'refused' | 'revoked' | 'ended';

export const REASON_MIN = 10;
export const REASON_MAX = 2000;
/** How long a grant lasts after the K-th approval, and how many plays it allows. */
export const GRANT_DEFAULTS = { minutes: 60, plays: 5 } as const;
/** How long an opened share waits in memory for the other approvals. */
export const APPROVAL_LAPSE_MS = 30 * 60_000;
/** Wrong passphrases: this many per custodian within the window, then refused until it passes. */
export const ATTEMPT_LIMIT = { failures: 5, windowMs: 15 * 60_000 } as const;
/** A play token's life: the browser fetches the stream within it (Chromium may fetch twice). */
export const PLAY_TOKEN_MS = 60_000;

export interface RequestInput {
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly purposes: readonly Purpose[];
  readonly policeReport?: string | null | undefined;
}

export interface ValidRequest {
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly purposes: readonly Purpose[];
  readonly policeReport: string | null;
}

type Code = FootageErrorCode | CustodyErrorCode;

/** Reason 10…2000 characters; a police report number with that ground; export only for the police. */
export const validateRequest = (input: RequestInput): Result<ValidRequest, Code> => {
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX)
    return err(
      'FOOTAGE.REASON_INVALID',
      `the reason has ${reason.length} characters, not ${REASON_MIN}–${REASON_MAX}`,
      {
        field: 'reason',
      },
    );
  const policeReport = input.policeReport?.trim() || null;
  if (input.legalGround === 'police-report' && policeReport === null)
    return err('FOOTAGE.POLICE_REPORT_REQUIRED', 'give the police report number', { field: 'policeReport' });
  const purposes = PURPOSES.filter((p) => input.purposes.includes(p));
  if (purposes.length === 0)
    return err('FOOTAGE.REASON_INVALID', 'name at least one purpose: view or export', { field: 'purposes' });
  if (purposes.includes('export') && input.legalGround !== 'police-report')
    return err('FOOTAGE.EXPORT_NEEDS_POLICE_REPORT', 'export is only for a police report', {
      field: 'purposes',
    });
  return ok({ reason, legalGround: input.legalGround, purposes, policeReport });
};

/** What can happen to a request, and from which states. */
export type RequestEvent = 'approve' | 'grant' | 'refuse' | 'revoke' | 'end';

const TRANSITIONS: Readonly<Record<RequestEvent, readonly RequestState[]>> = {
  approve: ['pending'],
  grant: ['pending'],
  refuse: ['pending'],
  revoke: ['pending', 'granted'],
  end: ['granted'],
};
const TARGET: Readonly<Record<RequestEvent, RequestState>> = {
  approve: 'pending',
  grant: 'granted',
  refuse: 'refused',
  revoke: 'revoked',
  end: 'ended',
};

export const transition = (state: RequestState, event: RequestEvent): Result<RequestState, Code> =>
  TRANSITIONS[event].includes(state)
    ? ok(TARGET[event])
    : err(
        'FOOTAGE.REQUEST_CLOSED',
        `the request is ${state}: it cannot be ${event === 'end' ? 'ended' : `${event}d`}`,
        {
          state,
        },
      );

export interface Approval {
  readonly custodianId: string;
  readonly at: number;
}

/** Waiting approvals still in force: younger than the lapse and (the caller says) their share still held. */
export const liveApprovals = (
  approvals: readonly Approval[],
  now: number,
  held: (custodianId: string) => boolean,
): Approval[] => approvals.filter((a) => now - a.at < APPROVAL_LAPSE_MS && held(a.custodianId));

export interface Approver {
  readonly id: string;
  /** The account's custodian flag. */
  readonly custodian: boolean;
  /** Holds a share of the share set in force for the clip's vault key. */
  readonly holdsShare: boolean;
}

/**
 * Whether `approver` may approve now, given the live approvals. The requester may approve their own
 * request only as a custodian and only after someone who did not ask approved: so the K approvals
 * always include one independent custodian, and the first confirmation is never the asker's.
 */
export const mayApprove = (
  request: { readonly state: RequestState; readonly requesterId: string },
  approver: Approver,
  live: readonly Approval[],
): Result<void, Code> => {
  const t = transition(request.state, 'approve');
  if (!t.ok) return t;
  if (!approver.custodian || !approver.holdsShare)
    return err('FOOTAGE.NOT_CUSTODIAN', 'you hold no share of the vault key in force');
  if (live.some((a) => a.custodianId === approver.id))
    return err('FOOTAGE.ALREADY_APPROVED', 'you already approved this request');
  if (approver.id === request.requesterId && !live.some((a) => a.custodianId !== request.requesterId))
    return err('FOOTAGE.OWN_REQUEST_NEEDS_OTHER', 'a custodian who did not ask must approve first');
  return ok(undefined);
};

/** After an approval: enough for a grant (K distinct custodians, one not the requester)? */
export const approvalsComplete = (
  live: readonly Approval[],
  threshold: number,
  requesterId: string,
): boolean => {
  const distinct = new Set(live.map((a) => a.custodianId));
  return distinct.size >= threshold && [...distinct].some((id) => id !== requesterId);
};

export interface GrantTerms {
  readonly grantedAt: number;
  readonly expiresAt: number;
  readonly plays: number;
  readonly exportAllowed: boolean;
}

export const grantTerms = (
  now: number,
  purposes: readonly Purpose[],
  options: { readonly minutes?: number; readonly plays?: number } = {},
): GrantTerms => ({
  grantedAt: now,
  expiresAt: now + (options.minutes ?? GRANT_DEFAULTS.minutes) * 60_000,
  plays: options.plays ?? GRANT_DEFAULTS.plays,
  exportAllowed: purposes.includes('export'),
});

/** 'restricted': a resident's restriction (AVG art. 18) came after the grant; the grant ends with it. */
export type GrantEnd = 'expired' | 'plays-used' | 'restart' | 'restricted';

/**
 * Why a granted request is over, or null while it runs. `held`: its keys are still in memory (a
 * restart loses them); `playing`: a play token of it is still alive (the last play may finish).
 */
export const grantEnd = (
  g: { readonly expiresAt: number; readonly playsLeft: number },
  now: number,
  held: boolean,
  playing: boolean,
): GrantEnd | null => {
  if (!held) return 'restart';
  if (now >= g.expiresAt) return 'expired';
  if (g.playsLeft <= 0 && !playing) return 'plays-used';
  return null;
};

/** Whether a grant may start a play now. */
export const mayPlay = (
  g: {
    readonly requesterId: string;
    readonly expiresAt: number;
    readonly playsLeft: number;
    readonly state: RequestState;
  },
  actorId: string,
  now: number,
  held: boolean,
): Result<void, Code> => {
  if (actorId !== g.requesterId) return err('FOOTAGE.NOT_REQUESTER', 'only whoever asked may watch');
  if (g.state !== 'granted' || !held || now >= g.expiresAt || g.playsLeft <= 0)
    return err('FOOTAGE.GRANT_ENDED', 'this permission to view has ended');
  return ok(undefined);
};

/** Wrong passphrases within the window; blocked once the limit is reached. */
export const attemptsBlocked = (failures: readonly number[], now: number): boolean =>
  failures.filter((t) => now - t < ATTEMPT_LIMIT.windowMs).length >= ATTEMPT_LIMIT.failures;

/** The failures still within the window (the caller keeps only these). */
export const recentFailures = (failures: readonly number[], now: number): number[] =>
  failures.filter((t) => now - t < ATTEMPT_LIMIT.windowMs);

/** Whether a share someone opened is theirs, of the vault key and share set in force. */
export const shareFits = (
  info: { readonly vault: string; readonly generation: number; readonly custodianId: string },
  expect: { readonly vault: string; readonly generation: number; readonly custodianId: string },
): Result<void, Code> => {
  if (info.vault !== expect.vault)
    return err('FOOTAGE.SHARE_MISMATCH', 'the share belongs to another vault key');
  if (info.generation !== expect.generation)
    return err(
      'FOOTAGE.SHARE_MISMATCH',
      `the share is of set ${info.generation}; set ${expect.generation} is in force`,
    );
  if (info.custodianId !== expect.custodianId)
    return err('FOOTAGE.SHARE_MISMATCH', "the share is another custodian's");
  return ok(undefined);
};
