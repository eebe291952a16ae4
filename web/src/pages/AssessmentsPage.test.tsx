import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, serveApi } from '../test/harness.js';
import { AssessmentsPage } from './AssessmentsPage.js';

describe('AssessmentsPage', () => {
  it('an address naming an assessment that does not exist is the not-found page', async () => {
    const sent = serveApi({});
    renderPage(<AssessmentsPage screen={{ kind: 'detail', id: 'nope' }} />, {
      permissions: ['assessments:read'],
      path: '/assessments/nope',
    });
    expect(await screen.findByRole('heading', { level: 1, name: nl.notFound.title })).toBeTruthy();
    expect(sent[0]?.path).toBe('/api/assessments/nope');
  });

  it('so is the wizard on one that does not exist', async () => {
    serveApi({});
    renderPage(<AssessmentsPage screen={{ kind: 'edit', id: 'nope' }} />, {
      permissions: ['assessments:write'],
    });
    expect(await screen.findByRole('heading', { level: 1, name: nl.notFound.title })).toBeTruthy();
  });
});
