/**
 * Alarm delivery latency: from the press (HTTP POST /api/alarms, or an MQTT publish by a button)
 * until each connected responder's SSE stream has received the alarm — with 1, 100 and 1,000
 * responder streams — beside the floor on this machine: a bare Node.js http server writing one
 * event to every open response. The responders (and the presses) live in a SECOND process, so
 * the server's event loop is not shared with the clients'. Latency is measured in the client
 * process (send time → receive time on the same clock). Memory per responder is the server's
 * heap/RSS growth per connected stream.
 *
 *   npx tsx bench/alarm-latency.bench.ts [--rounds 20] [--sizes 1,100,1000] [--out docs/benchmarks/alarm.md]
 *
 * Every alarm is committed to the SQLite file (WAL) before it is fanned out, as in production.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as mqttConnect } from 'mqtt';
import { argon2Hasher } from '../src/adapters/auth/password-hasher.js';
import type { AlarmModule } from '../src/compose/alarm.compose.js';
import { loadConfig } from '../src/config.js';
import { createRuntime, packageRoot } from '../src/main.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

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

type Msg =
  | { type: 'config'; config: ClientConfig }
  | { type: 'measure-memory'; label: string; n: number }
  | { type: 'memory'; label: string; heapUsed: number; rss: number }
  | { type: 'result'; rows: ResultRow[] };

interface ResultRow {
  readonly path: 'floor' | 'http' | 'mqtt';
  readonly n: number;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const now = () => performance.timeOrigin + performance.now();
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ───────────────────────────── client process ─────────────────────────────

interface Stream {
  /** Arrival times of the marker event, in order. */
  readonly arrivals: number[];
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
        const s: Stream = { arrivals: [], lastAlarmId: undefined, close: () => req.destroy() };
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

