/**
 * The interfaces services need from the world. Adapters implement them; services and tests
 * depend only on these. Repository methods run inside whatever transaction the Store gives.
 */
import type { KeyObject } from 'node:crypto';
import type { AlarmEvent, RoomChangedEvent } from '../core/alarm/events.js';
import type { IncidentFacts } from '../core/alarm/model.js';
import type { AuditEntry, AuditEntryContent } from '../core/audit/chain.js';
import type { Role } from '../core/auth/roles.js';
import type { DenyScope } from '../core/recording/arming.js';
import type { TokenEndReason } from '../core/auth/tokens.js';
import type { Camera, ConversationType, Organisation, Room, Site, User } from '../core/registry/model.js';
import type { PolicyTrigger } from './assessment-ports.js';

export interface Clock {
  now(): Date;
}

/** Runs work at intervals (injectable so tests drive the ticks instead of waiting on wall time). */
export interface Ticker {
  /** Calls fn every ms milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

/**
 * Rate limits (core/rate-limit.ts: a sliding window of admitted hits per key). In memory for one
 * instance; in PostgreSQL when several share it, so a limit counts across all of them (ADR 0017).
 */
export interface RateLimits {
  /**
   * Records a hit of `key` in `scope` and says whether it is admitted: fewer than `max` admitted in
   * the last `windowMs`, or `force` (admitted and counted whatever the count).
   */
  admit(
    scope: string,
    key: string,
    nowMs: number,
    limit: { readonly max: number; readonly windowMs: number },
    force?: boolean,
  ): Promise<boolean>;
}

/** The append-only file of signed audit heads, outside the database. */
export interface AnchorLog {
  /** Where it is, for messages. */
  readonly location: string;
  /** The whole file; undefined when it does not exist yet. */
  read(): Promise<string | undefined>;
  /** Appends one line and makes it durable before returning. */
  append(line: string): Promise<void>;
}

/** The Ed25519 key that signs anchors; kept outside the database. */
export interface AnchorKeys {
  readonly location: string;
  /** The public key, or undefined when no key exists (nothing was ever anchored with it). */
  publicKey(): KeyObject | undefined;
  /** Signs with the key, creating it on first use. */
  signer(): { readonly publicKey: KeyObject; sign(payload: string): string };
}

export interface IdGenerator {
  newId(): string;
  /** 32 random bytes, base64url: session ids, API tokens, CSRF tokens. */
  newSecret(): string;
}

/** Authenticated encryption of small secrets at rest (camera credentials). */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface OrganisationRepository {
  get(): Promise<Organisation | undefined>;
  put(org: Organisation): Promise<void>;
}

export interface SettingsRepository {
  all(): Promise<Array<{ key: string; value: unknown; updatedAt: string; updatedBy: string }>>;
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown, at: string, by: string): Promise<void>;
}

export interface SiteRepository {
  list(): Promise<Site[]>;
  get(id: string): Promise<Site | undefined>;
  findByName(name: string): Promise<Site | undefined>;
  insert(site: Site): Promise<void>;
  update(site: Site): Promise<void>;
}

export interface RoomRepository {
  list(filter?: { siteId?: string }): Promise<Room[]>;
  get(id: string): Promise<Room | undefined>;
  findByName(siteId: string, name: string): Promise<Room | undefined>;
  insert(room: Room): Promise<void>;
  update(room: Room): Promise<void>;
}

export interface CameraRecord extends Camera {
  readonly credentialsSealed: string | null;
}

