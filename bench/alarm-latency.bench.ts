/**
 * Alarm delivery latency: from the press (HTTP POST /api/alarms, or an MQTT publish by a button)
 * until each connected responder's SSE stream has received the alarm — with 1, 100 and 1,000
 * responder streams — beside the floor on this machine: a bare Node.js http server writing one
 * event of the same size to every open response.
 *
 *   npx tsx bench/alarm-latency.bench.ts [--runs 7] [--rounds 30] [--sizes 1,100,1000] [--synchronous FULL] [--out docs/benchmarks/alarm.md]
 *
 * One p99 from one run is mostly the run's worst round, so the benchmark repeats itself: `--runs`
 * independent runs (a fresh server process and store each), and reports the median and the spread
 * of the ratio ours ÷ floor across them, with the load average beside every run. Within a run the
 * floor and ours are measured interleaved, round by round (floor, HTTP press, MQTT press), so a
 * neighbour's load on the shared machine falls on both.
 *
 * The responders (and the presses) live in a SECOND process, so the server's event loop is not
 * shared with the clients'. Latency is measured in the client process (send time → receive time on
 * the same clock). Every alarm is committed to the SQLite file (WAL) with its incident and audit
 * entry before it is fanned out, as in production.
 *
 * Stages. The server process times each press from the outside, without touching production code:
 * the http server's 'request' event (arrival), better-sqlite3's BEGIN and COMMIT statements (wrapped
 * here, in the benchmark process only), the hub's publish (wrapped on the module's hub object), and
 * garbage collections (perf_hooks). Nothing of this is loaded when Proportio runs normally.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Aedes } from 'aedes';
import SQLite from 'better-sqlite3';
import { connect as mqttConnect } from 'mqtt';
import { argon2Hasher } from '../src/adapters/auth/password-hasher.js';
import type { AlarmModule } from '../src/compose/alarm.compose.js';
import { loadConfig } from '../src/config.js';
import { createRuntime, packageRoot } from '../src/main.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

type PathName = 'floor' | 'http' | 'mqtt';

interface ClientConfig {
  readonly appUrl: string;
  readonly floorUrl: string;
  readonly responderCookie: string;
  readonly pressHeaders: Record<string, string>;
  readonly closeHeaders: Record<string, string>;
  readonly roomIds: readonly string[];
  readonly mqtt: {
    readonly port: number;
    readonly username: string;
    readonly password: string;
    readonly topic: string;
  };
  readonly sizes: readonly number[];
  readonly rounds: number;
}

/** One round of one path as the client saw it (times on the shared wall clock, ms). */
interface Round {
  readonly path: PathName;
  readonly n: number;
  readonly sentAt: number;
  readonly alarmId: string | undefined;
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly last: number;
  /** GC time in the client process during this round (it delays the arrival stamps). */
  readonly clientGcMs: number;
}

interface ResultRow {
  readonly path: PathName;
  readonly n: number;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

type Msg =
  | { type: 'config'; config: ClientConfig }
  | { type: 'measure-memory'; label: string }
  | { type: 'memory'; label: string }
  | { type: 'result'; rows: ResultRow[]; rounds: Round[] };

/** What one run (one server process) hands back to the driver. */
interface RunResult {
  readonly rows: ResultRow[];
  readonly stages: StageRound[];
  readonly memory: Record<number, { floorHeap: number; floorRss: number; heap: number; rss: number }>;
  readonly frameBytes: number;
  readonly hub: { clients: number; droppedSlow: number };
}

/** Where the time of one round went (ms), joined from the client's and the server's marks. */
interface StageRound {
  readonly path: PathName;
  readonly n: number;
  /** Press sent → server's 'request' event (HTTP, floor) or the broker's publish check (MQTT). */
  readonly toServer: number;
  /** 'request' → BEGIN: parsing, session lookup and authorisation, validation (HTTP); payload check and device lookup (MQTT). */
  readonly auth: number;
  /** BEGIN → COMMIT: the statements of the transaction (room, join check, incident, alarm, audit entry). */
  readonly transaction: number;
  /** The COMMIT statement itself: the WAL write (and a checkpoint when one falls due). */
  readonly commit: number;
  /** COMMIT → hub.publish: building the alarm view after the commit. */
  readonly afterCommit: number;
  /** hub.publish: serialising once and writing to every stream, synchronously. */
  readonly fanOut: number;
  /** publish returned → the first socket write: work that runs before the bytes go out (Node's http defers
   *  a write to its next tick, i.e. after the rest of the request's microtasks, unless the writer flushes). */
  readonly afterPublish: number;
  /** First → last socket write: the bytes go out to every stream (a writev each). */
  readonly flush: number;
  /** Last socket write → first / last stream has it (kernel, and the client reading n sockets). */
  readonly toFirst: number;
  readonly toLast: number;
  readonly total99: number;
  readonly serverGcMs: number;
  readonly clientGcMs: number;
}

const now = () => performance.timeOrigin + performance.now();
const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
/** Quantile with linear interpolation (for medians and quartiles of a handful of runs). */
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface GcEntry {
  readonly start: number;
  readonly duration: number;
}
/** Collects GC pauses (wall-clock start, ms) of this process. */
const watchGc = (): GcEntry[] => {
  const out: GcEntry[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      out.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
  }).observe({ entryTypes: ['gc'] });
  return out;
};
const gcWithin = (gcs: readonly GcEntry[], from: number, to: number): number =>
  gcs.filter((g) => g.start + g.duration >= from && g.start <= to).reduce((a, g) => a + g.duration, 0);

