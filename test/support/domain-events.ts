/** Alarm events the recording tests emit by hand, shaped as the alarm service emits them. */
import type { AlarmEvent } from '../../src/core/alarm/events.js';

export interface SyntheticAlarm {
  readonly alarmId: string;
  readonly incidentId: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationId?: string | null;
  /** The press (raised) or the closing (closed). */
  readonly at: string;
}

export const alarmEvent = (type: 'alarm.raised' | 'alarm.closed', a: SyntheticAlarm): AlarmEvent => ({
  type,
  at: a.at,
  alarm: {
    id: a.alarmId,
    state: type === 'alarm.closed' ? 'closed' : 'raised',
    siteId: a.siteId,
    siteName: 'test site',
    roomId: a.roomId,
    roomName: 'test room',
    floor: '',
    conversationId: a.conversationId ?? null,
    conversationType: null,
    riskFlag: false,
    source: 'api',
    raisedBy: null,
    deviceId: null,
    silent: false,
    raisedAt: a.at,
    lastPressAt: a.at,
    pressCount: 1,
    acknowledgedAt: null,
    acknowledgements: [],
    escalatedAt: null,
    closedAt: type === 'alarm.closed' ? a.at : null,
    closedBy: null,
    incidentId: a.incidentId,
  },
});
