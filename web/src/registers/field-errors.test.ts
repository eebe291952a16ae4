import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { DICTIONARIES } from '../i18n/index.js';
import { registerFieldText, registerRefusal, type RuleWords } from './field-errors.js';

const WORDS: RuleWords<'one' | 'other'> = [
  ['required', 'one', 'roomId'],
  ['required', 'other'],
];
const TEXTS = { one: 'room needed', other: 'needed', invalid: 'wrong' };

describe('registerFieldText', () => {
  it('takes the field’s own wording of a rule before the rule’s, and `invalid` for an unknown rule', () => {
    expect(registerFieldText(WORDS, TEXTS, { field: 'roomId', rule: 'required' })).toBe('room needed');
    expect(registerFieldText(WORDS, TEXTS, { field: 'siteId', rule: 'required' })).toBe('needed');
    expect(registerFieldText(WORDS, TEXTS, { field: 'roomId', rule: 'format' })).toBe('wrong');
    expect(registerFieldText(WORDS, TEXTS, { field: 'roomId' })).toBe('wrong');
  });
});

describe('registerRefusal', () => {
  const refusal = registerRefusal('RIGHTS.INVALID', WORDS, () => TEXTS)({ roomId: 'rr-room' });
  const problem = (code: string, errors?: { field: string; message: string; rule?: 'required' }[]) =>
    new ApiError(422, {
      type: 'x',
      title: 'x',
      status: 422,
      code,
      detail: 'x',
      ...(errors ? { errors } : {}),
    });

  it('puts the register’s words next to the field the error names', () => {
    const e = problem('RIGHTS.INVALID', [{ field: 'roomId', message: 'name the room', rule: 'required' }]);
    expect(refusal(DICTIONARIES.nl, e)).toEqual({ summary: undefined, fields: { 'rr-room': 'room needed' } });
  });

  it('leaves another code, and a field the form does not have, to the app’s usual words', () => {
    expect(refusal(DICTIONARIES.nl, problem('COMPLAINT.INVALID', []))).toBeUndefined();
    const elsewhere = refusal(
      DICTIONARIES.nl,
      problem('RIGHTS.INVALID', [{ field: 'language', message: 'x', rule: 'required' }]),
    );
    expect(elsewhere?.fields).toEqual({});
    expect(elsewhere?.summary).toEqual(expect.any(String));
  });
});
