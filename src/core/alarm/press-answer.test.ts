import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../errors.js';
import { malformedAnswer, raisedAnswer, refusedAnswer } from './press-answer.js';
import { parsePress } from './press-payload.js';

const refusal = (code: ErrorCode, details?: Record<string, unknown>) => ({
  code,
  message: `because ${code}`,
  ...(details === undefined ? {} : { details }),
});

describe('a press the alarm service refused', () => {
  it.each<[ErrorCode, string | undefined, 'rejected' | undefined]>([
    // The sender has not shown to be this device: it hears nothing about it.
    ['DEVICE.UNKNOWN', undefined, 'rejected'],
    ['DEVICE.BAD_TOKEN', undefined, 'rejected'],
    // A proven device is told why.
    ['DEVICE.DISABLED', 'dev-1', 'rejected'],
    ['DEVICE.WRONG_KIND', 'dev-1', 'rejected'],
    ['ALARM.NO_ROOM', 'dev-1', 'rejected'],
    // Throttled: the open alarm stands, so it is no refusal.
    ['ALARM.RATE_LIMITED', 'dev-1', undefined],
  ])('%s → answered to %s, counted %s', (code, answeredTo, counted) => {
    expect(refusedAnswer('dev-1', refusal(code))).toEqual({
      deviceId: answeredTo,
      result: { ok: false, code, message: `because ${code}` },
      counted,
    });
  });
});

describe('a message that is not a press', () => {
  it.each([
    ['names its device in the topic', 'proportio/buttons/dev-1/press', '{nope', undefined, 'dev-1'],
    ['same, the broker knows another', 'proportio/buttons/dev-1/press', '[1]', 'dev-2', 'dev-1'],
    ['topic names no device, broker knows one', 'proportio/buttons/a/b/press', '', 'dev-2', 'dev-2'],
    ['topic names no device, nobody known', 'proportio/buttons/a/b/press', '', undefined, undefined],
  ])('%s → answered to %s', (_n, topic, payload, authenticated, answeredTo) => {
    const r = parsePress('proportio', topic, new TextEncoder().encode(payload));
    if (r.ok) throw new Error('expected a refusal');
    const a = malformedAnswer(r.error, authenticated);
    expect(a).toMatchObject({ deviceId: answeredTo, counted: 'malformed' });
    expect(a.result).toMatchObject({ ok: false, code: 'DEVICE.BAD_PAYLOAD' });
  });
});

describe('the result a button hears back', () => {
  it.each([
    [
      raisedAnswer('dev-1', { id: 'a-1', state: 'raised' }, false),
      '{"ok":true,"alarmId":"a-1","joined":false,"state":"raised"}',
    ],
    [
      raisedAnswer('dev-1', { id: 'a-1', state: 'acknowledged' }, true),
      '{"ok":true,"alarmId":"a-1","joined":true,"state":"acknowledged"}',
    ],
    [
      refusedAnswer('dev-1', refusal('DEVICE.DISABLED', { deviceId: 'dev-1' })),
      '{"ok":false,"code":"DEVICE.DISABLED","message":"because DEVICE.DISABLED"}',
    ],
  ])('is this exact JSON on the wire: %j', (answer, json) => {
    expect(JSON.stringify(answer.result)).toBe(json);
  });
});