// ───────────────────────────── client process ─────────────────────────────

interface Stream {
  /** Arrival times of the marker event, in order. */
  readonly arrivals: number[];
  /** How many alarm.closed events arrived (the round is over when every stream has its close). */
  closed: number;
  lastAlarmId: string | undefined;
  close(): void;
}

/** Opens n SSE streams; resolves when each has received its first event (snapshot or floor hello). */
const openStreams = async (
  url: string,
  n: number,
  headers: Record<string, string>,
  marker: string,
): Promise<Stream[]> => {
  const streams: Stream[] = [];
  const opened: Array<Promise<void>> = [];
  for (let i = 0; i < n; i++) {
    opened.push(
      new Promise((resolve, reject) => {
        const s: Stream = { arrivals: [], closed: 0, lastAlarmId: undefined, close: () => req.destroy() };
        let first = true;
        const req = http.get(
          url,
          { headers: { accept: 'text/event-stream', ...headers }, agent: false },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              const t = now();
              if (first) {
                first = false;
                resolve();
              }
              let at = chunk.indexOf(marker);
              while (at >= 0) {
                s.arrivals.push(t);
                const m = /"alarm":\{"id":"([0-9a-f-]+)"/.exec(chunk.slice(at));
                if (m) s.lastAlarmId = m[1];
                at = chunk.indexOf(marker, at + marker.length);
              }
              for (let c = chunk.indexOf(CLOSED); c >= 0; c = chunk.indexOf(CLOSED, c + 1)) s.closed++;
            });
          },
        );
        req.on('error', reject);
        streams.push(s);
      }),
    );
    // Connect in batches so the accept queue is not the thing being measured.
    if (i % 100 === 99) await Promise.all(opened.slice(i - 99, i + 1));
  }
  await Promise.all(opened);
  return streams;
};

const CLOSED = 'event: alarm.closed';

const waitFor = async (done: () => boolean, what: string) => {
  const end = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
};
const waitArrivals = (streams: Stream[], count: number) =>
  waitFor(() => streams.every((s) => s.arrivals.length >= count), `event ${count} on every stream`);

/**
 * Between rounds: every stream has the previous alarm's close, and the client's event loop is idle
 * again (a 5 ms timer fires on time twice), so no round starts while the client still reads the last one.
 */
const settle = async (streams: Stream[], closes: number) => {
  await waitFor(() => streams.every((s) => s.closed >= closes), `close ${closes} on every stream`);
  for (let quiet = 0; quiet < 2;) {
    const t = performance.now();
    await sleep(5);
    quiet = performance.now() - t < 8 ? quiet + 1 : 0;
  }
};

