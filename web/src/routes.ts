/**
 * The pages of the web shell and the permission each needs. Navigation shows a page only when
 * the logged-in user's permissions (from /api/auth/me) include it; the page itself checks again.
 */
import type { Permission } from '../../src/core/auth/roles.js';

export type PageKey =
  | 'start'
  | 'sites'
  | 'rooms'
  | 'conversationTypes'
  | 'cameras'
  | 'users'
  | 'organisation'
  | 'settings'
  | 'audit'
  | 'password'
  | 'tokens'
  | 'panic'
  | 'console'
  | 'incidents'
  | 'report'
  | 'statistics'
  | 'assessments'
  | 'roomPolicy'
  | 'recording'
  | 'cameraStatus';

export interface RouteDef {
  readonly key: PageKey;
  readonly path: string;
  /** Needed to see the page; null means every logged-in user. */
  readonly permission: Permission | null;
  /** Shown in the main navigation (the password and token pages live in the user menu). */
  readonly inNav: boolean;
}

export const ROUTES: readonly RouteDef[] = [
  { key: 'start', path: '/', permission: null, inNav: true },
  { key: 'panic', path: '/alarm', permission: 'alarms:raise', inNav: true },
  { key: 'console', path: '/console', permission: 'alarms:respond', inNav: true },
  { key: 'report', path: '/incidents/report', permission: 'incidents:report', inNav: true },
  { key: 'incidents', path: '/incidents', permission: 'incidents:read', inNav: true },
  { key: 'statistics', path: '/statistics', permission: 'incidents:read', inNav: true },
  { key: 'assessments', path: '/assessments', permission: 'assessments:read', inNav: true },
  { key: 'roomPolicy', path: '/room-policy', permission: 'policy:read', inNav: true },
  { key: 'recording', path: '/recording', permission: 'recording:suspend', inNav: true },
  { key: 'cameraStatus', path: '/camera-status', permission: 'recording:read', inNav: true },
  { key: 'sites', path: '/sites', permission: 'registry:read', inNav: true },
  { key: 'rooms', path: '/rooms', permission: 'registry:read', inNav: true },
  { key: 'conversationTypes', path: '/conversation-types', permission: 'registry:read', inNav: true },
  { key: 'cameras', path: '/cameras', permission: 'cameras:read', inNav: true },
  { key: 'users', path: '/users', permission: 'users:read', inNav: true },
  { key: 'organisation', path: '/organisation', permission: 'registry:read', inNav: true },
  { key: 'settings', path: '/settings', permission: 'settings:read', inNav: true },
  { key: 'audit', path: '/audit', permission: 'audit:read', inNav: true },
  { key: 'password', path: '/password', permission: null, inNav: false },
  { key: 'tokens', path: '/tokens', permission: null, inNav: false },
];

/** Write permission that unlocks the create/edit forms on a page. */
export const WRITE_PERMISSION: Partial<Record<PageKey, Permission>> = {
  sites: 'registry:write',
  rooms: 'registry:write',
  conversationTypes: 'registry:write',
  organisation: 'registry:write',
  cameras: 'cameras:write',
  users: 'users:write',
  settings: 'settings:write',
};

export const mayOpen = (route: RouteDef, permissions: readonly string[]): boolean =>
  route.permission === null || permissions.includes(route.permission);

export const navRoutesFor = (permissions: readonly string[]): RouteDef[] =>
  ROUTES.filter((r) => r.inNav && mayOpen(r, permissions));

export const routeForPath = (path: string): RouteDef | undefined => {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return ROUTES.find((r) => r.path === clean);
};
