/**
 * The interfaces the recording capability needs from the world, beside the foundation's ports.
 * Repositories run inside whatever transaction the RecordingStore gives, so a switch (objection,
 * suspension), a clip's state and their audit entries commit together. The vault and the
 * recorder processes are behind ports too, so the service stays free of adapters.
 */
import type { CompiledPolicy } from '../core/policy/policy.js';
import type { SealedExtentSummary } from '../core/recording/sealed-extent.js';
import type { VaultErrorCode } from '../core/recording/vault-errors.js';
import type { Result } from '../core/result.js';
import type { ClipDeletionRepository, ClipHoldRepository } from './hold-ports.js';
import type { Repositories, UnitOfWork } from './ports.js';

export type ClipStatus = 'recording' | 'sealed' | 'failed' | 'interrupted' | 'deleted';

export interface ClipRecord {
  readonly id: string;
  readonly cameraId: string;
  readonly roomId: string;
  readonly siteId: string;
  readonly alarmId: string | null;
  readonly incidentId: string | null;
  readonly alarmIds: readonly string[];
  readonly incidentIds: readonly string[];
  readonly conversationId: string | null;
  readonly mode: 'incident' | 'continuous';
  readonly policySeq: number | null;
  readonly policyCompiledAt: string | null;
  readonly policyHash: string | null;
  readonly assessmentIds: readonly string[];
  readonly status: ClipStatus;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
  readonly bytes: number | null;
  readonly sealedBytes: number | null;
  readonly parts: number | null;
  readonly keyframeIntervalSeconds: number | null;
  readonly preRollSeconds: number | null;
  readonly endReason: string | null;
  readonly codec: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly manifestDigest: string | null;
  readonly retentionHours: number;
  readonly retentionUntil: string | null;
  readonly errorCode: string | null;
  readonly createdAt: string;
  readonly sealedAt: string | null;
  readonly deletedAt: string | null;
  readonly deletedReason: string | null;
}

/** Which clips a list asks for (the API's query; the service adds the viewer's sites). */
export interface ClipFilter {
  readonly incidentId?: string;
  readonly alarmId?: string;
  readonly cameraId?: string;
  readonly includeDeleted?: boolean;
  readonly limit?: number;
}

export interface ClipRepository {
  insert(c: ClipRecord): Promise<void>;
  update(c: ClipRecord): Promise<void>;
  get(id: string): Promise<ClipRecord | undefined>;
  list(
    filter: ClipFilter & {
      /** Only clips of these sites (absent: every site). */
      readonly siteIds?: readonly string[];
    },
  ): Promise<ClipRecord[]>;
  /**
   * Not deleted, retention passed: sealed, failed or interrupted; or never sealed (still
   * 'recording') and created before `stuckBefore`, so it cannot be a clip still being recorded.
   */
  expired(now: string, limit: number, stuckBefore: string): Promise<ClipRecord[]>;
  /** Rows a crash left in 'recording'. */
  unfinished(): Promise<ClipRecord[]>;
  totals(): Promise<{ clips: number; sealedBytes: number }>;
}

export interface SuspensionRecord {
  readonly id: string;
  readonly scope: 'site' | 'organisation';
  readonly siteId: string | null;
  readonly reason: string;
  readonly suspendedBy: string;
  readonly suspendedAt: string;
  readonly resumedBy: string | null;
  readonly resumedAt: string | null;
  readonly resumeReason: string | null;
}

export interface SuspensionRepository {
  insert(s: SuspensionRecord): Promise<void>;
  update(s: SuspensionRecord): Promise<void>;
  get(id: string): Promise<SuspensionRecord | undefined>;
  active(): Promise<SuspensionRecord[]>;
  list(limit: number): Promise<SuspensionRecord[]>;
}

export interface ObjectionRecord {
  readonly id: string;
  readonly roomId: string;
  readonly conversationId: string;
  /** The employee who switched recording off (user id); the resident is never recorded. */
  readonly recordedBy: string;
  readonly at: string;
}

export interface ObjectionRepository {
  insert(o: ObjectionRecord): Promise<void>;
  forConversation(conversationId: string): Promise<ObjectionRecord | undefined>;
  /** The objections recorded for any of these conversations, in one query. */
  forConversations(conversationIds: readonly string[]): Promise<ObjectionRecord[]>;
}