const post = (url: string, headers: Record<string, string>, body?: unknown): Promise<string> =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          (res.statusCode ?? 500) < 300
            ? resolve(text)
            : reject(new Error(`${url}: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });

const askMemory = (label: string): Promise<void> =>
  new Promise((resolve) => {
    const onMsg = (m: Msg) => {
      if (m.type === 'memory' && m.label === label) {
        process.off('message', onMsg);
        resolve();
      }
    };
    process.on('message', onMsg);
    process.send!({ type: 'measure-memory', label } satisfies Msg);
  });

const summarise = (p: PathName, n: number, lat: number[]): ResultRow => {
  lat.sort((a, b) => a - b);
  return { path: p, n, samples: lat.length, p50: pct(lat, 50), p99: pct(lat, 99), max: lat.at(-1) ?? NaN };
};

const runClient = async (cfg: ClientConfig) => {
  const gcs = watchGc();
  const rows: ResultRow[] = [];
  const rounds: Round[] = [];
  const mq = mqttConnect(`mqtt://127.0.0.1:${cfg.mqtt.port}`, {
    username: cfg.mqtt.username,
    password: cfg.mqtt.password,
    reconnectPeriod: 0,
  });
  await new Promise<void>((r) => mq.once('connect', () => r()));
  for (const n of cfg.sizes) {
    const count = Math.max(5, Math.round(cfg.rounds * (n >= 1000 ? 1 : n >= 100 ? 1.5 : 2.5)));

    // Both sets of streams stay open for the whole size, so the rounds can alternate.
    await askMemory(`floor-before-${n}`);
    const floor = await openStreams(`${cfg.floorUrl}/stream`, n, {}, 'event: tick');
    await askMemory(`floor-after-${n}`);
    await sleep(200);
    await askMemory(`proportio-before-${n}`);
    const resp = await openStreams(
      `${cfg.appUrl}/api/alarms/stream`,
      n,
      { cookie: cfg.responderCookie },
      'event: alarm.raised',
    );
    await askMemory(`proportio-after-${n}`);

    const lat: Record<PathName, number[]> = { floor: [], http: [], mqtt: [] };
    const record = (p: PathName, k: number, streams: Stream[], index: number, t0: number) => {
      if (k <= 2) return; // two warm-up rounds
      const times = streams.map((s) => s.arrivals[index - 1]! - t0).sort((a, b) => a - b);
      lat[p].push(...times);
      rounds.push({
        path: p,
        n,
        sentAt: t0,
        alarmId: p === 'floor' ? undefined : streams[0]!.lastAlarmId,
        first: times[0]!,
        p50: pct(times, 50),
        p99: pct(times, 99),
        last: times.at(-1)!,
        clientGcMs: gcWithin(gcs, t0, t0 + times.at(-1)!),
      });
    };
    let closes = resp[0]!.closed;
    const closeLast = async () => {
      const id = resp[0]!.lastAlarmId;
      if (id) await post(`${cfg.appUrl}/api/alarms/${id}/close`, cfg.closeHeaders);
      await settle(resp, ++closes);
    };
    let seen = 0;
    await settle(resp, closes);
    for (let k = 1; k <= count + 2; k++) {
      // The floor: a bare http server broadcasting one event of the alarm's size.
      let t0 = now();
      await post(`${cfg.floorUrl}/fire`, {});
      await waitArrivals(floor, k);
      record('floor', k, floor, k, t0);
      await settle(floor, 0);
      // HTTP press
      t0 = now();
      await post(`${cfg.appUrl}/api/alarms`, cfg.pressHeaders, {
        roomId: cfg.roomIds[k % cfg.roomIds.length],
      });
      await waitArrivals(resp, ++seen);
      record('http', k, resp, seen, t0);
      await closeLast();
      // MQTT press (the button's room)
      t0 = now();
      mq.publish(cfg.mqtt.topic, '{}', { qos: 1 });
      await waitArrivals(resp, ++seen);
      record('mqtt', k, resp, seen, t0);
      await closeLast();
    }
    for (const s of [...floor, ...resp]) s.close();
    rows.push(
      summarise('floor', n, lat.floor),
      summarise('http', n, lat.http),
      summarise('mqtt', n, lat.mqtt),
    );
    await sleep(300);
  }
  await mq.endAsync();
  process.send!({ type: 'result', rows, rounds } satisfies Msg);
};

// ───────────────────────────── server process (one run) ─────────────────────────────

type Mark =
  | { t: number; kind: 'request'; url: string }
  | { t: number; kind: 'mqtt-press' }
  | { t: number; kind: 'begin' | 'commit-start' | 'commit-end' }
  | {
      t: number;
      kind: 'publish-start' | 'publish-end' | 'writes-begin' | 'bytes-out';
      event: string;
      alarmId: string | undefined;
    };

/** Wraps better-sqlite3's BEGIN and COMMIT in this process only, to time the transaction from outside. */
const markTransactions = (marks: Mark[]) => {
  const proto = SQLite.prototype as unknown as { prepare(sql: string): { run(...a: unknown[]): unknown } };
  const prepare = Object.getOwnPropertyDescriptor(proto, 'prepare')!.value as typeof proto.prepare;
  // --synchronous FULL|NORMAL: what a commit costs with an fsync each (production runs FULL since issue 8; NORMAL shows what the fsync costs).
  const synchronous = arg('synchronous', '').toUpperCase();
  const tuned = new WeakSet<object>();
  proto.prepare = function (this: object, sql: string) {
    if (/^(FULL|NORMAL|EXTRA)$/.test(synchronous) && !tuned.has(this)) {
      tuned.add(this);
      (this as unknown as SQLite.Database).pragma(`synchronous = ${synchronous}`);
    }
    const stmt = prepare.call(this, sql);
    const s = sql.trim().toLowerCase();
    if (s === 'begin' || s === 'commit') {
      const run = stmt.run.bind(stmt);
      stmt.run = (...a: unknown[]) => {
        if (s === 'begin') {
          marks.push({ t: now(), kind: 'begin' });
          return run(...a);
        }
        marks.push({ t: now(), kind: 'commit-start' });
        const r = run(...a);
        marks.push({ t: now(), kind: 'commit-end' });
        return r;
      };
    }
    return stmt;
  };
};

