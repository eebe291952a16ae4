/**
 * The alarm lifecycle as pure transitions: raised → acknowledged → closed, with escalation of an
 * alarm nobody acknowledged, and duplicate presses joined into the open alarm of the room.
 */
import { err, ok, type Result } from '../result.js';
import type { Alarm } from './model.js';

const ms = (iso: string): number => Date.parse(iso);

export const isOpen = (a: Pick<Alarm, 'state'>): boolean => a.state !== 'closed';

/**
 * A press joins the room's open alarm when that alarm was last pressed within the window
 * (someone hammering the button, or two colleagues pressing for the same emergency); otherwise
 * it raises a new alarm. The newest open alarm wins if several qualify.
 */
export const joinTarget = (openInRoom: readonly Alarm[], now: Date, windowMs: number): Alarm | undefined =>
  openInRoom
    .filter((a) => isOpen(a) && now.getTime() - ms(a.lastPressAt) <= windowMs)
    .sort((a, b) => b.lastPressAt.localeCompare(a.lastPressAt))[0];

export const joinPress = (a: Alarm, at: Date): Alarm => ({
  ...a,
  pressCount: a.pressCount + 1,
  lastPressAt: at.toISOString() > a.lastPressAt ? at.toISOString() : a.lastPressAt,
});

/** "Ik kom": the first acknowledgement moves the alarm on; later ones only add a name. */
export const acknowledge = (a: Alarm, at: Date): Result<{ alarm: Alarm; first: boolean }> => {
  if (a.state === 'closed')
    return err('ALARM.ALREADY_CLOSED', `alarm ${a.id} is already closed`, { alarmId: a.id });
  if (a.state === 'acknowledged') return ok({ alarm: a, first: false });
  return ok({ alarm: { ...a, state: 'acknowledged', acknowledgedAt: at.toISOString() }, first: true });
};

/** Closing an unacknowledged alarm is allowed: a press by mistake is closed by the first responder on the scene. */
export const close = (a: Alarm, at: Date, by: string): Result<Alarm> => {
  if (a.state === 'closed')
    return err('ALARM.ALREADY_CLOSED', `alarm ${a.id} is already closed`, { alarmId: a.id });
  return ok({ ...a, state: 'closed', closedAt: at.toISOString(), closedBy: by });
};

export const escalationDueAt = (a: Alarm, seconds: number): Date => new Date(ms(a.raisedAt) + seconds * 1000);

/** Escalates once, only while nobody has said "ik kom". */
export const escalationDue = (a: Alarm, now: Date, seconds: number): boolean =>
  a.state === 'raised' && a.escalatedAt === null && now.getTime() >= escalationDueAt(a, seconds).getTime();

export const escalate = (a: Alarm, at: Date): Result<Alarm> => {
  if (a.state !== 'raised' || a.escalatedAt !== null) {
    return err(
      'ALARM.NOT_ESCALATABLE',
      `alarm ${a.id} is ${a.state}${a.escalatedAt ? ' and already escalated' : ''}`,
      { alarmId: a.id },
    );
  }
  return ok({ ...a, escalatedAt: at.toISOString() });
};

/** Milliseconds from the first press to the first "ik kom": the response time the register reports. */
export const responseMs = (a: Pick<Alarm, 'raisedAt' | 'acknowledgedAt'>): number | null =>
  a.acknowledgedAt === null ? null : Math.max(0, ms(a.acknowledgedAt) - ms(a.raisedAt));
