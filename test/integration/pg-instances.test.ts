/**
 * Several instances on one PostgreSQL (issue 13 §1), at the adapter level and on the real server:
 * domain events carried between instances by LISTEN/NOTIFY, and one scheduler leader through an
 * advisory lock that passes on when its holder's session ends.
 */
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgLeadership, type Leadership } from '../../src/adapters/db/leadership.js';
import { pgEvents, type PgEvents } from '../../src/adapters/events/pg-events.js';
import type { DomainEvent } from '../../src/services/ports.js';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { waitFor } from '../support/waiting.js';

const postgres = (await availableDialects()).includes('postgres');
const log = pino({ level: 'silent' });

const cameraChanged = (cameraId: string): DomainEvent => ({
  type: 'camera.changed',
  at: '2026-12-06T10:00:00.000Z',
  cameraId,
  roomId: 'room-1',
});

/** Ends every session of this application name on the test database, as a server restart would. */
const terminate = async (url: string, applicationName: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [applicationName],
    );
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
};

describe.runIf(postgres)('instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let url: string;
  const opened: { close(): Promise<void> }[] = [];
  const events = async () => {
    const e = pgEvents({ connectionString: url, log, reconnectMs: 100 });
    opened.push(e);
    await e.start();
    return e;
  };
  const leadership = async () => {
    const l = pgLeadership({ connectionString: url, log, pollMs: 100 });
    opened.push(l);
    await l.start();
    return l;
  };

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    url = db.url ?? '';
  });
  afterAll(async () => {
    for (const o of opened) await o.close();
    await db?.drop();
  });

  describe('domain events over LISTEN/NOTIFY', () => {
    let a: PgEvents;
    let b: PgEvents;
    beforeAll(async () => {
      a = await events();
      b = await events();
    });

    it('delivers an event emitted on A to B, and to A once (synchronously, not again from NOTIFY)', async () => {
      const onA: DomainEvent[] = [];
      const onB: DomainEvent[] = [];
      const offA = a.subscribe('camera.changed', (e) => onA.push(e));
      const offB = b.subscribe('camera.changed', (e) => onB.push(e));
      a.emit(cameraChanged('cam-1'));
      expect(onA).toEqual([cameraChanged('cam-1')]);
      await waitFor('B to receive the event', () => onB.length === 1);
      expect(onB).toEqual([cameraChanged('cam-1')]);
      // A later event from B proves the pipe is in order and A did not receive its own echo.
      b.emit(cameraChanged('cam-2'));
      await waitFor('A to receive B’s event', () => onA.length === 2);
      expect(onA.map((e) => (e as { cameraId: string }).cameraId)).toEqual(['cam-1', 'cam-2']);
      expect(onB.map((e) => (e as { cameraId: string }).cameraId)).toEqual(['cam-1', 'cam-2']);
      offA();
      offB();
    });

    it('keeps one instance’s events in the order it emitted them', async () => {
      const seen: string[] = [];
      const off = b.subscribe('camera.changed', (e) => seen.push(e.cameraId));
      const ids = Array.from({ length: 50 }, (_, i) => `order-${i}`);
      for (const id of ids) a.emit(cameraChanged(id));
      await waitFor('all 50 events on B', () => seen.length === 50);
      expect(seen).toEqual(ids);
      off();
    });

    it('delivers an event too large for NOTIFY locally only and counts it', async () => {
      const onA: DomainEvent[] = [];
      const onB: DomainEvent[] = [];
      const offA = a.subscribe('camera.changed', (e) => onA.push(e));
      const offB = b.subscribe('camera.changed', (e) => onB.push(e));
      const before = a.stats().unpublished;
      a.emit(cameraChanged('x'.repeat(9000)));
      expect(onA).toHaveLength(1);
      expect(a.stats().unpublished).toBe(before + 1);
      a.emit(cameraChanged('after-large'));
      await waitFor('the next event on B', () => onB.length > 0);
      expect(onB.map((e) => (e as { cameraId: string }).cameraId)).toEqual(['after-large']);
      offA();
      offB();
    });

    it('keeps what it emitted while its own connection was down and publishes it, in order, once back', async () => {
      // C alone loses its connection; B keeps listening throughout, so only C's backlog can bring these.
      const c = pgEvents({
        connectionString: url,
        log,
        reconnectMs: 2000,
        applicationName: 'proportio-events-c',
      });
      opened.push(c);
      await c.start();
      const onB: string[] = [];
      const off = b.subscribe('camera.changed', (e) => onB.push(e.cameraId));
      expect(await terminate(url, 'proportio-events-c')).toBe(1);
      await waitFor('C to notice', () => !c.stats().connected);
      c.emit(cameraChanged('during-1'));
      c.emit(cameraChanged('during-2'));
      expect(onB).toEqual([]);
      await waitFor('C back and its events on B', () => onB.length === 2);
      expect(onB).toEqual(['during-1', 'during-2']);
      expect(c.stats().unpublished).toBe(0);
      off();
    });

    it('reconnects after its session was ended, tells subscribers to re-read, and carries on', async () => {
      let resyncs = 0;
      const offResync = b.onResync(() => resyncs++);
      expect(await terminate(url, 'proportio-events')).toBeGreaterThanOrEqual(2);
      await waitFor(
        'both instances to reconnect',
        () => a.stats().connected && b.stats().connected && resyncs === 1,
      );
      const onB: DomainEvent[] = [];
      const off = b.subscribe('camera.changed', (e) => onB.push(e));
      a.emit(cameraChanged('after-restart'));
      await waitFor('the event after the reconnect', () => onB.length === 1);
      expect(b.stats().reconnects).toBeGreaterThanOrEqual(1);
      off();
      offResync();
    });
  });

  describe('one scheduler leader through an advisory lock', () => {
    it('makes exactly one instance leader and passes it on when the leader’s session ends or it stops', async () => {
      const all: Leadership[] = [await leadership(), await leadership(), await leadership()];
      const leaders = () => all.filter((l) => l.isLeader());
      await waitFor('a leader', () => leaders().length === 1);
      // Give followers several tries: none of them may take a held lock.
      await new Promise((r) => setTimeout(r, 500));
      expect(leaders()).toHaveLength(1);

      // The leader's session dies (its process was killed): another takes over, the old one knows.
      const first = leaders()[0];
      let firstLost = false;
      first?.onChange((leader) => {
        if (!leader) firstLost = true;
      });
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
          WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
      );
      await c.end();
      await waitFor('the old leader to step down', () => firstLost);
      await waitFor('exactly one leader again', () => leaders().length === 1);

      // A leader that stops releases the lock at once.
      const second = leaders()[0];
      await second?.close();
      await waitFor('a third leader', () => leaders().length === 1 && leaders()[0] !== second);
      expect(leaders()).toHaveLength(1);
    });
  });
});
