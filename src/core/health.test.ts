import { describe, expect, it } from 'vitest';
import type { Role } from './auth/roles.js';
import { audienceOf, isAudience } from './health.js';

describe('who sees a health item, and in which style', () => {
  it.each<[code: string, role: Role, sees: boolean]>([
    // A missing vault key is the configuration of those who can set it up, not the front desk's.
    ['vault.key-missing', 'front-desk', false],
    ['vault.key-missing', 'responder', false],
    ['vault.key-missing', 'admin', true],
    ['vault.key-missing', 'dpo', true],
    // A full database stops alarms too: everybody.
    ['storage.full', 'front-desk', true],
    ['storage.full', 'responder', true],
    // A suspension: the front desk records objections, so it must know recording is off.
    ['recording.suspended', 'front-desk', true],
    ['recording.suspended', 'responder', false],
    ['camera.offline', 'security', true],
    ['camera.offline', 'front-desk', false],
    ['mqtt.broker-unreachable', 'security', true],
    ['mqtt.broker-unreachable', 'front-desk', false],
    ['audit.anchor-mismatch', 'auditor', true],
    ['audit.anchor-mismatch', 'decision-maker', false],
    // A code this table does not know goes to the operators, never to nobody.
    ['something.new', 'admin', true],
    ['something.new', 'auditor', true],
    ['something.new', 'front-desk', false],
  ])('%s for %s: %s', (code, role, sees) => {
    expect(isAudience([role], code)).toBe(sees);
  });

  it.each([
    ['vault.key-missing', 'configuration'],
    ['ffmpeg.missing', 'configuration'],
    ['recording.suspended', 'notice'],
    ['camera.offline', 'fault'],
    ['vault.unavailable', 'fault'],
    ['storage.full', 'fault'],
    ['unknown.code', 'fault'],
  ])('%s is a %s', (code, kind) => {
    expect(audienceOf(code).kind).toBe(kind);
  });
});
