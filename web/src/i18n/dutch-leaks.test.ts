/**
 * The Dutch UI is Dutch throughout: every text of the Dutch dictionary (with the viewing texts
 * and the refusal texts), the Dutch message for every error code of the catalogue, and every
 * field rule, checked for English tell-tales and untranslated codes.
 */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../src/core/errors.js';
import { FIELD_RULES } from '../../../src/core/field-rules.js';
import { englishLeaks, stringsOf } from '../../../test/support/dutch-leaks.js';
import { ApiError } from '../api.js';
import { footageProblemText } from '../footage/errors.js';
import { fieldProblemText, problemText } from '../hooks.js';
import { en } from './en.js';
import { nl } from './nl.js';

/** Texts that are English on purpose: the language switch names English in English. */
const ALLOWED = new Set(['switchLanguage', 'switchLanguageLang']);

describe('the Dutch dictionary has no English in it', () => {
  it('no text of nl.ts (with footage-nl.ts and problems-nl.ts) has an English tell-tale or a code', () => {
    const leaks = stringsOf(nl)
      .filter(({ path }) => !ALLOWED.has(path))
      .map(({ path, text }) => ({ path, text, leaks: englishLeaks(text) }))
      .filter((x) => x.leaks.length > 0);
    expect(leaks).toEqual([]);
  });

  it('every error code of the catalogue has its own Dutch message, and problemText shows it', () => {
    for (const code of Object.keys(ERRORS)) {
      const message = nl.problems.messages[code];
      expect(message, code).toBeTypeOf('string');
      expect(englishLeaks(message ?? ''), code).toEqual([]);
      const e = new ApiError(400, {
        type: '',
        title: 'English title',
        status: 400,
        code,
        detail: 'English detail',
      });
      const shown = problemText(nl, e);
      expect(shown, code).toContain(message);
      expect(shown, code).not.toMatch(/English/);
    }
  });

  it('a permission held on another server names that server, in Dutch and in English', () => {
    const e = new ApiError(409, {
      type: '',
      title: 'English title',
      status: 409,
      code: 'FOOTAGE.HELD_ELSEWHERE',
      detail: 'English detail',
      details: { heldOn: 'proportio-2.example:8080' },
    });
    expect(footageProblemText(nl, e)).toBe(
      'Deze toestemming om beelden te bekijken is geopend op een andere Proportio-server: proportio-2.example:8080. Ga naar die server en doe het daar; de sleutels blijven op de server waar ze geopend zijn.',
    );
    expect(problemText(nl, e)).toContain('andere Proportio-server: proportio-2.example:8080.');
    expect(footageProblemText(en, e)).toContain('another Proportio server: proportio-2.example:8080.');
  });

  it('an unknown code gets a Dutch sentence with the code as a note, never the English detail', () => {
    const e = new ApiError(409, {
      type: '',
      title: 'Boom',
      status: 409,
      code: 'NEW.CODE',
      detail: 'it broke',
    });
    expect(problemText(nl, e)).toBe(`${nl.problems.generic} (${nl.problems.codeNote('NEW.CODE')})`);
  });

  it('every field rule reads as Dutch', () => {
    for (const rule of FIELD_RULES) {
      const text = fieldProblemText(nl, {
        field: 'password',
        message: 'password must be at least 12 characters',
        rule,
        params: { min: 12, max: 600, values: 'a, b' },
      });
      expect(englishLeaks(text), rule).toEqual([]);
    }
    expect(
      fieldProblemText(nl, {
        field: 'password',
        message: 'password must be at least 12 characters',
        rule: 'min-length',
        params: { min: 12 },
      }),
    ).toBe('Het wachtwoord moet minstens 12 tekens hebben.');
    expect(
      problemText(
        nl,
        new ApiError(400, {
          type: '',
          title: 'The request is not valid',
          status: 400,
          code: 'REQUEST.INVALID',
          detail: 'alarm.escalationSeconds: must be a whole number from 5 to 600',
          errors: [
            {
              field: 'value',
              message: 'must be a whole number from 5 to 600',
              rule: 'whole-number-range',
              params: { min: 5, max: 600 },
            },
          ],
        }),
      ),
    ).toBe('De invoer is niet geldig. De waarde moet een heel getal van 5 tot en met 600 zijn.');
  });
});
