import { describe, expect, it } from 'vitest';
import { coversSites, sameMembers } from './site-scope.js';

describe('site scope', () => {
  it.each([
    [[], [], true],
    [[], ['a'], true],
    [['a'], [], false],
    [['a', 'b'], ['a'], true],
    [['a'], ['a', 'b'], false],
    [['a'], ['b'], false],
  ] as const)('holder %j covers %j: %s', (holder, wanted, expected) => {
    expect(coversSites(holder, wanted)).toBe(expected);
  });

  it('compares sites as sets', () => {
    expect(sameMembers(['a', 'b'], ['b', 'a', 'a'])).toBe(true);
    expect(sameMembers([], ['a'])).toBe(false);
  });
});
