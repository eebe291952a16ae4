/**
 * One complaint or inquiry: the privacy officer's steps post what the form says (an inquiry's
 * postponement carries the AP's new date, and its refusal is worded next to that field); the
 * auditor sees the facts, links and timeline with names, and no action at all.
 */
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Complaint, ComplaintDetail } from '../api-types.js';
import { nl, renderPage, reply, REGISTRY_ANSWERS, serveApi, type Answers } from '../test/harness.js';
import { ComplaintDetailPage } from './ComplaintDetail.js';

const c = nl.complaints;
const d = c.detail;

const inquiry: Complaint = {
  id: 'cp-1',
  kind: 'regulator-inquiry',
  source: 'regulator',
  receivedAt: '2026-03-02T09:00:00.000Z',
  receivedOn: '2026-03-02',
  siteId: 's-1',
  fromName: 'Autoriteit Persoonsgegevens',
  fromContact: null,
  contactErasedAt: null,
  reference: 'z2026-00123',
  subject: 'Vragen over cameratoezicht',
  summary: null,
  regulatorDueOn: '2026-03-30',
  status: 'in-progress',
  extensionNotifiedOn: null,
  extensionReasons: null,
  outcome: null,
  outcomeExplanation: null,
  answeredOn: null,
  closedAt: null,
  createdBy: 'u-fg',
  createdAt: '2026-03-02T09:05:00.000Z',
  deadline: { status: 'open', dueOn: '2026-03-30', daysLeft: 20 },
  actions: ['extend', 'record', 'link', 'answer'],
};
const detail: ComplaintDetail = {
  complaint: inquiry,
  events: [
    {
      id: 'e1',
      complaintId: 'cp-1',
      at: '2026-03-02T09:05:00.000Z',
      by: 'u-fg',
      action: 'received',
      details: {},
    },
    {
      id: 'e2',
      complaintId: 'cp-1',
      at: '2026-03-03T10:00:00.000Z',
      by: 'u-fg',
      action: 'letter-sent',
      details: { type: 'letter-sent', text: 'Ontvangst bevestigd aan de AP' },
    },
  ],
  links: [
    {
      complaintId: 'cp-1',
      kind: 'room',
      targetId: 'r-1',
      linkedBy: 'u-fg',
      linkedAt: '2026-03-02T09:05:00.000Z',
      label: 'Spreekkamer 1',
    },
  ],
  people: { 'u-fg': 'Mr. Pieter Hoekstra (FG)' },
};
const GET = 'GET /api/complaints/cp-1';
const EXTEND = 'POST /api/complaints/cp-1/extend';

const open = (permissions: string[], answers: Answers = {}) => {
  const sent = serveApi({ ...REGISTRY_ANSWERS, [GET]: detail, ...answers });
  renderPage(<ComplaintDetailPage id="cp-1" />, { permissions: permissions as never });
  return { posted: () => sent.filter((s) => s.method === 'POST') };
};

describe('ComplaintDetailPage', () => {
  it('the auditor reads facts, links and the timeline with names, and has no action', async () => {
    open(['complaints:read']);
    await screen.findByRole('heading', {
      level: 1,
      name: d.title(c.kinds['regulator-inquiry']!, inquiry.subject),
    });
    const timeline = screen.getByRole('table', { name: d.timelineCaption });
    expect(within(timeline).getAllByText('Mr. Pieter Hoekstra (FG)')).toHaveLength(2);
    expect(
      within(timeline).getByText(`${c.entryTypes['letter-sent']}: Ontvangst bevestigd aan de AP`),
    ).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${c.linkKinds.room}: Stadhuis`))).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it("postponing an inquiry sends the AP's new date, and a refusal is worded next to it", async () => {
    const { posted } = open(['complaints:read', 'complaints:manage'], {
      [EXTEND]: reply(422, {
        type: 'urn:proportio:error:complaint.invalid',
        title: 'Unprocessable',
        status: 422,
        code: 'COMPLAINT.INVALID',
        detail: 'the new deadline must be later than the current one',
        errors: [
          {
            field: 'regulatorDueOn',
            message: 'the new deadline must be later than the current one',
            rule: 'not-later',
          },
        ],
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: d.extend }));
    // Both fields are required here before anything is sent.
    await userEvent.click(screen.getByRole('button', { name: d.extendSubmit }));
    expect(posted()).toEqual([]);
    await userEvent.type(screen.getByLabelText(new RegExp(`^${d.extendDue}`)), '2026-03-20');
    await userEvent.type(
      screen.getByLabelText(new RegExp(`^${d.extendReasons}`)),
      'De AP gaf ons twee weken extra.',
    );
    await userEvent.click(screen.getByRole('button', { name: d.extendSubmit }));
    await screen.findAllByText(c.errors.dueLater, { exact: false });
    expect(posted()).toEqual([
      {
        method: 'POST',
        path: '/api/complaints/cp-1/extend',
        body: { reasons: 'De AP gaf ons twee weken extra.', regulatorDueOn: '2026-03-20' },
      },
    ]);
    expect(screen.getByLabelText(new RegExp(`^${d.extendDue}`)).getAttribute('aria-invalid')).toBe('true');
  });
});
