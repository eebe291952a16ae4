import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Recipient } from '../core/alarm/audience.js';
import { createAlarmHub, type HubMessage } from './alarm-hub.js';

/** Just enough of a ServerResponse to see what the hub writes, and whether it is left corked. */
const fakeResponse = () => {
  const writes: string[] = [];
  let corked = 0;
  const res = {
    writableLength: 0,
    destroyed: false,
    writeHead: () => res,
    write: (chunk: string | Buffer) => {
      writes.push(chunk.toString());
      return true;
    },
    cork: () => void corked++,
    uncork: () => void (corked = Math.max(0, corked - 1)),
    on: () => res,
    end: () => undefined,
    destroy: () => undefined,
  };
  return { res: res as unknown as http.ServerResponse, writes, corked: () => corked };
};

const responder: Recipient = { roles: ['responder'], siteIds: [] };
const security: Recipient = { roles: ['security'], siteIds: [] };
const raised: HubMessage = { event: 'alarm.raised', siteId: 's1', audience: 'first-group', data: { n: 1 } };
const roomChanged: HubMessage = {
  event: 'room.changed',
  siteId: 's1',
  audience: 'both-groups',
  data: { n: 2 },
};
const events = (text: string) => [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);

describe('alarm hub fan-out', () => {
  /** Events emitted by this process run, in order (EventOrigin). */
  let emitted = 0;
  const here = () => ({ origin: 'a1'.repeat(8), seq: ++emitted });
  const hubs: Array<ReturnType<typeof createAlarmHub>> = [];
  afterEach(() => hubs.splice(0).forEach((h) => h.closeAll()));
  const hub = () => {
    const h = createAlarmHub({ heartbeatMs: 0 });
    hubs.push(h);
    return h;
  };

  it('sends the events of one change (raised + room changed) to a stream as one write, in order', async () => {
    const h = hub();
    const a = fakeResponse();
    await h.attach(a.res, responder, undefined, async () => ({ alarms: [] }));
    const before = a.writes.length;
    h.publish(raised, here());
    h.publish(roomChanged, here());
    await Promise.resolve();
    const after = a.writes.slice(before);
    expect(after).toHaveLength(1);
    expect(events(after[0]!)).toEqual(['alarm.raised', 'room.changed']);
    expect(a.corked()).toBe(0);
  });

  it('gives each stream only what its audience may see, still one write each', async () => {
    const h = hub();
    const r = fakeResponse();
    const s = fakeResponse();
    await h.attach(r.res, responder, undefined, async () => ({ alarms: [] }));
    await h.attach(s.res, security, undefined, async () => ({ alarms: [] }));
    const [r0, s0] = [r.writes.length, s.writes.length];
    h.publish(raised, here());
    h.publish(roomChanged, here());
    await Promise.resolve();
    expect(r.writes.slice(r0).map(events)).toEqual([['alarm.raised', 'room.changed']]);
    expect(s.writes.slice(s0).map(events)).toEqual([['room.changed']]);
  });

  it('events published while the snapshot is read follow it, and later ones follow those', async () => {
    const h = hub();
    const a = fakeResponse();
    let release!: () => void;
    const attached = h.attach(a.res, responder, undefined, async () => {
      await new Promise<void>((r) => (release = r));
      return { alarms: [] };
    });
    await Promise.resolve();
    h.publish(raised, here());
    release();
    await attached;
    h.publish(roomChanged, here());
    await Promise.resolve();
    expect(events(a.writes.join(''))).toEqual(['alarms.snapshot', 'alarm.raised', 'room.changed']);
  });

  it('a stream that moves to another instance gets there exactly what it missed, from either origin', async () => {
    // Two instances hear the same events: each its own and, by NOTIFY, the other's, each origin in its order.
    const [onA, onB] = [hub(), hub()];
    const fromA = (seq: number) => ({ origin: 'aa'.repeat(8), seq });
    const fromB = (seq: number) => ({ origin: 'bb'.repeat(8), seq });
    const both = (msg: HubMessage, from: { origin: string; seq: number }) => {
      onA.publish(msg, from);
      onB.publish(msg, from);
    };
    const n = (i: number): HubMessage => ({ ...raised, data: { n: i } });
    const s = fakeResponse();
    await onA.attach(s.res, responder, undefined, async () => ({ alarms: [] }));
    both(n(1), fromA(1));
    both(n(2), fromB(1));
    await Promise.resolve();
    const lastId = [...s.writes.join('').matchAll(/^id: (.+)$/gm)].at(-1)![1];
    // A dies; on B, meanwhile, events of both origins (A's last ones reached B before it died).
    both(n(3), fromA(2));
    onB.publish(n(4), fromB(2));
    const moved = fakeResponse();
    await onB.attach(moved.res, responder, lastId, async () => ({ alarms: [] }));
    const text = moved.writes.join('');
    expect(events(text)).toEqual(['alarms.snapshot', 'alarm.raised', 'alarm.raised']);
    expect([...text.matchAll(/"n":(\d+)/g)].map((m) => Number(m[1]))).toEqual([3, 4]);
    // Without a position it gets the snapshot only, as a new browser does.
    const fresh = fakeResponse();
    await onB.attach(fresh.res, responder, 'not-an-id', async () => ({ alarms: [] }));
    expect(events(fresh.writes.join(''))).toEqual(['alarms.snapshot']);
  });

  it('keeps in its event ids only origins it can still replay', async () => {
    const h = createAlarmHub({ heartbeatMs: 0, replaySize: 2 });
    hubs.push(h);
    h.publish(raised, { origin: 'cc'.repeat(8), seq: 1 });
    h.publish(raised, { origin: 'dd'.repeat(8), seq: 1 });
    expect(h.stats().lastEventId).toBe(`${'cc'.repeat(8)}.1,${'dd'.repeat(8)}.1`);
    h.publish(raised, { origin: 'dd'.repeat(8), seq: 2 });
    expect(h.stats().lastEventId).toBe(`${'dd'.repeat(8)}.2`);
  });

  describe('on a real socket', () => {
    let server: http.Server | undefined;
    afterEach(async () => {
      server?.closeAllConnections();
      await new Promise((r) => server?.close(r));
    });

    it('hands the bytes to the socket before Node’s next tick, not after the rest of the request', async () => {
      const h = hub();
      let res: http.ServerResponse | undefined;
      server = http.createServer((_req, r) => {
        res = r;
        void h.attach(r, responder, undefined, async () => ({ alarms: [] }));
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      const { port } = server.address() as AddressInfo;
      let received = '';
      const got = new Promise<void>((resolve) =>
        http.get(`http://127.0.0.1:${port}/`, (r) =>
          r.on('data', (c: Buffer) => {
            received += c.toString();
            if (received.includes('event: room.changed')) resolve();
          }),
        ),
      );
      await new Promise<void>((r) => {
        const wait = () => (h.stats().clients === 1 && res?.headersSent ? r() : setTimeout(wait, 5));
        wait();
      });
      await new Promise((r) => setTimeout(r, 50)); // the snapshot is out; the stream is live
      // Inside a promise job, like a press: the rest of the request would run before Node's next tick.
      await Promise.resolve().then(async () => {
        h.publish(raised, here());
        h.publish(roomChanged, here());
        await Promise.resolve();
        expect(res!.socket!.writableCorked).toBe(0);
        expect(res!.socket!.writableLength).toBe(0);
      });
      await got;
      expect(events(received)).toEqual(['alarms.snapshot', 'alarm.raised', 'room.changed']);
    });
  });
});
