import { describe, expect, it } from 'vitest';
import { parsePress, pressSubscription } from './press-payload.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('button payloads', () => {
  const P = 'proportio';
  it.each([
    ['empty payload', 'proportio/buttons/dev-1/press', '', true],
    ['token and time', 'proportio/buttons/dev-1/press', '{"token":"abc","at":"2026-03-02T09:00:00Z"}', true],
    ['not JSON', 'proportio/buttons/dev-1/press', '{nope', false],
    ['array', 'proportio/buttons/dev-1/press', '[1]', false],
    ['unknown field', 'proportio/buttons/dev-1/press', '{"room":"x"}', false],
    ['bad time', 'proportio/buttons/dev-1/press', '{"at":"yesterday"}', false],
    ['token not a string', 'proportio/buttons/dev-1/press', '{"token":42}', false],
    ['wrong topic', 'proportio/buttons/dev-1/release', '', false],
    ['wildcard-ish device id', 'proportio/buttons/a/b/press', '', false],
    ['oversized', 'proportio/buttons/dev-1/press', `{"token":"${'x'.repeat(2000)}"}`, false],
    ['battery in range', 'proportio/buttons/dev-1/press', '{"battery":55}', true],
    ['battery out of range', 'proportio/buttons/dev-1/press', '{"battery":101}', false],
    ['other prefix', 'elsewhere/buttons/dev-1/press', '', false],
  ])('%s', (_n, topic, payload, ok) => {
    const r = parsePress(P, topic, enc(payload));
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.error.code).toBe('DEVICE.BAD_PAYLOAD');
  });

  // The device a refusal is answered to (core/alarm/press-answer.ts): only one the topic names.
  it.each([
    ['proportio/buttons/dev-1/press', '{nope', 'dev-1'],
    ['proportio/buttons/dev-1/press', `{"token":"${'x'.repeat(2000)}"}`, 'dev-1'],
    ['proportio/buttons/a/b/press', '', undefined],
  ])('%s %j: the refusal names device %s', (topic, payload, deviceId) => {
    const r = parsePress(P, topic, enc(payload));
    expect(r.ok ? undefined : r.error.details?.deviceId).toBe(deviceId);
  });

  it('keeps the token and the button time; the server clock decides', () => {
    expect(
      parsePress(P, 'proportio/buttons/dev-1/press', enc(' {"token":"t","at":"2026-03-02T09:00:00Z"} ')),
    ).toEqual({
      ok: true,
      value: { deviceId: 'dev-1', token: 't', at: '2026-03-02T09:00:00Z' },
    });
  });
});

describe('the press subscription', () => {
  it('is the plain topic filter alone, and a shared subscription in a group', () => {
    expect(pressSubscription('proportio', undefined)).toBe('proportio/buttons/+/press');
    expect(pressSubscription('proportio', 'proportio')).toBe('$share/proportio/proportio/buttons/+/press');
  });
});
