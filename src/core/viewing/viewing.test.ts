import { describe, expect, it } from 'vitest';
import {
  APPROVAL_LAPSE_MS,
  approvalsComplete,
  attemptsBlocked,
  grantEnd,
  grantTerms,
  liveApprovals,
  mayApprove,
  mayPlay,
  shareFits,
  transition,
  validateRequest,
  type RequestInput,
  type RequestState,
} from './viewing.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const REASON = 'Onderzoek naar het incident van dinsdag';

describe('validateRequest', () => {
  it.each<[string, RequestInput, string]>([
    [
      'view for an own investigation',
      { reason: REASON, legalGround: 'own-investigation', purposes: ['view'] },
      'ok',
    ],
    [
      'reason too short',
      { reason: 'kort', legalGround: 'complaint', purposes: ['view'] },
      'FOOTAGE.REASON_INVALID',
    ],
    [
      'reason only spaces',
      { reason: ' '.repeat(20), legalGround: 'complaint', purposes: ['view'] },
      'FOOTAGE.REASON_INVALID',
    ],
    [
      'reason too long',
      { reason: 'x'.repeat(2001), legalGround: 'complaint', purposes: ['view'] },
      'FOOTAGE.REASON_INVALID',
    ],
    [
      'reason of exactly 2000',
      { reason: 'x'.repeat(2000), legalGround: 'complaint', purposes: ['view'] },
      'ok',
    ],
    [
      'police report without number',
      { reason: REASON, legalGround: 'police-report', purposes: ['view'] },
      'FOOTAGE.POLICE_REPORT_REQUIRED',
    ],
    [
      'police report with blank number',
      { reason: REASON, legalGround: 'police-report', purposes: ['view'], policeReport: '  ' },
      'FOOTAGE.POLICE_REPORT_REQUIRED',
    ],
    [
      'police report with number, export',
      {
        reason: REASON,
        legalGround: 'police-report',
        purposes: ['view', 'export'],
        policeReport: 'PL0900-2026-1',
      },
      'ok',
    ],
    [
      'export for a complaint',
      { reason: REASON, legalGround: 'complaint', purposes: ['export'] },
      'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT',
    ],
    [
      'export for subject access',
      { reason: REASON, legalGround: 'subject-access', purposes: ['view', 'export'] },
      'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT',
    ],
    ['no purpose', { reason: REASON, legalGround: 'complaint', purposes: [] }, 'FOOTAGE.REASON_INVALID'],
  ])('%s', (_name, input, expected) => {
    expect(code(validateRequest(input))).toBe(expected);
  });

  it('trims the reason and keeps purposes in canonical order, once each', () => {
    const r = validateRequest({
      reason: `  ${REASON}  `,
      legalGround: 'police-report',
      purposes: ['export', 'view', 'export'],
      policeReport: ' PL1 ',
    });
    expect(r.ok && r.value).toEqual({
      reason: REASON,
      legalGround: 'police-report',
      purposes: ['view', 'export'],
      policeReport: 'PL1',
    });
  });
});

describe('transition', () => {
  it.each<[RequestState, Parameters<typeof transition>[1], string]>([
    ['pending', 'approve', 'pending'],
    ['pending', 'grant', 'granted'],
    ['pending', 'refuse', 'refused'],
    ['pending', 'revoke', 'revoked'],
    ['granted', 'revoke', 'revoked'],
    ['granted', 'end', 'ended'],
    ['pending', 'end', 'FOOTAGE.REQUEST_CLOSED'],
    ['granted', 'approve', 'FOOTAGE.REQUEST_CLOSED'],
    ['granted', 'refuse', 'FOOTAGE.REQUEST_CLOSED'],
    ['refused', 'approve', 'FOOTAGE.REQUEST_CLOSED'],
    ['refused', 'revoke', 'FOOTAGE.REQUEST_CLOSED'],
    ['revoked', 'grant', 'FOOTAGE.REQUEST_CLOSED'],
    ['ended', 'revoke', 'FOOTAGE.REQUEST_CLOSED'],
  ])('%s + %s → %s', (from, event, expected) => {
    const r = transition(from, event);
    expect(r.ok ? r.value : r.error.code).toBe(expected);
  });
});

describe('mayApprove', () => {
  const req = { state: 'pending' as RequestState, requesterId: 'req' };
  const custodian = (id: string) => ({ id, custodian: true, holdsShare: true });
  it.each<
    [string, Parameters<typeof mayApprove>[1], { custodianId: string; at: number }[], RequestState, string]
  >([
    ['a custodian first', custodian('a'), [], 'pending', 'ok'],
    [
      'not a custodian',
      { id: 'x', custodian: false, holdsShare: false },
      [],
      'pending',
      'FOOTAGE.NOT_CUSTODIAN',
    ],
    [
      'flag without a share in force',
      { id: 'x', custodian: true, holdsShare: false },
      [],
      'pending',
      'FOOTAGE.NOT_CUSTODIAN',
    ],
    ['twice', custodian('a'), [{ custodianId: 'a', at: 0 }], 'pending', 'FOOTAGE.ALREADY_APPROVED'],
    ['the requester first', custodian('req'), [], 'pending', 'FOOTAGE.OWN_REQUEST_NEEDS_OTHER'],
    ['the requester after another', custodian('req'), [{ custodianId: 'a', at: 0 }], 'pending', 'ok'],
    ['a closed request', custodian('a'), [], 'refused', 'FOOTAGE.REQUEST_CLOSED'],
    ['a granted request', custodian('a'), [], 'granted', 'FOOTAGE.REQUEST_CLOSED'],
  ])('%s', (_n, approver, live, state, expected) => {
    expect(code(mayApprove({ ...req, state }, approver, live))).toBe(expected);
  });
});

