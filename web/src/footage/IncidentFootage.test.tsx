import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../src/core/auth/roles.js';
import type { Clip } from '../api.js';
import { StartPage } from '../pages/StartPage.js';
import { custodianUser, requesterUser, viewingRequest } from '../test/footage-fixtures.js';
import { nl, REGISTRY_ANSWERS, renderPage, reply, serveApi, type Answers } from '../test/harness.js';
import { IncidentFootage } from './IncidentFootage.js';

const f = nl.footage;

const clip = (over: Partial<Clip>): Clip => ({
  id: 'clip-1',
  cameraId: 'cam-1',
  roomId: 'r-1',
  siteId: 's-1',
  alarmId: 'al-1',
  incidentId: 'inc-1',
  alarmIds: ['al-1'],
  incidentIds: ['inc-1'],
  conversationId: null,
  mode: 'incident',
  policySeq: 1,
  policyCompiledAt: null,
  policyHash: null,
  assessmentIds: [],
  status: 'sealed',
  startedAt: '2026-03-02T09:04:30.000Z',
  endedAt: '2026-03-02T09:06:00.000Z',
  durationSeconds: 90,
  bytes: 1000,
  sealedBytes: 1100,
  parts: 1,
  keyframeIntervalSeconds: 2,
  preRollSeconds: 30,
  endReason: null,
  codec: 'h264',
  width: 640,
  height: 360,
  manifestDigest: null,
  retentionHours: 672,
  retentionUntil: '2026-03-30T09:06:00.000Z',
  errorCode: null,
  createdAt: '2026-03-02T09:04:30.000Z',
  sealedAt: '2026-03-02T09:06:05.000Z',
  deletedAt: null,
  deletedReason: null,
  held: false,
  heldUntil: null,
  ...over,
});

const FOOTAGE = 'GET /api/recording/incidents/inc-1/footage';
const HISTORY = 'GET /api/footage/history?incidentId=inc-1';
const SECURITY: Permission[] = ['incidents:read', 'footage:records', 'footage:request'];

const page = (answers: Answers, permissions: Permission[] = SECURITY) => {
  const sent = serveApi({
    ...REGISTRY_ANSWERS,
    [FOOTAGE]: {
      notes: [],
      clips: [clip({}), clip({ id: 'clip-2', status: 'failed', startedAt: '2026-03-02T09:10:00.000Z' })],
    },
    [HISTORY]: [],
    'GET /api/recording/clips/clip-1/holds': { maxDays: 365, held: false, heldUntil: null, holds: [] },
    'GET /api/recording/clips/clip-2/holds': { maxDays: 365, held: false, heldUntil: null, holds: [] },
    ...answers,
  });
  renderPage(<IncidentFootage incidentId="inc-1" />, { permissions, user: requesterUser });
  return sent;
};

describe('IncidentFootage (the incident page’s footage)', () => {
  it('offers "Inzage aanvragen" for a sealed clip only, named after the clip', async () => {
    page({});
    const table = await screen.findByRole('table', { name: f.clipsCaption });
    const buttons = within(table).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Inzage aanvragen: opname van /),
    ]);
    expect(within(table).getByText(f.clipStatuses.failed!)).toBeTruthy();
    expect(await screen.findByText(f.historyEmpty)).toBeTruthy();
  });

  it('a request made here confirms with a link to it, takes focus there and reloads the history', async () => {
    const sent = page({ 'POST /api/footage/requests': reply(201, viewingRequest()) });
    await userEvent.click(await screen.findByRole('button', { name: /^Inzage aanvragen: opname van / }));
    await userEvent.type(screen.getByLabelText(new RegExp(`^${f.reason}`)), 'Onderzoek naar de bedreiging');
    await userEvent.click(screen.getByRole('radio', { name: f.grounds['own-investigation'].label }));
    await userEvent.click(screen.getByRole('button', { name: f.submitRequest }));

    const link = await screen.findByRole('link', { name: f.detailTitle });
    expect(link.getAttribute('href')).toBe('/footage/requests/vr-1');
    expect(document.activeElement?.contains(link)).toBe(true);
    expect(screen.queryByRole('button', { name: f.submitRequest })).toBeNull();
    expect(sent.filter((s) => s.path === '/api/footage/history?incidentId=inc-1').length).toBe(2);
  });

  it('cancelling the request form puts focus back on its button', async () => {
    page({});
    const open = await screen.findByRole('button', { name: /^Inzage aanvragen: opname van / });
    await userEvent.click(open);
    await userEvent.click(screen.getByRole('button', { name: nl.cancel }));
    expect(document.activeElement).toBe(open);
  });

  it('without footage:request there is no request button, and without footage:records no history', async () => {
    const sent = page({}, ['incidents:read']);
    await screen.findByRole('table', { name: f.clipsCaption });
    expect(screen.queryByRole('button', { name: /^Inzage aanvragen/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: f.historyTitle })).toBeNull();
    expect(sent.some((s) => s.path.startsWith('/api/footage/history'))).toBe(false);
  });
});

describe('StartPage for a custodian', () => {
  it('links each request awaiting their approval to the request (the server lists only a custodian’s)', async () => {
    serveApi({
      ...REGISTRY_ANSWERS,
      'GET /api/me/todo': {
        items: [
          {
            kind: 'approve-viewing',
            id: 'vr-1',
            title: null,
            roomId: 'r-1',
            incidentId: 'inc-1',
            person: 'Sanne de Vries',
            at: '2026-03-02T09:30:00.000Z',
            overdue: false,
          },
        ],
      },
    });
    renderPage(<StartPage />, { permissions: ['footage:approve', 'footage:records'], user: custodianUser });
    const link = await screen.findByRole('link', { name: nl.todo['approve-viewing'].link('Sanne de Vries') });
    expect(link.getAttribute('href')).toBe('/footage/requests/vr-1');
    expect(screen.getByRole('heading', { name: nl.todo.groups['approve-viewing'](1) })).toBeTruthy();
  });
});

describe('IncidentFootage holds', () => {
  it('shows each kept clip’s legal holds, with the forms only for who may place one', async () => {
    page({}, [...SECURITY, 'footage:hold']);
    const sections = await screen.findAllByRole('region', { name: new RegExp(`^${nl.holds.title} — `) });
    expect(sections).toHaveLength(2);
    expect(await within(sections[0]!).findByText(new RegExp(nl.holds.notHeld))).toBeTruthy();
    expect(within(sections[0]!).getByRole('button', { name: nl.holds.place })).toBeTruthy();
  });

  it('an auditor sees the holds but no form to place one', async () => {
    page({}, ['incidents:read', 'footage:records']);
    const sections = await screen.findAllByRole('region', { name: new RegExp(`^${nl.holds.title} — `) });
    await within(sections[0]!).findByText(new RegExp(nl.holds.notHeld));
    expect(within(sections[0]!).queryByRole('button', { name: nl.holds.place })).toBeNull();
  });
});
