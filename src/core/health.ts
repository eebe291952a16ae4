/**
 * One line of health, as `/api/health`, `/readyz` and the banner on every screen show it. `code`
 * is stable (docs/operations.md lists every code, what it means and what an operator does); the
 * web banner translates by code and `params`. `message` stays English free text for logs and API
 * users and may change wording at any time. The adapter or rule that knows what went wrong sets
 * the code, so nobody has to guess it from the message.
 */
import { hasPermission, type Permission, type Role } from './auth/roles.js';

export interface HealthItem {
  readonly component: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * What kind of trouble an item is, for its style on screen. None of them is an alarm: red stays
 * for alarms, so a banner never looks like one (issue 11). `fault`: something that worked has
 * stopped; `configuration`: something was never set up; `notice`: a deliberate state, such as a
 * suspension.
 */
export type HealthKind = 'fault' | 'configuration' | 'notice';

export interface HealthAudience {
  readonly kind: HealthKind;
  /** Who sees the item: those who can fix it or must act on it; 'everyone' when it stops all work. */
  readonly who: 'everyone' | readonly Permission[];
}

/** Exact codes first, then the first matching `prefix.`; the last line is the default. */
const AUDIENCES: readonly (readonly [code: string, audience: HealthAudience])[] = [
  // The database refuses every change, alarms included: everybody must know at once.
  ['storage.full', { kind: 'fault', who: 'everyone' }],
  // Staff who record objections must know recording is off; so must whoever can resume it.
  [
    'recording.suspended',
    { kind: 'notice', who: ['recording:object', 'recording:read', 'recording:suspend'] },
  ],
  ['vault.key-missing', { kind: 'configuration', who: ['recording:suspend', 'settings:write'] }],
  ['vault.key-invalid', { kind: 'configuration', who: ['recording:suspend', 'settings:write'] }],
  ['ffmpeg.missing', { kind: 'configuration', who: ['settings:write'] }],
  ['ffmpeg.version-warning', { kind: 'configuration', who: ['settings:write'] }],
  ['mqtt.port-in-use', { kind: 'configuration', who: ['devices:write'] }],
  ['camera.', { kind: 'fault', who: ['recording:read'] }],
  ['vault.', { kind: 'fault', who: ['recording:suspend', 'settings:write'] }],
  // Alarm delivery degraded: responders' coordinators and whoever runs the buttons.
  ['mqtt.', { kind: 'fault', who: ['devices:read'] }],
  ['alarm.', { kind: 'fault', who: ['devices:read'] }],
  ['policy.', { kind: 'fault', who: ['recording:suspend'] }],
  ['audit.', { kind: 'fault', who: ['audit:read'] }],
  ['', { kind: 'fault', who: ['settings:write', 'audit:read'] }],
];

export const audienceOf = (code: string): HealthAudience => {
  const exact = AUDIENCES.find(([c]) => c === code);
  if (exact) return exact[1];
  const prefix = AUDIENCES.find(([c]) => (c === '' || c.endsWith('.')) && code.startsWith(c));
  // The table ends with the '' line, which matches every code.
  return prefix![1];
};

/** Whether a user with these roles sees the item on their screens. */
export const isAudience = (roles: readonly Role[], code: string): boolean => {
  const { who } = audienceOf(code);
  return who === 'everyone' || who.some((p) => hasPermission(roles, p));
};
