import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  close,
  escalate,
  escalationDue,
  joinPress,
  joinTarget,
  responseMs,
} from './lifecycle.js';
import type { Alarm } from './model.js';
import { decideHit } from '../rate-limit.js';
import { audienceOf, mayReceive } from './audience.js';
import { roomState } from './events.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000);
const alarm = (over: Partial<Alarm> = {}): Alarm => ({
  id: 'a1',
  siteId: 's1',
  roomId: 'r1',
  conversationId: null,
  conversationTypeId: null,
  source: 'web',
  raisedBy: 'u1',
  deviceId: null,
  raisedAt: T0,
  lastPressAt: T0,
  pressCount: 1,
  state: 'raised',
  silent: false,
  acknowledgedAt: null,
  escalatedAt: null,
  closedAt: null,
  closedBy: null,
  incidentId: 'i1',
  ...over,
});

describe('lifecycle: raised → acknowledged → closed', () => {
  it.each([
    ['raised', true, 'acknowledged'],
    ['acknowledged', false, 'acknowledged'],
  ] as const)('acknowledging a %s alarm: first=%s, state %s', (state, first, next) => {
    const r = acknowledge(
      alarm({ state, acknowledgedAt: state === 'raised' ? null : at(5).toISOString() }),
      at(10),
    );
    expect(r.ok && r.value.first).toBe(first);
    expect(r.ok && r.value.alarm.state).toBe(next);
  });

  it('keeps the first acknowledgement time', () => {
    const first = acknowledge(alarm(), at(7));
    const again = first.ok ? acknowledge(first.value.alarm, at(20)) : first;
    expect(again.ok && again.value.alarm.acknowledgedAt).toBe(at(7).toISOString());
  });

  it.each(['raised', 'acknowledged'] as const)('closes a %s alarm', (state) => {
    const r = close(alarm({ state }), at(30), 'u2');
    expect(r.ok && r.value).toMatchObject({
      state: 'closed',
      closedBy: 'u2',
      closedAt: at(30).toISOString(),
    });
  });

  it.each([
    ['acknowledge', () => acknowledge(alarm({ state: 'closed' }), at(1))],
    ['close', () => close(alarm({ state: 'closed' }), at(1), 'u')],
  ])('%s on a closed alarm is ALARM.ALREADY_CLOSED', (_n, f) => {
    const r = f();
    expect(!r.ok && r.error.code).toBe('ALARM.ALREADY_CLOSED');
  });

  it('response time is first press to first acknowledgement', () => {
    expect(responseMs(alarm())).toBeNull();
    expect(responseMs(alarm({ acknowledgedAt: at(42).toISOString() }))).toBe(42_000);
  });
});

describe('escalation', () => {
  it.each([
    ['raised, before the deadline', alarm(), 29, false],
    ['raised, at the deadline', alarm(), 30, true],
    ['acknowledged', alarm({ state: 'acknowledged', acknowledgedAt: at(3).toISOString() }), 60, false],
    ['already escalated', alarm({ escalatedAt: at(30).toISOString() }), 60, false],
    ['closed', alarm({ state: 'closed' }), 60, false],
  ])('%s → due %s', (_n, a, s, due) => {
    expect(escalationDue(a, at(s), 30)).toBe(due);
  });

  it('escalates once', () => {
    const r = escalate(alarm(), at(30));
    expect(r.ok && r.value.escalatedAt).toBe(at(30).toISOString());
    const again = r.ok ? escalate(r.value, at(31)) : r;
    expect(!again.ok && again.error.code).toBe('ALARM.NOT_ESCALATABLE');
  });
});

describe('duplicate presses join the open alarm', () => {
  it.each([
    ['no open alarm', [], 10, undefined],
    ['open alarm pressed 10 s ago', [alarm()], 10, 'a1'],
    ['open alarm pressed 121 s ago', [alarm()], 121, undefined],
    ['closed alarm', [alarm({ state: 'closed' })], 10, undefined],
    ['acknowledged alarm', [alarm({ state: 'acknowledged' })], 10, 'a1'],
    ['newest of two', [alarm(), alarm({ id: 'a2', lastPressAt: at(5).toISOString() })], 10, 'a2'],
  ])('%s → %s', (_n, open, s, expected) => {
    expect(joinTarget(open, at(s), 120_000)?.id).toBe(expected);
  });

  it('joining counts the press and moves the last press time', () => {
    expect(joinPress(alarm(), at(9))).toMatchObject({
      pressCount: 2,
      lastPressAt: at(9).toISOString(),
      raisedAt: T0,
    });
  });
});

describe('per-button flood control never drops a press that would raise an alarm', () => {
  const limit = { max: 3, windowMs: 10_000 };
  it.each([
    ['first press', [], 0, false, true],
    ['under the limit', [1, 2], 3, false, true],
    ['at the limit, would only join', [1, 2, 3], 4, false, false],
    ['at the limit, but would raise a new alarm', [1, 2, 3], 4, true, true],
    ['old presses left the window', [1, 2, 3], 20_000, false, true],
  ])('%s', (_n, history, now, wouldRaise, admit) => {
    expect(decideHit(history, now, limit, wouldRaise).admit).toBe(admit);
  });

  it('a flood of 1000 presses admits at most max per window', () => {
    let h: readonly number[] = [];
    let admitted = 0;
    for (let t = 0; t < 1000; t++) {
      const d = decideHit(h, t, limit, t === 0);
      h = d.history;
      if (d.admit) admitted++;
    }
    expect(admitted).toBe(3);
  });
});

describe('audience', () => {
  const responder = { roles: ['responder'] as const, siteIds: [] };
  const security = { roles: ['security'] as const, siteIds: [] };
  const otherSite = { roles: ['responder'] as const, siteIds: ['s2'] };
  it.each([
    ['responder, all sites, new alarm', responder, null, true],
    ['security only, new alarm', security, null, false],
    ['security only, escalated alarm', security, T0, true],
    ['responder of another site', otherSite, T0, false],
    ['front-desk', { roles: ['front-desk'] as const, siteIds: [] }, T0, false],
  ])('%s → %s', (_n, r, escalatedAt, expected) => {
    expect(mayReceive(r, 's1', audienceOf({ escalatedAt }))).toBe(expected);
  });

  it.each([
    [false, false, 'free'],
    [true, false, 'in-conversation'],
    [true, true, 'alarm'],
    [false, true, 'alarm'],
  ] as const)('room state (conversation %s, alarm %s) → %s', (c, a, s) => expect(roomState(c, a)).toBe(s));
});
