import { describe, expect, it } from 'vitest';
import { routeForPath } from '../routes.js';
import { assessmentHref, assessmentScreen, type AssessmentScreen } from './paths.js';

describe('assessment addresses', () => {
  it.each<[string, AssessmentScreen]>([
    ['/assessments', { kind: 'list' }],
    ['/assessments/new', { kind: 'new' }],
    ['/assessments/a-1', { kind: 'detail', id: 'a-1' }],
    ['/assessments/a-1/edit', { kind: 'edit', id: 'a-1' }],
    ['/assessments/a%2F1', { kind: 'detail', id: 'a/1' }],
  ])('%s is the screen %j, and back', (path, screen) => {
    const match = routeForPath(path);
    expect(match && assessmentScreen(match.pattern, match.params)).toEqual(screen);
    expect(assessmentHref(screen)).toBe(path);
  });
});
