import { describe, expect, it } from 'vitest';
import { cameraAction, stillWanted, type CameraAction, type CameraSituation } from './camera-action.js';

const armed: CameraSituation = {
  armed: true,
  planned: true,
  blocked: false,
  vaultChanged: false,
  switchedOff: false,
  notPermitted: false,
  settingsChanged: false,
  runningMode: 'incident',
  clipInProgress: false,
};

describe('cameraAction', () => {
  const table: [string, Partial<CameraSituation>, CameraAction][] = [
    ['not armed, permitted → arm', { armed: false, runningMode: null }, 'arm'],
    ['not armed, not permitted → none', { armed: false, runningMode: null, notPermitted: true }, 'none'],
    ['not armed, switched off → none', { armed: false, runningMode: null, switchedOff: true }, 'none'],
    ['not armed, blocked → none', { armed: false, runningMode: null, blocked: true }, 'none'],
    ['armed, nothing changed → keep', {}, 'keep'],
    ['armed, clip running, nothing changed → keep', { clipInProgress: true }, 'keep'],
    [
      'objection/suspension with a clip running → stop now',
      { switchedOff: true, clipInProgress: true },
      'stop-now',
    ],
    ['camera removed → stop now', { planned: false, clipInProgress: true }, 'stop-now'],
    ['vault key gone → stop now', { blocked: true, clipInProgress: true }, 'stop-now'],
    ['new vault key → stop now', { vaultChanged: true }, 'stop-now'],
    ['not permitted, incident clip running → drain', { notPermitted: true, clipInProgress: true }, 'drain'],
    ['not permitted, idle → stop now', { notPermitted: true }, 'stop-now'],
    [
      'not permitted, continuous → stop now',
      { notPermitted: true, clipInProgress: true, runningMode: 'continuous' },
      'stop-now',
    ],
    [
      'new assessment version, incident clip running → restart after the clip',
      { settingsChanged: true, clipInProgress: true },
      'restart-after-clip',
    ],
    ['new assessment version, idle → restart now', { settingsChanged: true }, 'restart-now'],
    [
      'new settings, continuous clip → restart now (continuous clips are cut anyway)',
      { settingsChanged: true, clipInProgress: true, runningMode: 'continuous' },
      'restart-now',
    ],
    [
      'new settings and an objection → stop now',
      { settingsChanged: true, clipInProgress: true, switchedOff: true },
      'stop-now',
    ],
  ];
  it.each(table)('%s', (_, s, want) => {
    expect(cameraAction({ ...armed, ...s })).toBe(want);
  });
});

describe('stillWanted', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  const a = (id: string, lastPressAt: string) => ({ alarmId: id, roomId: 'r', lastPressAt });
  it.each([
    [
      'pressed 60 s ago, post-roll 120 s → wanted 60 s more',
      a('x', '2026-01-01T09:59:00Z'),
      120,
      now + 60_000,
    ],
    ['pressed 121 s ago, post-roll 120 s → over', a('x', '2026-01-01T09:57:59Z'), 120, null],
    ['pressed exactly post-roll ago → over', a('x', '2026-01-01T09:58:00Z'), 120, null],
    ['a shorter post-roll under the policy in force → over', a('x', '2026-01-01T09:59:00Z'), 30, null],
    ['an unreadable time → ignored', a('x', 'not a time'), 120, null],
  ])('%s', (_, alarm, post, until) => {
    const r = stillWanted([alarm], post, now);
    expect(r[0]?.until ?? null).toBe(until);
  });
});
