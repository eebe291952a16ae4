import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  clipActionFits,
  clipMatchesRequest,
  contactDue,
  nextStatus,
  planClose,
  planDecision,
  planExtension,
  validateNewRequest,
  type NewRequestInput,
  type SubjectRequest,
} from './request.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const input: NewRequestInput = {
  kind: 'access',
  channel: 'desk',
  receivedAt: '2026-03-09T23:30:00Z', // 10 March in Amsterdam
  roomId: 'room-1',
  windowFrom: '2026-03-02T09:00:00+01:00',
  windowTo: '2026-03-02T11:00:00+01:00',
  recognition: 'rode jas, zat links',
  requesterName: 'J. Jansen',
  requesterContact: 'Dorpsstraat 1, Lindewaard',
  identityMethod: 'document-shown',
  identityNote: 'rijbewijs getoond aan de balie, niet gekopieerd',
};

const base = (over: Partial<SubjectRequest> = {}): SubjectRequest => {
  const v = validateNewRequest(input, NOW);
  if (!v.ok) throw new Error(v.error.message);
  return {
    ...v.value,
    id: 'r1',
    siteId: 'site-1',
    status: 'received',
    decision: null,
    decisionReasons: null,
    decidedOn: null,
    extensionNotifiedOn: null,
    extensionReasons: null,
    answeredOn: null,
    closedAt: null,
    closeReason: null,
    contactErasedAt: null,
    createdBy: 'u1',
    createdAt: NOW.toISOString(),
    ...over,
  };
};

describe('validateNewRequest', () => {
  it('reads the day of receipt in Europe/Amsterdam and normalises times to UTC', () => {
    const v = validateNewRequest(input, NOW);
    expect(v.ok && v.value).toMatchObject({
      receivedOn: '2026-03-10',
      windowFrom: '2026-03-02T08:00:00.000Z',
      windowTo: '2026-03-02T10:00:00.000Z',
      language: 'nl',
      roomId: 'room-1',
      siteId: null,
    });
  });

  it.each([
    [{ kind: 'deletion' }, 'kind'],
    [{ channel: 'fax' }, 'channel'],
    [{ receivedAt: '10-03-2026' }, 'receivedAt'],
    [{ receivedAt: '2026-03-11T12:00:00Z' }, 'receivedAt'],
    [{ windowTo: '2026-03-02T08:00:00+01:00' }, 'windowTo'],
    [{ windowFrom: '2026-01-01T00:00:00Z' }, 'windowTo'],
    [{ windowFrom: '2026-03-10T00:00:00Z', windowTo: '2026-03-10T01:00:00Z' }, 'windowFrom'],
    [{ roomId: null }, 'roomId'],
    [{ identityMethod: 'copy-of-passport' }, 'identityMethod'],
    [{ identityNote: 'paspoort NW1234567 getoond' }, 'identityNote'],
    [{ identityNote: 'BSN 123 456 789' }, 'identityNote'],
    [{ requesterContact: '  ' }, 'requesterContact'],
    [{ recognition: 'x'.repeat(1001) }, 'recognition'],
    [{ language: 'de' }, 'language'],
  ] as const)('refuses %j (field %s)', (over, field) => {
    const v = validateNewRequest({ ...input, ...over }, NOW);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatchObject({ code: 'RIGHTS.INVALID', details: { field } });
  });
});

