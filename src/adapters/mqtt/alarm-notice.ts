/**
 * What building systems hear of an alarm, over MQTT (`<prefix>/alarms/<siteId>/<roomId>`) and the
 * webhook alike: one body per event, built once. No names of people and nothing about the resident.
 */
import type { AlarmEvent } from '../../core/alarm/events.js';

/** A repeated press (alarm.joined) changes nothing a building system acts on, so it stays inside. */
export const NOTICE_EVENTS = [
  'alarm.raised',
  'alarm.acknowledged',
  'alarm.closed',
  'alarm.escalated',
] as const;

export const alarmNotice = (e: AlarmEvent) => ({
  event: e.type.replace('alarm.', ''),
  at: e.at,
  alarmId: e.alarm.id,
  state: e.alarm.state,
  siteId: e.alarm.siteId,
  siteName: e.alarm.siteName,
  roomId: e.alarm.roomId,
  roomName: e.alarm.roomName,
  floor: e.alarm.floor,
  conversationType: e.alarm.conversationType?.code ?? null,
  // A silent alarm must not light anything up inside the room.
  silent: e.alarm.silent,
  raisedAt: e.alarm.raisedAt,
  acknowledgements: e.alarm.acknowledgements.length,
  escalated: e.alarm.escalatedAt !== null,
});
