/**
 * The in-process alarm hub: server-sent events to every connected responder. One event is
 * serialised once and written to each matching stream without awaiting anybody. The events of one
 * change (a raise publishes alarm.raised and room.changed in the same tick) go to each stream as
 * ONE write of one shared buffer, flushed to the socket at once — not left corked until Node's next
 * tick, after whatever else the request still does (measured in bench/alarm-latency.bench.ts). A stalled
 * connection only grows its own buffer; it is dropped when that buffer passes a hard limit, or
 * when it keeps a backlog across two checks (the browser reconnects and gets a snapshot). Reconnecting clients get the open alarms as a
 * snapshot, plus the events they missed when their Last-Event-ID is still in the replay ring.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { audienceOf, mayReceive, type Audience, type Recipient } from '../core/alarm/audience.js';
import { ALARM_EVENT_TYPES, type AlarmEvent, type RoomChangedEvent } from '../core/alarm/events.js';
import { encodePosition, missedBy, parsePosition } from '../core/alarm/stream-position.js';
import type { EventOrigin } from '../services/ports.js';

export interface HubMessage {
  readonly event: string;
  readonly siteId: string;
  readonly audience: Audience;
  readonly data: unknown;
}

export interface HubOptions {
  /** Bytes a client may have queued in user space at all: beyond this it is dropped at once (bounds memory). */
  readonly maxBufferBytes?: number;
  /** A client still holding more than this at two checks in a row is not reading: dropped. */
  readonly stallBytes?: number;
  readonly stallCheckMs?: number;
  readonly heartbeatMs?: number;
  /** Events kept for Last-Event-ID replay. */
  readonly replaySize?: number;
  readonly log?: Logger;
}

interface Client {
  readonly recipient: Recipient;
  readonly res: ServerResponse;
  live: boolean;
  stallStrikes: number;
  pending: string[];
  pendingBytes: number;
}

interface Replayed {
  /** Order of publication in this hub. */
  readonly seq: number;
  readonly from: EventOrigin;
  readonly siteId: string;
  readonly audience: Audience;
  readonly frame: string;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  connection: 'keep-alive',
  // Reverse proxies (nginx) must not buffer the stream.
  'x-accel-buffering': 'no',
} as const;

/** What responders' consoles hear: every change of an alarm, and of a room's state. */
export const HUB_EVENTS = [...ALARM_EVENT_TYPES, 'room.changed'] as const;

/** Alarm events go to the first group, and to security too once escalated; room changes to both. */
export const toHubMessage = (e: AlarmEvent | RoomChangedEvent): HubMessage =>
  e.type === 'room.changed'
    ? { event: e.type, siteId: e.siteId, audience: 'both-groups', data: e }
    : { event: e.type, siteId: e.alarm.siteId, audience: audienceOf(e.alarm), data: e };

