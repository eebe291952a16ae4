import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AlarmView, Conversation } from '../api.js';
import { myAlarm, nl, REGISTRY_ANSWERS, renderPage, serveApi, type Answers } from '../test/harness.js';
import { ALARM_STATUS_POLL_MS, PanicPage } from './PanicPage.js';

const conversation: Conversation = {
  id: 'conv-1',
  siteId: 's-1',
  roomId: 'r-1',
  conversationTypeId: 'c-1',
  startedBy: 'u-1',
  startedAt: '2026-03-02T09:00:00.000Z',
  endedAt: null,
  endedBy: null,
  riskFlag: false,
};

const mine = myAlarm;

const raised = { alarm: { id: 'al-1', incidentId: 'inc-1' } as AlarmView, joined: false };

const page = (answers: Answers) => {
  const sent = serveApi({
    ...REGISTRY_ANSWERS,
    'GET /api/conversations/mine': [conversation],
    'GET /api/alarms/mine': [],
    'POST /api/alarms': raised,
    ...answers,
  });
  renderPage(<PanicPage />, { permissions: ['alarms:raise', 'conversations:write'] });
  return sent;
};

const alarmButton = () => screen.findByRole('button', { name: nl.panic.alarmButton('Spreekkamer 1') });

describe('PanicPage: the alarm button', () => {
  it('a press raises the alarm for the room and confirms it in an alert region', async () => {
    const sent = page({});
    await userEvent.click(await alarmButton());
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByText(nl.panic.sent)).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/alarms', body: { roomId: 'r-1', silent: false } },
    ]);
  });

  it('in silent mode a press raises a silent alarm and nothing on the screen changes', async () => {
    const sent = page({});
    await userEvent.click(screen.getByLabelText(nl.panic.silent));
    const button = await alarmButton();
    const before = document.body.innerHTML;
    await userEvent.click(button);
    await screen.findByRole('button', { name: nl.panic.alarmButton('Spreekkamer 1') });

    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/alarms', body: { roomId: 'r-1', silent: true } },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(nl.panic.sent)).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('once a responder acknowledges, the view says who is coming', async () => {
    let acknowledged = false;
    page({
      'GET /api/alarms/mine': () =>
        acknowledged
          ? [
              mine({
                state: 'acknowledged',
                acknowledgedAt: '2026-03-02T09:05:30.000Z',
                acknowledgements: [
                  { userId: 'u-3', displayName: 'Jeroen Bakker', at: '2026-03-02T09:05:30.000Z' },
                ],
              }),
            ]
          : [],
    });
    await userEvent.click(await alarmButton());
    await screen.findByText(nl.panic.sent);
    acknowledged = true;
    expect(
      await screen.findByText(nl.panic.coming(['Jeroen Bakker']), {}, { timeout: 3 * ALARM_STATUS_POLL_MS }),
    ).toBeTruthy();
  });

  it('after a reload during an alarm the open alarm in this room shows again', async () => {
    page({ 'GET /api/alarms/mine': [mine()] });
    expect(await screen.findByText(nl.panic.sent)).toBeTruthy();
  });
});

describe('PanicPage: starting a conversation', () => {
  it('the room is never chosen for the user: without a choice nothing is sent', async () => {
    window.localStorage.removeItem('proportio.room');
    const sent = page({ 'GET /api/conversations/mine': [], 'POST /api/conversations': conversation });
    const room = await screen.findByLabelText(nl.panic.room);
    expect((room as HTMLSelectElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: nl.panic.start }));
    expect(room.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('link', { name: `${nl.panic.room}: ${nl.choose.room}` })).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('without a running conversation the start form comes first, the settings last', async () => {
    page({ 'GET /api/conversations/mine': [] });
    const room = await screen.findByLabelText(nl.panic.room);
    const start = screen.getByRole('button', { name: nl.panic.start });
    const silent = screen.getByLabelText(nl.panic.silent);
    const running = screen.getByRole('heading', { name: nl.panic.running });
    const before = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(room, start) && before(start, running) && before(running, silent)).toBe(true);
  });

  it('with a running conversation its alarm button comes first, then the start form, then the settings', async () => {
    page({});
    const alarm = await alarmButton();
    const start = await screen.findByRole('button', { name: nl.panic.start });
    const silent = screen.getByLabelText(nl.panic.silent);
    const before = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(alarm, start) && before(start, silent)).toBe(true);
  });

  it('this device remembers the room it started a conversation in', async () => {
    window.localStorage.setItem('proportio.room', 'r-1');
    page({ 'GET /api/conversations/mine': [] });
    const room = await screen.findByLabelText<HTMLSelectElement>(nl.panic.room);
    expect(room.value).toBe('r-1');
    window.localStorage.removeItem('proportio.room');
  });

  it('a raised risk needs its reason; the error is tied to the field', async () => {
    window.localStorage.removeItem('proportio.room');
    const sent = page({ 'GET /api/conversations/mine': [], 'POST /api/conversations': conversation });
    await userEvent.selectOptions(await screen.findByLabelText(nl.panic.room), 'r-1');
    await userEvent.click(await screen.findByLabelText(nl.panic.riskFlag));
    await userEvent.click(screen.getByRole('button', { name: nl.panic.start }));

    const reason = screen.getByLabelText(new RegExp(`^${nl.panic.riskReason}`));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('link', { name: `${nl.panic.riskReason}: ${nl.required}` })).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await userEvent.type(reason, 'Eerder dreigement');
    await userEvent.click(screen.getByRole('button', { name: nl.panic.start }));
    expect(await screen.findByText(nl.panic.started)).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/conversations',
        body: { roomId: 'r-1', conversationTypeId: 'c-1', riskFlag: true, riskReason: 'Eerder dreigement' },
      },
    ]);
    expect(window.localStorage.getItem('proportio.room')).toBe('r-1');
    window.localStorage.removeItem('proportio.room');
  });

  it('after "Gesprek starten" the focus is on the new alarm button, not lost to the page', async () => {
    let started = false;
    page({
      'GET /api/conversations/mine': () => (started ? [conversation] : []),
      'POST /api/conversations': () => {
        started = true;
        return conversation;
      },
    });
    await userEvent.selectOptions(await screen.findByLabelText(nl.panic.room), 'r-1');
    await userEvent.click(screen.getByRole('button', { name: nl.panic.start }));
    const button = await alarmButton();
    await waitFor(() => expect(document.activeElement).toBe(button));
    window.localStorage.removeItem('proportio.room');
  });
});
