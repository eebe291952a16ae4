import { describe, expect, it } from 'vitest';
import {
  checkEnrolments,
  checkPassphrase,
  custodianChanges,
  nextShareSet,
  parseEnrolment,
  parsePlan,
  selectShares,
  type ShareInfo,
} from './custody.js';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('parsePlan: k of n as typed', () => {
  it.each([
    [{}, 'ok', { custodians: 3, threshold: 2 }],
    [{ custodians: '5', threshold: '3' }, 'ok', { custodians: 5, threshold: 3 }],
    [{ custodians: '2', threshold: '2' }, 'ok', { custodians: 2, threshold: 2 }],
    [{ custodians: '10', threshold: '10' }, 'ok', { custodians: 10, threshold: 10 }],
    [{ custodians: '3', threshold: '1' }, 'CUSTODY.INVALID_PLAN', null], // one person alone
    [{ custodians: '1', threshold: '1' }, 'CUSTODY.INVALID_PLAN', null],
    [{ custodians: '3', threshold: '4' }, 'CUSTODY.INVALID_PLAN', null], // never openable
    [{ threshold: '4' }, 'CUSTODY.INVALID_PLAN', null], // default n = 3
    [{ custodians: '11', threshold: '2' }, 'CUSTODY.INVALID_PLAN', null], // beyond the maximum
    [{ custodians: '3.5' }, 'CUSTODY.INVALID_PLAN', null],
    [{ custodians: '-3' }, 'CUSTODY.INVALID_PLAN', null],
    [{ threshold: 'two' }, 'CUSTODY.INVALID_PLAN', null],
    [{ custodians: '' }, 'CUSTODY.INVALID_PLAN', null],
    [{ custodians: '0003', threshold: '2' }, 'CUSTODY.INVALID_PLAN', null], // four digits: not a sane n
  ])('%j → %s', (input, code, plan) => {
    const r = parsePlan(input);
    expect(codeOf(r)).toBe(code);
    if (r.ok) expect(r.value).toEqual(plan);
  });
});

describe('parseEnrolment: USER or USER=age1…', () => {
  it.each([
    ['fg', 'ok', { username: 'fg', recipient: null }],
    ['fg=age1abc', 'ok', { username: 'fg', recipient: 'age1abc' }],
    [' secretaris = age1xyz ', 'ok', { username: 'secretaris', recipient: 'age1xyz' }],
    ['fg=', 'CUSTODY.CUSTODIAN_INVALID', null],
    ['fg=AGE-SECRET-KEY-1QQQ', 'CUSTODY.CUSTODIAN_INVALID', null], // a secret key is not a recipient
    ['', 'CUSTODY.CUSTODIAN_INVALID', null],
    ['=age1abc', 'CUSTODY.CUSTODIAN_INVALID', null],
    ['Robert; DROP TABLE', 'CUSTODY.CUSTODIAN_INVALID', null],
  ])('%j → %s', (text, code, enrolment) => {
    const r = parseEnrolment(text);
    expect(codeOf(r)).toBe(code);
    if (r.ok) expect(r.value).toEqual(enrolment);
  });
});

describe('checkEnrolments', () => {
  const plan = { custodians: 3, threshold: 2 };
  const e = (username: string, recipient: string | null = null) => ({ username, recipient });
  it.each([
    ['three distinct', [e('fg'), e('beveiliging'), e('secretaris', 'age1k')], 'ok'],
    ['two of three named', [e('fg'), e('beveiliging')], 'CUSTODY.INVALID_PLAN'],
    ['four of three named', [e('a1'), e('b1'), e('c1'), e('d1')], 'CUSTODY.INVALID_PLAN'],
    ['one person twice', [e('fg'), e('fg', 'age1k'), e('secretaris')], 'CUSTODY.CUSTODIAN_INVALID'],
    ['one key for two people', [e('fg', 'age1k'), e('bv', 'age1k'), e('sec')], 'CUSTODY.CUSTODIAN_INVALID'],
  ])('%s → %s', (_name, list, code) => {
    expect(codeOf(checkEnrolments(plan, list))).toBe(code);
  });
});

