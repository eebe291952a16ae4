/**
 * Concurrent presses and acknowledgements on every dialect: many presses on one room at the same
 * moment join one alarm (the evidence the assessment counts must not be inflated by duplicates),
 * and two responders acknowledging at once are both recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESS_LIMIT } from '../../src/core/alarm/press-limit.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { alarmModule } from './alarm-helpers.js';

const dialects = await availableDialects();

describe.each(dialects)('concurrent alarms on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  it('joins simultaneous presses on one room into one alarm and one incident', async () => {
    const room = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Gespreksruimte B')!;
    const incidentsBefore = await t.rt.store.read.incidents.count();
    const sessions = await Promise.all(['balie', 'beveiliging', 'bhv'].map((u) => loginAs(t.app, u)));
    const presses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/alarms',
          headers: sessions[i % sessions.length]!.headers,
          payload: { roomId: room.id },
        }),
      ),
    );
    const statuses = presses.map((p) => p.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1); // one new alarm
    expect(statuses.filter((s) => s === 200)).toHaveLength(11); // the rest joined it
    const ids = new Set(presses.map((p) => p.json<{ alarm: { id: string } }>().alarm.id));
    expect(ids.size).toBe(1);
    expect(await t.rt.store.read.incidents.count()).toBe(incidentsBefore + 1);
    expect((await t.rt.services.audit.verify()).ok).toBe(true);
  });
});

describe.each(dialects)('a button flood arriving at once on %s', (dialect) => {
  let t: TestRuntime;
  // The clock stands still: every press falls in one throttle window, so the bound is exact.
  const at = new Date();
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, clock: { now: () => at } });
  });
  afterAll(async () => t?.close());

  it('raises one alarm and admits no more joins than the press limit, however many presses are in flight', async () => {
    const { alarms, devices } = alarmModule(t.rt).services;
    const room = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Gespreksruimte B')!;
    const registered = await devices.register(
      { kind: 'system', name: 'test' },
      { name: 'Knop die hapert', kind: 'button', roomId: room.id },
    );
    if (!registered.ok) throw new Error(registered.error.message);
    const { device, token } = registered.value;
    // As over an external broker: many messages read from one packet, handled side by side.
    const payload = new TextEncoder().encode(JSON.stringify({ token }));
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        alarms.buttonMessage(
          `${t.rt.config.mqtt.topicPrefix}/buttons/${device.id}/press`,
          payload,
          undefined,
        ),
      ),
    );
    const results = answers.map((a) => a.result);
    expect(results.filter((r) => r.ok && !r.joined)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.joined)).toHaveLength(DEFAULT_PRESS_LIMIT.max - 1);
    expect(results.filter((r) => !r.ok && r.code === 'ALARM.RATE_LIMITED')).toHaveLength(
      30 - DEFAULT_PRESS_LIMIT.max,
    );
    const open = await t.rt.database.db
      .selectFrom('alarms')
      .select('press_count')
      .where('room_id', '=', room.id)
      .where('state', '!=', 'closed')
      .execute();
    expect(open.map((a) => Number(a.press_count))).toEqual([DEFAULT_PRESS_LIMIT.max]);
  });
});
