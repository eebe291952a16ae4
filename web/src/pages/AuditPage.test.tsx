import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api.js';
import { nl, renderPage, serveApi } from '../test/harness.js';
import { AuditPage } from './AuditPage.js';

const entry: AuditEntry = {
  seq: 7,
  at: '2026-03-02T09:05:00.000Z',
  actor: 'user:u-9',
  actorName: 'Fleur de Graaf (FG)',
  action: 'assessment.approve',
  subject: 'assessment:a-1',
  subjectName: { nl: 'Camera spreekkamer A', en: 'Camera spreekkamer A' },
  sentence: {
    nl: "Fleur de Graaf (FG) heeft afweging 'Camera spreekkamer A' goedgekeurd",
    en: "Fleur de Graaf (FG) approved assessment 'Camera spreekkamer A'",
  },
  group: 'assessments',
  details: {
    version: 2,
    policeReport: false,
    roomId: 'r-1',
    requestId: '9f1e2d3c-4b5a-4968-8776-655443322110',
  },
  facts: {
    version: 2,
    policeReport: false,
    room: { nl: 'Stadhuis — Spreekkamer A', en: 'City hall — Room A' },
    legalGround: 'own-investigation',
    purposes: ['view'],
    expiresAt: '2026-03-09T09:05:00.000Z',
  },
  prevHash: 'x',
  hash: 'y',
};

const answers = {
  'GET /api/audit?limit=25': { entries: [entry], total: 1, nextBefore: null },
  'GET /api/audit?limit=25&group=assessments&from=2026-03-01': {
    entries: [entry],
    total: 1,
    nextBefore: null,
  },
  'GET /api/audit/verify': { ok: true, checked: 7, headHash: 'y' },
  'GET /api/audit/people': [{ id: 'u-9', name: 'Fleur de Graaf (FG)' }],
};

describe('the audit page', () => {
  it('shows sentences with names and the details as labelled facts, never codes or JSON', async () => {
    serveApi(answers);
    renderPage(<AuditPage />, { permissions: ['audit:read'] });
    const table = await screen.findByRole('table');
    expect(within(table).getByText(entry.sentence.nl)).toBeTruthy();
    expect(within(table).getByText(nl.auditLog.facts.version!)).toBeTruthy();
    expect(within(table).getByText(nl.auditLog.no)).toBeTruthy();
    // Ids come as names (the server's facts), never as the raw id of the details.
    expect(within(table).getByText('Stadhuis — Spreekkamer A')).toBeTruthy();
    expect(table.textContent).not.toContain('r-1');
    expect(table.textContent).not.toContain('9f1e2d3c');
    // Codes and moments in words: the legal ground, the purpose, a date in Amsterdam.
    expect(within(table).getByText(nl.footage.grounds['own-investigation'].label)).toBeTruthy();
    expect(within(table).getByText(nl.footage.purposes.view.label)).toBeTruthy();
    expect(table.textContent).not.toMatch(/own-investigation|T09:05/);
    expect(table.textContent).not.toContain('assessment.approve');
    expect(table.textContent).not.toContain('user:');
    expect(table.textContent).not.toContain('{');
  });

  it('filters by what and when, and the CSV link carries the same filter and the language', async () => {
    const sent = serveApi(answers);
    renderPage(<AuditPage />, { permissions: ['audit:read'] });
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText(new RegExp(`^${nl.auditLog.what}`)), 'assessments');
    await userEvent.type(
      screen.getByLabelText(new RegExp(`^${nl.auditLog.from.replace(/[()]/g, '.')}`)),
      '2026-03-01',
    );
    await userEvent.click(screen.getByRole('button', { name: nl.auditLog.apply }));
    await screen.findByRole('table');
    expect(sent.map((s) => s.path)).toContain('/api/audit?limit=25&group=assessments&from=2026-03-01');
    expect(screen.getByRole('link', { name: nl.auditLog.export }).getAttribute('href')).toBe(
      '/api/audit/export.csv?lang=nl&group=assessments&from=2026-03-01',
    );
  });
});
