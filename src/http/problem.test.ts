import { describe, expect, it } from 'vitest';
import { problemOfError } from './problem.js';

describe('problemOfError: the one mapping from a domain error to problem+json', () => {
  it('takes status, title and type from the catalogue and passes the details on', () => {
    expect(
      problemOfError({
        code: 'RESOURCE.NOT_FOUND',
        message: 'room r1 does not exist',
        details: { id: 'r1' },
      }),
    ).toEqual({
      type: 'urn:proportio:error:resource.not_found',
      title: expect.any(String),
      status: 404,
      code: 'RESOURCE.NOT_FOUND',
      detail: 'room r1 does not exist',
      details: { id: 'r1' },
    });
  });

  it('names no field and carries no details when the error has none', () => {
    const p = problemOfError({ code: 'AUTH.FORBIDDEN', message: 'no' });
    expect(p).not.toHaveProperty('errors');
    expect(p).not.toHaveProperty('details');
  });

  it('turns a named field into errors[{field, message}]', () => {
    expect(
      problemOfError({
        code: 'REQUEST.INVALID',
        message: 'validFrom must be a date',
        details: { field: 'validFrom' },
      }).errors,
    ).toEqual([{ field: 'validFrom', message: 'validFrom must be a date' }]);
  });

  it('lists every field the engine names by its path, ahead of the single field', () => {
    const errors = [
      { path: 'scope.rooms', message: 'must not be empty' },
      { path: 'purpose.kind', message: 'is not a known purpose' },
    ];
    expect(
      problemOfError({
        code: 'ASSESSMENT.INVALID_SCENARIO',
        message: 'scope.rooms: must not be empty; purpose.kind: is not a known purpose',
        details: { errors, field: 'scope.rooms' },
      }).errors,
    ).toEqual([
      { field: 'scope.rooms', message: 'must not be empty' },
      { field: 'purpose.kind', message: 'is not a known purpose' },
    ]);
  });
});
