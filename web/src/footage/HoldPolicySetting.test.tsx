import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl, renderPage, serveApi } from '../test/harness.js';
import { HoldPolicySetting } from './HoldPolicySetting.js';

const h = nl.holds;

describe('HoldPolicySetting', () => {
  it('shows the maximum; without footage:hold-policy there is no form', async () => {
    serveApi({ 'GET /api/recording/hold-policy': { maxDays: 365 } });
    renderPage(<HoldPolicySetting canSet={false} />);
    expect(await screen.findByText(h.policyCurrent(365))).toBeTruthy();
    expect(screen.queryByLabelText(h.policyDays)).toBeNull();
  });

  it('the privacy officer sets it: a number is sent, and the new value shown', async () => {
    let max = 365;
    const sent = serveApi({
      'GET /api/recording/hold-policy': () => ({ maxDays: max }),
      'PUT /api/recording/hold-policy': (b: unknown) => {
        max = (b as { maxDays: number }).maxDays;
        return { maxDays: max };
      },
    });
    renderPage(<HoldPolicySetting canSet />);
    await screen.findByText(h.policyCurrent(365));
    await userEvent.type(screen.getByLabelText(h.policyDays), '90');
    await userEvent.click(screen.getByRole('button', { name: nl.save }));
    expect(await screen.findByText(h.policyCurrent(90))).toBeTruthy();
    expect(sent.filter((s) => s.method === 'PUT')).toEqual([
      { method: 'PUT', path: '/api/recording/hold-policy', body: { maxDays: 90 } },
    ]);
  });
});
