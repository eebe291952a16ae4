/**
 * Helpers for the alarm integration tests: a real SSE client over a real HTTP connection, and
 * small API shortcuts. (Not a test file itself.)
 */
import http from 'node:http';
import type { ProportioApp } from '../../src/http/app.js';
import type { AlarmModule } from '../../src/compose/alarm.compose.js';
import type { Runtime } from '../../src/main.js';
import { loginAs } from '../support/test-runtime.js';

export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: unknown;
}

export interface SseClient {
  readonly events: SseEvent[];
  readonly status: number;
  waitFor(pred: (e: SseEvent) => boolean, what?: string, timeoutMs?: number): Promise<SseEvent>;
  lastId(): string | undefined;
  close(): void;
  closed(): boolean;
}

/** Opens GET /api/alarms/stream and parses the event stream as a browser's EventSource would. */
export const openStream = (baseUrl: string, cookie: string, lastEventId?: string): Promise<SseClient> =>
  new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: Array<{ pred: (e: SseEvent) => boolean; done: (e: SseEvent) => void }> = [];
    let ended = false;
    const req = http.get(
      `${baseUrl}/api/alarms/stream`,
      {
        headers: {
          cookie,
          accept: 'text/event-stream',
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
        agent: false,
      },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let id: string | undefined;
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length === 0) continue;
            const e: SseEvent = { id, event, data: JSON.parse(data.join('\n')) as unknown };
            events.push(e);
            for (const w of [...waiters]) {
              if (w.pred(e)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(e);
              }
            }
          }
        });
        res.on('close', () => {
          ended = true;
        });
        resolve({
          events,
          status: res.statusCode ?? 0,
          waitFor: (pred, what = 'event', timeoutMs = 30_000) => {
            const found = events.find(pred);
            if (found) return Promise.resolve(found);
            return new Promise((ok, fail) => {
              const t = setTimeout(
                () =>
                  fail(
                    new Error(`timed out waiting for ${what}; got ${events.map((e) => e.event).join(', ')}`),
                  ),
                timeoutMs,
              );
              waiters.push({ pred, done: (e) => (clearTimeout(t), ok(e)) });
            });
          },
          lastId: () => [...events].reverse().find((e) => e.id)?.id,
          close: () => req.destroy(),
          closed: () => ended,
        });
      },
    );
    req.on('error', (e) => {
      if (!ended) reject(e);
    });
  });

export const alarmModule = (rt: Runtime): AlarmModule =>
  rt.modules.find((m) => m.name === 'alarm') as AlarmModule;

export const alarmOf = (e: SseEvent) =>
  (
    e.data as {
      alarm: { id: string; state: string; roomId: string; acknowledgements: Array<{ displayName: string }> };
    }
  ).alarm;

export interface Demo {
  readonly sites: Array<{ id: string; name: string }>;
  readonly rooms: Array<{ id: string; name: string; siteId: string }>;
  readonly types: Array<{ id: string; code: string }>;
}

export const demoRegistry = async (app: ProportioApp, headers: Record<string, string>): Promise<Demo> => ({
  sites: (await app.inject({ method: 'GET', url: '/api/sites', headers })).json(),
  rooms: (await app.inject({ method: 'GET', url: '/api/rooms', headers })).json(),
  types: (await app.inject({ method: 'GET', url: '/api/conversation-types', headers })).json(),
});

/** Counts of what a bad request must not have written. */
export const footprint = async (rt: Runtime) => {
  const db = rt.database.db;
  const n = async (
    t: 'alarms' | 'incidents' | 'conversations' | 'devices' | 'alarm_acknowledgements' | 'audit_log',
  ) =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    alarms: await n('alarms'),
    incidents: await n('incidents'),
    conversations: await n('conversations'),
    devices: await n('devices'),
    acknowledgements: await n('alarm_acknowledgements'),
    audit: await n('audit_log'),
  };
};

/** A responder who serves one site only (the demo accounts serve all). */
export const createSiteResponder = async (
  app: ProportioApp,
  admin: Record<string, string>,
  username: string,
  siteId: string,
  roles: string[] = ['responder'],
) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin,
    payload: {
      username,
      displayName: `Test ${username}`,
      roles,
      siteIds: [siteId],
      password: 'Lindewaard-demo-2026',
    },
  });
  if (res.statusCode !== 201) throw new Error(`create user ${username}: ${res.statusCode} ${res.body}`);
  return loginAs(app, username);
};
