/**
 * The alarm capability's domain types (DOMAIN.md sections 2 and 7). A conversation stores the
 * room, the kind of conversation and an optional risk flag — never who the resident is.
 */

export type AlarmSource = 'web' | 'mqtt' | 'api';
export const ALARM_SOURCES: readonly AlarmSource[] = ['web', 'mqtt', 'api'];

/** raised → acknowledged → closed; the incident it produced is then "reported". */
export type AlarmState = 'raised' | 'acknowledged' | 'closed';

export interface Conversation {
  readonly id: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationTypeId: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  readonly riskFlag: boolean;
  /** The employee's reason for the risk flag; shown to responders, never logged or audited. */
  readonly riskReason: string | null;
}

export interface Alarm {
  readonly id: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationId: string | null;
  readonly conversationTypeId: string | null;
  readonly source: AlarmSource;
  /** The user who pressed (web/API) or the button's person; null for a room button. */
  readonly raisedBy: string | null;
  readonly deviceId: string | null;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  /** Presses joined into this alarm (1 = the first press only). */
  readonly pressCount: number;
  readonly state: AlarmState;
  /** Raised from the panic view's silent mode: responders should approach discreetly. */
  readonly silent: boolean;
  readonly acknowledgedAt: string | null;
  readonly escalatedAt: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly incidentId: string;
}

export interface Acknowledgement {
  readonly alarmId: string;
  readonly userId: string;
  readonly at: string;
}

export type DeviceKind = 'button' | 'subscriber';

/** A hardware MQTT device. A button is fixed in a room, or carried by a person (room from their conversation). */
export interface Device {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  /** The room of a fixed button; for a personal button the fallback when no conversation runs. */
  readonly roomId: string | null;
  /** Set for a personal (mobile) button. */
  readonly userId: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly lastSeenAt: string | null;
}

export const INCIDENT_KINDS = [
  'verbal-aggression',
  'intimidation-threat',
  'discrimination',
  'damage',
  'physical-violence',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const isIncidentKind = (s: string): s is IncidentKind =>
  (INCIDENT_KINDS as readonly string[]).includes(s);

/** 1 = minor (no lasting effect) … 5 = very serious (hospital, lasting harm). */
export const SEVERITY_MIN = 1;
export const SEVERITY_MAX = 5;

/** What the register holds of every incident and its statistics count: where, when, what, how bad. */
export interface IncidentFacts {
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationTypeId: string | null;
  readonly occurredAt: string;
  readonly source: 'alarm' | 'manual';
  readonly kind: string | null;
  readonly severity: number | null;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly reportedAt: string | null;
}

export interface IncidentReport {
  readonly kind: IncidentKind;
  readonly severity: number;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly policeReference: string | null;
  readonly followUp: string | null;
  /** Free text: stored and shown to readers of the register, never logged or audited. */
  readonly narrative: string | null;
}