describe('approvalsComplete and liveApprovals', () => {
  it.each<[string[], number, boolean]>([
    [['a'], 2, false],
    [['a', 'b'], 2, true],
    [['a', 'a'], 2, false],
    [['req', 'a'], 2, true],
    [['a', 'b'], 3, false],
    [['a', 'b', 'c'], 3, true],
  ])('%j of %i', (ids, k, expected) => {
    expect(
      approvalsComplete(
        ids.map((custodianId) => ({ custodianId, at: 0 })),
        k,
        'req',
      ),
    ).toBe(expected);
  });

  it('an approval lapses after 30 minutes or when its share is gone', () => {
    const a = [
      { custodianId: 'a', at: 0 },
      { custodianId: 'b', at: 10 },
      { custodianId: 'c', at: 10 },
    ];
    expect(liveApprovals(a, APPROVAL_LAPSE_MS - 1, () => true).map((x) => x.custodianId)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(liveApprovals(a, APPROVAL_LAPSE_MS, () => true).map((x) => x.custodianId)).toEqual(['b', 'c']);
    expect(liveApprovals(a, 20, (id) => id !== 'c').map((x) => x.custodianId)).toEqual(['a', 'b']);
  });
});

describe('grants', () => {
  it('defaults: one hour, five plays, export only when asked', () => {
    expect(grantTerms(1000, ['view'])).toEqual({
      grantedAt: 1000,
      expiresAt: 1000 + 3_600_000,
      plays: 5,
      exportAllowed: false,
    });
    expect(grantTerms(0, ['view', 'export'], { minutes: 10, plays: 2 })).toEqual({
      grantedAt: 0,
      expiresAt: 600_000,
      plays: 2,
      exportAllowed: true,
    });
  });

  it.each<[string, { expiresAt: number; playsLeft: number }, number, boolean, boolean, string | null]>([
    ['running', { expiresAt: 100, playsLeft: 1 }, 99, true, false, null],
    ['expired', { expiresAt: 100, playsLeft: 1 }, 100, true, false, 'expired'],
    ['used up', { expiresAt: 100, playsLeft: 0 }, 50, true, false, 'plays-used'],
    ['used up, last play running', { expiresAt: 100, playsLeft: 0 }, 50, true, true, null],
    ['keys lost', { expiresAt: 100, playsLeft: 3 }, 50, false, false, 'restart'],
  ])('grantEnd: %s', (_n, g, now, held, playing, expected) => {
    expect(grantEnd(g, now, held, playing)).toBe(expected);
  });

  it.each<[string, string, number, number, boolean, RequestState, string]>([
    ['the requester', 'req', 10, 3, true, 'granted', 'ok'],
    ['someone else', 'cust', 10, 3, true, 'granted', 'FOOTAGE.NOT_REQUESTER'],
    ['expired', 'req', 100, 3, true, 'granted', 'FOOTAGE.GRANT_ENDED'],
    ['no plays left', 'req', 10, 0, true, 'granted', 'FOOTAGE.GRANT_ENDED'],
    ['keys gone', 'req', 10, 3, false, 'granted', 'FOOTAGE.GRANT_ENDED'],
    ['revoked', 'req', 10, 3, true, 'revoked', 'FOOTAGE.GRANT_ENDED'],
  ])('mayPlay: %s', (_n, who, now, playsLeft, held, state, expected) => {
    expect(code(mayPlay({ requesterId: 'req', expiresAt: 100, playsLeft, state }, who, now, held))).toBe(
      expected,
    );
  });
});

describe('attempts and shares', () => {
  it('five wrong passphrases in 15 minutes block; older ones do not count', () => {
    const m = 60_000;
    expect(
      attemptsBlocked(
        [1, 2, 3, 4].map((x) => x * m),
        5 * m,
      ),
    ).toBe(false);
    expect(
      attemptsBlocked(
        [1, 2, 3, 4, 5].map((x) => x * m),
        5 * m,
      ),
    ).toBe(true);
    expect(
      attemptsBlocked(
        [1, 2, 3, 4, 5].map((x) => x * m),
        16 * m,
      ),
    ).toBe(false);
  });

  it.each<[string, { vault: string; generation: number; custodianId: string }, string]>([
    ['own share in force', { vault: 'age1v', generation: 2, custodianId: 'a' }, 'ok'],
    ['other vault', { vault: 'age1w', generation: 2, custodianId: 'a' }, 'FOOTAGE.SHARE_MISMATCH'],
    ['retired set', { vault: 'age1v', generation: 1, custodianId: 'a' }, 'FOOTAGE.SHARE_MISMATCH'],
    ["someone else's", { vault: 'age1v', generation: 2, custodianId: 'b' }, 'FOOTAGE.SHARE_MISMATCH'],
  ])('shareFits: %s', (_n, info, expected) => {
    expect(code(shareFits(info, { vault: 'age1v', generation: 2, custodianId: 'a' }))).toBe(expected);
  });
});
