/**
 * One instance or several (issue 13 §1). On SQLite there is one process by construction: events
 * stay in the process and it runs every scheduled job. On PostgreSQL any number of `proportio
 * serve` may share the database: events travel between them by LISTEN/NOTIFY
 * (adapters/events/pg-events.ts) and the holder of an advisory lock runs the scheduled jobs
 * (adapters/db/leadership.ts); rate limits are counted in the database, not per process
 * (adapters/limits/rate-limits.ts, ADR 0017). The modules see only this interface.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../adapters/db/connection.js';
import { pgLeadership, singleInstance, type Leadership } from '../adapters/db/leadership.js';
import { inProcessEvents } from '../adapters/events/in-process-events.js';
import { pgEvents } from '../adapters/events/pg-events.js';
import { memoryRateLimits, pgRateLimits } from '../adapters/limits/rate-limits.js';
import type { Instance } from '../core/viewing/holder.js';
import type { DomainEvents, RateLimits } from '../services/ports.js';

export interface Cluster {
  /** This instance: where it serves and this run of it (core/viewing/holder.ts), and whether it is the only one. */
  readonly instance: Instance;
  readonly events: DomainEvents;
  /** Rate limits (login, public pages, button presses): counted across every instance (ADR 0017). */
  readonly limits: RateLimits;
  /** Whether this instance runs the scheduled jobs now; a job checks it at every tick. */
  isLeader(): boolean;
  /** Called with the new state when this instance becomes or stops being the leader. */
  onLeaderChange(fn: (leader: boolean) => void): () => void;
  /** Called when events from other instances may have been missed (a lost connection came back). */
  onResync(fn: () => void): () => void;
  /** Takes part in choosing the leader (serve only: a one-shot command never runs the jobs). */
  startLeadership(): Promise<void>;
  /** Prometheus lines. */
  metrics(): string;
  close(): Promise<void>;
}

/** `place`: the host and port this instance serves on, what an operator routes by. */
export const createCluster = async (database: Database, log: Logger, place: string): Promise<Cluster> => {
  const url = database.dialect === 'postgres' ? database.connectionString : undefined;
  const id = `${place}/${randomBytes(4).toString('hex')}`;
  if (url === undefined) {
    const leadership = singleInstance();
    return {
      instance: { id, alone: true },
      events: inProcessEvents(log),
      limits: memoryRateLimits(),
      isLeader: leadership.isLeader,
      onLeaderChange: leadership.onChange,
      onResync: () => () => undefined,
      startLeadership: leadership.start,
      metrics: () => '',
      close: leadership.close,
    };
  }
  const events = pgEvents({ connectionString: url, log });
  await events.start();
  let leadership: Leadership | undefined;
  // Listeners may come before leadership starts (modules are made first).
  const leaderListeners = new Set<(leader: boolean) => void>();
  return {
    instance: { id, alone: false },
    events,
    limits: pgRateLimits(database.db),
    isLeader: () => leadership?.isLeader() ?? false,
    onLeaderChange: (fn) => {
      leaderListeners.add(fn);
      return () => leaderListeners.delete(fn);
    },
    onResync: events.onResync,
    startLeadership: async () => {
      if (leadership === undefined) {
        leadership = pgLeadership({ connectionString: url, log });
        leadership.onChange((l) => {
          for (const fn of [...leaderListeners]) fn(l);
        });
      }
      await leadership.start();
    },
    metrics: () => {
      const s = events.stats();
      return [
        '# HELP proportio_cluster_leader Whether this instance runs the scheduled jobs (1) or not (0).',
        '# TYPE proportio_cluster_leader gauge',
        `proportio_cluster_leader ${leadership?.isLeader() ? 1 : 0}`,
        '# HELP proportio_cluster_events_connected Whether the LISTEN connection to the other instances is up.',
        '# TYPE proportio_cluster_events_connected gauge',
        `proportio_cluster_events_connected ${s.connected ? 1 : 0}`,
        '# HELP proportio_cluster_events_total Domain events published to and received from other instances.',
        '# TYPE proportio_cluster_events_total counter',
        `proportio_cluster_events_total{direction="published"} ${s.published}`,
        `proportio_cluster_events_total{direction="received"} ${s.received}`,
        `proportio_cluster_events_total{direction="unpublished"} ${s.unpublished}`,
        '# HELP proportio_cluster_events_reconnects_total Times the LISTEN connection was restored.',
        '# TYPE proportio_cluster_events_reconnects_total counter',
        `proportio_cluster_events_reconnects_total ${s.reconnects}`,
        '',
      ].join('\n');
    },
    close: async () => {
      await leadership?.close();
      await events.close();
    },
  };
};