/** Reads never return a removed camera (soft delete: its row stays for the clips), except findByName. */
export interface CameraRepository {
  list(filter?: { roomId?: string }): Promise<Camera[]>;
  get(id: string): Promise<Camera | undefined>;
  /** For the recorder only: includes the sealed credentials. */
  getWithSecret(id: string): Promise<CameraRecord | undefined>;
  /** For the recorder only: the cameras among `ids` (one query), with their sealed credentials. */
  getManyWithSecret(ids: readonly string[]): Promise<CameraRecord[]>;
  /** Removed cameras included: their names stay taken (the room's names are unique). */
  findByName(roomId: string, name: string): Promise<(Camera & { readonly removed: boolean }) | undefined>;
  insert(camera: CameraRecord): Promise<void>;
  update(camera: CameraRecord): Promise<void>;
  /** `at` = disabled since; null = enabled. */
  setDisabled(id: string, at: string | null): Promise<void>;
  remove(id: string, at: string): Promise<void>;
}

export interface ConversationTypeRepository {
  list(): Promise<ConversationType[]>;
  get(id: string): Promise<ConversationType | undefined>;
  findByCode(code: string): Promise<ConversationType | undefined>;
  insert(t: ConversationType): Promise<void>;
  update(t: ConversationType): Promise<void>;
}

export interface UserRecord extends User {
  readonly passwordHash: string | null;
  readonly failedLogins: number;
  readonly oidcSubject: string | null;
  readonly passwordChangedAt: string | null;
}

