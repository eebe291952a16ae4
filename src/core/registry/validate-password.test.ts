import { describe, expect, it } from 'vitest';
import { PASSWORD_POLICY, passwordProblems, validPassword } from './validate.js';

describe('password policy', () => {
  it('lists every rule a password breaks, and none for a good one', () => {
    expect(passwordProblems('lange-zin-voor-de-kluis', 'balie')).toEqual([]);
    expect(passwordProblems('balie', 'balie')).toEqual(['min-length', 'contains-username']);
    expect(passwordProblems('aaaaaaaaaaaaaaaa', 'balie')).toEqual(['too-repetitive']);
    expect(passwordProblems('x'.repeat(300) + 'abcde', 'balie')).toEqual(['max-length']);
    expect(passwordProblems('ikbenBALIE-enzo', 'balie')).toEqual(['contains-username']);
  });

  it('a refusal names the field, the first broken rule and the policy', () => {
    const r = validPassword('kort', 'balie', 'newPassword');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'AUTH.WEAK_PASSWORD',
        details: { field: 'newPassword', rule: 'min-length', ...PASSWORD_POLICY },
      });
    expect(validPassword('lange-zin-voor-de-kluis', 'balie')).toEqual({
      ok: true,
      value: 'lange-zin-voor-de-kluis',
    });
  });
});
