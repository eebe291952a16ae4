/**
 * The pages of the web shell and the permission each needs. Navigation shows a page only when
 * the logged-in user's permissions (from /api/auth/me) include it; the page itself checks again.
 */
import type { Permission } from '../../src/core/auth/roles.js';
import { ASSESSMENT_PATTERNS } from './assessment/paths.js';
import { FOOTAGE_PATTERNS } from './footage/paths.js';
import { COMPLAINTS_PATTERNS } from './complaints/paths.js';
import { RIGHTS_PATTERNS } from './rights/paths.js';
import { REDACTION_PATTERN } from './redaction/paths.js';

export type PageKey =
  | 'start'
  | 'sites'
  | 'rooms'
  | 'conversationTypes'
  | 'cameras'
  | 'agents'
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
  | 'cameraStatus'
  | 'footage'
  | 'rights'
  | 'complaints'
  | 'dossier'
  | 'redaction';

/**
 * The main navigation's groups, from the domain: the alarm and what follows it, the assessment and
 * the policy it yields, the footage, residents' rights and the supervisor, and the register and
 * settings. Start, the alarm button and the alarm console stay single links: where seconds count,
 * nothing folds them away.
 */
export const NAV_GROUPS = ['incidents', 'assessment', 'footage', 'oversight', 'administration'] as const;
export type NavGroupKey = (typeof NAV_GROUPS)[number];

export interface RouteDef {
  readonly key: PageKey;
  readonly path: string;
  /** Needed to see the page; null means every logged-in user. */
  readonly permission: Permission | null;
  /** Shown in the main navigation (the password and token pages live in the user menu). */
  readonly inNav: boolean;
  /** The navigation group it sits in; none: a link of its own on the top row. */
  readonly group?: NavGroupKey;
  /** Deeper paths of the same page, most specific first; `:name` is a parameter (e.g. /assessments/:id). */
  readonly subpaths?: readonly string[];
  /** A sub-page that needs a permission of its own besides the page's (the footage viewer). */
  readonly subpathPermissions?: Readonly<Record<string, Permission>>;
}

/** The page for a path, which of its paths matched, and that path's parameters. */
export interface RouteMatch {
  readonly route: RouteDef;
  readonly pattern: string;
  readonly params: Readonly<Record<string, string>>;
}

/** One incident with its footage (the register's rows link here). */
export const INCIDENT_PATTERN = '/incidents/:id';

export const ROUTES: readonly RouteDef[] = [
  { key: 'start', path: '/', permission: null, inNav: true },
  { key: 'panic', path: '/alarm', permission: 'alarms:raise', inNav: true },
  { key: 'console', path: '/console', permission: 'alarms:respond', inNav: true },
  {
    key: 'report',
    path: '/incidents/report',
    permission: 'incidents:report',
    inNav: true,
    group: 'incidents',
  },
  {
    key: 'incidents',
    path: '/incidents',
    permission: 'incidents:read',
    inNav: true,
    group: 'incidents',
    subpaths: [INCIDENT_PATTERN],
  },
  { key: 'statistics', path: '/statistics', permission: 'incidents:read', inNav: true, group: 'incidents' },
  {
    key: 'assessments',
    path: '/assessments',
    permission: 'assessments:read',
    inNav: true,
    group: 'assessment',
    subpaths: Object.values(ASSESSMENT_PATTERNS),
  },
  { key: 'roomPolicy', path: '/room-policy', permission: 'policy:read', inNav: true, group: 'assessment' },
  {
    key: 'footage',
    path: '/footage',
    permission: 'footage:records',
    inNav: true,
    group: 'footage',
    subpaths: Object.values(FOOTAGE_PATTERNS),
    // The records are for every role that oversees access; watching a clip only for who may request it.
    subpathPermissions: { [FOOTAGE_PATTERNS.grant]: 'footage:request' },
  },
  {
    key: 'cameraStatus',
    path: '/camera-status',
    permission: 'recording:read',
    inNav: true,
    group: 'footage',
  },
  { key: 'recording', path: '/recording', permission: 'recording:suspend', inNav: true, group: 'footage' },
  {
    key: 'rights',
    path: '/rights/requests',
    permission: 'rights:read',
    inNav: true,
    group: 'oversight',
    // "new" before ":id"; registering a request is the privacy officer's (the auditor reads).
    subpaths: [RIGHTS_PATTERNS.new, RIGHTS_PATTERNS.request],
    subpathPermissions: { [RIGHTS_PATTERNS.new]: 'rights:manage' },
  },
  {
    key: 'complaints',
    path: '/complaints',
    permission: 'complaints:read',
    inNav: true,
    group: 'oversight',
    // "new" before ":id"; registering is the privacy officer's (the auditor and decision-maker read).
    subpaths: [COMPLAINTS_PATTERNS.new, COMPLAINTS_PATTERNS.complaint],
    subpathPermissions: { [COMPLAINTS_PATTERNS.new]: 'complaints:manage' },
  },
  { key: 'dossier', path: '/dossier', permission: 'dossier:export', inNav: true, group: 'oversight' },
  { key: 'audit', path: '/audit', permission: 'audit:read', inNav: true, group: 'oversight' },
  { key: 'sites', path: '/sites', permission: 'registry:read', inNav: true, group: 'administration' },
  { key: 'rooms', path: '/rooms', permission: 'registry:read', inNav: true, group: 'administration' },
  {
    key: 'conversationTypes',
    path: '/conversation-types',
    permission: 'registry:read',
    inNav: true,
    group: 'administration',
  },
  { key: 'cameras', path: '/cameras', permission: 'cameras:read', inNav: true, group: 'administration' },
  // Recorder agents at the sites (ADR 0015): whoever sees the cameras sees who records them.
  { key: 'agents', path: '/agents', permission: 'cameras:read', inNav: true, group: 'administration' },
  { key: 'users', path: '/users', permission: 'users:read', inNav: true, group: 'administration' },
  {
    key: 'organisation',
    path: '/organisation',
    permission: 'registry:read',
    inNav: true,
    group: 'administration',
  },
  { key: 'settings', path: '/settings', permission: 'settings:read', inNav: true, group: 'administration' },
  // The DPO's review of a redacted copy (issue 12 §2); the request pages link here.
  { key: 'redaction', path: REDACTION_PATTERN, permission: 'rights:read', inNav: false },
  { key: 'password', path: '/password', permission: null, inNav: false },
  { key: 'tokens', path: '/tokens', permission: 'tokens:own', inNav: false },
];

