/**
 * What the alarm capability tells the world (browsers over SSE, MQTT, the webhook). The payload
 * carries what a responder needs to come — room, floor, kind of conversation, time — and never
 * anything about the resident.
 */
import type { Alarm, AlarmState } from './model.js';

export const ALARM_EVENT_TYPES = [
  'alarm.raised',
  'alarm.joined',
  'alarm.acknowledged',
  'alarm.closed',
  'alarm.escalated',
] as const;
export type AlarmEventType = (typeof ALARM_EVENT_TYPES)[number];

export interface AlarmView {
  readonly id: string;
  readonly state: AlarmState;
  readonly siteId: string;
  readonly siteName: string;
  readonly roomId: string;
  readonly roomName: string;
  readonly floor: string;
  readonly conversationId: string | null;
  readonly conversationType: {
    readonly id: string;
    readonly code: string;
    readonly nameNl: string;
    readonly nameEn: string;
  } | null;
  /** The running conversation carried a risk flag. The reason itself stays on the conversation. */
  readonly riskFlag: boolean;
  readonly source: Alarm['source'];
  readonly raisedBy: { readonly userId: string; readonly displayName: string } | null;
  readonly deviceId: string | null;
  readonly silent: boolean;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  readonly pressCount: number;
  readonly acknowledgedAt: string | null;
  readonly acknowledgements: ReadonlyArray<{
    readonly userId: string;
    readonly displayName: string;
    readonly at: string;
  }>;
  readonly escalatedAt: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly incidentId: string;
}

/** One change of an alarm, with what responders see of it (one member per type, so `type` narrows). */
export type AlarmEvent = {
  readonly [K in AlarmEventType]: { readonly type: K; readonly at: string; readonly alarm: AlarmView };
}[AlarmEventType];

/** A room's state changed (conversation started or ended, alarm raised or closed): consoles refresh it. */
export interface RoomChangedEvent {
  readonly type: 'room.changed';
  readonly at: string;
  readonly siteId: string;
  readonly roomId: string;
}

export type RoomState = 'free' | 'in-conversation' | 'alarm';

/** An open alarm outranks a conversation: that is what the responder's console must show first. */
export const roomState = (hasConversation: boolean, hasOpenAlarm: boolean): RoomState =>
  hasOpenAlarm ? 'alarm' : hasConversation ? 'in-conversation' : 'free';

/** MQTT topic an alarm event goes out on. */
export const alarmTopic = (prefix: string, siteId: string, roomId: string): string =>
  `${prefix}/alarms/${siteId}/${roomId}`;
