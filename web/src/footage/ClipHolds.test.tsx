import { fireEvent, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClipHoldsView, Hold } from '../api.js';
import { DICTIONARIES } from '../i18n/index.js';
import { nl, renderPage, reply, serveApi } from '../test/harness.js';
import { ClipHolds, holdEnd } from './ClipHolds.js';

const h = nl.holds;
const URL = '/api/recording/clips/clip-1/holds';

const hold = (o: Partial<Hold> = {}): Hold => ({
  id: 'hold-1',
  clipId: 'clip-1',
  reason: 'aangifte na bedreiging',
  policeReport: 'PL0900-2026-1',
  until: '2026-03-20T23:00:00.000Z',
  placedBy: 'u-2',
  placedAt: '2026-03-04T10:00:00.000Z',
  extendedAt: null,
  extendedBy: null,
  extensionReason: null,
  beyondMaximum: false,
  releasedAt: null,
  releasedBy: null,
  releaseReason: null,
  state: 'live',
  ...o,
});

const view = (holds: Hold[]): ClipHoldsView => {
  const live = holds.filter((x) => x.state === 'live');
  return { maxDays: 365, held: live.length > 0, heldUntil: live[0]?.until ?? null, holds };
};

describe('ClipHolds', () => {
  it('shows whether the clip is held, through which day (Amsterdam), and every hold; no forms without footage:hold', async () => {
    serveApi({
      [`GET ${URL}`]: view([
        hold(),
        hold({
          id: 'hold-0',
          state: 'released',
          releasedAt: '2026-03-05T09:00:00.000Z',
          releaseReason: 'ingetrokken',
          policeReport: null,
        }),
      ]),
    });
    renderPage(<ClipHolds clipId="clip-1" canHold={false} />);
    expect(await screen.findByText(/Deze opname wordt bewaard tot en met 20 mrt 2026/)).toBeTruthy();
    const table = screen.getByRole('table', { name: h.caption });
    expect(within(table).getByText('PL0900-2026-1')).toBeTruthy();
    expect(within(table).getByText(/^opgeheven; opgeheven .*: ingetrokken$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: h.place })).toBeNull();
    expect(screen.queryByRole('button', { name: /opheffen/ })).toBeNull();
  });

  it('places a hold: required fields first, then the body the API takes, and the list reloads', async () => {
    let placed = false;
    const sent = serveApi({
      [`GET ${URL}`]: () => view(placed ? [hold()] : []),
      [`POST ${URL}`]: () => {
        placed = true;
        return reply(201, hold());
      },
    });
    renderPage(<ClipHolds clipId="clip-1" canHold />);
    expect(await screen.findByText(new RegExp(h.notHeld))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: h.place }));
    await userEvent.click(screen.getAllByRole('button', { name: h.place }).at(-1)!);
    expect(screen.getByRole('link', { name: `${h.reason}: ${nl.required}` })).toBeTruthy();
    expect(screen.getByRole('link', { name: `${h.untilDate}: ${nl.required}` })).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await userEvent.type(screen.getByLabelText(h.reason), 'aangifte na bedreiging');
    fireEvent.change(screen.getByLabelText(h.untilDate), { target: { value: '2026-03-20' } });
    await userEvent.click(screen.getAllByRole('button', { name: h.place }).at(-1)!);
    expect(await screen.findByText(h.placedNotice)).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: URL, body: { reason: 'aangifte na bedreiging', until: '2026-03-20' } },
    ]);
    expect(await screen.findByText(/Deze opname wordt bewaard tot en met 20 mrt 2026/)).toBeTruthy();
  });

  it("the server's refusal (until in the past) lands next to the date field", async () => {
    serveApi({
      [`GET ${URL}`]: view([]),
      [`POST ${URL}`]: reply(422, {
        type: 'urn:proportio:error:hold.until_invalid',
        title: 'The end of the hold must be a date or date-time in the future',
        status: 422,
        code: 'HOLD.UNTIL_INVALID',
        detail: 'until lies in the past',
        errors: [{ field: 'until', message: 'until lies in the past' }],
      }),
    });
    renderPage(<ClipHolds clipId="clip-1" canHold />);
    await userEvent.click(await screen.findByRole('button', { name: h.place }));
    await userEvent.type(screen.getByLabelText(h.reason), 'te laat');
    fireEvent.change(screen.getByLabelText(h.untilDate), { target: { value: '2020-01-01' } });
    await userEvent.click(screen.getAllByRole('button', { name: h.place }).at(-1)!);
    // The server's English never shows on a Dutch screen: the code's Dutch text does.
    expect(
      await screen.findByRole('link', {
        name: `${h.untilDate}: ${nl.problems.messages['HOLD.UNTIL_INVALID']}`,
      }),
    ).toBeTruthy();
    expect(screen.queryByText(/until lies in the past/)).toBeNull();
    expect(screen.getByLabelText(h.untilDate).getAttribute('aria-invalid')).toBe('true');
  });

  it('releases a live hold with a reason', async () => {
    const sent = serveApi({
      [`GET ${URL}`]: view([hold()]),
      'POST /api/recording/holds/hold-1/release': hold({ state: 'released' }),
    });
    renderPage(<ClipHolds clipId="clip-1" canHold />);
    await userEvent.click(
      await screen.findByRole('button', { name: h.releaseAria('tot en met 20 mrt 2026') }),
    );
    await userEvent.type(screen.getByLabelText(h.releaseReason), 'zaak geseponeerd');
    await userEvent.click(screen.getByRole('button', { name: h.release }));
    expect(await screen.findByText(h.releasedNotice)).toBeTruthy();
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/recording/holds/hold-1/release',
      body: { reason: 'zaak geseponeerd' },
    });
  });

  it('extends a live hold: the new date and a reason are sent', async () => {
    const sent = serveApi({
      [`GET ${URL}`]: view([hold()]),
      'POST /api/recording/holds/hold-1/extend': hold({ until: '2026-04-30T22:00:00.000Z' }),
    });
    renderPage(<ClipHolds clipId="clip-1" canHold />);
    await userEvent.click(
      await screen.findByRole('button', { name: h.extendAria('tot en met 20 mrt 2026') }),
    );
    await userEvent.click(screen.getByRole('button', { name: h.extend }));
    expect(screen.getByRole('link', { name: `${h.untilDate}: ${nl.required}` })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(h.untilDate), { target: { value: '2026-04-30' } });
    await userEvent.type(screen.getByLabelText(h.extendReason), 'rechtszaak gepland');
    await userEvent.click(screen.getByRole('button', { name: h.extend }));
    expect(await screen.findByText(h.extendedNotice)).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.body)).toEqual([
      { until: '2026-04-30', reason: 'rechtszaak gepland' },
    ]);
  });

  it('reads the end in Amsterdam time, in both languages', () => {
    expect(holdEnd(nl, 'nl', '2026-07-01T22:00:00.000Z')).toBe('tot en met 1 jul 2026');
    expect(holdEnd(DICTIONARIES.en, 'en', '2026-07-01T22:00:00.000Z')).toBe('through 1 Jul 2026');
    expect(holdEnd(nl, 'nl', '2026-07-01T12:00:00.000Z')).toMatch(/^tot 1 jul 2026.*14:00$/);
  });
});
