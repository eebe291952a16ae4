import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TodoItem } from '../api.js';
import { REGISTRY_ANSWERS, nl, renderPage, serveApi, user } from '../test/harness.js';
import { StartPage } from './StartPage.js';

const item = (over: Partial<TodoItem> & Pick<TodoItem, 'kind' | 'id'>): TodoItem => ({
  title: null,
  roomId: null,
  incidentId: null,
  person: null,
  at: '2027-03-01T09:00:00.000Z',
  overdue: false,
  ...over,
});

describe('StartPage', () => {
  it('lists what to do as sentences that link to the place to act, with counts in words', async () => {
    serveApi({
      ...REGISTRY_ANSWERS,
      'GET /api/me/todo': {
        items: [
          item({ kind: 'decide', id: 'a-1', title: 'Camera spreekkamer A' }),
          item({ kind: 'decide', id: 'a-2', title: 'Alarmknop balie' }),
          item({ kind: 'report', id: 'inc-1', roomId: 'r-1', incidentId: 'inc-1' }),
        ],
      },
    });
    renderPage(<StartPage />, { permissions: ['assessments:decide'] });
    expect(await screen.findByText('U heeft 3 taken te doen.')).toBeTruthy();
    const decide = screen.getByRole('heading', { name: '2 afwegingen wachten op uw besluit' });
    expect(decide).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Besluit over ‘Camera spreekkamer A’' });
    expect(link.getAttribute('href')).toBe('/assessments/a-1');
    expect(screen.getByRole('heading', { name: '1 incidentmelding nog in te vullen' })).toBeTruthy();
    const report = await screen.findByRole('link', {
      name: 'Vul de melding in van Stadhuis — Spreekkamer 1',
    });
    expect(report.getAttribute('href')).toBe('/incidents/report?incident=inc-1');
  });

  it('says kindly that there is nothing to do', async () => {
    serveApi({ ...REGISTRY_ANSWERS, 'GET /api/me/todo': { items: [] } });
    renderPage(<StartPage />, { permissions: [] });
    expect(await screen.findByText(nl.todo.nothing)).toBeTruthy();
    expect(screen.queryByRole('link', { name: nl.todo.alarmLink })).toBeNull();
  });

  it('starts the front desk at the alarm', async () => {
    serveApi({ ...REGISTRY_ANSWERS, 'GET /api/me/todo': { items: [] } });
    renderPage(<StartPage />, { permissions: ['alarms:raise', 'incidents:report'], user });
    const section = (await screen.findByRole('heading', { name: nl.todo.alarm })).closest('section')!;
    expect(within(section).getByRole('link', { name: nl.todo.alarmLink }).getAttribute('href')).toBe(
      '/alarm',
    );
  });
});