/** Wraps the embedded broker's publish check (where a press enters Proportio) in this process only. */
const markMqttPresses = (marks: Mark[]) => {
  const create = Aedes.createBroker.bind(Aedes);
  Aedes.createBroker = (opts) => {
    const authorize = opts?.authorizePublish;
    return create({
      ...opts,
      ...(authorize && {
        authorizePublish: (client, packet, done) => {
          if (client) marks.push({ t: now(), kind: 'mqtt-press' });
          authorize(client, packet, done);
        },
      }),
    });
  };
};

/** Sockets of responder (and floor) streams; their writevs are counted to see when an event's bytes are out. */
const streamSockets = new WeakSet<object>();
let armed: { target: number; written: number; id: string | undefined } | undefined;
const armWrites = (target: number, id: string | undefined) => {
  armed = target > 0 ? { target, written: 0, id } : undefined;
};
/** Wraps net.Socket's writev in this process only: marks the first and the n-th stream write after an event. */
const markSocketWrites = (marks: Mark[]) => {
  const proto = net.Socket.prototype as unknown as { _writev(...a: unknown[]): unknown };
  const writev = Object.getOwnPropertyDescriptor(proto, '_writev')!.value as (...a: unknown[]) => unknown;
  proto._writev = function (this: object, ...a: unknown[]) {
    if (armed && streamSockets.has(this)) {
      if (armed.written === 0) marks.push({ t: now(), kind: 'writes-begin', event: '', alarmId: armed.id });
      if (++armed.written === armed.target) {
        marks.push({ t: now(), kind: 'bytes-out', event: '', alarmId: armed.id });
        armed = undefined;
      }
    }
    return writev.apply(this, a);
  };
};

