import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, ROLES, type Permission, type Role } from '../../src/core/auth/roles.js';
import { matchPath, mayOpenPattern, navEntriesFor, navRoutesFor, routeForPath } from './routes.js';

describe('matchPath', () => {
  it.each([
    ['/assessments', '/assessments', {}],
    ['/assessments', '/assessments/', {}],
    ['/assessments/:id', '/assessments/a-1', { id: 'a-1' }],
    ['/assessments/:id', '/assessments/a%20b', { id: 'a b' }],
    ['/assessments/:id/edit', '/assessments/a-1/edit', { id: 'a-1' }],
    ['/assessments/:id', '/assessments', undefined],
    ['/assessments/:id', '/assessments/a-1/edit', undefined],
    ['/assessments/:id', '/assessments//', undefined],
    ['/assessments/:id', '/assessments/%E0', undefined],
    ['/assessments/new', '/assessments/a-1', undefined],
    ['/', '/', {}],
    ['/', '/sites', undefined],
  ])('%s on %s → %j', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });
});

describe('routeForPath', () => {
  it.each([
    ['/assessments', 'assessments', '/assessments', {}],
    ['/assessments/new', 'assessments', '/assessments/new', {}],
    ['/assessments/x9', 'assessments', '/assessments/:id', { id: 'x9' }],
    ['/assessments/x9/edit', 'assessments', '/assessments/:id/edit', { id: 'x9' }],
    ['/incidents/report', 'report', '/incidents/report', {}],
    ['/incidents/i-7', 'incidents', '/incidents/:id', { id: 'i-7' }],
    ['/footage', 'footage', '/footage', {}],
    ['/footage/requests/vr-1', 'footage', '/footage/requests/:id', { id: 'vr-1' }],
    ['/footage/grants/g-1', 'footage', '/footage/grants/:id', { id: 'g-1' }],
    ['/dossier', 'dossier', '/dossier', {}],
    ['/sites/', 'sites', '/sites', {}],
    ['/rights/requests', 'rights', '/rights/requests', {}],
    ['/rights/requests/new', 'rights', '/rights/requests/new', {}],
    ['/rights/requests/sr-1', 'rights', '/rights/requests/:id', { id: 'sr-1' }],
    ['/complaints', 'complaints', '/complaints', {}],
    ['/complaints/new', 'complaints', '/complaints/new', {}],
    ['/complaints/cp-1', 'complaints', '/complaints/:id', { id: 'cp-1' }],
  ])('%s is %s (%s)', (path, key, pattern, params) => {
    expect(routeForPath(path)).toMatchObject({ route: { key }, pattern, params });
  });

  it.each([
    '/nowhere',
    '/assessments/x9/edit/review/more',
    '/sites/x9',
    '/footage/requests',
    '/footage/x/y',
    '/rights',
    '/rights/requests/sr-1/edit',
    '/complaints/cp-1/answer',
  ])('%s is no page', (path) => {
    expect(routeForPath(path)).toBeUndefined();
  });
});

describe('mayOpenPattern', () => {
  const footage = routeForPath('/footage')!.route;
  it.each([
    ['/footage', ['footage:records'], true],
    ['/footage/requests/:id', ['footage:records'], true],
    // The auditor, the administrator and the secretary oversee the records but watch nothing.
    ['/footage/grants/:id', ['footage:records'], false],
    ['/footage/grants/:id', ['footage:records', 'footage:request'], true],
    ['/footage', [], false],
    ['/footage/grants/:id', ['footage:request'], false],
  ])('%s with %j → %s', (pattern, permissions, expected) => {
    expect(mayOpenPattern(footage, pattern, permissions)).toBe(expected);
  });
});

describe('the API-tokens page', () => {
  const tokens = routeForPath('/tokens')!.route;
  const permissionsOf = (role: Role) =>
    (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission([role], p));
  it.each([
    ['front-desk', false],
    ['responder', false],
    ['security', true],
    ['dpo', true],
    ['decision-maker', true],
    ['admin', true],
    ['auditor', true],
  ] as const)('is offered to %s: %s', (role, expected) => {
    expect(mayOpenPattern(tokens, '/tokens', permissionsOf(role))).toBe(expected);
  });
});

describe("mayOpenPattern for residents' requests", () => {
  const rights = routeForPath('/rights/requests')!.route;
  it.each([
    ['/rights/requests', ['rights:read'], true],
    ['/rights/requests/:id', ['rights:read'], true],
    // The auditor reads the register; registering a request is the privacy officer's.
    ['/rights/requests/new', ['rights:read'], false],
    ['/rights/requests/new', ['rights:read', 'rights:manage'], true],
    ['/rights/requests', ['footage:records'], false],
  ])('%s with %j → %s', (pattern, permissions, expected) => {
    expect(mayOpenPattern(rights, pattern, permissions)).toBe(expected);
  });
});

describe('mayOpenPattern for complaints and regulator inquiries', () => {
  const complaints = routeForPath('/complaints')!.route;
  const permissionsOf = (role: Role) =>
    (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission([role], p));
  it.each([
    ['/complaints', 'dpo', true],
    ['/complaints/:id', 'decision-maker', true],
    ['/complaints/:id', 'auditor', true],
    // The auditor and the accountable official read; registering is the privacy officer's.
    ['/complaints/new', 'auditor', false],
    ['/complaints/new', 'decision-maker', false],
    ['/complaints/new', 'dpo', true],
    ['/complaints', 'front-desk', false],
    ['/complaints/:id', 'security', false],
  ] as const)('%s for %s → %s', (pattern, role, expected) => {
    expect(mayOpenPattern(complaints, pattern, permissionsOf(role))).toBe(expected);
  });
});

describe('the main navigation in groups', () => {
  const permissionsOf = (role: Role) =>
    (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission([role], p));
  const row = (role: Role) =>
    navEntriesFor(permissionsOf(role)).map((e) =>
      e.kind === 'page' ? e.route.key : `${e.group}: ${e.routes.map((r) => r.key).join(' ')}`,
    );

  it('gives the privacy officer six entries on the top row, every page once', () => {
    expect(row('dpo')).toEqual([
      'start',
      'incidents: incidents statistics',
      'assessment: assessments roomPolicy',
      'footage: footage cameraStatus recording',
      'oversight: rights complaints dossier audit',
      'administration: sites rooms conversationTypes cameras agents organisation settings',
    ]);
  });

  it('keeps the alarm pages on the top row and shows a group of one page as that page', () => {
    expect(row('front-desk')).toEqual([
      'start',
      'panic',
      'report',
      'roomPolicy',
      'administration: sites rooms conversationTypes organisation',
    ]);
    expect(row('responder')[1]).toBe('panic');
    expect(row('responder')[2]).toBe('console');
  });

  it.each(ROLES)('lists every page %s may open exactly once, in ROUTES order', (role) => {
    const flat = navEntriesFor(permissionsOf(role)).flatMap((e) =>
      e.kind === 'page' ? [e.route.key] : e.routes.map((r) => r.key),
    );
    expect(flat).toEqual(navRoutesFor(permissionsOf(role)).map((r) => r.key));
  });
});
