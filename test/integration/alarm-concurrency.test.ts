/**
 * Concurrent presses and acknowledgements on every dialect: many presses on one room at the same
 * moment join one alarm (the evidence the assessment counts must not be inflated by duplicates),
 * and two responders acknowledging at once are both recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

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