/** Write permission that unlocks the create/edit forms on a page. */
export const WRITE_PERMISSION: Partial<Record<PageKey, Permission>> = {
  sites: 'registry:write',
  rooms: 'registry:write',
  conversationTypes: 'registry:write',
  organisation: 'registry:write',
  cameras: 'cameras:write',
  agents: 'cameras:write',
  users: 'users:write',
  settings: 'settings:write',
};

export const mayOpen = (route: RouteDef, permissions: readonly string[]): boolean =>
  route.permission === null || permissions.includes(route.permission);

/** Whether the page at this address (a page or one of its sub-pages) may be opened. */
export const mayOpenPattern = (route: RouteDef, pattern: string, permissions: readonly string[]): boolean => {
  const extra = route.subpathPermissions?.[pattern];
  return mayOpen(route, permissions) && (extra === undefined || permissions.includes(extra));
};

export const navRoutesFor = (permissions: readonly string[]): RouteDef[] =>
  ROUTES.filter((r) => r.inNav && mayOpen(r, permissions));

/** One entry of the top row: a page of its own, or a group that unfolds its pages. */
export type NavEntry =
  | { readonly kind: 'page'; readonly route: RouteDef }
  | { readonly kind: 'group'; readonly group: NavGroupKey; readonly routes: readonly RouteDef[] };

/**
 * The top row of the main navigation for these permissions, in ROUTES order: each group where its
 * first page stands. A group with one page the user may open is that page's link (a menu of one
 * is a click for nothing).
 */
export const navEntriesFor = (permissions: readonly string[]): NavEntry[] => {
  const routes = navRoutesFor(permissions);
  const entries: NavEntry[] = [];
  for (const route of routes) {
    if (route.group === undefined) entries.push({ kind: 'page', route });
    else if (!entries.some((e) => e.kind === 'group' && e.group === route.group))
      entries.push({
        kind: 'group',
        group: route.group,
        routes: routes.filter((r) => r.group === route.group),
      });
  }
  return entries.map((e) =>
    e.kind === 'group' && e.routes.length === 1 ? { kind: 'page', route: e.routes[0]! } : e,
  );
};

/**
 * The parameters of `path` under `pattern` ("/assessments/:id" and "/assessments/a1" give
 * {id: "a1"}), or undefined when it does not match. A trailing slash is ignored; a parameter is one
 * non-empty segment, decoded.
 */
export const matchPath = (pattern: string, path: string): Record<string, string> | undefined => {
  const want = pattern.split('/');
  const got = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (!part.startsWith(':')) {
      if (part !== value) return undefined;
    } else {
      if (value === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return params;
};

export const routeForPath = (path: string): RouteMatch | undefined => {
  for (const route of ROUTES)
    for (const pattern of [route.path, ...(route.subpaths ?? [])]) {
      const params = matchPath(pattern, path);
      if (params) return { route, pattern, params };
    }
  return undefined;
};
