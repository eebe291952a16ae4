import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { serveEventSource, stream } from '../test/event-source.js';
import { alarmView, nl, REGISTRY_ANSWERS, renderPage, serveApi } from '../test/harness.js';
import { byUrgency, ConsolePage } from './ConsolePage.js';

const alarm = alarmView;

const consolePage = () => {
  serveEventSource();
  const sent = serveApi({
    ...REGISTRY_ANSWERS,
    'GET /api/alarms?recent=10': [],
    'GET /api/room-states': [],
    'POST /api/alarms/al-1/acknowledge': alarm({ state: 'acknowledged' }),
    'POST /api/alarms/al-1/close': alarm({ state: 'closed' }),
  });
  renderPage(<ConsolePage />, { permissions: ['alarms:respond'] });
  return sent;
};

describe('ConsolePage: the responder console', () => {
  it('connects to the alarm stream and says so', async () => {
    consolePage();
    expect(stream().url).toBe('/api/alarms/stream');
    expect(screen.getByText(nl.console.connecting)).toBeTruthy();
    act(() => stream().open());
    expect(await screen.findByText(nl.console.connected)).toBeTruthy();
    act(() => stream().fail());
    expect(await screen.findByText(nl.console.reconnecting)).toBeTruthy();
  });

  it('a new alarm is announced in the alert region and shown as a card with who raised it', async () => {
    consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [] }));
    expect(screen.getByText(nl.console.noOpen)).toBeTruthy();
    act(() =>
      stream().send('alarm.raised', { type: 'alarm.raised', at: '2026-03-02T09:05:00.000Z', alarm: alarm() }),
    );

    const announcement = screen.getByRole('alert');
    expect(
      within(announcement).getByText(new RegExp(`^${nl.console.newAlarm('Spreekkamer 1', 'begane grond')}`)),
    ).toBeTruthy();
    const card = screen.getByRole('article', { name: nl.console.alarmIn('Spreekkamer 1') });
    expect(within(card).getByText('Sanne de Vries')).toBeTruthy();
    expect(within(card).getByText('Bijstandsgesprek')).toBeTruthy();
    expect(screen.queryByText(nl.console.noOpen)).toBeNull();
  });

  it('"Ik kom" acknowledges that alarm', async () => {
    const sent = consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [alarm()] }));
    await userEvent.click(screen.getByRole('button', { name: nl.console.acknowledgeRoom('Spreekkamer 1') }));
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/alarms/al-1/acknowledge', body: {} },
    ]);
  });

  it('a closed alarm leaves the open list and the announcement clears', async () => {
    consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [alarm()] }));
    expect(screen.getByRole('article', { name: nl.console.alarmIn('Spreekkamer 1') })).toBeTruthy();
    act(() =>
      stream().send('alarm.closed', {
        type: 'alarm.closed',
        at: '2026-03-02T09:10:00.000Z',
        alarm: alarm({ state: 'closed', closedAt: '2026-03-02T09:10:00.000Z' }),
      }),
    );
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByText(nl.console.noOpen)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('alarms found in the snapshot after a reconnect are counted as missed', async () => {
    consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [] }));
    act(() => stream().fail());
    act(() => stream().send('alarms.snapshot', { alarms: [alarm()] }));
    expect(within(screen.getByRole('alert')).getByText(nl.console.missed(1))).toBeTruthy();
  });

  it('"Afsluiten" asks first, says nobody is on the way, and "Nee" keeps the alarm open', async () => {
    const sent = consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [alarm()] }));
    const close = screen.getByRole('button', { name: nl.console.closeRoom('Spreekkamer 1') });
    await userEvent.click(close);
    expect(screen.getByText(nl.console.confirmCloseNobody)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: nl.console.confirmClose }));
    await userEvent.click(screen.getByRole('button', { name: nl.console.keepOpen }));
    expect(document.activeElement).toBe(close);
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await userEvent.click(close);
    await userEvent.click(screen.getByRole('button', { name: nl.console.confirmClose }));
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/alarms/al-1/close', body: {} },
    ]);
  });

  it('the confirmation names who is coming', async () => {
    consolePage();
    const coming = alarm({
      state: 'acknowledged',
      acknowledgements: [{ userId: 'u-3', displayName: 'Jeroen Bakker', at: '2026-03-02T09:05:30.000Z' }],
    });
    act(() => stream().send('alarms.snapshot', { alarms: [coming] }));
    await userEvent.click(screen.getByRole('button', { name: nl.console.closeRoom('Spreekkamer 1') }));
    expect(screen.getByText(nl.console.confirmCloseComing(['Jeroen Bakker']))).toBeTruthy();
  });

  it('"Ik kom" keeps the focus on the button the responder pressed', async () => {
    consolePage();
    act(() => stream().send('alarms.snapshot', { alarms: [alarm()] }));
    const ack = screen.getByRole('button', { name: nl.console.acknowledgeRoom('Spreekkamer 1') });
    await userEvent.click(ack);
    expect(document.activeElement).toBe(ack);
  });
});

describe('byUrgency: the order of open alarms', () => {
  it('puts alarms nobody answered first, newest first within each group', () => {
    const at = (id: string, raisedAt: string, answered: boolean) =>
      alarm({
        id,
        raisedAt,
        acknowledgements: answered ? [{ userId: 'u', displayName: 'X', at: raisedAt }] : [],
      });
    const order = byUrgency([
      at('old-answered', '2026-03-02T09:00:00.000Z', true),
      at('old-open', '2026-03-02T09:01:00.000Z', false),
      at('new-answered', '2026-03-02T09:02:00.000Z', true),
      at('new-open', '2026-03-02T09:03:00.000Z', false),
    ]).map((a) => a.id);
    expect(order).toEqual(['new-open', 'old-open', 'new-answered', 'old-answered']);
  });
});
