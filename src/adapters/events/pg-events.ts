/**
 * The domain events port across server instances on one PostgreSQL (issue 13 §1): local
 * subscribers get every event synchronously as in one process; every event is also published
 * with NOTIFY, and each other instance's LISTEN connection hands it to its own subscribers.
 *
 * Why NOTIFY and not a broker or a table: the instances already share the database, a NOTIFY
 * reaches every listening session in commit order, and nothing else has to be run. It is a
 * notification, not a queue: an instance whose LISTEN connection was down missed what was said
 * meanwhile. The port's rules allow that (whoever must not miss a change re-reads the database),
 * and `onResync` tells the subscribers that must re-read when the connection is back. What this
 * instance emitted while its own connection was down is kept (up to MAX_BACKLOG) and published
 * once it is back: another instance may have re-read before this one committed.
 *
 * Payload: `{ o: origin, e: event }` as JSON. An instance ignores its own notifications (its
 * subscribers were called in emit()); another instance's event skips the subscribers that asked
 * for this instance's own events only (alarm notices and the webhook go out once, ADR 0017). NOTIFY carries at most 8000 bytes: a larger event is
 * delivered locally and logged as not published, never cut short.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DomainEvent, DomainEvents } from '../../services/ports.js';
import { inProcessEvents } from './in-process-events.js';

export const EVENTS_CHANNEL = 'proportio_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7999;
/**
 * Events kept while the connection is down, published in order once it is back: an alarm this
 * instance committed during the outage must still reach the instances whose own resync came
 * before it (ADR 0017). Beyond this many the oldest are dropped (and counted as unpublished).
 */
export const MAX_BACKLOG = 1000;

export interface PgEventsOptions {
  readonly connectionString: string;
  readonly log: Logger;
  readonly channel?: string;
  /** How the connection shows in pg_stat_activity (default proportio-events). */
  readonly applicationName?: string;
  /** First wait before reconnecting; doubled per failure up to 30 s. */
  readonly reconnectMs?: number;
}

export interface PgEventsStats {
  readonly connected: boolean;
  readonly published: number;
  readonly received: number;
  readonly unpublished: number;
  readonly reconnects: number;
}

export interface PgEvents extends DomainEvents {
  /** Connects and starts listening; resolves once LISTEN is in place (or rejects on the first failure). */
  start(): Promise<void>;
  /** Called after a lost connection was restored: events may have been missed meanwhile. */
  readonly onResync: (fn: () => void) => () => void;
  stats(): PgEventsStats;
  close(): Promise<void>;
}

interface Envelope {
  /** The emitting run (EventOrigin.origin) and the event's place in its order. */
  readonly o: string;
  readonly n: number;
  readonly e: DomainEvent;
}

const isEnvelope = (v: unknown): v is Envelope =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { o?: unknown }).o === 'string' &&
  Number.isSafeInteger((v as { n?: unknown }).n) &&
  typeof (v as { e?: { type?: unknown } }).e?.type === 'string';

export const pgEvents = (opts: PgEventsOptions): PgEvents => {
  const log = opts.log.child({ component: 'events' });
  const channel = opts.channel ?? EVENTS_CHANNEL;
  const origin = randomBytes(8).toString('hex');
  const local = inProcessEvents(opts.log, origin);
  const resync = new Set<() => void>();
  const firstWait = opts.reconnectMs ?? 500;
  let client: pg.Client | undefined;
  let connected = false;
  let closed = false;
  let everConnected = false;
  let wait = firstWait;
  let retry: NodeJS.Timeout | undefined;
  // Publishing is serialised so other instances see one instance's events in emit order.
  let publishing: Promise<void> = Promise.resolve();
  /** Payloads not yet published, oldest first (the connection was down or the NOTIFY failed). */
  const backlog: Array<{ readonly type: string; readonly payload: string }> = [];
  const counters = { published: 0, received: 0, unpublished: 0, reconnects: 0 };

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== channel || msg.payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(msg.payload);
    } catch {
      log.warn({ channel }, 'ignored a notification that is not JSON');
      return;
    }
    if (!isEnvelope(parsed)) {
      log.warn({ channel }, 'ignored a notification that is not a domain event');
      return;
    }
    if (parsed.o === origin) return;
    counters.received++;
    local.deliverFromElsewhere(parsed.e, { origin: parsed.o, seq: parsed.n });
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: opts.connectionString,
      application_name: opts.applicationName ?? 'proportio-events',
    });
    c.on('notification', onNotification);
    c.on('error', (e) => {
      // The connection broke (server restart, network): drop it and reconnect.
      log.warn({ err: e }, 'events connection lost');
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = c;
    connected = true;
    wait = firstWait;
    if (backlog.length > 0) flush();
    if (everConnected) {
      counters.reconnects++;
      log.info('events connection restored: subscribers re-read what they might have missed');
      for (const fn of [...resync]) {
        try {
          fn();
        } catch (e) {
          log.error({ err: e }, 'resync handler failed');
        }
      }
    }
    everConnected = true;
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    connected = false;
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    schedule();
  };

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((e: unknown) => {
        log.warn({ err: e, retryMs: wait }, 'events connection failed; trying again');
        wait = Math.min(wait * 2, 30_000);
        schedule();
      });
    }, wait);
    retry.unref();
  };

  /** Publishes the backlog in order; stops at the first failure and keeps the rest for the next connection. */
  const flush = () => {
    publishing = publishing.then(async () => {
      while (backlog.length > 0) {
        const c = client;
        if (!c || !connected) return;
        const next = backlog[0]!;
        try {
          await c.query('SELECT pg_notify($1, $2)', [channel, next.payload]);
        } catch (e) {
          log.warn({ err: e, event: next.type }, 'publishing an event failed: kept for the next connection');
          return;
        }
        backlog.shift();
        counters.published++;
      }
    });
  };

  const publish = (event: DomainEvent, n: number) => {
    const payload = JSON.stringify({ o: origin, n, e: event } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) {
      counters.unpublished++;
      log.error(
        { event: event.type, bytes: Buffer.byteLength(payload) },
        'event too large for NOTIFY: delivered locally only',
      );
      return;
    }
    backlog.push({ type: event.type, payload });
    if (backlog.length > MAX_BACKLOG) {
      const dropped = backlog.shift()!;
      counters.unpublished++;
      log.error(
        { event: dropped.type },
        'events connection down too long: the oldest kept event was dropped',
      );
    }
    if (!connected) log.warn({ event: event.type }, 'events connection down: event kept until it is back');
    flush();
  };

  return {
    emit(event) {
      const { seq } = local.emitStamped(event);
      if (!closed) publish(event, seq);
    },
    subscribe(types, handler, options) {
      return local.subscribe(types, handler, options);
    },
    async start() {
      await connect();
    },
    onResync(fn) {
      resync.add(fn);
      return () => resync.delete(fn);
    },
    stats: () => ({ connected, ...counters }),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await publishing;
      const c = client;
      client = undefined;
      connected = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
};