export type FootageNoteKind =
  | 'clip'
  | 'clip-extended'
  /** A clip in progress was stopped before its post-roll ended (and why). */
  | 'clip-cut'
  | 'camera-offline'
  | 'camera-disabled'
  | 'suspended'
  | 'objection'
  | 'policy-off'
  | 'vault-key-missing'
  | 'ffmpeg-missing'
  | 'seal-failed'
  /** The vault's disk is full or below its free-space floor: nothing new is sealed. */
  | 'vault-disk-full';

export interface FootageNote {
  readonly id: string;
  readonly incidentId: string | null;
  readonly alarmId: string;
  readonly roomId: string;
  readonly cameraId: string | null;
  readonly kind: FootageNoteKind;
  readonly message: string;
  readonly clipId: string | null;
  readonly at: string;
}

export interface FootageNoteRepository {
  insert(n: FootageNote): Promise<void>;
  list(filter: { incidentId?: string; alarmId?: string }): Promise<FootageNote[]>;
}

/** The running conversation of a room, as far as the recorder needs it. */
export interface RunningConversation {
  readonly id: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationTypeId: string;
  readonly startedAt: string;
  /** The conversation carries a risk flag (an assessment may be limited to flagged conversations). */
  readonly riskFlag: boolean;
  /** User id of the employee who started it (may record the resident's objection). */
  readonly startedBy: string;
}

export interface PolicyReference {
  readonly seq: number;
  readonly compiledAt: string;
  readonly hash: string;
  readonly compiled: CompiledPolicy;
}

/** Read-only views of other capabilities' tables (conversations, compiled policy versions). */
export interface RecordingLookups {
  runningConversations(): Promise<RunningConversation[]>;
  /** The newest compiled policy; undefined when none was ever compiled (then everything is off). */
  latestPolicy(): Promise<PolicyReference | undefined>;
  /** Alarms not closed yet, with their last press (a joined press restarts the post-roll). */
  openAlarms(): Promise<OpenAlarmRecord[]>;
  /** The site of an incident in the register; undefined when there is no such incident. */
  siteOfIncident(incidentId: string): Promise<string | undefined>;
}

export interface OpenAlarmRecord {
  readonly alarmId: string;
  readonly incidentId: string | null;
  readonly roomId: string;
  readonly lastPressAt: string;
}

export interface RecordingRepositories extends Repositories {
  readonly clips: ClipRepository;
  readonly suspensions: SuspensionRepository;
  readonly objections: ObjectionRepository;
  readonly footageNotes: FootageNoteRepository;
  readonly lookups: RecordingLookups;
  /** Legal holds and deletion records (migration 0012, hold-ports.ts). */
  readonly holds: ClipHoldRepository;
  readonly deletions: ClipDeletionRepository;
}

export type RecordingStore = UnitOfWork<RecordingRepositories>;

/** The clip vault as the service sees it: deletion for retention (sealing happens in the worker). */
export interface ClipVaultPort {
  /** Deletes a clip for good; a clip that is already gone counts as deleted. */
  delete(clipId: string): Promise<Result<void, VaultErrorCode>>;
}

/** The footage the sealed parts of a clip hold (ms), what a failed or interrupted clip still has. */
export interface SealedExtent {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly durationSeconds: number;
  /** Plaintext (MP4) bytes sealed. */
  readonly bytes: number;
}

/** How far sealing got, whatever the end: a failed clip's row describes the footage it keeps. */
export interface SealProgress {
  readonly sealedBytes: number;
  readonly parts: number;
  /** On failure: what the parts sealed before it hold; null when none was. */
  readonly sealed?: SealedExtent | null;
}

/** A clip the recorder finished sealing (the manifest digest), or the vault's error; with its progress. */
export type SealOutcome = Result<{ readonly manifestDigest: string }, VaultErrorCode> & SealProgress;

/** A clip a crash left open, as the vault's recovery closed it, or why it could not. */
export type RecoveryOutcome = Result<
  {
    readonly manifestDigest: string;
    readonly sealedBytes: number;
    readonly parts: number;
    /** From the manifest (sealedExtent): start, end, length and size of the sealed footage. */
    readonly extent?: SealedExtentSummary;
  },
  VaultErrorCode
>;
