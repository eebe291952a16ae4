import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../api.js';
import { REGISTRY_ANSWERS, nl, renderPage, serveApi } from '../test/harness.js';
import { IncidentsPage, filterOfSearch, registerHref } from './IncidentsPage.js';

const incident = (over: Partial<IncidentSummary> = {}): IncidentSummary => ({
  id: 'inc-1',
  siteId: 's-1',
  roomId: 'r-1',
  conversationTypeId: null,
  occurredAt: '2026-03-02T09:05:00.000Z',
  source: 'alarm',
  kind: null,
  severity: null,
  injury: false,
  policeReport: false,
  policeReference: null,
  followUp: null,
  reportedBy: null,
  reportedAt: null,
  createdAt: '2026-03-02T09:05:00.000Z',
  alarmId: 'al-1',
  conversationId: null,
  raisedBy: 'u-2',
  respondedAt: null,
  responseMs: null,
  hasNarrative: false,
  ...over,
});

describe('the incident register', () => {
  it('reads its filter from the address and asks the server for that page', async () => {
    const sent = serveApi({
      ...REGISTRY_ANSWERS,
      'GET /api/incidents/register?status=unreported&q=stoel&limit=25&offset=25': {
        items: [incident()],
        total: 26,
        limit: 25,
        offset: 25,
      },
    });
    renderPage(<IncidentsPage />, {
      permissions: ['incidents:read', 'incidents:report'],
      path: '/incidents',
      search: '?status=unreported&q=stoel&page=2',
    });
    expect(await screen.findByText('26 incidenten gevonden.')).toBeTruthy();
    expect(sent.map((s) => s.path)).toContain(
      '/api/incidents/register?status=unreported&q=stoel&limit=25&offset=25',
    );
    // "nog invullen" opens the form that completes that report.
    const fill = screen.getByRole('link', { name: /^Nog invullen: melding van Stadhuis — Spreekkamer 1/ });
    expect(fill.getAttribute('href')).toBe('/incidents/report?incident=inc-1');
    expect(screen.getByText(nl.register.page(2, 2))).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(new RegExp(`^${nl.register.search}`)).value).toBe('stoel');
  });

  it('puts the chosen filter in the address, from the first page', async () => {
    serveApi({
      ...REGISTRY_ANSWERS,
      'GET /api/incidents/register?limit=25': { items: [], total: 0, limit: 25, offset: 0 },
    });
    const went: string[] = [];
    renderPage(<IncidentsPage />, {
      permissions: ['incidents:read'],
      path: '/incidents',
      navigate: (p) => went.push(p),
    });
    expect(await screen.findByText(nl.incidents.empty)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(`^${nl.register.status}`)), 'unreported');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(`^${nl.incidents.kind}`)), 'damage');
    await userEvent.click(screen.getByRole('button', { name: nl.incidents.apply }));
    expect(went).toEqual(['/incidents?kind=damage&status=unreported']);
  });

  it('leaves out what it does not understand in an address', () => {
    expect(filterOfSearch('?kind=fire&severity=9&status=open&police=maybe&from=gisteren&page=-3')).toEqual(
      filterOfSearch(''),
    );
    const f = filterOfSearch('?site=s-1&police=false&from=2026-03-01&page=3');
    expect(registerHref(f)).toBe('/incidents?site=s-1&police=false&from=2026-03-01&page=3');
  });
});
