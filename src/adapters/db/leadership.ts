/**
 * Which instance runs the scheduled jobs (escalation timers, retention sweeps, deadline warnings)
 * when several `proportio serve` share one PostgreSQL (issue 13 §1): the one that holds a
 * session-level advisory lock. PostgreSQL releases the lock when the holder's session ends — its
 * process died, was killed, or lost the network — so another instance takes it at its next try,
 * within `pollMs`.
 *
 * The holder checks its own connection on the same beat and stops acting as leader the moment a
 * check fails: it cannot know whether the server still counts its session, so it assumes not.
 * (Between a lost network and its next check a holder may run one more tick alongside the new
 * leader; the jobs are idempotent database sweeps, so the cost is a repeated no-op, not a double
 * escalation — each sweep claims its work in a transaction.)
 *
 * SQLite is one process by construction: `singleInstance` is always the leader.
 */
import pg from 'pg';
import type { Logger } from 'pino';

/** The advisory lock (two int4 keys): "PROP" and the scheduler's number. */
export const SCHEDULER_LOCK: readonly [number, number] = [0x50524f50, 1];

export interface Leadership {
  readonly isLeader: () => boolean;
  /** Called with the new state whenever it changes. */
  readonly onChange: (fn: (leader: boolean) => void) => () => void;
  readonly start: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export const singleInstance = (): Leadership => ({
  isLeader: () => true,
  onChange: () => () => undefined,
  start: async () => undefined,
  close: async () => undefined,
});

export interface PgLeadershipOptions {
  readonly connectionString: string;
  readonly log: Logger;
  /** How often a follower tries the lock and a leader checks its connection. */
  readonly pollMs?: number;
  readonly lock?: readonly [number, number];
}

export const pgLeadership = (opts: PgLeadershipOptions): Leadership => {
  const log = opts.log.child({ component: 'leadership' });
  const pollMs = opts.pollMs ?? 2000;
  const [k1, k2] = opts.lock ?? SCHEDULER_LOCK;
  const listeners = new Set<(leader: boolean) => void>();
  let client: pg.Client | undefined;
  let leader = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const set = (next: boolean) => {
    if (leader === next) return;
    leader = next;
    log.info(
      { leader },
      next ? 'this instance now runs the scheduled jobs' : 'this instance no longer runs the scheduled jobs',
    );
    for (const fn of [...listeners]) {
      try {
        fn(next);
      } catch (e) {
        log.error({ err: e }, 'leadership listener failed');
      }
    }
  };

  const drop = (c: pg.Client | undefined) => {
    if (c === undefined || client !== c) return;
    client = undefined;
    set(false);
    c.removeAllListeners('error');
    c.on('error', () => undefined);
    c.end().catch(() => undefined);
  };

  const tick = async () => {
    if (closed) return;
    try {
      if (!client) {
        const c = new pg.Client({
          connectionString: opts.connectionString,
          application_name: 'proportio-leadership',
        });
        c.on('error', (e) => {
          log.warn({ err: e }, 'leadership connection lost');
          drop(c);
        });
        await c.connect();
        client = c;
      }
      const c = client;
      if (leader) {
        await c.query('SELECT 1');
      } else {
        const r = await c.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1::int4, $2::int4) AS locked',
          [k1, k2],
        );
        if (closed) return;
        set(r.rows[0]?.locked === true);
      }
    } catch (e) {
      log.warn({ err: e }, 'leadership check failed');
      drop(client);
    }
  };

  const loop = () => {
    if (closed) return;
    timer = setTimeout(() => {
      running = tick().finally(loop);
    }, pollMs);
    timer.unref();
  };

  return {
    isLeader: () => leader,
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async start() {
      running = tick();
      await running;
      loop();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
      const c = client;
      client = undefined;
      // Ending the session releases the lock at once: a follower takes over at its next try.
      set(false);
      if (c) {
        c.removeAllListeners('error');
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
};
