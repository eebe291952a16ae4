import { describe, expect, it } from 'vitest';
import { matchPath, mayOpenPattern, routeForPath } from './routes.js';

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
  ])('%s is %s (%s)', (path, key, pattern, params) => {
    expect(routeForPath(path)).toMatchObject({ route: { key }, pattern, params });
  });

  it.each(['/nowhere', '/assessments/x9/edit/review/more', '/sites/x9', '/footage/requests', '/footage/x/y'])(
    '%s is no page',
    (path) => {
      expect(routeForPath(path)).toBeUndefined();
    },
  );
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