export interface UserRepository {
  list(): Promise<User[]>;
  get(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findByOidcSubject(subject: string): Promise<UserRecord | undefined>;
  insert(user: UserRecord): Promise<void>;
  update(user: UserRecord): Promise<void>;
  /**
   * Counts one wrong password on the row itself and returns the new count: two failures at once
   * (two requests, two instances) both count, where a read-then-write would lose one.
   */
  countFailedLogin(id: string): Promise<number>;
  /** Sets the lock-out state alone (the counter and the lock's end), leaving the rest of the user. */
  setLockout(id: string, failedLogins: number, lockedUntil: string | null): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

export interface SessionRepository {
  insert(s: SessionRecord): Promise<void>;
  get(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, at: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly expiresAt: string;
  readonly endedReason: TokenEndReason | null;
}

export interface ApiTokenRepository {
  insert(t: ApiTokenRecord): Promise<void>;
  get(id: string): Promise<ApiTokenRecord | undefined>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** Newest first; every user's when userId is left out. */
  list(filter?: { userId?: string }): Promise<ApiTokenRecord[]>;
  markUsed(id: string, at: string): Promise<void>;
  /** Ends one token that has not ended yet; false when it had. */
  revoke(id: string, at: string, reason: TokenEndReason): Promise<boolean>;
  /** Ends every token of a user that has not ended yet; how many. */
  revokeForUser(userId: string, at: string, reason: TokenEndReason): Promise<number>;
}

/** The audit log's filters (issue 11): who, what, when (ISO instants, `to` exclusive), about what. */
export interface AuditFilter {
  readonly subject?: string;
  readonly action?: string;
  /** Any of these action codes (a group). */
  readonly actions?: readonly string[];
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AuditRepository {
  /** Links the entry to the current head and stores it; serialised against concurrent appends. */
  append(content: Omit<AuditEntryContent, 'seq'>): Promise<AuditEntry>;
  /** Newest first, for the viewer. */
  page(opts: { beforeSeq?: number; limit: number } & AuditFilter): Promise<AuditEntry[]>;
  /** How many entries the filter selects. */
  countWhere(filter: AuditFilter): Promise<number>;
  /** Oldest first, in batches, for verification. */
  iterate(batchSize: number): AsyncIterable<AuditEntry>;
  count(): Promise<number>;
}

export interface IncidentRecord extends IncidentFacts {
  readonly id: string;
  readonly policeReference: string | null;
  readonly followUp: string | null;
  readonly narrative: string | null;
  readonly reportedBy: string | null;
  readonly createdAt: string;
  /** The linked conversation carried a risk flag (incidents.conversation_id → conversations); undefined without a link. */
  readonly riskFlagged?: boolean;
}

export interface IncidentRepository {
  insert(i: IncidentRecord): Promise<void>;
  list(filter: {
    siteId?: string;
    roomId?: string;
    from?: string;
    to?: string;
    limit?: number;
  }): Promise<IncidentRecord[]>;
  count(): Promise<number>;
}

export interface Repositories {
  readonly organisation: OrganisationRepository;
  readonly settings: SettingsRepository;
  readonly sites: SiteRepository;
  readonly rooms: RoomRepository;
  readonly cameras: CameraRepository;
  readonly conversationTypes: ConversationTypeRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly audit: AuditRepository;
  readonly incidents: IncidentRepository;
}

/**
 * The unit of work over a set of repositories R (the foundation's, or a capability's wider set):
 * every state change and its audit entry commit together or not at all.
 */
export interface UnitOfWork<R extends Repositories> {
  readonly dialect: 'sqlite' | 'postgres';
  /** Reads outside a transaction. */
  readonly read: R;
  transaction<T>(fn: (repos: R) => Promise<T>): Promise<T>;
}

/** The foundation's unit of work, with what readiness asks of the database. */
export interface Store extends UnitOfWork<Repositories> {
  /** Is the database reachable (readiness)? */
  ping(): Promise<boolean>;
  /**
   * Is the disk under the database full (since when, and the driver's words for the log)? While
   * it is, each call tries one small write, so the state ends on its own once space is back.
   */
  storageFull(): Promise<{ readonly since: string; readonly reason: string } | undefined>;
}

/** Who is acting. The audit log names them; authorisation checks their roles and sites. */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly username: string;
      readonly roles: readonly Role[];
      /** The sites this person serves; empty = every site (DOMAIN.md section 2). */
      readonly siteIds: readonly string[];
    }
  | { readonly kind: 'system'; readonly name: string };

export const actorRef = (a: Actor): string => (a.kind === 'user' ? `user:${a.userId}` : `system:${a.name}`);
/** Who did it, as stored in a record's by-column: a user's id, or the system actor's name. */
export const actorId = (a: Actor): string => (a.kind === 'user' ? a.userId : a.name);

/** A conversation started or ended (committed). No resident data: the risk reason stays in the database. */
export type ConversationEvent = {
  readonly [K in 'conversation.started' | 'conversation.ended']: {
    readonly type: K;
    readonly at: string;
    readonly conversation: {
      readonly id: string;
      readonly siteId: string;
      readonly roomId: string;
      readonly conversationTypeId: string;
      readonly startedAt: string;
      readonly endedAt: string | null;
    };
  };
}['conversation.started' | 'conversation.ended'];

/** A new version of the compiled room policy was stored (approval, rejection, withdrawal, expiry). */
export interface PolicyChangedEvent {
  readonly type: 'policy.changed';
  readonly at: string;
  readonly seq: number;
  readonly compiledAt: string;
  readonly trigger: PolicyTrigger;
}

/** A camera was added, changed, disabled, enabled or removed (committed). */
export interface CameraChangedEvent {
  readonly type: 'camera.changed';
  readonly at: string;
  readonly cameraId: string;
  readonly roomId: string;
}

/** Someone logged out (committed): what was bound to their session ends (viewing grants). */
export interface SessionEndedEvent {
  readonly type: 'session.ended';
  readonly at: string;
  readonly userId: string;
}

/**
 * A resident's request was closed (committed): what was made for it goes at once (the redacted
 * copies, ADR 0011). The request's id only, nothing about the resident.
 */
export interface RightsRequestClosedEvent {
  readonly type: 'rights.request.closed';
  readonly at: string;
  readonly requestId: string;
}

/**
 * Everything that happened, one shape per event, told by the service that made it happen:
 * alarm.raised / joined / acknowledged / closed / escalated and room.changed (core/alarm/events.ts),
 * conversation.started / ended, policy.changed, camera.changed, session.ended, rights.request.closed,
 * recording.denied, recording.resumed. Plain JSON data only (no class
 * instances, no functions, times as ISO-8601 strings): an event serialised and parsed again is the
 * same event, so an adapter may carry it to another server instance. `at` is when the service
 * published it (after the commit); the moments of the change itself are the event's named fields
 * (raisedAt, lastPressAt, closedAt, startedAt, compiledAt, …).
 */
/**
 * Recording was switched off after an objection or suspension committed (the recording module
 * tells it, right after stopping its own cameras). Every instance's recorder and every agent
 * stream obeys it at once, before the next plan shows the switch (ADR 0015 §4).
 */
export interface RecordingDeniedEvent {
  readonly type: 'recording.denied';
  readonly at: string;
  readonly scope: DenyScope;
  readonly off: { readonly kind: 'objection' | 'suspended'; readonly message: string };
}

/** A suspension was lifted (committed): every recorder and agent re-plans now, not at its next tick. */
export interface RecordingResumedEvent {
  readonly type: 'recording.resumed';
  readonly at: string;
  readonly suspensionId: string;
}

export type DomainEvent =
  | AlarmEvent
  | RoomChangedEvent
  | ConversationEvent
  | PolicyChangedEvent
  | CameraChangedEvent
  | SessionEndedEvent
  | RightsRequestClosedEvent
  | RecordingDeniedEvent
  | RecordingResumedEvent;
export type DomainEventType = DomainEvent['type'];
export type DomainEventOf<K extends DomainEventType> = Extract<DomainEvent, { readonly type: K }>;

/**
 * The one way a service tells the rest of the system what happened; subscribers (the SSE hub,
 * MQTT and the webhook, the recorder) each turn the one shape into what they need.
 *
 * Delivery rules, for every adapter:
 * - A service emits only after the transaction that made the change committed ("durable before
 *   fan-out": an alarm a responder saw is always on disk), and never inside one.
 * - emit() returns at once and never throws: a subscriber's failure is logged, it neither undoes
 *   the committed change nor keeps the event from the other subscribers.
 * - Notifications, not state: at most once, no replay. Whoever must not miss a change re-reads
 *   the database (the recorder reconciles on a timer, an SSE client gets a snapshot on reconnect).
 *
 * In process (adapters/events/in-process-events.ts): handlers run synchronously inside emit(),
 * in the order they subscribed. Synchronous, because an alarm's path is measured in
 * milliseconds: the hub writes to every responder's stream in the same tick, and the recorder
 * marks the incident on its ring before anything else can run. So a handler must return at once
 * (hand slow work to a promise it does not await) and must not emit itself.
 *
 * Across instances (a later adapter over PostgreSQL LISTEN/NOTIFY or the MQTT broker): local
 * subscribers as above, other instances' subscribers asynchronously after the JSON arrived; keep
 * events small (NOTIFY carries at most 8000 bytes).
 */
export interface DomainEvents {
  emit(event: DomainEvent): void;
  /**
   * Calls handler for every event of these types, with where it was emitted; returns the
   * unsubscribe function.
   */
  subscribe<K extends DomainEventType>(
    types: K | readonly K[],
    handler: (event: DomainEventOf<K>, from: EventOrigin) => void,
    options?: SubscribeOptions,
  ): () => void;
}

/**
 * Which process run emitted an event and its place in that run's order (1, 2, …). Every instance
 * hears one origin's events in this order, so "up to n of origin o" names the same events on
 * every instance (the alarm streams' Last-Event-ID, ADR 0013).
 */
export interface EventOrigin {
  readonly origin: string;
  readonly seq: number;
}

export interface SubscribeOptions {
  /**
   * Only events a service of this instance emitted, not those heard from other instances. For
   * what leaves the system (alarm notices over MQTT, the webhook): the instance where the change
   * happened sends it, so it goes out once however many instances run. Alone, every event is one's own.
   */
  readonly emittedHere?: boolean;
  /** Only events heard from other instances: for a subscriber that already acted on its own. */
  readonly emittedElsewhere?: boolean;
}
