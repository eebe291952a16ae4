/**
 * What four-eyes viewing (issue 10 §2) needs from the world beside the foundation's ports: its
 * records (requests, approvals) in the same transaction as their audit entries, the clips and the
 * custody shares; and the key port, behind which the vault adapter opens shares, combines them
 * and keeps a grant's file keys — in memory only. The service never sees a share or a key.
 */
import type { CustodyErrorCode } from '../core/custody/errors.js';
import type { ShareInfo } from '../core/custody/custody.js';
import type { VaultErrorCode } from '../core/recording/vault-errors.js';
import type { Result } from '../core/result.js';
import type { FootageErrorCode } from '../core/viewing/errors.js';
import type { LegalGround, Purpose, RequestState } from '../core/viewing/viewing.js';
import type { CustodyRepository } from './custody-ports.js';
import type { Repositories, UnitOfWork } from './ports.js';
import type { ClipRepository } from './recording-ports.js';

export interface ViewingRequestRecord {
  readonly id: string;
  readonly clipId: string;
  readonly siteId: string;
  /** The vault key (`age1…`) the clip is sealed to. */
  readonly vault: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly policeReport: string | null;
  readonly purposes: readonly Purpose[];
  readonly state: RequestState;
  readonly refusedBy: string | null;
  readonly refusedAt: string | null;
  readonly refusalReason: string | null;
  readonly grantId: string | null;
  readonly grantedAt: string | null;
  readonly expiresAt: string | null;
  readonly playsAllowed: number | null;
  readonly playsUsed: number;
  readonly exportAllowed: boolean;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly endedBy: string | null;
  /** The instance whose memory holds the grant's file keys (ADR 0017); null before a grant. */
  readonly heldBy: string | null;
}

export type ApprovalState = 'waiting' | 'used' | 'lapsed';

export interface ApprovalRecord {
  readonly id: string;
  readonly requestId: string;
  readonly custodianId: string;
  readonly approvedAt: string;
  readonly state: ApprovalState;
  /** The instance whose memory holds the opened share (ADR 0017). */
  readonly heldBy: string | null;
}

export interface ViewingFilter {
  readonly state?: RequestState;
  readonly clipId?: string;
  readonly clipIds?: readonly string[];
  /** Only requests of these sites (absent: every site). */
  readonly siteIds?: readonly string[];
  readonly limit?: number;
}

export interface ViewingRepository {
  insertRequest(r: ViewingRequestRecord): Promise<void>;
  updateRequest(r: ViewingRequestRecord): Promise<void>;
  getRequest(id: string): Promise<ViewingRequestRecord | undefined>;
  byGrant(grantId: string): Promise<ViewingRequestRecord | undefined>;
  /** Newest first. */
  listRequests(f: ViewingFilter): Promise<ViewingRequestRecord[]>;
  insertApproval(a: ApprovalRecord): Promise<void>;
  setApprovalState(id: string, state: ApprovalState): Promise<void>;
  /** Of one request, oldest first. */
  approvals(requestId: string): Promise<ApprovalRecord[]>;
  /** Whether a live restriction hold (AVG art. 18, migration 0014) keeps the clip at `now`. */
  restricted(clipId: string, now: string): Promise<boolean>;
}

export type ViewingStore = UnitOfWork<
  Repositories & {
    readonly viewing: ViewingRepository;
    readonly clips: ClipRepository;
    readonly custody: CustodyRepository;
  }
>;

export type KeyErrorCode = VaultErrorCode | CustodyErrorCode | FootageErrorCode;

/** A play: the whole decrypted clip, streamed. */
export type Plaintext = AsyncIterable<Buffer>;

/**
 * The keys of viewing, in server memory only (adapters/vault/grant-store.ts). Opened shares wait
 * here per request and custodian until the K-th approval or the lapse; a grant holds only the
 * file keys of its one clip's parts. Nothing here is ever written to disk or the database.
 */
export interface ViewingKeys {
  /** The vault key (`age1…`) a clip's parts are sealed to, from its manifest; VAULT.NOT_FOUND if absent. */
  clipVault(clipId: string, manifestDigest: string | null): Promise<Result<string, KeyErrorCode>>;
  /**
   * Opens a sealed share with the custodian's passphrase and holds it for the request. A wrong
   * passphrase is VAULT.WRONG_PASSPHRASE and holds nothing. Returns what the share says about itself.
   */
  holdSealed(
    requestId: string,
    custodianId: string,
    sealed: Uint8Array,
    passphrase: string,
    at: number,
  ): Promise<Result<ShareInfo, KeyErrorCode>>;
  /** Holds an opened share document (the CLI opened it with the custodian's own age key). */
  holdOpened(
    requestId: string,
    custodianId: string,
    document: Uint8Array,
    at: number,
  ): Result<ShareInfo, KeyErrorCode>;
  /** Whether a share of this custodian waits for the request. */
  holds(requestId: string, custodianId: string): boolean;
  /** Wipes the held shares of a request (all, or one custodian's). */
  drop(requestId: string, custodianId?: string): void;
  /** Wipes every share held since before `at` (the lapse). Returns the [requestId, custodianId] pairs. */
  lapse(before: number): Array<readonly [string, string]>;
  /**
   * Combines the held shares of these custodians, unwraps ONLY the file keys of this clip's parts,
   * wipes the identity and the shares, and keeps the file keys under grantId.
   */
  grant(input: {
    readonly requestId: string;
    readonly custodianIds: readonly string[];
    readonly expect: {
      readonly vault: string;
      readonly current: { vault: string; generation: number; threshold: number; shares: number };
    };
    readonly clipId: string;
    readonly manifestDigest: string | null;
    readonly grantId: string;
  }): Promise<Result<void, KeyErrorCode>>;
  /** Whether the grant's keys are in memory. */
  live(grantId: string): boolean;
  /** Wipes a grant's file keys. */
  end(grantId: string): void;
  /** The grant's clip, decrypted with its file keys; another clip is VAULT.WRONG_KEY. */
  plaintext(grantId: string, clipId: string): Promise<Result<Plaintext, KeyErrorCode>>;
}
