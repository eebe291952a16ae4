/**
 * What a hardware button hears back on its result topic after a message on its press topic, and
 * how the MQTT side counts that message. The rule that matters: a sender that did not prove who
 * it is learns nothing about another device.
 */
import type { ErrorCode } from '../errors.js';
import type { DomainError } from '../result.js';
import type { AlarmState } from './model.js';

export type PressResult =
  | { readonly ok: true; readonly alarmId: string; readonly joined: boolean; readonly state: AlarmState }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** The MQTT counters a message adds to, beside `received`. */
export type PressCount = 'malformed' | 'rejected';

export interface PressAnswer {
  /** Whose result topic the answer goes to; undefined: nobody is answered. */
  readonly deviceId: string | undefined;
  readonly result: PressResult;
  readonly counted: PressCount | undefined;
}

const refusal = (e: DomainError): PressResult => ({ ok: false, code: e.code, message: e.message });

/** Not a press at all (core/alarm/press-payload.ts): answered to the device the topic names, else the one the broker knows. */
export const malformedAnswer = (e: DomainError, authenticatedDeviceId: string | undefined): PressAnswer => ({
  deviceId: typeof e.details?.deviceId === 'string' ? e.details.deviceId : authenticatedDeviceId,
  result: refusal(e),
  counted: 'malformed',
});

/**
 * A press the alarm service did not raise. An unknown device or a wrong token is answered to
 * nobody: whoever sent it has not shown to be that device. A throttled press is no refusal: the
 * open alarm it would have joined stands.
 */
export const refusedAnswer = (deviceId: string, e: DomainError): PressAnswer => ({
  deviceId: e.code === 'DEVICE.UNKNOWN' || e.code === 'DEVICE.BAD_TOKEN' ? undefined : deviceId,
  result: refusal(e),
  counted: e.code === 'ALARM.RATE_LIMITED' ? undefined : 'rejected',
});

export const raisedAnswer = (
  deviceId: string,
  alarm: { readonly id: string; readonly state: AlarmState },
  joined: boolean,
): PressAnswer => ({
  deviceId,
  result: { ok: true, alarmId: alarm.id, joined, state: alarm.state },
  counted: undefined,
});
