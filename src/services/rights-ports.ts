/**
 * Ports of residents' requests (issue 12 §1). The repositories join the recording store, so a
 * request's step, a restriction hold on a clip and their audit entries commit together.
 */
import type { SubjectRequest, RequestStatus } from '../core/rights/request.js';
import type { LegalHold } from '../core/recording/holds.js';
import type { UnitOfWork } from './ports.js';
import type { RecordingRepositories } from './recording-ports.js';

export type ClipOutcome = 'erased' | 'restricted' | 'refused-hold' | 'provided';

export interface RequestClipLink {
  readonly requestId: string;
  readonly clipId: string;
  readonly linkedBy: string;
  readonly linkedAt: string;
  readonly outcome: ClipOutcome | null;
  readonly outcomeReason: string | null;
  /** The police report a legal hold names, when that hold was why the clip could not be erased. */
  readonly policeReport: string | null;
  readonly actedAt: string | null;
  readonly actedBy: string | null;
}

/** A redacted copy made for the request (redaction_jobs) that was not replaced by a newer one. */
export interface RequestCopy {
  readonly clipId: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly clipStartedAt: string | null;
  readonly clipEndedAt: string | null;
}

export interface RequestEvent {
  readonly id: string;
  readonly requestId: string;
  readonly at: string;
  readonly by: string;
  readonly action: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A letter that went out to the resident: which, in what language and form, on what day. */
export interface LetterRecord {
  readonly id: string;
  readonly requestId: string;
  readonly kind: 'decision' | 'extension';
  readonly language: 'nl' | 'en';
  readonly format: 'pdf' | 'text';
  /** The day it went out (YYYY-MM-DD, Europe/Amsterdam). */
  readonly sentOn: string;
  readonly sentBy: string;
  /** SHA-256 (hex) of the letter's text as sent, so a later copy can be compared with it. */
  readonly digest: string;
}

export interface RequestFilter {
  readonly status?: readonly RequestStatus[];
  readonly kind?: string;
  /** Only requests of these sites (absent: every site). */
  readonly siteIds?: readonly string[];
  readonly limit?: number;
}

/** A clip as the request sees it: where and when, its state; nothing about who is in it. */
export interface CandidateClip {
  readonly id: string;
  readonly cameraId: string;
  readonly roomId: string;
  readonly siteId: string;
  readonly status: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
  readonly retentionUntil: string | null;
}

/** An alarm in the room and window, with its incident, found through the conversation it happened in. */
export interface CandidateAlarm {
  readonly alarmId: string;
  readonly incidentId: string;
  readonly roomId: string;
  readonly raisedAt: string;
  readonly conversationId: string | null;
  readonly conversationStartedAt: string | null;
  readonly conversationEndedAt: string | null;
  /** Whether an incident report was filed for it. */
  readonly reported: boolean;
}

export interface SubjectRequestRepository {
  insert(r: SubjectRequest): Promise<void>;
  update(r: SubjectRequest): Promise<void>;
  get(id: string): Promise<SubjectRequest | undefined>;
  list(filter: RequestFilter): Promise<SubjectRequest[]>;
  /** Closed before `closedBefore`, contact details not erased yet. */
  contactsDue(closedBefore: string, limit: number): Promise<SubjectRequest[]>;
  addEvent(e: RequestEvent): Promise<void>;
  events(requestId: string): Promise<RequestEvent[]>;
  linkClip(l: RequestClipLink): Promise<void>;
  updateClip(l: RequestClipLink): Promise<void>;
  clips(requestId: string): Promise<RequestClipLink[]>;
  /** The redacted copies made for it, superseded ones left out, by the clip's start. */
  copies(requestId: string): Promise<RequestCopy[]>;
  addLetter(l: LetterRecord): Promise<void>;
  letters(requestId: string): Promise<LetterRecord[]>;
  /** Clips of a room (or, with roomId null, of a site) whose time range overlaps [from, to). */
  clipsOverlapping(
    where: { roomId: string | null; siteId: string },
    from: string,
    to: string,
  ): Promise<CandidateClip[]>;
  /** Alarms raised in the room (or site) within [from, to), or in a conversation that overlapped it. */
  alarmsOverlapping(
    where: { roomId: string | null; siteId: string },
    from: string,
    to: string,
  ): Promise<CandidateAlarm[]>;
  /** A restriction hold (kind 'restriction', AVG art. 18) for the request. */
  insertRestriction(h: LegalHold, requestId: string): Promise<void>;
  /** The restriction holds (not legal holds) on a clip, live or not: hold id → the request it serves. */
  restrictionHolds(clipId: string): Promise<Map<string, string | null>>;
  /** For each of these clips that a live restriction keeps at `now`: true. */
  restricted(clipIds: readonly string[], now: string): Promise<Set<string>>;
}

export interface RightsRepositories extends RecordingRepositories {
  readonly requests: SubjectRequestRepository;
}

export type RightsStore = UnitOfWork<RightsRepositories>;