const runServer = async () => {
  const sizes = arg('sizes', '1,100,1000').split(',').map(Number);
  const rounds = Number(arg('rounds', '30'));
  const marks: Mark[] = [];
  markTransactions(marks);
  markMqttPresses(marks);
  markSocketWrites(marks);
  const gcs = watchGc();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-bench-'));
  const config = loadConfig(
    {
      PROPORTIO_DATA_DIR: dataDir,
      PROPORTIO_LOG_LEVEL: 'silent',
      PROPORTIO_MQTT_PORT: '0',
      PROPORTIO_MQTT_HOST: '127.0.0.1',
      PROPORTIO_WEB_DIR: path.join(dataDir, 'no-web'),
    },
    dataDir,
    packageRoot(),
  );
  const rt = await createRuntime(config, {
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    logger: false,
  });
  const demo = await rt.services.demo.load();
  if (!demo.ok) throw new Error(demo.error.message);
  await rt.start();
  const app = await rt.app();
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.server.prependListener('request', (req: http.IncomingMessage) => {
    if (req.method === 'POST' && req.url === '/api/alarms')
      marks.push({ t: now(), kind: 'request', url: req.url });
    if (req.url === '/api/alarms/stream') streamSockets.add(req.socket);
  });
  const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = async (username: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Lindewaard-demo-2026' },
    });
    const c = r.cookies.find((x) => x.name === 'proportio_session')!;
    return { cookie: `proportio_session=${c.value}`, csrf: r.json<{ csrfToken: string }>().csrfToken };
  };
  const balie = await login('balie');
  const bhv = await login('bhv');
  const beheer = await login('beheer');
  const rooms = (
    await app.inject({ method: 'GET', url: '/api/rooms', headers: { cookie: beheer.cookie } })
  ).json<Array<{ id: string }>>();
  const dev = (
    await app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: { cookie: beheer.cookie, 'x-csrf-token': beheer.csrf },
      payload: { name: 'Bench knop', kind: 'button', roomId: rooms[0]!.id },
    })
  ).json<{ device: { id: string }; token: string; mqtt: { pressTopic: string } }>();
  const mod = rt.modules.find((m) => m.name === 'alarm') as AlarmModule;

  // Time the fan-out from outside: the hub's event subscriber calls hub.publish on this very object.
  const hub = mod.hub;
  const publish = hub.publish.bind(hub);
  let frameBytes = 0;
  hub.publish = (msg, from) => {
    const data = msg.data as { alarm?: { id?: string } };
    const alarmId = data.alarm?.id;
    marks.push({ t: now(), kind: 'publish-start', event: msg.event, alarmId });
    if (msg.event === 'alarm.raised') armWrites(hub.stats().clients, alarmId);
    publish(msg, from);
    marks.push({ t: now(), kind: 'publish-end', event: msg.event, alarmId });
    if (msg.event === 'alarm.raised' && frameBytes === 0)
      frameBytes = Buffer.byteLength(JSON.stringify(msg.data));
  };
  // One press before the clients come, to learn the size of an alarm.raised event for the floor.
  const press = await app.inject({
    method: 'POST',
    url: '/api/alarms',
    headers: { cookie: balie.cookie, 'x-csrf-token': balie.csrf },
    payload: { roomId: rooms[1]!.id },
  });
  const first = press.json<{ alarm: { id: string } }>();
  await app.inject({
    method: 'POST',
    url: `/api/alarms/${first.alarm.id}/close`,
    headers: { cookie: bhv.cookie, 'x-csrf-token': bhv.csrf },
  });

  // The floor: nothing but an http server and a set of open responses, writing one event of the
  // same size as the alarm.raised event (padded), to every response in one loop.
  const open = new Set<http.ServerResponse>();
  const floorMarks: Array<{ recv: number; end: number }> = [];
  let tick = 0;
  const floor = http.createServer((req, res) => {
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('event: hello\ndata: {}\n\n');
      open.add(res);
      streamSockets.add(req.socket);
      req.on('close', () => open.delete(res));
    } else if (req.url === '/fire') {
      const recv = now();
      const head = `{"tick":${++tick},"at":${Date.now()},"pad":"`;
      const data = `${head}${'x'.repeat(Math.max(0, frameBytes - head.length - 2))}"}`;
      const frame = `id: ${tick}\nevent: tick\ndata: ${data}\n\n`;
      armWrites(open.size, `tick-${tick}`);
      for (const r of open) r.write(frame);
      floorMarks.push({ recv, end: now() });
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()));
  const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}`;

  const gc = (globalThis as { gc?: () => void }).gc;
  const mem: Record<string, { heapUsed: number; rss: number }> = {};
  const child = fork(fileURLToPath(import.meta.url), ['--client'], { stdio: 'inherit' });
  const result = await new Promise<{ rows: ResultRow[]; rounds: Round[] }>((resolve, reject) => {
    child.on('message', (m: Msg) => {
      if (m.type === 'measure-memory') {
        const settle = async () => {
          await sleep(300);
          gc?.();
          const u = process.memoryUsage();
          mem[m.label] = { heapUsed: u.heapUsed + u.external + u.arrayBuffers, rss: u.rss };
          child.send({ type: 'memory', label: m.label } satisfies Msg);
        };
        void settle();
      } else if (m.type === 'result') resolve({ rows: m.rows, rounds: m.rounds });
    });
    child.on('exit', (code) => (code ? reject(new Error(`client exited ${code}`)) : undefined));
    child.send({
      type: 'config',
      config: {
        appUrl,
        floorUrl,
        responderCookie: bhv.cookie,
        pressHeaders: { cookie: balie.cookie, 'x-csrf-token': balie.csrf },
        closeHeaders: { cookie: bhv.cookie, 'x-csrf-token': bhv.csrf },
        roomIds: rooms.slice(1).map((r) => r.id),
        mqtt: {
          port: mod.mqttPort()!,
          username: dev.device.id,
          password: dev.token,
          topic: dev.mqtt.pressTopic,
        },
        sizes,
        rounds,
      },
    } satisfies Msg);
  });
  child.kill();
  const stats = hub.stats();
  await app.close();
  await rt.close();
  await new Promise((r) => floor.close(r));
  fs.rmSync(dataDir, { recursive: true, force: true });

  // Join the client's rounds with the server's marks.
  const stages: StageRound[] = [];
  for (const r of result.rounds) {
    const last = r.sentAt + r.last;
    const base = { path: r.path, n: r.n, total99: r.p99, clientGcMs: r.clientGcMs };
    if (r.path === 'floor') {
      const f = floorMarks.find((x) => x.recv >= r.sentAt && x.recv <= last);
      const fi = floorMarks.indexOf(f!);
      const wb = marks.find((m) => m.kind === 'writes-begin' && m.alarmId === `tick-${fi + 1}`);
      const out = marks.find((m) => m.kind === 'bytes-out' && m.alarmId === `tick-${fi + 1}`);
      if (!f || !wb || !out) continue;
      stages.push({
        ...base,
        toServer: f.recv - r.sentAt,
        auth: 0,
        transaction: 0,
        commit: 0,
        afterCommit: 0,
        fanOut: f.end - f.recv,
        afterPublish: wb.t - f.end,
        flush: out.t - wb.t,
        toFirst: r.sentAt + r.first - out.t,
        toLast: last - out.t,
        serverGcMs: gcWithin(gcs, r.sentAt, last),
      });
      continue;
    }
    const pubAt = marks.findIndex(
      (m) => m.kind === 'publish-start' && m.event === 'alarm.raised' && m.alarmId === r.alarmId,
    );
    if (pubAt < 0) continue;
    const before = (kind: Mark['kind'], from: number) => {
      for (let i = from; i >= 0; i--) if (marks[i]!.kind === kind) return i;
      return -1;
    };
    const cEnd = before('commit-end', pubAt);
    const cStart = before('commit-start', cEnd);
    const begin = before('begin', cStart);
    const reqAt = before(r.path === 'http' ? 'request' : 'mqtt-press', begin);
    const pubEnd = marks.findIndex((m, i) => i > pubAt && m.kind === 'publish-end');
    const flushed = marks.findIndex((m, i) => i > pubAt && m.kind === 'bytes-out' && m.alarmId === r.alarmId);
    const flushStart = marks.findIndex(
      (m, i) => i > pubAt && m.kind === 'writes-begin' && m.alarmId === r.alarmId,
    );
    if (cEnd < 0 || cStart < 0 || begin < 0 || pubEnd < 0 || flushed < 0 || flushStart < 0) continue;
    const t = (i: number) => marks[i]!.t;
    const arrived = reqAt >= 0 ? t(reqAt) : r.sentAt;
    stages.push({
      ...base,
      toServer: reqAt >= 0 ? arrived - r.sentAt : NaN,
      auth: t(begin) - arrived,
      transaction: t(cStart) - t(begin),
      commit: t(cEnd) - t(cStart),
      afterCommit: t(pubAt) - t(cEnd),
      fanOut: t(pubEnd) - t(pubAt),
      afterPublish: t(flushStart) - t(pubEnd),
      flush: t(flushed) - t(flushStart),
      toFirst: r.sentAt + r.first - t(flushed),
      toLast: last - t(flushed),
      serverGcMs: gcWithin(gcs, r.sentAt, last),
    });
  }

  const memory: RunResult['memory'] = {};
  for (const n of sizes) {
    const d = (kind: string, k: 'heapUsed' | 'rss') =>
      ((mem[`${kind}-after-${n}`]?.[k] ?? NaN) - (mem[`${kind}-before-${n}`]?.[k] ?? NaN)) / n / 1024;
    memory[n] = {
      floorHeap: d('floor', 'heapUsed'),
      floorRss: d('floor', 'rss'),
      heap: d('proportio', 'heapUsed'),
      rss: d('proportio', 'rss'),
    };
  }
  const out: RunResult = {
    rows: result.rows,
    stages,
    memory,
    frameBytes,
    hub: { clients: stats.clients, droppedSlow: stats.droppedSlow },
  };
  await new Promise<void>((r) => process.send!(out, () => r()));
};

// ───────────────────────────── driver: repeat, summarise, write ─────────────────────────────

const runOnce = (args: string[]): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--run', ...args], {
      stdio: 'inherit',
    });
    let result: RunResult | undefined;
    child.on('message', (m: RunResult) => (result = m));
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`run exited ${code ?? 'by signal'} without a result`)),
    );
  });

const runDriver = async () => {
  const runs = Number(arg('runs', '7'));
  const sizes = arg('sizes', '1,100,1000').split(',').map(Number);
  const rounds = arg('rounds', '30');
  const out = arg('out', 'docs/benchmarks/alarm.md');
  const synchronous = arg('synchronous', '');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const results: Array<RunResult & { load: [number, number] }> = [];
  for (let i = 1; i <= runs; i++) {
    const load0 = os.loadavg()[0]!;
    const r = await runOnce(['--sizes', sizes.join(','), '--rounds', rounds, '--synchronous', synchronous]);
    const load1 = os.loadavg()[0]!;
    results.push({ ...r, load: [load0, load1] });
    const big = Math.max(...sizes);
    const row = (p: PathName) => r.rows.find((x) => x.path === p && x.n === big)!;
    console.error(
      `run ${i}/${runs} (load ${load0.toFixed(2)}→${load1.toFixed(2)}): at ${big} floor p99 ${row('floor').p99.toFixed(1)} ms, HTTP ${(row('http').p99 / row('floor').p99).toFixed(2)}×, MQTT ${(row('mqtt').p99 / row('floor').p99).toFixed(2)}×`,
    );
  }

  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
  const get = (r: RunResult, p: PathName, n: number) => r.rows.find((x) => x.path === p && x.n === n)!;
  const ratios = (p: 'http' | 'mqtt', n: number) =>
    results.map((r) => get(r, p, n).p99 / get(r, 'floor', n).p99);
  const spread = (xs: number[]) =>
    `**${f2(quantile(xs, 0.5))}** | ${f2(quantile(xs, 0.25))}–${f2(quantile(xs, 0.75))} | ${f2(Math.min(...xs))}–${f2(Math.max(...xs))}`;
  const med = (xs: number[]) => quantile(xs, 0.5);

  const summary = [
    '| responders | path | median p50 ms | median p99 ms | p99 ÷ floor p99: median | IQR | min–max | typical round: median of the rounds’ p99 ÷ floor’s |',
    '|---:|---|---:|---:|---:|---|---|---:|',
  ];
  /** A steadier view than one p99 per run: the median, over every round of every run, of the round's own p99. */
  const roundMedian = (p: PathName, n: number) =>
    quantile(
      results.flatMap((r) => r.stages.filter((s) => s.path === p && s.n === n).map((s) => s.total99)),
      0.5,
    );
  for (const n of sizes) {
    const fl = results.map((r) => get(r, 'floor', n));
    summary.push(
      `| ${n} | floor: bare Node.js SSE broadcast | ${f1(med(fl.map((x) => x.p50)))} | ${f1(med(fl.map((x) => x.p99)))} | 1 | | | 1 (${f1(roundMedian('floor', n))} ms) |`,
    );
    for (const p of ['http', 'mqtt'] as const) {
      const rs = results.map((r) => get(r, p, n));
      summary.push(
        `| ${n} | Proportio, press over ${p.toUpperCase()} | ${f1(med(rs.map((x) => x.p50)))} | ${f1(med(rs.map((x) => x.p99)))} | ${spread(ratios(p, n))} | ${f2(roundMedian(p, n) / roundMedian('floor', n))} (${f1(roundMedian(p, n))} ms) |`,
      );
    }
  }
  const big = Math.max(...sizes);
  const perRun = [
    `| run | load (1 min) before → after | floor p99 ms | HTTP p99 ms | MQTT p99 ms | HTTP ÷ floor | MQTT ÷ floor |`,
    '|---:|---|---:|---:|---:|---:|---:|',
    ...results.map((r, i) => {
      const fl = get(r, 'floor', big).p99;
      const h = get(r, 'http', big).p99;
      const m = get(r, 'mqtt', big).p99;
      return `| ${i + 1} | ${f2(r.load[0])} → ${f2(r.load[1])} | ${f1(fl)} | ${f1(h)} | ${f1(m)} | ${f2(h / fl)} | ${f2(m / fl)} |`;
    }),
  ];

  // Stages at the largest size, over every measured round of every run.
  const all = results.flatMap((r) => r.stages.filter((s) => s.n === big));
  const stageKeys: Array<[keyof StageRound, string]> = [
    ['toServer', 'sent → press reaches the server'],
    ['auth', 'arrival → BEGIN (parse, authenticate, authorise, validate)'],
    ['transaction', 'BEGIN → COMMIT (statements)'],
    ['commit', 'COMMIT (WAL write)'],
    ['afterCommit', 'COMMIT → publish (alarm view)'],
    ['fanOut', 'publish: serialise once + write to every stream'],
    ['afterPublish', 'publish returned → first socket write (work that runs before the bytes go out)'],
    ['flush', 'first → last socket write (a writev per stream)'],
    ['toFirst', 'last socket write → first stream has it'],
    ['toLast', 'last socket write → last stream has it'],
    ['total99', 'sent → 99 % of streams have it (the round’s p99)'],
    ['serverGcMs', 'GC in the server during the round'],
    ['clientGcMs', 'GC in the client during the round'],
  ];
  const stageTable = [
    `| stage (${big} responders) | floor median / p90 / max | HTTP median / p90 / max | MQTT median / p90 / max |`,
    '|---|---:|---:|---:|',
    ...stageKeys.map(([k, label]) => {
      const cell = (p: PathName) => {
        const xs = all
          .filter((s) => s.path === p)
          .map((s) => s[k] as number)
          .filter(Number.isFinite);
        return xs.length
          ? `${f1(quantile(xs, 0.5))} / ${f1(quantile(xs, 0.9))} / ${f1(Math.max(...xs))}`
          : '–';
      };
      return `| ${label} | ${cell('floor')} | ${cell('http')} | ${cell('mqtt')} |`;
    }),
  ];
  const worst = [...all]
    .filter((s) => s.path !== 'floor')
    .sort((a, b) => b.total99 - a.total99)
    .slice(0, 8);
  const worstTable = [
    '| path | round p99 | → server | auth | transaction | commit | after commit | fan-out | after publish | flush | → last | server GC | client GC |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...worst.map(
      (s) =>
        `| ${s.path} | ${f1(s.total99)} | ${f1(s.toServer)} | ${f1(s.auth)} | ${f1(s.transaction)} | ${f1(s.commit)} | ${f1(s.afterCommit)} | ${f1(s.fanOut)} | ${f1(s.afterPublish)} | ${f1(s.flush)} | ${f1(s.toLast)} | ${f1(s.serverGcMs)} | ${f1(s.clientGcMs)} |`,
    ),
  ];
  const memMed = (n: number, k: 'heap' | 'rss' | 'floorHeap' | 'floorRss') =>
    f1(med(results.map((r) => r.memory[n]![k])));
  const memLines = sizes
    .filter((n) => n >= 100)
    .map(
      (n) =>
        `- ${n} responders: Proportio ${memMed(n, 'heap')} KiB heap, ${memMed(n, 'rss')} KiB RSS per stream; floor ${memMed(n, 'floorHeap')} KiB heap, ${memMed(n, 'floorRss')} KiB RSS.`,
    );
  const verdict = (['http', 'mqtt'] as const)
    .map((p) => {
      const m = quantile(ratios(p, big), 0.5);
      return `${p.toUpperCase()}: median p99 ÷ floor = ${f2(m)} over ${runs} runs — ${m <= 1.5 ? 'within' : '**NOT within**'} the 1.5× goal`;
    })
    .join('\n- ');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const cmd = `NODE_OPTIONS=--expose-gc npx tsx bench/alarm-latency.bench.ts --runs ${runs} --rounds ${rounds} --sizes ${sizes.join(',')}${synchronous ? ` --synchronous ${synchronous}` : ''}${out === 'docs/benchmarks/alarm.md' ? '' : ` --out ${out}`}`;
  const md = `# Alarm delivery latency

Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${os.platform()} ${os.release()}; SQLite (WAL, synchronous=${synchronous || 'FULL as in production'}) on a temp folder. ${runs} runs × ${rounds} rounds at 1,000 responders (more at smaller sizes), two warm-up rounds per size discarded. The machine was shared: the load average is beside every run.