describe('checkPassphrase', () => {
  it.each([
    ['twelve chars', 'abcdefghijkl', 'ok'],
    ['a sentence', 'paarse olifant danst op het stadhuis', 'ok'],
    ['eleven', 'abcdefghijk', 'CUSTODY.WEAK_PASSPHRASE'],
    ['empty', '', 'CUSTODY.WEAK_PASSPHRASE'],
    ['only spaces', ' '.repeat(20), 'CUSTODY.WEAK_PASSPHRASE'],
    ['twelve emoji count as twelve', '🔑'.repeat(12), 'ok'],
    ['too long', 'x'.repeat(1001), 'CUSTODY.WEAK_PASSPHRASE'],
  ])('%s → %s', (_name, p, code) => {
    expect(codeOf(checkPassphrase(p))).toBe(code);
  });
});

describe('selectShares: which shares combine', () => {
  const info = (index: number, over: Partial<ShareInfo> = {}): { info: ShareInfo } => ({
    info: {
      vault: 'age1vault',
      generation: 2,
      threshold: 2,
      shares: 3,
      index,
      custodianId: `u${index}`,
      custodian: `user${index}`,
      ...over,
    },
  });
  const current = { vault: 'age1vault', generation: 2, threshold: 2, shares: 3 };
  it.each([
    ['k of n, current set', [info(3), info(1)], { current }, 'ok', [1, 3]],
    ['all n: the first k by index', [info(3), info(2), info(1)], { current }, 'ok', [1, 2]],
    ['offline (no database): any one set', [info(1), info(2)], {}, 'ok', [1, 2]],
    ['k-1 shares', [info(1)], { current }, 'CUSTODY.NOT_ENOUGH_SHARES', null],
    ['no shares', [], { current }, 'CUSTODY.NOT_ENOUGH_SHARES', null],
    ['the same share twice', [info(1), info(1)], { current }, 'CUSTODY.DUPLICATE_SHARE', null],
    ['different generations', [info(1), info(2, { generation: 1 })], {}, 'CUSTODY.MIXED_SHARES', null],
    ['different thresholds', [info(1), info(2, { threshold: 3 })], {}, 'CUSTODY.MIXED_SHARES', null],
    [
      'an old generation, consistent but replaced',
      [info(1, { generation: 1 }), info(2, { generation: 1 })],
      { current },
      'CUSTODY.STALE_SHARE',
      null,
    ],
    [
      'a generation newer than the database knows',
      [info(1, { generation: 3 }), info(2, { generation: 3 })],
      { current },
      'CUSTODY.STALE_SHARE',
      null,
    ],
    ['another vault', [info(1), info(2, { vault: 'age1other' })], { current }, 'CUSTODY.WRONG_VAULT', null],
  ])('%s → %s', (_name, given, expect_, code, indices) => {
    const r = selectShares(given, { vault: 'age1vault', ...expect_ });
    expect(codeOf(r)).toBe(code);
    if (r.ok) expect(r.value.map((s) => s.info.index)).toEqual(indices);
  });
});

describe('share sets and re-sharing', () => {
  it('a first split is generation 1; a re-share the next', () => {
    const plan = { custodians: 4, threshold: 3 };
    expect(nextShareSet('age1v', plan, undefined)).toEqual({
      vault: 'age1v',
      generation: 1,
      threshold: 3,
      shares: 4,
    });
    expect(
      nextShareSet('age1v', plan, { vault: 'age1v', generation: 7, threshold: 2, shares: 3 }).generation,
    ).toBe(8);
  });

  it.each([
    [
      'one leaves, one joins',
      ['a', 'b', 'c'],
      ['a', 'c', 'd'],
      { stay: ['a', 'c'], leave: ['b'], join: ['d'] },
    ],
    ['same set', ['a', 'b'], ['b', 'a'], { stay: ['b', 'a'], leave: [], join: [] }],
    ['one leaves', ['a', 'b', 'c'], ['a', 'b'], { stay: ['a', 'b'], leave: ['c'], join: [] }],
  ])('%s', (_name, before, after, changes) => {
    expect(custodianChanges(before, after)).toEqual(changes);
  });
});