const waitArrivals = async (streams: Stream[], count: number) => {
  const end = Date.now() + 30_000;
  while (streams.some((s) => s.arrivals.length < count)) {
    if (Date.now() > end) throw new Error(`not every stream received event ${count}`);
    await sleep(1);
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

const askMemory = (label: string, n: number): Promise<void> =>
  new Promise((resolve) => {
    const onMsg = (m: Msg) => {
      if (m.type === 'memory' && m.label === label) {
        process.off('message', onMsg);
        resolve();
      }
    };
    process.on('message', onMsg);
    process.send!({ type: 'measure-memory', label, n } satisfies Msg);
  });

const summarise = (path: ResultRow['path'], n: number, lat: number[]): ResultRow => {
  lat.sort((a, b) => a - b);
  return { path, n, samples: lat.length, p50: pct(lat, 50), p99: pct(lat, 99), max: lat.at(-1) ?? NaN };
};

const runClient = async (cfg: ClientConfig) => {
  const rows: ResultRow[] = [];
  const mq = mqttConnect(`mqtt://127.0.0.1:${cfg.mqtt.port}`, {
    username: cfg.mqtt.username,
    password: cfg.mqtt.password,
    reconnectPeriod: 0,
  });
  await new Promise<void>((r) => mq.once('connect', () => r()));
  for (const n of cfg.sizes) {
    const rounds = Math.max(5, Math.round(cfg.rounds * (n >= 1000 ? 1 : n >= 100 ? 1.5 : 2.5)));

    // The floor: a bare http server broadcasting one event.
    await askMemory(`floor-before-${n}`, n);
    const floor = await openStreams(`${cfg.floorUrl}/stream`, n, {}, 'event: tick');
    await askMemory(`floor-after-${n}`, n);
    const fl: number[] = [];
    for (let k = 1; k <= rounds + 2; k++) {
      const t0 = now();
      await post(`${cfg.floorUrl}/fire`, {});
      await waitArrivals(floor, k);
      if (k > 2) for (const s of floor) fl.push(s.arrivals[k - 1]! - t0); // two warm-up rounds
      await sleep(20);
    }
    for (const s of floor) s.close();
    rows.push(summarise('floor', n, fl));

    // Proportio: responders on /api/alarms/stream.
    await sleep(200);
    await askMemory(`proportio-before-${n}`, n);
    const resp = await openStreams(
      `${cfg.appUrl}/api/alarms/stream`,
      n,
      { cookie: cfg.responderCookie },
      'event: alarm.raised',
    );
    await askMemory(`proportio-after-${n}`, n);
    const closeLast = async () => {
      const id = resp[0]!.lastAlarmId;
      if (id) await post(`${cfg.appUrl}/api/alarms/${id}/close`, cfg.closeHeaders);
    };
    const hp: number[] = [];
    const mp: number[] = [];
    let seen = 0;
    for (let k = 1; k <= rounds + 2; k++) {
      // HTTP press
      let t0 = now();
      await post(`${cfg.appUrl}/api/alarms`, cfg.pressHeaders, {
        roomId: cfg.roomIds[k % cfg.roomIds.length],
      });
      await waitArrivals(resp, ++seen);
      if (k > 2) for (const s of resp) hp.push(s.arrivals[seen - 1]! - t0);
      await closeLast();
      await sleep(20);
      // MQTT press (the button's room)
      t0 = now();
      mq.publish(cfg.mqtt.topic, '{}', { qos: 1 });
      await waitArrivals(resp, ++seen);
      if (k > 2) for (const s of resp) mp.push(s.arrivals[seen - 1]! - t0);
      await closeLast();
      await sleep(20);
    }
    for (const s of resp) s.close();
    rows.push(summarise('http', n, hp), summarise('mqtt', n, mp));
    await sleep(300);
  }
  await mq.endAsync();
  process.send!({ type: 'result', rows } satisfies Msg);
};

// ───────────────────────────── server process ─────────────────────────────

const runServer = async () => {
  const sizes = arg('sizes', '1,100,1000').split(',').map(Number);
  const rounds = Number(arg('rounds', '20'));
  const out = arg('out', 'docs/benchmarks/alarm.md');
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

  // The floor: nothing but an http server and a set of open responses.
  const open = new Set<http.ServerResponse>();
  let tick = 0;
  const floor = http.createServer((req, res) => {
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('event: hello\ndata: {}\n\n');
      open.add(res);
      req.on('close', () => open.delete(res));
    } else if (req.url === '/fire') {
      const frame = `id: ${++tick}\nevent: tick\ndata: {"tick":${tick},"at":${Date.now()}}\n\n`;
      for (const r of open) r.write(frame);
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()));
  const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}`;

  const gc = (globalThis as { gc?: () => void }).gc;
  const mem: Record<string, { heapUsed: number; rss: number }> = {};
  const child = fork(fileURLToPath(import.meta.url), ['--client'], { stdio: 'inherit' });
  const result = await new Promise<ResultRow[]>((resolve, reject) => {
    child.on('message', (m: Msg) => {
      if (m.type === 'measure-memory') {
        const settle = async () => {
          await sleep(300);
          gc?.();
          const u = process.memoryUsage();
          mem[m.label] = { heapUsed: u.heapUsed + u.external + u.arrayBuffers, rss: u.rss };
          child.send({ type: 'memory', label: m.label, heapUsed: u.heapUsed, rss: u.rss } satisfies Msg);
        };
        void settle();
      } else if (m.type === 'result') resolve(m.rows);
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
  const stats = mod.hub.stats();
  await app.close();
  await rt.close();
  await new Promise((r) => floor.close(r));
  fs.rmSync(dataDir, { recursive: true, force: true });

  const perClient = (kind: 'floor' | 'proportio', n: number) => {
    const b = mem[`${kind}-before-${n}`];
    const a = mem[`${kind}-after-${n}`];
    if (!a || !b) return { heap: NaN, rss: NaN };
    return { heap: (a.heapUsed - b.heapUsed) / n / 1024, rss: (a.rss - b.rss) / n / 1024 };
  };
  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const lines = [
    '| responders | path | samples | p50 ms | p99 ms | max ms | p99 ÷ floor p99 | server heap KiB / responder | server RSS KiB / responder |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    const fl = result.find((r) => r.path === 'floor' && r.n === n)!;
    for (const r of result.filter((x) => x.n === n)) {
      const m = perClient(r.path === 'floor' ? 'floor' : 'proportio', n);
      const showMem = r.path !== 'mqtt';
      lines.push(
        `| ${n} | ${r.path === 'floor' ? 'floor: bare Node.js SSE broadcast' : r.path === 'http' ? 'Proportio, press over HTTP' : 'Proportio, press over MQTT'} | ${r.samples} | ${f1(r.p50)} | ${f1(r.p99)} | ${f1(r.max)} | ${r.path === 'floor' ? '1.00' : (r.p99 / fl.p99).toFixed(2)} | ${showMem ? f1(m.heap) : '″'} | ${showMem ? f1(m.rss) : '″'} |`,
      );
    }
  }
  const at1000 = result.filter((r) => r.n === Math.max(...sizes));
  const fl1000 = at1000.find((r) => r.path === 'floor')!;
  const verdict = at1000
    .filter((r) => r.path !== 'floor')
    .map(
      (r) =>
        `${r.path.toUpperCase()} p99 ${f1(r.p99)} ms = ${(r.p99 / fl1000.p99).toFixed(2)}× the floor (${f1(fl1000.p99)} ms) — ${r.p99 <= 1.5 * fl1000.p99 ? 'within' : 'NOT within'} the 1.5× goal`,
    )
    .join('\n- ');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const md = `# Alarm delivery latency

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${os.platform()} ${os.release()}; SQLite (WAL) on a temp folder.

**What is measured.** From the moment the press is sent (an HTTP \`POST /api/alarms\` by a logged-in front-desk
employee, or an MQTT \`PUBLISH\` by a registered button to the embedded listener) until each connected
responder stream (\`GET /api/alarms/stream\`, server-sent events) has received the \`alarm.raised\` event. The
press includes authentication, the transaction (alarm, incident and hash-chained audit entry committed to
disk) and the fan-out. The responders and the presses run in a second process, so the server's event loop
is not shared with the clients'. Two warm-up rounds are discarded; every round closes its alarm so the next
press raises a new one (no joining).

**The floor** is a bare Node.js \`http\` server in the same process as Proportio, holding the same number of
open responses and writing one event to each on \`POST /fire\`, measured the same way in the same run.

${lines.join('\n')}

At ${Math.max(...sizes)} responders:
- ${verdict}

Memory per responder is the growth of the server process (heap+external, and RSS) from before to after the
streams were opened, divided by their number (after a GC when run with \`--expose-gc\`); "″" = same streams as
the HTTP row. The per-responder figures at 1 responder are noise (one stream is below the GC's granularity); read them
at 100 and 1,000. Hub counters at the end: ${JSON.stringify({ clients: stats.clients, droppedSlow: stats.droppedSlow })}.

Reproduce:

\`\`\`sh
NODE_OPTIONS=--expose-gc npx tsx bench/alarm-latency.bench.ts            # 1, 100 and 1,000 responders
npx tsx bench/alarm-latency.bench.ts --sizes 1000 --rounds 40            # more samples at 1,000
\`\`\`
`;
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, md);
  console.log(md);
};

if (process.argv.includes('--client')) {
  process.once('message', (m: Msg) => {
    if (m.type !== 'config') return;
    runClient(m.config).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
} else {
  runServer().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
