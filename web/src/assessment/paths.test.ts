import { describe, expect, it } from 'vitest';
import { routeForPath } from '../routes.js';
import { assessmentHref, assessmentScreen, type AssessmentScreen } from './paths.js';

const screenOf = (path: string) => {
  const match = routeForPath(path);
  return match && assessmentScreen(match.pattern, match.params);
};

describe('assessment addresses', () => {
  it.each<[string, AssessmentScreen]>([
    ['/assessments', { kind: 'list' }],
    ['/assessments/new', { kind: 'new' }],
    ['/assessments/new/purpose', { kind: 'new', step: 'purpose' }],
    ['/assessments/new/review', { kind: 'new', step: 'review' }],
    ['/assessments/a-1', { kind: 'detail', id: 'a-1' }],
    ['/assessments/a-1/edit', { kind: 'edit', id: 'a-1' }],
    ['/assessments/a-1/edit/safeguards', { kind: 'edit', id: 'a-1', step: 'safeguards' }],
    ['/assessments/a-1/versions/2', { kind: 'version', id: 'a-1', version: 2 }],
    ['/assessments/a%2F1', { kind: 'detail', id: 'a/1' }],
  ])('%s is the screen %j, and back', (path, screen) => {
    expect(screenOf(path)).toEqual(screen);
    expect(assessmentHref(screen)).toBe(path);
  });

  it('the first step is the wizard’s own address, and an unknown step opens the first', () => {
    expect(assessmentHref({ kind: 'new', step: 'measure' })).toBe('/assessments/new');
    expect(screenOf('/assessments/new/nonsense')).toEqual({ kind: 'new' });
    expect(screenOf('/assessments/a-1/edit/nonsense')).toEqual({ kind: 'edit', id: 'a-1' });
  });

  it('a version that is not a whole positive number is the assessment itself', () => {
    expect(screenOf('/assessments/a-1/versions/0')).toEqual({ kind: 'detail', id: 'a-1' });
    expect(screenOf('/assessments/a-1/versions/1.5')).toEqual({ kind: 'detail', id: 'a-1' });
    expect(screenOf('/assessments/a-1/versions/02')).toEqual({ kind: 'detail', id: 'a-1' });
  });
});