export const createAlarmHub = (opts: HubOptions = {}) => {
  const maxBuffer = opts.maxBufferBytes ?? 1024 * 1024;
  const stallBytes = opts.stallBytes ?? 64 * 1024;
  const stallCheckMs = opts.stallCheckMs ?? 2000;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const replaySize = opts.replaySize ?? 1000;
  const clients = new Set<Client>();
  const ring: Replayed[] = [];
  let seq = 0;
  // Event ids are stream positions (core/alarm/stream-position.ts): per origin, the last event
  // published here, for the origins still in the ring; the same on every instance.
  const position = new Map<string, number>();
  const inRing = new Map<string, number>();
  let positionId = '';
  /** Frames published in this tick, and which of them each live client gets; written at the end of the tick. */
  let tickFrames: string[] = [];
  const tickClients = new Map<Client, number[]>();
  let flushQueued = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let stallCheck: NodeJS.Timeout | undefined;
  const counters = { connected: 0, droppedSlow: 0, delivered: 0 };

  const drop = (c: Client, why: string) => {
    if (!clients.delete(c)) return;
    counters.droppedSlow++;
    opts.log?.warn({ why, buffered: c.res.writableLength }, 'alarm stream dropped');
    c.res.destroy();
  };

  const write = (c: Client, frame: string | Buffer) => {
    if (c.res.writableLength > maxBuffer) return drop(c, 'stalled');
    // Corked by us, the write goes out on uncork (one writev), instead of on Node's next tick.
    c.res.cork();
    c.res.write(frame);
    c.res.uncork();
  };

  /** Writes the tick's frames: one buffer per distinct set of frames, shared by every stream that gets it. */
  const flushTick = () => {
    flushQueued = false;
    const frames = tickFrames;
    const targets = [...tickClients];
    tickFrames = [];
    tickClients.clear();
    const buffers = new Map<string, Buffer>();
    for (const [c, which] of targets) {
      if (!clients.has(c)) continue;
      const key = which.join(',');
      let buf = buffers.get(key);
      if (!buf) {
        buf = Buffer.from(which.map((i) => frames[i]).join(''));
        buffers.set(key, buf);
      }
      write(c, buf);
    }
  };

  const deliver = (c: Client, frame: string) => {
    if (c.live) {
      const which = tickClients.get(c);
      if (which) which.push(tickFrames.length - 1);
      else tickClients.set(c, [tickFrames.length - 1]);
      return;
    }
    // Still sending the snapshot: keep the event for right after it (bounded like the socket buffer).
    c.pending.push(frame);
    c.pendingBytes += frame.length;
    if (c.pendingBytes > maxBuffer) drop(c, 'stalled before snapshot');
  };

  const ensureTimers = () => {
    if (!stallCheck) {
      // A healthy client drains its buffer within milliseconds; one that keeps a backlog across two checks is stalled.
      stallCheck = setInterval(() => {
        for (const c of clients) {
          c.stallStrikes = c.res.writableLength > stallBytes ? c.stallStrikes + 1 : 0;
          if (c.stallStrikes >= 2) drop(c, 'not reading');
        }
      }, stallCheckMs);
      stallCheck.unref();
    }
    if (heartbeat || heartbeatMs <= 0) return;
    heartbeat = setInterval(() => {
      const frame = `: hb\n\n`;
      for (const c of clients) if (c.live) write(c, frame);
    }, heartbeatMs);
    heartbeat.unref();
  };

  const endStreams = (): void => {
    flushTick();
    for (const c of clients) c.res.end();
    clients.clear();
  };

  return {
    /** One event, stamped with where it was emitted (DomainEvents' EventOrigin). */
    publish(msg: HubMessage, from: EventOrigin): void {
      seq++;
      position.set(from.origin, from.seq);
      inRing.set(from.origin, (inRing.get(from.origin) ?? 0) + 1);
      positionId = encodePosition(position);
      const frame = `id: ${positionId}\nevent: ${msg.event}\ndata: ${JSON.stringify(msg.data)}\n\n`;
      ring.push({ seq, from, siteId: msg.siteId, audience: msg.audience, frame });
      tickFrames.push(frame);
      if (!flushQueued) {
        // Right after this synchronous run (a raise publishes two events in it), before the rest of the request.
        flushQueued = true;
        queueMicrotask(flushTick);
      }
      if (ring.length > replaySize) {
        const gone = ring.shift()!.from.origin;
        const left = inRing.get(gone)! - 1;
        // An origin with nothing left to replay leaves the id short; a stream that never had it gets its later events anyway.
        if (left === 0) {
          inRing.delete(gone);
          position.delete(gone);
          positionId = encodePosition(position);
        } else inRing.set(gone, left);
      }
      for (const c of clients) {
        if (!mayReceive(c.recipient, msg.siteId, msg.audience)) continue;
        counters.delivered++;
        deliver(c, frame);
      }
    },

    /**
     * Takes over the response: headers, then the snapshot (open alarms now), then missed events,
     * then live events. Events published while the snapshot is read are queued, not lost.
     */
    async attach(
      res: ServerResponse,
      recipient: Recipient,
      lastEventId: string | undefined,
      snapshot: () => Promise<unknown>,
    ): Promise<void> {
      const c: Client = { recipient, res, live: false, stallStrikes: 0, pending: [], pendingBytes: 0 };
      clients.add(c);
      counters.connected++;
      ensureTimers();
      res.on('close', () => clients.delete(c));
      res.writeHead(200, SSE_HEADERS);
      res.write('retry: 3000\n\n');
      const since = parsePosition(lastEventId);
      const startSeq = seq;
      const startId = positionId;
      let data: unknown;
      try {
        data = await snapshot();
      } catch (e) {
        opts.log?.error({ err: (e as Error).message }, 'alarm stream snapshot failed');
        clients.delete(c);
        res.destroy();
        return;
      }
      if (!clients.has(c)) return;
      // Nothing heard yet: no id, so the browser keeps the one it had.
      write(
        c,
        `${startId === '' ? '' : `id: ${startId}\n`}event: alarms.snapshot\ndata: ${JSON.stringify(data)}\n\n`,
      );
      if (since !== undefined) {
        for (const r of ring)
          if (
            r.seq <= startSeq &&
            missedBy(since, r.from.origin, r.from.seq) &&
            mayReceive(recipient, r.siteId, r.audience)
          )
            write(c, r.frame);
      }
      for (const f of c.pending) write(c, f);
      c.pending = [];
      c.pendingBytes = 0;
      c.live = true;
    },

    /**
     * Ends every stream but keeps serving: the browsers reconnect at once and get a fresh snapshot.
     * For when this instance may have missed other instances' events (compose/cluster.ts).
     */
    endStreams,

    /** Ends every stream (server shutdown): the browsers reconnect to whichever instance comes up. */
    closeAll(): void {
      if (heartbeat) clearInterval(heartbeat);
      if (stallCheck) clearInterval(stallCheck);
      heartbeat = undefined;
      stallCheck = undefined;
      endStreams();
    },

    stats: () => ({ clients: clients.size, ...counters, lastEventId: positionId }),
  };
};

export type AlarmHub = ReturnType<typeof createAlarmHub>;
