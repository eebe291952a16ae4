/**
 * The interfaces the alarm capability needs from the world, beside the foundation's ports.
 * Repositories run inside whatever transaction the AlarmStore gives; what happened is told after
 * the commit through the foundation's DomainEvents port (ports.ts).
 */
import type { Acknowledgement, Alarm, Conversation, Device } from '../core/alarm/model.js';
import type { ReportVersion } from '../core/alarm/report-amend.js';
import type { StatRow } from '../core/alarm/statistics.js';
import type { IncidentRecord, Repositories, UnitOfWork } from './ports.js';

export interface ConversationRepository {
  insert(c: Conversation): Promise<void>;
  update(c: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | undefined>;
  runningInRoom(roomId: string): Promise<Conversation | undefined>;
  /** Running conversations, newest first; optionally of one user or one site. */
  running(filter: { siteId?: string; startedBy?: string }): Promise<Conversation[]>;
  list(filter: { roomId?: string; siteId?: string; limit: number }): Promise<Conversation[]>;
}

export interface AlarmRepository {
  /**
   * Serialises presses on one room (and acknowledgements of one alarm) until the transaction
   * ends, so two concurrent presses join one alarm instead of creating two (PostgreSQL: an
   * advisory transaction lock; SQLite: already one writer at a time).
   */
  lock(key: string): Promise<void>;
  insert(a: Alarm): Promise<void>;
  update(a: Alarm): Promise<void>;
  get(id: string): Promise<Alarm | undefined>;
  /** Alarms not yet closed, oldest first; optionally of one site or room. */
  open(filter: { siteId?: string; roomId?: string }): Promise<Alarm[]>;
  list(filter: { siteId?: string; limit: number }): Promise<Alarm[]>;
  /** Alarms one person raised that are open, or closed at or after `closedSince`; newest first. */
  raisedBy(filter: { userId: string; closedSince: string; limit: number }): Promise<Alarm[]>;
  /** Adds a responder's "ik kom"; false when that responder had already acknowledged. */
  addAcknowledgement(a: Acknowledgement): Promise<boolean>;
  acknowledgements(alarmIds: readonly string[]): Promise<Acknowledgement[]>;
}

export interface DeviceRecord extends Device {
  readonly tokenHash: string;
}

export interface DeviceRepository {
  insert(d: DeviceRecord): Promise<void>;
  update(d: DeviceRecord): Promise<void>;
  get(id: string): Promise<DeviceRecord | undefined>;
  findByName(name: string): Promise<DeviceRecord | undefined>;
  list(): Promise<DeviceRecord[]>;
  touch(id: string, at: string): Promise<void>;
}

/** An incident with the alarm it came from (null for one entered by hand). */
export interface IncidentEntry extends IncidentRecord {
  readonly alarmId: string | null;
  readonly conversationId: string | null;
  readonly raisedBy: string | null;
  readonly respondedAt: string | null;
  readonly responseMs: number | null;
}

export interface IncidentFilter {
  siteId?: string;
  siteIds?: readonly string[];
  roomId?: string;
  conversationTypeId?: string;
  from?: string;
  to?: string;
  unreported?: boolean;
  raisedBy?: string;
  limit?: number;
  /** The register's filters (issue 11): kind, severity, police report, reported or not. */
  kind?: string;
  severity?: number;
  policeReport?: boolean;
  reported?: boolean;
  /**
   * Words that must occur (any case) in the follow-up or police reference — and in the narrative
   * when `searchNarrative` (only for those who may read narratives: nothing leaks by searching).
   */
  text?: string;
  searchNarrative?: boolean;
  offset?: number;
}

export interface IncidentRegisterRepository {
  insert(i: IncidentEntry): Promise<void>;
  update(i: IncidentEntry): Promise<void>;
  get(id: string): Promise<IncidentEntry | undefined>;
  list(filter: IncidentFilter): Promise<IncidentEntry[]>;
  /** How many incidents the filter selects (limit and offset aside). */
  count(filter: IncidentFilter): Promise<number>;
  statRows(filter: IncidentFilter): Promise<StatRow[]>;
}

/** The versions of an incident's report (append-only; the incidents row holds the current one). */
export interface ReportVersionRepository {
  insert(incidentId: string, v: ReportVersion): Promise<void>;
  /** Oldest first. */
  list(incidentId: string): Promise<ReportVersion[]>;
}

export interface AlarmRepositories extends Repositories {
  readonly conversations: ConversationRepository;
  readonly alarms: AlarmRepository;
  readonly devices: DeviceRepository;
  readonly incidentRegister: IncidentRegisterRepository;
  readonly reportVersions: ReportVersionRepository;
}

/** The foundation's unit of work, widened to the alarm tables: state change and audit entry commit together. */
export type AlarmStore = UnitOfWork<AlarmRepositories>;
