import { describe, expect, it } from 'vitest';
import { todoFor, type TodoCandidates, type TodoPerson } from './todo.js';

const NOW = new Date('2027-03-10T12:00:00Z');
const person = (roles: TodoPerson['roles'], siteIds: string[] = [], custodian = false): TodoPerson => ({
  roles,
  siteIds,
  custodian,
});
const candidates: TodoCandidates = {
  assessments: [
    {
      id: 'a-submitted',
      title: 'Camera spreekkamer A',
      status: 'submitted',
      advised: false,
      submittedAt: '2027-03-01T09:00:00Z',
      createdAt: '2027-02-01T09:00:00Z',
      approved: null,
    },
    {
      id: 'a-review',
      title: 'Alarmknop balie',
      status: 'approved',
      advised: true,
      submittedAt: '2026-03-01T09:00:00Z',
      createdAt: '2026-02-01T09:00:00Z',
      approved: { reviewDate: '2027-03-01', validUntil: '2027-03-20T00:00:00Z' },
    },
    {
      id: 'a-later',
      title: 'Later',
      status: 'approved',
      advised: true,
      submittedAt: null,
      createdAt: '2026-02-01T09:00:00Z',
      approved: { reviewDate: '2028-01-01', validUntil: '2028-06-01T00:00:00Z' },
    },
  ],
  unreported: [
    {
      id: 'i-brink',
      siteId: 'brink',
      roomId: 'r1',
      incidentId: 'i-brink',
      occurredAt: '2027-03-09T10:00:00Z',
    },
    { id: 'i-stad', siteId: 'stad', roomId: 'r2', incidentId: 'i-stad', occurredAt: '2027-03-08T10:00:00Z' },
  ],
  awaitingMe: [
    {
      id: 'v1',
      siteId: 'stad',
      roomId: 'r2',
      incidentId: 'i-stad',
      requestedAt: '2027-03-10T08:00:00Z',
      requester: 'Sanne',
    },
  ],
  holds: [
    { id: 'h-soon', siteId: 'brink', roomId: 'r1', incidentId: 'i-brink', until: '2027-03-12T00:00:00Z' },
    { id: 'h-far', siteId: 'brink', roomId: 'r1', incidentId: 'i-brink', until: '2027-05-01T00:00:00Z' },
    { id: 'h-past', siteId: 'brink', roomId: 'r1', incidentId: 'i-brink', until: '2027-03-01T00:00:00Z' },
  ],
  subjectRequests: [
    { id: 's-late', siteId: 'brink', roomId: 'r1', dueOn: '2027-03-05', deadline: 'overdue' },
    { id: 's-soon', siteId: 'stad', roomId: null, dueOn: '2027-03-15', deadline: 'due-soon' },
    { id: 's-open', siteId: 'stad', roomId: 'r2', dueOn: '2027-04-09', deadline: 'open' },
  ],
};
const kinds = (p: TodoPerson) => todoFor(p, candidates, NOW).map((i) => `${i.kind}:${i.id}`);

describe('todoFor', () => {
  it('gives the decision maker what awaits a decision, and reviews and expiries, overdue first', () => {
    expect(kinds(person(['decision-maker']))).toEqual([
      'review:a-review',
      'decide:a-submitted',
      'expires:a-review',
    ]);
    expect(todoFor(person(['decision-maker']), candidates, NOW)[0]?.overdue).toBe(true);
  });

  it('gives the DPO the versions without advice, and no decisions', () => {
    const k = kinds(person(['dpo']));
    expect(k).toContain('advise:a-submitted');
    expect(k).not.toContain('decide:a-submitted');
    expect(k).toContain('hold-lapses:h-soon');
    expect(k).not.toContain('hold-lapses:h-far');
    expect(k).not.toContain('hold-lapses:h-past');
  });

  it("limits incident reports, viewing requests and holds to the person's sites", () => {
    const brink = kinds(person(['security'], ['brink'], true)).filter((k) => !k.includes(':a-'));
    expect(brink).toEqual(['report:i-brink', 'hold-lapses:h-soon']);
    expect(kinds(person(['security'], [], true))).toContain('approve-viewing:v1');
  });

  it('asks only custodians to approve, and nothing of the front desk but their reports', () => {
    expect(kinds(person(['security'], []))).not.toContain('approve-viewing:v1');
    expect(kinds(person(['front-desk']))).toEqual(['report:i-stad', 'report:i-brink']);
    expect(kinds(person(['auditor']))).toEqual([]);
  });

  it('gives the DPO the complaints due soon or overdue of their sites, and nobody else', () => {
    const withComplaints: TodoCandidates = {
      ...candidates,
      complaints: [
        { id: 'k-org', siteId: null, subject: 'Vraag AP', dueOn: '2027-03-12', overdue: false },
        { id: 'k-stad', siteId: 'stad', subject: 'Bord', dueOn: '2027-03-01', overdue: true },
      ],
    };
    const of = (p: TodoPerson) =>
      todoFor(p, withComplaints, NOW)
        .filter((i) => i.kind === 'answer-complaint')
        .map((i) => i.id);
    expect(of(person(['dpo']))).toEqual(['k-stad', 'k-org']);
    const dpo = todoFor(person(['dpo']), withComplaints, NOW);
    expect(dpo.find((i) => i.id === 'k-stad')).toMatchObject({ overdue: true, title: 'Bord' });
    // Overdue ones come before what is merely near.
    expect(dpo.findIndex((i) => i.id === 'k-stad')).toBeLessThan(dpo.findIndex((i) => i.id === 'k-org'));
    expect(of(person(['dpo'], ['brink']))).toEqual([]);
    expect(of(person(['dpo'], ['stad']))).toEqual(['k-stad']);
    expect(of(person(['auditor']))).toEqual([]);
    expect(of(person(['decision-maker']))).toEqual([]);
  });

  it("gives the DPO residents' requests due soon and overdue, overdue first, limited to their sites", () => {
    const all = todoFor(person(['dpo']), candidates, NOW).filter((i) => i.kind === 'answer-request');
    expect(all.map((i) => [i.id, i.at, i.overdue])).toEqual([
      ['s-late', '2027-03-05', true],
      ['s-soon', '2027-03-15', false],
    ]);
    // Among the overdue (with the review of 1 March), ahead of everything not overdue.
    expect(kinds(person(['dpo'])).slice(0, 2)).toEqual(['review:a-review', 'answer-request:s-late']);
    expect(kinds(person(['dpo'], ['stad'])).filter((k) => k.startsWith('answer-request'))).toEqual([
      'answer-request:s-soon',
    ]);
    // The auditor reads the register but answers nothing; nobody else sees it.
    for (const role of ['auditor', 'security', 'admin', 'front-desk', 'decision-maker'] as const)
      expect(kinds(person([role])).filter((k) => k.startsWith('answer-request'))).toEqual([]);
  });
});