\`\`\`sh
${cmd}
\`\`\`

**What is measured.** From the moment the press is sent (an HTTP \`POST /api/alarms\` by a logged-in front-desk
employee, or an MQTT \`PUBLISH\` by a registered button to the embedded listener) until each connected
responder stream (\`GET /api/alarms/stream\`, server-sent events) has received the \`alarm.raised\` event. The
press includes authentication, the transaction (alarm, incident and hash-chained audit entry, committed) and
the fan-out. The responders and the presses run in a second process, so the server's event loop is not
shared with the clients'. Every round closes its alarm so the next press raises a new one (no joining).

**The floor** is a bare Node.js \`http\` server in the same process as Proportio, holding the same number of
open responses and writing one event of the same size as the alarm.raised event (${results[0]?.frameBytes ?? '?'} bytes of data,
padded) to each on \`POST /fire\`. Within a run the rounds alternate floor → HTTP press → MQTT press, so load
from other work on the machine falls on all three alike.

**Repeated runs.** Each run is a fresh server process with a fresh store. The p99 of one run is the 99th
percentile of all its samples (rounds × responders), i.e. mostly its worst round; the figures below are the
median over runs, the interquartile range (IQR) and the min–max of the per-run ratio.

${summary.join('\n')}

At ${big} responders:
- ${verdict}

Per run at ${big} responders:

${perRun.join('\n')}

**Where the time goes** (${big} responders, every measured round of every run; times from outside the
production code: the http 'request' event, better-sqlite3's BEGIN/COMMIT and the hub's publish wrapped in the
benchmark process, GC from perf_hooks; the two processes share the wall clock, so "→ server" and "→ last"
carry a fraction of a millisecond of clock skew):

${stageTable.join('\n')}

The ${worst.length} slowest rounds (by their own p99):

${worstTable.join('\n')}

Server memory per responder stream (median over runs; growth from before to after the streams were opened,
after a GC when run with \`--expose-gc\`):
${memLines.join('\n')}

Hub counters at the end of the last run: ${JSON.stringify(results.at(-1)?.hub ?? {})}.
`;
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, md);
  console.log(md);
};

const fail = (e: unknown) => {
  console.error(e);
  process.exit(1);
};
if (process.argv.includes('--client')) {
  process.once('message', (m: Msg) => {
    if (m.type !== 'config') return;
    runClient(m.config).catch(fail);
  });
} else if (process.argv.includes('--run')) {
  runServer().then(() => process.exit(0), fail);
} else {
  runDriver().catch(fail);
}