describe('the steps of a request', () => {
  it('received → in progress → decided → sent → closed, and nothing out of order', () => {
    expect(nextStatus('received', 'start')).toMatchObject({ ok: true, value: 'in-progress' });
    expect(nextStatus('in-progress', 'decide')).toMatchObject({ ok: true, value: 'decided' });
    expect(nextStatus('decided', 'send')).toMatchObject({ ok: true, value: 'sent' });
    expect(nextStatus('sent', 'close')).toMatchObject({ ok: true, value: 'closed' });
    expect(nextStatus('received', 'send')).toMatchObject({ ok: false, error: { code: 'RIGHTS.TRANSITION' } });
    expect(nextStatus('closed', 'start')).toMatchObject({ ok: false });
    expect(nextStatus('sent', 'decide')).toMatchObject({ ok: false });
    expect(nextStatus('received', 'clips')).toMatchObject({ ok: true, value: 'in-progress' });
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('decided')).toEqual(['send', 'close', 'clips']);
  });

  it('extends once, within the first month, with reasons (art. 12(3))', () => {
    const r = base();
    expect(planExtension(r, { reasons: 'veel opnamen te beoordelen' }, '2026-04-10')).toMatchObject({
      ok: true,
      value: { extensionNotifiedOn: '2026-04-10' },
    });
    expect(planExtension(r, { reasons: 'veel opnamen te beoordelen' }, '2026-04-11')).toMatchObject({
      ok: false,
      error: { code: 'RIGHTS.EXTENSION_LATE' },
    });
    expect(planExtension(r, { reasons: 'kort' }, '2026-03-20')).toMatchObject({
      ok: false,
      error: { code: 'RIGHTS.INVALID' },
    });
    expect(
      planExtension(
        base({ extensionNotifiedOn: '2026-03-15' }),
        { reasons: 'nogmaals verlengen' },
        '2026-03-20',
      ),
    ).toMatchObject({ ok: false, error: { code: 'RIGHTS.ALREADY_EXTENDED' } });
  });

  it('needs reasons for a partial grant or a refusal, not for a grant', () => {
    expect(planDecision(base(), { decision: 'granted' }, '2026-03-20')).toMatchObject({
      ok: true,
      value: { decision: 'granted', decisionReasons: null },
    });
    expect(planDecision(base(), { decision: 'refused', reasons: '' }, '2026-03-20')).toMatchObject({
      ok: false,
      error: { code: 'RIGHTS.INVALID', details: { field: 'reasons' } },
    });
    expect(planDecision(base(), { decision: 'maybe' }, '2026-03-20')).toMatchObject({ ok: false });
  });

  it('closes an open request only as withdrawn, with a reason', () => {
    expect(planClose(base(), {})).toMatchObject({ ok: false, error: { code: 'RIGHTS.INVALID' } });
    expect(planClose(base(), { reason: 'verzoek ingetrokken door bewoner' })).toMatchObject({ ok: true });
    expect(planClose(base({ status: 'sent' }), {})).toMatchObject({ ok: true, value: { closeReason: null } });
    expect(planClose(base({ status: 'closed' }), { reason: 'nogmaals sluiten' })).toMatchObject({
      ok: false,
    });
  });
});

describe('clips a request points to', () => {
  const r = base();
  const clip = (startedAt: string | null, endedAt: string | null, roomId = 'room-1') => ({
    roomId,
    siteId: 'site-1',
    startedAt,
    endedAt,
  });
  it('matches clips of the room that overlap the window, nothing else', () => {
    expect(clipMatchesRequest(clip('2026-03-02T07:55:00Z', '2026-03-02T08:05:00Z'), r)).toBe(true);
    expect(clipMatchesRequest(clip('2026-03-02T09:59:00Z', '2026-03-02T10:30:00Z'), r)).toBe(true);
    expect(clipMatchesRequest(clip('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z'), r)).toBe(false);
    expect(clipMatchesRequest(clip('2026-03-02T07:00:00Z', '2026-03-02T07:59:59Z'), r)).toBe(false);
    expect(clipMatchesRequest(clip('2026-03-02T08:30:00Z', '2026-03-02T08:40:00Z', 'room-2'), r)).toBe(false);
    expect(clipMatchesRequest(clip(null, null), r)).toBe(false);
    // Site only: any room of the site.
    expect(
      clipMatchesRequest(clip('2026-03-02T08:30:00Z', '2026-03-02T08:40:00Z', 'room-2'), {
        ...r,
        roomId: null,
      }),
    ).toBe(true);
  });

  it('erases for erasure and objection, restricts for all but access', () => {
    expect(clipActionFits('erasure', 'erase')).toBe(true);
    expect(clipActionFits('objection', 'erase')).toBe(true);
    expect(clipActionFits('restriction', 'erase')).toBe(false);
    expect(clipActionFits('access', 'erase')).toBe(false);
    expect(clipActionFits('restriction', 'restrict')).toBe(true);
    expect(clipActionFits('access', 'restrict')).toBe(false);
  });

  it('erases contact details once the retention after closing has passed', () => {
    const closed = { closedAt: '2026-01-01T00:00:00.000Z', contactErasedAt: null };
    expect(contactDue(closed, new Date('2026-07-03T00:00:00Z'), 183)).toBe(true);
    expect(contactDue(closed, new Date('2026-07-02T00:00:00Z'), 183)).toBe(false);
    expect(
      contactDue({ ...closed, contactErasedAt: '2026-07-03T00:00:00Z' }, new Date('2027-01-01'), 183),
    ).toBe(false);
    expect(contactDue({ closedAt: null, contactErasedAt: null }, new Date('2030-01-01'), 183)).toBe(false);
  });
});
