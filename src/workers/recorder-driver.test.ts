import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { CameraPlan } from '../services/recording.service.js';
import { RecorderDriver, recorderEventOf, type Denial, type DrivenPlan } from './recorder-driver.js';
import type { RecorderSupervisor } from './recorder-supervisor.js';

/** Records the calls the driver makes; no processes. */
const fakeSupervisor = () => {
  const calls: string[] = [];
  let tickets = 0;
  const sup = {
    planTicket: () => ++tickets,
    apply: (plans: readonly CameraPlan[]) => calls.push(`apply ${plans.length}`),
    deny: (scope: Denial['scope']) => {
      calls.push(`deny ${scope.kind}`);
      return Promise.resolve();
    },
    alarm: (e: { alarmId: string; at: string; repeat?: boolean }) =>
      calls.push(`alarm ${e.alarmId} ${e.at}${e.repeat ? ' repeat' : ''}`),
    alarmClosed: (e: { alarmId: string }) => calls.push(`closed ${e.alarmId}`),
    resume: (open: readonly unknown[]) => calls.push(`resume ${open.length}`),
    stop: () => Promise.resolve(),
  };
  return { calls, sup: sup as unknown as RecorderSupervisor };
};

const plan = (issuedAt: string): DrivenPlan => ({
  issuedAt,
  cameras: [{} as CameraPlan],
  blockers: [],
  vault: null,
  openAlarms: () => Promise.resolve([{} as never]),
});

const denial: Denial = {
  scope: { kind: 'all' },
  off: { kind: 'suspended', message: 'no footage' },
  at: '2026-12-06T10:00:00.000Z',
};

describe('RecorderDriver', () => {
  it('resumes open alarms again from the first fresh plan after one kept from before a restart', async () => {
    const { calls, sup } = fakeSupervisor();
    let next: DrivenPlan | undefined = { ...plan('2026-12-06T09:00:00.000Z'), stale: true };
    const d = new RecorderDriver({
      supervisor: sup,
      source: { read: () => Promise.resolve(next) },
      log: pino({ level: 'silent' }),
      now: () => 0,
    });
    await d.replan();
    next = plan('2026-12-06T10:00:00.000Z');
    await d.replan();
    next = plan('2026-12-06T10:00:15.000Z');
    await d.replan();
    // Once from the kept plan (all it knows offline), once from the server's first, then no more.
    expect(calls).toEqual(['apply 1', 'resume 1', 'apply 1', 'resume 1', 'apply 1']);
  });

  it('keeps a denial until a plan issued after it, and denies before applying', async () => {
    const { calls, sup } = fakeSupervisor();
    let next: DrivenPlan | undefined = plan('2026-12-06T09:59:59.000Z');
    const d = new RecorderDriver({
      supervisor: sup,
      source: { read: () => Promise.resolve(next) },
      log: pino({ level: 'silent' }),
      now: () => 0,
    });
    await d.deny(denial);
    await d.replan();
    expect(calls).toEqual(['deny all', 'deny all', 'apply 1', 'resume 1']);
    calls.length = 0;
    next = plan('2026-12-06T10:00:01.000Z');
    await d.replan();
    // Shown by the plan: no longer denied by the driver; resumed once only.
    expect(calls).toEqual(['apply 1']);
  });

  it('applies nothing while disarmed, and resumes open alarms again when armed anew', async () => {
    const { calls, sup } = fakeSupervisor();
    const d = new RecorderDriver({
      supervisor: sup,
      source: { read: () => Promise.resolve(undefined) },
      log: pino({ level: 'silent' }),
      now: () => 0,
      armed: false,
    });
    await d.replan();
    expect(calls).toEqual([]);
    const withPlan = new RecorderDriver({
      supervisor: sup,
      source: { read: () => Promise.resolve(plan('2026-12-06T10:00:00.000Z')) },
      log: pino({ level: 'silent' }),
      now: () => 0,
      armed: false,
    });
    await withPlan.replan();
    expect(calls).toEqual(['apply 0']);
    await withPlan.arm();
    withPlan.disarm();
    await withPlan.arm();
    expect(calls).toEqual(['apply 0', 'apply 1', 'resume 1', 'apply 0', 'apply 1', 'resume 1']);
  });

  it('maps the agent stream and the domain events onto the supervisor the same way', () => {
    const { calls, sup } = fakeSupervisor();
    const d = new RecorderDriver({
      supervisor: sup,
      source: { read: () => Promise.resolve(undefined) },
      log: pino({ level: 'silent' }),
      now: () => 0,
    });
    const alarm = {
      alarmId: 'a1',
      incidentId: null,
      roomId: 'r1',
      raisedAt: '2026-12-06T10:00:00.000Z',
      lastPressAt: '2026-12-06T10:00:05.000Z',
      closedAt: null,
    };
    for (const kind of ['alarm.raised', 'alarm.joined', 'alarm.closed'] as const)
      d.handle(recorderEventOf(kind, alarm, () => 0)!);
    expect(calls).toEqual([
      'alarm a1 2026-12-06T10:00:00.000Z',
      'alarm a1 2026-12-06T10:00:05.000Z repeat',
      'closed a1',
    ]);
    expect(recorderEventOf('keep-alive', {}, () => 0)).toBeNull();
  });
});
