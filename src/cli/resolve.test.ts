import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../core/errors.js';
import { CliError } from './io.js';
import { oneByRef } from './resolve.js';

const rooms = [
  { id: 'r-1', name: 'Spreekkamer 1' },
  { id: 'r-2', name: 'Spreekkamer 2' },
  { id: 'r-3', name: 'Spreekkamer 2' },
  { id: 'r-4', name: 'r-1' },
];

const outcome = (ref: string, notFound: ErrorCode) => {
  try {
    return oneByRef(rooms, ref, 'room', notFound, 'on several sites').id;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { message: e.message, exit: e.exitCode, code: e.code };
  }
};

describe('oneByRef', () => {
  it.each([
    ['an id', 'r-2', 'ALARM.UNKNOWN_ROOM', 'r-2'],
    ['a name used once', 'Spreekkamer 1', 'ALARM.UNKNOWN_ROOM', 'r-1'],
    [
      'nothing: the caller’s code, exit 66',
      'Spreekkamer 9',
      'RESOURCE.NOT_FOUND',
      { message: 'RESOURCE.NOT_FOUND: no room "Spreekkamer 9"', exit: 66, code: 'RESOURCE.NOT_FOUND' },
    ],
    [
      'a name used twice: the id is needed, exit 65',
      'Spreekkamer 2',
      'ALARM.UNKNOWN_ROOM',
      {
        message: 'REQUEST.INVALID: "Spreekkamer 2" names rooms on several sites; use the room id',
        exit: 65,
        code: 'REQUEST.INVALID',
      },
    ],
    [
      "an id that is another's name: ambiguous too",
      'r-1',
      'ALARM.UNKNOWN_ROOM',
      {
        message: 'REQUEST.INVALID: "r-1" names rooms on several sites; use the room id',
        exit: 65,
        code: 'REQUEST.INVALID',
      },
    ],
  ] as const)('finds %s', (_what, ref, notFound, expected) => {
    expect(outcome(ref, notFound)).toEqual(expected);
  });
});
