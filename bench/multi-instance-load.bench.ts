/**
 * Two instances on one PostgreSQL under load (issue 13 §5). Two real `proportio serve` processes on one
 * fresh database; 50 rooms over 5 sites; 1,000 responders (one account and one browser session each)
 * with their server-sent-event streams split half/half over the two instances; presses at 10 per
 * second spread over the rooms and alternating over the instances, as a load balancer would, for 10
 * minutes. Reported: the delivery latency per instance (p50/p99, the spread over one-minute windows,
 * and over runs with --runs), and the check that nothing is lost: every alarm raised reaches every
 * responder stream of its site exactly once (duplicates and misses counted per instance).
 *
 *   npx tsx bench/multi-instance-load.bench.ts [--minutes 10] [--rate 10] [--rooms 50] [--sites 5]
 *       [--responders 1000] [--kill-at-half] [--runs 1] [--close-after-ms 2000] [--warmup 10]
 *       [--built] [--out docs/benchmarks/multi-instance.md]
 *
 * With --kill-at-half instance A (the first started, which runs the scheduled jobs) gets SIGKILL
 * halfway. Its responders' streams reconnect as a browser's EventSource does: after the `retry`
 * the server sent (3 s), with Last-Event-ID, and — as a load balancer routes — to the survivor once A
 * refuses the connection. Presses and closes meant for A go to B the same way (a refused connection
 * marks A down; a press in flight when A died is sent again to B). The gap (kill → stream live on B)
 * and the latency after the kill are reported separately.
 *
 * Processes: this driver (creates, seeds and drops the database, starts and kills the servers, samples
 * their memory and CPU from /proc), the two servers, and ONE client process holding every stream and
 * sending every press and close, so latency is measured on one clock: press sent → alarm.raised read
 * on each stream. Each alarm is closed `--close-after-ms` after its press (by a responder account, over
 * the API, alternating over the instances), so the next press of its room (every rooms ÷ rate s)
 * raises a new alarm instead of joining. Presses are the front desk's HTTP press (POST /api/alarms
 * with a session, as the web's panic view sends it): this path has no rate limit; the per-button
 * limit (ADR 0017) applies to MQTT buttons and only to presses that would join an open alarm.
 *
 * Delivered, per stream and alarm of its site (the ground truth is the alarms table at the end):
 * once = exactly one alarm.raised (live or replayed after a reconnect); via snapshot = no
 * alarm.raised, but the alarm was in the snapshot after a reconnect (the web console announces it
 * then, web/src/alarm-stream.ts); duplicate = two or more alarm.raised; missed = neither.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: ArrayLike<number>, p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const quantile = (xs: readonly number[], q: number): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
};
const INSTANCE_NAMES = ['A', 'B'] as const;
const PASSWORD = 'Bench-responder-2026-multi';

// ───────────────────────────── shapes shared by driver and client ─────────────────────────────

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

interface ClientConfig {
  readonly instances: readonly string[];
  readonly siteIds: readonly string[];
  readonly rooms: ReadonlyArray<{ readonly id: string; readonly site: number }>;
  readonly responders: ReadonlyArray<{
    readonly cookie: string;
    readonly site: number;
    readonly home: number;
  }>;
  readonly presser: Session;
  readonly closer: Session;
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly closeAfterMs: number;
}

interface DbAlarm {
  readonly id: string;
  readonly site: number;
  readonly raisedAt: number;
  readonly closedAt: number | null;
}

interface LatStats {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

interface LatencyRow {
  readonly instance: string;
  /** all | before kill | after kill | after kill, all back */
  readonly phase: string;
  readonly all: LatStats;
  /** Pressed on the same instance as the stream / on the other one (the event came by NOTIFY). */
  readonly local: LatStats;
  readonly cross: LatStats;
  readonly minutes: ReadonlyArray<{
    readonly minute: number;
    readonly n: number;
    readonly p50: number;
    readonly p99: number;
  }>;
}

interface Verification {
  /** The instance the streams were opened on. */
  readonly home: string;
  readonly streams: number;
  readonly expected: number;
  readonly once: number;
  readonly viaSnapshot: number;
  /** No alarm.raised nor snapshot, but an open-state alarm event (joined, acknowledged, escalated). */
  readonly viaOther: number;
  readonly duplicates: number;
  readonly duplicateStreams: number;
  /** Raised and closed while the stream was away (between its drop and its snapshot on reconnect). */
  readonly missedAway: number;
  /** Raised while the stream was connected, never delivered. */
  readonly missedConnected: number;
  readonly wrongSite: number;
  readonly reconnected: number;
}

interface GapStats {
  readonly streams: number;
  /** kill → stream live again (its snapshot read) on the survivor. */
  readonly gap: LatStats;
  /** kill → the client saw the stream end. */
  readonly detect: LatStats;
  /** reconnect attempt → snapshot read (connect, authenticate, snapshot query, on the survivor). */
  readonly reconnect: LatStats;
  /** Alarms raised between the kill and the last stream back. */
  readonly alarmsInGap: number;
}

interface ClientResult {
  readonly t0: number;
  readonly killedAt: number | undefined;
  readonly end: number;
  readonly presses: {
    readonly sent: number;
    readonly raised: number;
    readonly joined: number;
    readonly failed: number;
    readonly resent: number;
    readonly lagP99: number;
    /** Press sent → its HTTP answer. */
    readonly answer: LatStats;
    readonly errors: readonly string[];
  };
  readonly closes: {
    readonly ok: number;
    readonly conflict: number;
    readonly failed: number;
    readonly resent: number;
    readonly answer: LatStats;
  };
  /** The presses whose alarm took longest to reach its last stream: seconds after the first press, where pressed, ms. */
  readonly slowest: ReadonlyArray<{
    readonly at: number;
    readonly on: string;
    readonly answer: number;
    readonly p50: number;
    readonly max: number;
  }>;
  readonly alarmsInDb: number;
  readonly alarmsWithoutPress: number;
  readonly latency: readonly LatencyRow[];
  readonly verification: readonly Verification[];
  readonly gaps: GapStats | undefined;
  readonly otherReconnects: number;
  /** A few missed (stream, alarm) pairs, times in ms relative to the kill (or the start). */
  readonly missedExamples: readonly string[];
  readonly streamErrors: readonly string[];
  readonly client: {
    readonly cpuSeconds: number;
    readonly loopP99: number;
    readonly loopMax: number;
    readonly rssMiB: number;
  };
}

type ToDriver =
  | { type: 'streams-open'; at: number }
  | { type: 'started'; t0: number }
  | { type: 'need-alarms' }
  | { type: 'result'; result: ClientResult };
type ToClient =
  | { type: 'config'; config: ClientConfig }
  | { type: 'killed'; at: number }
  | { type: 'alarms'; alarms: DbAlarm[] };

const summary = (xs: ArrayLike<number>): LatStats => {
  const s = Float64Array.from(xs).sort();
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s.length ? s[s.length - 1]! : NaN };
};

// ───────────────────────────── client process ─────────────────────────────

/** Per stream and alarm: the count of alarm.raised in the low 3 bits, then flags. */
const SNAPSHOT_AFTER_RECONNECT = 8;
const SNAPSHOT_FIRST = 16;
const OTHER_OPEN_EVENT = 32;
const CLOSED_SEEN = 64;

interface Gap {
  /** The last frame read on the connection that ended (its end may come later than the server's). */
  readonly lastFrame: number;
  readonly down: number;
  readonly attempt: number;
  readonly live: number;
  readonly from: number;
  readonly to: number;
}

interface Stream {
  readonly idx: number;
  readonly site: number;
  readonly home: number;
  readonly cookie: string;
  readonly tally: Uint8Array;
  at: number;
  conn: number;
  live: boolean;
  buf: string;
  lastId: string | undefined;
  retryMs: number;
  connects: number;
  downAt: number | undefined;
  downFrom: number;
  lastFrameAt: number;
  lastFrameBeforeDown: number;
  attemptAt: number;
  req: http.ClientRequest | undefined;
  readonly gaps: Gap[];
}

const runClient = async (cfg: ClientConfig) => {
  const n = cfg.instances.length;
  const alive = cfg.instances.map(() => true);
  const maxAlarms = Math.ceil((cfg.seconds + 60) * cfg.rate * 1.2) + 1000;
  const alarmIdx = new Map<string, number>();
  const idOf = (id: string) => {
    let i = alarmIdx.get(id);
    if (i === undefined) {
      i = alarmIdx.size;
      alarmIdx.set(id, i);
    }
    return i;
  };
  /** Client send time of the press that raised each alarm, and the instance it was pressed on. */
  const sentAt = new Float64Array(maxAlarms).fill(NaN);
  const pressedOn = new Int8Array(maxAlarms).fill(-1);
  const closeScheduled = new Uint8Array(maxAlarms);
  /** First alarm.raised per stream and alarm: [alarm index, arrival time] per serving instance. */
  const samples = cfg.instances.map(() => ({ alarm: [] as number[], t: [] as number[] }));
  let frames = 0;
  let wrongSite = 0;
  let overflow = 0;
  let stopping = false;
  let killedAt: number | undefined;
  const streamErrors = new Map<string, number>();
  const noteError = (what: string) => streamErrors.set(what, (streamErrors.get(what) ?? 0) + 1);

  const pick = (preferred: number) => {
    if (alive[preferred]) return preferred;
    for (let i = 0; i < n; i++) if (alive[(preferred + i) % n]) return (preferred + i) % n;
    return -1;
  };

  // ── streams, as EventSource behaves behind a load balancer
  const streams: Stream[] = cfg.responders.map((r, idx) => ({
    idx,
    site: r.site,
    home: r.home,
    cookie: r.cookie,
    tally: new Uint8Array(maxAlarms),
    at: -1,
    conn: 0,
    live: false,
    buf: '',
    lastId: undefined,
    retryMs: 3000,
    connects: 0,
    downAt: undefined,
    downFrom: -1,
    lastFrameAt: 0,
    lastFrameBeforeDown: 0,
    attemptAt: 0,
    req: undefined,
    gaps: [],
  }));
  const siteMark = cfg.siteIds.map((id) => `"siteId":"${id}"`);

  const onFrame = (s: Stream, frame: string, t: number) => {
    let event = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('data: ')) data = line.slice(6);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) s.lastId = line.slice(4);
      else if (line.startsWith('retry: ')) s.retryMs = Number(line.slice(7)) || s.retryMs;
    }
    s.lastFrameAt = t;
    if (!data) return;
    frames++;
    if (event === 'alarms.snapshot') {
      const body = JSON.parse(data) as { alarms: Array<{ id: string; state: string }> };
      const bit = s.connects > 1 ? SNAPSHOT_AFTER_RECONNECT : SNAPSHOT_FIRST;
      for (const a of body.alarms) {
        if (a.state === 'closed') continue;
        const i = idOf(a.id);
        if (i < maxAlarms) s.tally[i]! |= bit;
      }
      if (s.downAt !== undefined) {
        s.gaps.push({
          lastFrame: s.lastFrameBeforeDown,
          down: s.downAt,
          attempt: s.attemptAt,
          live: t,
          from: s.downFrom,
          to: s.at,
        });
        s.downAt = undefined;
      }
      s.live = true;
      return;
    }
    if (!event.startsWith('alarm.')) return;
    const m = /"alarm":\{"id":"([^"]+)"/.exec(data);
    if (!m) return;
    const i = idOf(m[1]!);
    if (i >= maxAlarms) {
      overflow++;
      return;
    }
    const v = s.tally[i]!;
    if (event === 'alarm.raised') {
      if (!data.includes(siteMark[s.site]!)) wrongSite++;
      if ((v & 7) === 0) {
        samples[s.at]!.alarm.push(i);
        samples[s.at]!.t.push(t);
      }
      if ((v & 7) < 7) s.tally[i] = v + 1;
    } else if (event === 'alarm.closed') s.tally[i] = v | CLOSED_SEEN;
    else if (!data.includes('"state":"closed"')) s.tally[i] = v | OTHER_OPEN_EVENT;
  };

  const down = (s: Stream, conn: number, why: string) => {
    if (s.conn !== conn || stopping) return;
    s.conn++;
    s.live = false;
    noteError(`${INSTANCE_NAMES[s.at] ?? '?'}: ${why}`);
    if (s.downAt === undefined) {
      s.downAt = now();
      s.downFrom = s.at;
      s.lastFrameBeforeDown = s.lastFrameAt;
    }
    s.req?.destroy();
    // EventSource waits the server's `retry` before it reconnects.
    setTimeout(() => connect(s), s.retryMs).unref();
  };

  const connect = (s: Stream, prefer = s.home) => {
    if (stopping) return;
    const inst = pick(prefer);
    if (inst < 0) return;
    const conn = ++s.conn;
    s.at = inst;
    s.buf = '';
    s.connects++;
    s.attemptAt = now();
    const headers: Record<string, string> = { accept: 'text/event-stream', cookie: s.cookie };
    if (s.lastId) headers['last-event-id'] = s.lastId;
    const req = http.get(`${cfg.instances[inst]}/api/alarms/stream`, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        down(s, conn, `HTTP ${res.statusCode}`);
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (s.conn !== conn) return;
        const t = now();
        s.buf += chunk;
        for (let end = s.buf.indexOf('\n\n'); end >= 0; end = s.buf.indexOf('\n\n')) {
          const frame = s.buf.slice(0, end);
          s.buf = s.buf.slice(end + 2);
          onFrame(s, frame, t);
        }
      });
      res.on('close', () => down(s, conn, 'stream ended'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (s.conn !== conn || stopping) return;
      if (e.code === 'ECONNREFUSED') {
        // The load balancer finds the backend down and routes the connection to another one at once.
        alive[inst] = false;
        const other = pick((inst + 1) % n);
        if (other >= 0 && other !== inst) {
          s.connects--;
          connect(s, other);
          return;
        }
      }
      down(s, conn, e.code ?? e.message);
    });
    s.req = req;
  };

  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  const cpu0 = process.cpuUsage();

  // Open every stream, in batches so the accept queue is not what is measured.
  for (let i = 0; i < streams.length; i++) {
    connect(streams[i]!);
    if (i % 100 === 99) {
      const upTo = i;
      await waitUntil(() => streams.slice(0, upTo + 1).every((s) => s.live), 120_000, 'streams to open');
    }
  }
  await waitUntil(() => streams.every((s) => s.live), 120_000, 'every stream to open');
  process.send!({ type: 'streams-open', at: now() } satisfies ToDriver);
  await sleep(1000);

  // ── presses and closes, routed as a load balancer does
  const agents = cfg.instances.map(() => new http.Agent({ keepAlive: true, maxSockets: 32 }));
  const request = (inst: number, url: string, headers: Record<string, string>, body?: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${cfg.instances[inst]}${url}`,
        {
          method: 'POST',
          agent: agents[inst],
          headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  /** Sends to the preferred instance; a refused or broken connection goes to another (a refusal marks the instance down). */
  const routed = async (prefer: number, url: string, headers: Record<string, string>, body?: unknown) => {
    let inst = pick(prefer);
    let resent = 0;
    for (;;) {
      if (inst < 0) throw new Error('no instance left');
      try {
        return { inst, resent, ...(await request(inst, url, headers, body)) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ECONNREFUSED') alive[inst] = false;
        if (resent >= 3) throw e;
        resent++;
        inst = pick((inst + 1) % n);
      }
    }
  };

  const closeStats = { ok: 0, conflict: 0, failed: 0, resent: 0 };
  const pressStats = { sent: 0, raised: 0, joined: 0, failed: 0, resent: 0 };
  const pressErrors: string[] = [];
  const lags: number[] = [];
  const pressAnswer: number[] = [];
  const closeAnswer: number[] = [];
  const answeredIn = new Float64Array(maxAlarms).fill(NaN);
  let outstanding = 0;
  let closeCount = 0;
  const closeHeaders = { cookie: cfg.closer.cookie, 'x-csrf-token': cfg.closer.csrf };
  const scheduleClose = (alarmId: string, i: number) => {
    if (closeScheduled[i]) return;
    closeScheduled[i] = 1;
    outstanding++;
    setTimeout(() => {
      const sent = now();
      routed(closeCount++ % n, `/api/alarms/${alarmId}/close`, closeHeaders)
        .then((r) => {
          closeAnswer.push(now() - sent);
          closeStats.resent += r.resent;
          if (r.status === 200) closeStats.ok++;
          else if (r.status === 409) closeStats.conflict++;
          else {
            closeStats.failed++;
            pressErrors.push(`close ${r.status} ${r.text.slice(0, 120)}`);
          }
        })
        .catch((e: Error) => {
          closeStats.failed++;
          pressErrors.push(`close: ${e.message}`);
        })
        .finally(() => outstanding--);
    }, cfg.closeAfterMs);
  };

  const pressHeaders = { cookie: cfg.presser.cookie, 'x-csrf-token': cfg.presser.csrf };
  const press = (k: number, due: number) => {
    const room = cfg.rooms[k % cfg.rooms.length]!;
    const t = now();
    lags.push(t - due);
    pressStats.sent++;
    outstanding++;
    routed(k % n, '/api/alarms', pressHeaders, { roomId: room.id })
      .then((r) => {
        const answered = now() - t;
        pressAnswer.push(answered);
        pressStats.resent += r.resent;
        if (r.status !== 200 && r.status !== 201) {
          pressStats.failed++;
          pressErrors.push(`press ${r.status} ${r.text.slice(0, 120)}`);
          return;
        }
        const body = JSON.parse(r.text) as { alarm: { id: string }; joined: boolean };
        const i = idOf(body.alarm.id);
        if (i >= maxAlarms) return;
        if (r.status === 201) pressStats.raised++;
        else pressStats.joined++;
        // A press resent after its instance died may join the alarm that instance committed: same alarm, same press.
        if (r.status === 201 || (r.resent > 0 && Number.isNaN(sentAt[i]!))) {
          sentAt[i] = t;
          answeredIn[i] = answered;
          pressedOn[i] = r.resent > 0 ? -1 : r.inst;
        }
        scheduleClose(body.alarm.id, i);
      })
      .catch((e: Error) => {
        pressStats.failed++;
        pressErrors.push(`press: ${e.message}`);
      })
      .finally(() => outstanding--);
  };

  process.on('message', (m: ToClient) => {
    if (m.type === 'killed') killedAt = m.at;
  });

  const t0 = now() + 200;
  process.send!({ type: 'started', t0 } satisfies ToDriver);
  const total = Math.round(cfg.seconds * cfg.rate);
  for (let k = 0; k < total; k++) {
    const due = t0 + (k * 1000) / cfg.rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    press(k, due);
  }
  const end = now();
  // Every press answered and every alarm closed; then every stream back and quiet.
  await waitUntil(() => outstanding === 0, 120_000, 'presses and closes to finish');
  await sleep(500);
  for (let last = -1, quietSince = now(), until = now() + 60_000; now() < until; await sleep(250)) {
    if (frames !== last || !streams.every((s) => s.live)) {
      last = frames;
      quietSince = now();
    } else if (now() - quietSince > 1500) break;
  }
  stopping = true;
  for (const s of streams) s.req?.destroy();
  for (const a of agents) a.destroy();
  monitor.disable();
  const cpu = process.cpuUsage(cpu0);

  // ── the ground truth: every alarm in the database
  const dbAlarms = await new Promise<DbAlarm[]>((resolve) => {
    const onAlarms = (m: ToClient) => {
      if (m.type !== 'alarms') return;
      process.off('message', onAlarms);
      resolve(m.alarms);
    };
    process.on('message', onAlarms);
    process.send!({ type: 'need-alarms' } satisfies ToDriver);
  });

  // ── latency per serving instance and phase
  const warmEnd = t0 + cfg.warmupSeconds * 1000;
  const allBack =
    killedAt === undefined ? undefined : Math.max(...streams.flatMap((s) => s.gaps.map((g) => g.live)));
  const phases: Array<[string, (sent: number) => boolean]> = [['all', () => true]];
  if (killedAt !== undefined) {
    const k = killedAt;
    phases.push(['before kill', (x) => x < k], ['after kill', (x) => x >= k]);
    if (allBack !== undefined && Number.isFinite(allBack))
      phases.push(['after kill, all back', (x) => x >= allBack]);
  }
  const latency: LatencyRow[] = [];
  for (let inst = 0; inst < n; inst++) {
    const sm = samples[inst]!;
    for (const [phase, inPhase] of phases) {
      const all: number[] = [];
      const local: number[] = [];
      const cross: number[] = [];
      const byMinute = new Map<number, number[]>();
      for (let j = 0; j < sm.alarm.length; j++) {
        const i = sm.alarm[j]!;
        const sent = sentAt[i]!;
        if (Number.isNaN(sent) || sent < warmEnd || !inPhase(sent)) continue;
        const lat = sm.t[j]! - sent;
        all.push(lat);
        if (pressedOn[i] === inst) local.push(lat);
        else if (pressedOn[i]! >= 0) cross.push(lat);
        const minute = Math.floor((sent - t0) / 60_000);
        let b = byMinute.get(minute);
        if (!b) byMinute.set(minute, (b = []));
        b.push(lat);
      }
      if (all.length === 0) continue;
      latency.push({
        instance: INSTANCE_NAMES[inst]!,
        phase,
        all: summary(all),
        local: summary(local),
        cross: summary(cross),
        minutes: [...byMinute]
          .sort((a, b) => a[0] - b[0])
          .map(([minute, xs]) => {
            const s = summary(xs);
            return { minute, n: s.n, p50: s.p50, p99: s.p99 };
          }),
      });
    }
  }

  // ── the slowest presses (by their last stream), to see when and where the tail happens
  const perAlarm = new Map<number, number[]>();
  for (const sm of samples)
    for (let j = 0; j < sm.alarm.length; j++) {
      const i = sm.alarm[j]!;
      if (Number.isNaN(sentAt[i]!)) continue;
      let xs = perAlarm.get(i);
      if (!xs) perAlarm.set(i, (xs = []));
      xs.push(sm.t[j]! - sentAt[i]!);
    }
  const slowest = [...perAlarm]
    .map(([i, xs]) => ({ i, s: summary(xs) }))
    .sort((a, b) => b.s.max - a.s.max)
    .slice(0, 10)
    .map(({ i, s }) => ({
      at: (sentAt[i]! - t0) / 1000,
      on: INSTANCE_NAMES[pressedOn[i]!] ?? 'resent',
      answer: answeredIn[i]!,
      p50: s.p50,
      max: s.max,
    }));

  // ── nothing lost: every alarm of its site on every stream, exactly once
  const bySite = cfg.siteIds.map(() => [] as DbAlarm[]);
  for (const a of dbAlarms) bySite[a.site]?.push(a);
  const verification: Verification[] = [];
  const missedExamples: string[] = [];
  for (let home = 0; home < n; home++) {
    const v = {
      home: INSTANCE_NAMES[home]!,
      streams: 0,
      expected: 0,
      once: 0,
      viaSnapshot: 0,
      viaOther: 0,
      duplicates: 0,
      duplicateStreams: 0,
      missedAway: 0,
      missedConnected: 0,
      wrongSite: 0,
      reconnected: 0,
    };
    for (const s of streams) {
      if (s.home !== home) continue;
      v.streams++;
      if (s.gaps.length > 0) v.reconnected++;
      let dup = false;
      for (const a of bySite[s.site]!) {
        v.expected++;
        const i = alarmIdx.get(a.id);
        const t = i === undefined ? 0 : s.tally[i]!;
        const count = t & 7;
        if (count === 1) v.once++;
        else if (count > 1) {
          v.duplicates++;
          dup = true;
        } else if (t & SNAPSHOT_AFTER_RECONNECT) v.viaSnapshot++;
        else if (t & OTHER_OPEN_EVENT) v.viaOther++;
        else if (s.gaps.some((g) => a.raisedAt >= g.lastFrame && a.closedAt !== null && a.closedAt <= g.live))
          v.missedAway++;
        else {
          v.missedConnected++;
          if (missedExamples.length < 12) {
            const rel = (x: number | null | undefined) =>
              x == null ? '–' : `${Math.round(x - (killedAt ?? t0))}`;
            const g = s.gaps[0];
            missedExamples.push(
              `alarm ${a.id.slice(0, 8)} pressed on ${i === undefined ? '?' : (INSTANCE_NAMES[pressedOn[i]!] ?? '?')} raised ${rel(a.raisedAt)} closed ${rel(a.closedAt)}; stream ${s.idx} (home ${INSTANCE_NAMES[s.home]}) ` +
                (g
                  ? `last frame ${rel(g.lastFrame)} end seen ${rel(g.down)} live ${rel(g.live)}`
                  : 'never reconnected') +
                `; tally ${t}`,
            );
          }
        }
      }
      if (dup) v.duplicateStreams++;
    }
    verification.push(v);
  }
  const sum = (k: Exclude<keyof Verification, 'home'>) => verification.reduce((a, x) => a + x[k], 0);
  verification.push({
    home: 'both',
    streams: sum('streams'),
    expected: sum('expected'),
    once: sum('once'),
    viaSnapshot: sum('viaSnapshot'),
    viaOther: sum('viaOther'),
    duplicates: sum('duplicates'),
    duplicateStreams: sum('duplicateStreams'),
    missedAway: sum('missedAway'),
    missedConnected: sum('missedConnected'),
    wrongSite,
    reconnected: sum('reconnected'),
  });

  // ── the gap after the kill
  let gaps: GapStats | undefined;
  if (killedAt !== undefined) {
    const k = killedAt;
    const killGaps = streams.flatMap((s) => s.gaps.filter((g) => g.down >= k - 50));
    const back = killGaps.length ? Math.max(...killGaps.map((g) => g.live)) : k;
    gaps = {
      streams: killGaps.length,
      gap: summary(killGaps.map((g) => g.live - k)),
      detect: summary(killGaps.map((g) => g.down - k)),
      reconnect: summary(killGaps.map((g) => g.live - g.attempt)),
      alarmsInGap: dbAlarms.filter((a) => a.raisedAt >= k && a.raisedAt <= back).length,
    };
  }
  const otherReconnects = streams.reduce((a, s) => a + s.gaps.length, 0) - (gaps?.streams ?? 0);

  const pressed = new Set(alarmIdx.keys());
  const result: ClientResult = {
    t0,
    killedAt,
    end,
    presses: {
      ...pressStats,
      lagP99: quantile(lags, 0.99),
      answer: summary(pressAnswer),
      errors: [...new Set(pressErrors)].slice(0, 8),
    },
    closes: { ...closeStats, answer: summary(closeAnswer) },
    slowest,
    alarmsInDb: dbAlarms.length,
    alarmsWithoutPress: dbAlarms.filter(
      (a) => !pressed.has(a.id) || Number.isNaN(sentAt[alarmIdx.get(a.id)!]!),
    ).length,
    latency,
    verification,
    gaps,
    otherReconnects,
    missedExamples,
    streamErrors: [...streamErrors].map(([k, c]) => `${k} ×${c}`).slice(0, 12),
    client: {
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      loopP99: monitor.percentile(99) / 1e6,
      loopMax: monitor.max / 1e6,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
    },
  };
  if (overflow) console.error(`client: ${overflow} alarms beyond the tally size were not counted`);
  await new Promise<void>((r) => process.send!({ type: 'result', result } satisfies ToDriver, () => r()));
};

const waitUntil = async (done: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

// ───────────────────────────── driver: database, seed, servers ─────────────────────────────

/** The audit chain's advisory lock key (adapters/db/repositories/audit.repository.ts). */
const AUDIT_HEAD_KEY = 0x70726f70;

const ADMIN_URL = process.env.PROPORTIO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Everything to undo, newest first, on every way out (done, error, Ctrl-C, SIGTERM). */
const cleanups: Array<() => Promise<void> | void> = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | undefined;
/** Drains the list; a second caller meanwhile (a signal during a failing run) waits for the same drain. */
const cleanUp = (): Promise<void> =>
  (cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (e) {
        console.error('cleanup:', (e as Error).message);
      }
    }
  })().finally(() => (cleaning = undefined)));
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const freshDatabase = async (): Promise<string> => {
  const name = `proportio_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: ADMIN_URL });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** In batches of `size` at once (the store's pool has 10 connections). */
const inBatches = async <T, R>(items: readonly T[], size: number, fn: (x: T, i: number) => Promise<R>) => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)))));
  return out;
};

interface Seeded {
  readonly siteIds: string[];
  readonly rooms: Array<{ id: string; site: number }>;
  readonly responders: Array<{ cookie: string; site: number; home: number }>;
  readonly presser: Session;
  readonly closer: Session;
}

/**
 * Sites, rooms and accounts through the services, as an administrator would make them; each account
 * logs in once (a browser session, valid on every instance: sessions live in the database). The
 * password hash here is cheap (seeding only); the servers check sessions, not passwords.
 */
const seed = async (databaseUrl: string, dataDir: string, o: Options): Promise<Seeded> => {
  // Imported here, not at the top: the client process (this same file) needs none of the server.
  const { argon2Hasher } = await import('../src/adapters/auth/password-hasher.js');
  const { loadConfig } = await import('../src/config.js');
  const { createRuntime, packageRoot } = await import('../src/main.js');
  const config = loadConfig(
    {
      PROPORTIO_DATABASE_URL: databaseUrl,
      PROPORTIO_DATA_DIR: dataDir,
      PROPORTIO_LOG_LEVEL: 'silent',
      PROPORTIO_MQTT_PORT: '-1',
    },
    dataDir,
    packageRoot(),
  );
  const rt = await createRuntime(config, {
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    logger: false,
  });
  try {
    const sys = { kind: 'system', name: 'bench' } as const;
    const { registry, users, auth } = rt.services;
    const siteIds: string[] = [];
    for (let s = 0; s < o.sites; s++)
      siteIds.push(unwrap(await registry.createSite(sys, { name: `Locatie ${s + 1}` })).id);
    const rooms: Seeded['rooms'] = [];
    for (let r = 0; r < o.rooms; r++) {
      const site = r % o.sites;
      const room = unwrap(
        await registry.createRoom(sys, { siteId: siteIds[site]!, name: `Spreekkamer ${r + 1}` }),
      );
      rooms.push({ id: room.id, site });
    }
    const account = async (username: string, roles: string[], sites: string[]): Promise<Session> => {
      unwrap(
        await users.create(sys, {
          username,
          displayName: username,
          roles,
          siteIds: sites,
          password: PASSWORD,
        }),
      );
      const s = unwrap(await auth.login(username, PASSWORD));
      return { cookie: `proportio_session=${s.sessionId}`, csrf: s.csrfToken };
    };
    const presser = await account('bench-balie', ['front-desk'], []);
    const closer = await account('bench-sluiter', ['responder'], []);
    const responders = await inBatches(
      Array.from({ length: o.responders }, (_, i) => i),
      8,
      async (i) => {
        const site = i % o.sites;
        const home = Math.floor(i / o.sites) % 2;
        const s = await account(`bench-r${String(i + 1).padStart(4, '0')}`, ['responder'], [siteIds[site]!]);
        return { cookie: s.cookie, site, home };
      },
    );
    return { siteIds, rooms, responders, presser, closer };
  } finally {
    await rt.close();
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  readonly log: { warn: number; error: number; messages: Map<string, number> };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const serve = async (name: string, env: Record<string, string>, built: boolean): Promise<Server> => {
  const port = await freePort();
  const entry = built
    ? [path.join(root, 'bin/proportio.js'), 'serve']
    : ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'serve'];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: {
      ...process.env,
      PROPORTIO_LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      PROPORTIO_PORT: String(port),
      PROPORTIO_HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  });
  const log = { warn: 0, error: 0, messages: new Map<string, number>() };
  let out = '';
  let running = false;
  const onLine = (line: string) => {
    if (!running) out += `${line}\n`;
    if (line.includes('Proportio is running')) running = true;
    if (!line.startsWith('{')) return;
    try {
      const j = JSON.parse(line) as { level?: number; msg?: string };
      if ((j.level ?? 0) >= 50) log.error++;
      else if ((j.level ?? 0) >= 40) log.warn++;
      if ((j.level ?? 0) >= 40 && j.msg) log.messages.set(j.msg, (log.messages.get(j.msg) ?? 0) + 1);
    } catch {
      /* not a log line */
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      rest += chunk;
      for (let i = rest.indexOf('\n'); i >= 0; i = rest.indexOf('\n')) {
        onLine(rest.slice(0, i));
        rest = rest.slice(i + 1);
      }
    });
  }
  const until = Date.now() + 180_000;
  while (!running) {
    if (child.exitCode !== null) throw new Error(`serve ${name} exited with ${child.exitCode}: ${out}`);
    if (Date.now() > until) throw new Error(`serve ${name} did not start: ${out}`);
    await sleep(100);
  }
  return { name, child, url: `http://127.0.0.1:${port}`, log };
};

/** RSS (MiB) and CPU time (s) of a process, from /proc. */
const procStats = (pid: number | undefined): { rss: number; cpu: number } | undefined => {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rss, cpu: ticks / 100 };
  } catch {
    return undefined;
  }
};

interface Options {
  readonly minutes: number;
  readonly rate: number;
  readonly rooms: number;
  readonly sites: number;
  readonly responders: number;
  readonly killAtHalf: boolean;
  readonly runs: number;
  readonly closeAfterMs: number;
  readonly warmup: number;
  readonly built: boolean;
  readonly out: string | undefined;
}

interface ServerFigures {
  readonly name: string;
  readonly rssIdle: number;
  readonly rssStreams: number;
  readonly rssPeak: number;
  readonly rssEnd: number;
  readonly cpuSeconds: number;
  readonly killed: boolean;
  readonly warn: number;
  readonly error: number;
  readonly messages: string[];
}

interface RunResult {
  readonly load: [number, number];
  readonly client: ClientResult;
  readonly servers: ServerFigures[];
  readonly seedSeconds: number;
  /** What the database's sessions of the bench were doing, sampled once a second: mean number of sessions per state. */
  readonly pgWaits: ReadonlyArray<{ readonly state: string; readonly mean: number }>;
}

const runOnce = async (o: Options, run: number): Promise<RunResult> => {
  const load0 = os.loadavg()[0]!;
  try {
    const databaseUrl = await freshDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-bench-multi-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const seedStart = Date.now();
    const seeded = await seed(databaseUrl, dataDir, o);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    console.error(
      `run ${run}: seeded ${o.sites} sites, ${o.rooms} rooms, ${o.responders} responders in ${seedSeconds.toFixed(1)} s`,
    );
    const env = {
      PROPORTIO_DATABASE_URL: databaseUrl,
      PROPORTIO_DATA_DIR: dataDir,
      PROPORTIO_MQTT_PORT: '-1',
      PROPORTIO_WEB_DIR: path.join(dataDir, 'no-web'),
    };
    // A first: it takes the scheduler lock (the instance --kill-at-half kills); B joins.
    const servers = [await serve('A', env, o.built), await serve('B', env, o.built)];
    const rss = servers.map(() => ({ idle: NaN, streams: NaN, peak: 0, end: NaN }));
    const cpuAt = servers.map(() => ({ start: NaN, end: NaN }));
    const sample = () =>
      servers.forEach((s, i) => {
        const p = procStats(
          s.child.exitCode === null && s.child.signalCode === null ? s.child.pid : undefined,
        );
        if (!p) return;
        rss[i]!.peak = Math.max(rss[i]!.peak, p.rss);
        rss[i]!.end = p.rss;
        cpuAt[i]!.end = p.cpu;
      });
    await sleep(1000);
    servers.forEach((s, i) => (rss[i]!.idle = procStats(s.child.pid)?.rss ?? NaN));
    const sampler = setInterval(sample, 2000);
    cleanups.push(() => clearInterval(sampler));
    // Where the servers' database sessions wait (an advisory lock is the audit chain's head or a room's).
    const watcher = new pg.Client({ connectionString: ADMIN_URL, application_name: 'bench-watcher' });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    const dbName = new URL(databaseUrl).pathname.slice(1);
    const waits = new Map<string, number>();
    let waitSamples = 0;
    let pressing = false;
    const watch = setInterval(() => {
      if (!pressing) return;
      watcher
        .query<{ state: string; n: string }>(
          `SELECT CASE WHEN a.state = 'active' AND a.wait_event IS NULL THEN 'active, running'
                       WHEN a.state = 'active' AND a.wait_event = 'advisory'
                         THEN 'waiting for the ' || CASE WHEN l.objid = ${AUDIT_HEAD_KEY} THEN 'audit chain head' ELSE 'room/alarm' END || ' lock'
                       WHEN a.state = 'active' THEN 'active, waiting on ' || a.wait_event_type || ':' || a.wait_event
                       ELSE coalesce(a.state, '?') END AS state, count(*) AS n
             FROM pg_stat_activity a
             LEFT JOIN LATERAL (SELECT objid FROM pg_locks WHERE pid = a.pid AND NOT granted AND locktype = 'advisory' LIMIT 1) l ON true
            WHERE a.datname = $1 AND a.pid <> pg_backend_pid() AND a.application_name <> 'proportio-events'
            GROUP BY 1`,
          [dbName],
        )
        .then(({ rows }) => {
          waitSamples++;
          for (const r of rows) waits.set(r.state, (waits.get(r.state) ?? 0) + Number(r.n));
        })
        .catch(() => undefined);
    }, 1000);
    cleanups.push(() => clearInterval(watch));

    const client = fork(fileURLToPath(import.meta.url), ['--client'], { stdio: 'inherit' });
    children.add(client);
    cleanups.push(() => {
      if (client.exitCode === null) client.kill('SIGKILL');
    });
    let killTimer: NodeJS.Timeout | undefined;
    cleanups.push(() => clearTimeout(killTimer));
    const result = await new Promise<ClientResult>((resolve, reject) => {
      client.on('message', (m: ToDriver) => {
        if (m.type === 'streams-open') {
          servers.forEach((s, i) => (rss[i]!.streams = procStats(s.child.pid)?.rss ?? NaN));
          console.error(
            `run ${run}: ${o.responders} streams open; pressing for ${o.minutes} min at ${o.rate}/s`,
          );
        } else if (m.type === 'started') {
          pressing = true;
          servers.forEach((s, i) => (cpuAt[i]!.start = procStats(s.child.pid)?.cpu ?? NaN));
          if (o.killAtHalf) {
            const at = m.t0 + (o.minutes * 60_000) / 2;
            killTimer = setTimeout(() => {
              sample();
              const killedAt = now();
              servers[0]!.child.kill('SIGKILL');
              client.send({ type: 'killed', at: killedAt } satisfies ToClient);
              console.error(`run ${run}: instance A killed (SIGKILL)`);
            }, at - now());
          }
        } else if (m.type === 'need-alarms') {
          pressing = false;
          sample();
          void (async () => {
            const c = new pg.Client({ connectionString: databaseUrl });
            await c.connect();
            const { rows } = await c.query<{
              id: string;
              site_id: string;
              raised_at: string;
              closed_at: string | null;
            }>('SELECT id, site_id, raised_at, closed_at FROM alarms');
            await c.end();
            const alarms: DbAlarm[] = rows.map((r) => ({
              id: r.id,
              site: seeded.siteIds.indexOf(r.site_id),
              raisedAt: Date.parse(r.raised_at),
              closedAt: r.closed_at === null ? null : Date.parse(r.closed_at),
            }));
            client.send({ type: 'alarms', alarms } satisfies ToClient);
          })().catch(reject);
        } else if (m.type === 'result') resolve(m.result);
      });
      client.on('exit', (code) => reject(new Error(`client exited ${code ?? 'by signal'} without a result`)));
      client.send({
        type: 'config',
        config: {
          instances: servers.map((s) => s.url),
          siteIds: seeded.siteIds,
          rooms: seeded.rooms,
          responders: seeded.responders,
          presser: seeded.presser,
          closer: seeded.closer,
          rate: o.rate,
          seconds: o.minutes * 60,
          warmupSeconds: o.warmup,
          closeAfterMs: o.closeAfterMs,
        },
      } satisfies ToClient);
    });
    const load1 = os.loadavg()[0]!;
    return {
      load: [load0, load1],
      client: result,
      seedSeconds,
      pgWaits: [...waits]
        .map(([state, total]) => ({ state, mean: total / Math.max(1, waitSamples) }))
        .sort((a, b) => b.mean - a.mean),
      servers: servers.map((s, i) => ({
        name: s.name,
        rssIdle: rss[i]!.idle,
        rssStreams: rss[i]!.streams,
        rssPeak: rss[i]!.peak,
        rssEnd: rss[i]!.end,
        cpuSeconds: cpuAt[i]!.end - cpuAt[i]!.start,
        killed: s.child.signalCode === 'SIGKILL',
        warn: s.log.warn,
        error: s.log.error,
        messages: [...s.log.messages].map(([msg, c]) => `${msg} ×${c}`).slice(0, 6),
      })),
    };
  } finally {
    // Undo this run's steps (servers, client, database, folder), newest first.
    await cleanUp();
  }
};

// ───────────────────────────── driver: report ─────────────────────────────

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const spread = (xs: number[]) =>
  xs.length === 0 ? '–' : `${f1(quantile(xs, 0.5))} (${f1(Math.min(...xs))}–${f1(Math.max(...xs))})`;

const report = (o: Options, runs: RunResult[], command: string): string => {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines: string[] = [];
  const variant = o.killAtHalf ? 'instance A killed (SIGKILL) halfway' : 'both instances throughout';
  lines.push(
    `# Two instances on PostgreSQL: alarm delivery under load (issue 13 §5)`,
    '',
    `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${os.platform()} ${os.release()}; PostgreSQL on 127.0.0.1. ${runs.length} run(s) of ${o.minutes} min: ${o.rooms} rooms over ${o.sites} sites, ${o.responders} responder streams (half on each instance), ${o.rate} presses/s alternating over the instances, each alarm closed ${o.closeAfterMs} ms after its press; ${variant}. Servers run as \`${o.built ? 'node bin/proportio.js serve' : 'node --import tsx src/cli/run.ts serve'}\`. The first ${o.warmup} s of presses are left out of the latency (not out of the loss check).`,
    '',
    '```sh',
    command,
    '```',
    '',
  );
  if (o.minutes < 10 || o.rate < 10 || o.rooms < 50 || o.responders < 1000)
    lines.push(
      `> **A validation run, not the benchmark's result**: shorter or smaller than issue 13 §5 asks (10 min, 10 presses/s, 50 rooms, 1,000 responders). The load average beside each run says how busy the machine was.`,
      '',
    );

  // Per run: what was pressed and whether anything was lost.
  lines.push(
    '**Nothing lost?** Per run, every (stream, alarm of its site) pair: delivered once (alarm.raised, live or replayed), via the snapshot after a reconnect, duplicated, or missed.',
    '',
    '| run | load (1 min) before → after | presses sent / raised / joined / failed | alarms in the database | expected deliveries | once | via snapshot | via another event | duplicates | missed (away) | missed (connected) |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  runs.forEach((r, i) => {
    const c = r.client;
    const v = c.verification.find((x) => x.home === 'both')!;
    lines.push(
      `| ${i + 1} | ${f2(r.load[0])} → ${f2(r.load[1])} | ${c.presses.sent} / ${c.presses.raised} / ${c.presses.joined} / ${c.presses.failed} | ${c.alarmsInDb} | ${v.expected} | ${v.once} | ${v.viaSnapshot} | ${v.viaOther} | **${v.duplicates}** | **${v.missedAway}** | **${v.missedConnected}** |`,
    );
  });
  lines.push('');
  lines.push('Per instance the streams were opened on (last run):', '');
  lines.push(
    '| streams on | streams | reconnected | expected | once | via snapshot | via another event | duplicates (streams) | missed (away) | missed (connected) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const v of runs.at(-1)!.client.verification)
    lines.push(
      `| ${v.home} | ${v.streams} | ${v.reconnected} | ${v.expected} | ${v.once} | ${v.viaSnapshot} | ${v.viaOther} | ${v.duplicates} (${v.duplicateStreams}) | ${v.missedAway} | ${v.missedConnected} |`,
    );
  lines.push(
    '',
    `Alarm events on a stream of another site: ${runs.map((r) => r.client.verification.find((x) => x.home === 'both')!.wrongSite).join(', ')}. Alarms in the database that no press answer named: ${runs.map((r) => r.client.alarmsWithoutPress).join(', ')}. Closes ok / already closed / failed: ${runs.map((r) => `${r.client.closes.ok} / ${r.client.closes.conflict} / ${r.client.closes.failed}`).join('; ')}. Presses and closes re-sent to the other instance: ${runs.map((r) => `${r.client.presses.resent} / ${r.client.closes.resent}`).join('; ')}.`,
    '',
  );
  lines.push(
    `Press answered (sent → HTTP answer) p50 / p99 / max ms: ${runs.map((r) => `${f1(r.client.presses.answer.p50)} / ${f1(r.client.presses.answer.p99)} / ${f1(r.client.presses.answer.max)}`).join('; ')}; close answered: ${runs.map((r) => `${f1(r.client.closes.answer.p50)} / ${f1(r.client.closes.answer.p99)} / ${f1(r.client.closes.answer.max)}`).join('; ')}. A press joins instead of raising when its room's previous alarm is not closed yet (press answer + ${o.closeAfterMs} ms + close answer > ${f0((o.rooms / o.rate) * 1000)} ms).`,
    '',
    `The slowest presses of the last run (by their last stream): ${runs
      .at(-1)!
      .client.slowest.map(
        (x) => `${f1(x.at)} s on ${x.on} (answer ${f0(x.answer)}, p50 ${f0(x.p50)}, last ${f0(x.max)} ms)`,
      )
      .join('; ')}.`,
    '',
  );
  const examples = runs.flatMap((r, i) => r.client.missedExamples.map((e) => `run ${i + 1}: ${e}`));
  if (examples.length)
    lines.push(
      `Missed while connected, examples (ms relative to the ${o.killAtHalf ? 'kill' : 'first press'}):`,
      '',
      ...examples.slice(0, 12).map((e) => `- ${e}`),
      '',
    );
  const errs = [...new Set(runs.flatMap((r) => r.client.presses.errors))];
  if (errs.length) lines.push(`Press/close errors: ${errs.map((e) => `\`${e}\``).join(', ')}.`, '');

  // Latency per instance.
  lines.push(
    '**Delivery latency** (ms, press sent → alarm.raised read on the stream, every stream of the alarm’s site; by the instance serving the stream; "local" = pressed on that instance, "via NOTIFY" = pressed on the other). Per-minute: the median and min–max over the one-minute windows of that window’s p50 and p99.',
    '',
    '| run | instance | phase | samples | p50 | p99 | max | local p50 / p99 | via NOTIFY p50 / p99 | per-minute p50: median (min–max) | per-minute p99: median (min–max) |',
    '|---:|---|---|---:|---:|---:|---:|---|---|---|---|',
  );
  runs.forEach((r, i) => {
    for (const l of r.client.latency)
      lines.push(
        `| ${i + 1} | ${l.instance} | ${l.phase} | ${l.all.n} | **${f1(l.all.p50)}** | **${f1(l.all.p99)}** | ${f1(l.all.max)} | ${f1(l.local.p50)} / ${f1(l.local.p99)} | ${f1(l.cross.p50)} / ${f1(l.cross.p99)} | ${spread(l.minutes.map((m) => m.p50))} | ${spread(l.minutes.map((m) => m.p99))} |`,
      );
  });
  lines.push('');
  if (runs.length > 1) {
    lines.push('Across runs (median and min–max of the per-run figures):', '');
    lines.push('| instance | phase | runs | p50 | p99 |', '|---|---|---:|---|---|');
    const keys = [
      ...new Set(runs.flatMap((r) => r.client.latency.map((l) => `${l.instance}\u0000${l.phase}`))),
    ];
    for (const key of keys) {
      const [name, phase] = key.split('\u0000') as [string, string];
      const rows = runs.flatMap((r) =>
        r.client.latency.filter((l) => l.instance === name && l.phase === phase),
      );
      lines.push(
        `| ${name} | ${phase} | ${rows.length} | ${spread(rows.map((l) => l.all.p50))} | ${spread(rows.map((l) => l.all.p99))} |`,
      );
    }
    lines.push('');
  }

  // The kill.
  if (o.killAtHalf) {
    lines.push(
      '**The kill.** Instance A gets SIGKILL halfway. Its streams end at once; each reconnects as EventSource does, after the `retry` the server sent, with its Last-Event-ID, and the load balancer (the client here) routes it to B once A refuses connections. Gap = kill → the stream’s snapshot read on B; reconnect = the attempt → that snapshot.',
      '',
      '| run | streams moved | gap p50 / p99 / max ms | kill → stream end seen p50 / max | reconnect → snapshot p50 / p99 / max | alarms raised in the gap |',
      '|---:|---:|---|---|---|---:|',
    );
    runs.forEach((r, i) => {
      const g = r.client.gaps;
      if (!g) return;
      lines.push(
        `| ${i + 1} | ${g.streams} | ${f0(g.gap.p50)} / ${f0(g.gap.p99)} / ${f0(g.gap.max)} | ${f1(g.detect.p50)} / ${f1(g.detect.max)} | ${f0(g.reconnect.p50)} / ${f0(g.reconnect.p99)} / ${f0(g.reconnect.max)} | ${g.alarmsInGap} |`,
      );
    });
    lines.push('');
  }
  lines.push(
    `Stream reconnects other than the kill's: ${runs.map((r) => r.client.otherReconnects).join(', ')}. Stream ends seen by the client: ${runs.map((r) => r.client.streamErrors.join(', ') || 'none').join('; ')}.`,
    '',
  );

  // Memory and CPU.
  lines.push(
    '**Servers** (RSS from /proc; CPU = user + system time of the server process during the pressing; log lines at warn/error):',
    '',
    '| run | instance | RSS idle MiB | with streams | peak | end | CPU s (share of one core) | warn / error log lines |',
    '|---:|---|---:|---:|---:|---:|---|---|',
  );
  runs.forEach((r, i) => {
    const wall = (r.client.end - r.client.t0) / 1000;
    for (const s of r.servers)
      lines.push(
        `| ${i + 1} | ${s.name}${s.killed ? ' (killed)' : ''} | ${f0(s.rssIdle)} | ${f0(s.rssStreams)} | ${f0(s.rssPeak)} | ${s.killed ? '–' : f0(s.rssEnd)} | ${f1(s.cpuSeconds)} (${f0((100 * s.cpuSeconds) / wall)} %) | ${s.warn} / ${s.error}${s.messages.length ? `: ${s.messages.join('; ')}` : ''} |`,
      );
  });
  lines.push(
    '',
    `Client process (every stream, press and close): ${runs.map((r) => `CPU ${f1(r.client.client.cpuSeconds)} s, event-loop delay p99 ${f1(r.client.client.loopP99)} ms (max ${f1(r.client.client.loopMax)}), RSS ${f0(r.client.client.rssMiB)} MiB, press lateness p99 ${f1(r.client.presses.lagP99)} ms`).join('; ')}. Seeding: ${runs.map((r) => `${f1(r.seedSeconds)} s`).join(', ')}.`,
    '',
    `The servers' database sessions, sampled once a second while pressing (mean number per state): ${runs.map((r) => r.pgWaits.map((w) => `${w.state} ${f2(w.mean)}`).join(', ')).join('; ')}.`,
    '',
  );
  return lines.join('\n');
};

const options = (): Options => {
  const num = (name: string, fallback: number, min: number) => {
    const v = Number(arg(name, String(fallback)));
    if (!Number.isFinite(v) || v < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return v;
  };
  const o: Options = {
    minutes: num('minutes', 10, 0.1),
    rate: num('rate', 10, 0.1),
    rooms: Math.round(num('rooms', 50, 1)),
    sites: Math.round(num('sites', 5, 1)),
    responders: Math.round(num('responders', 1000, 2)),
    killAtHalf: flag('kill-at-half'),
    runs: Math.round(num('runs', 1, 1)),
    closeAfterMs: num('close-after-ms', 2000, 0),
    warmup: num('warmup', 10, 0),
    built: flag('built'),
    out: process.argv.includes('--out') ? arg('out', '') : undefined,
  };
  if (o.rooms < o.sites) throw new Error('--rooms must be at least --sites');
  if ((o.rooms / o.rate) * 1000 <= o.closeAfterMs + 500)
    console.error(
      `warning: a room is pressed every ${((o.rooms / o.rate) * 1000).toFixed(0)} ms but its alarm closes after ${o.closeAfterMs} ms: presses will join open alarms`,
    );
  return o;
};

const runDriver = async () => {
  const o = options();
  const command = `npx tsx bench/multi-instance-load.bench.ts ${process.argv.slice(2).join(' ')}`.trim();
  const runs: RunResult[] = [];
  for (let i = 1; i <= o.runs; i++) {
    console.error(`run ${i}/${o.runs}: load average ${os.loadavg().map(f2).join(' ')}`);
    const r = await runOnce(o, i);
    runs.push(r);
    const v = r.client.verification.find((x) => x.home === 'both')!;
    console.error(
      `run ${i}/${o.runs}: load ${f2(r.load[0])} → ${f2(r.load[1])}; ${r.client.alarmsInDb} alarms; ` +
        r.client.latency
          .filter((l) => l.phase === 'all')
          .map((l) => `${l.instance} p50 ${f1(l.all.p50)} p99 ${f1(l.all.p99)} ms`)
          .join(', ') +
        `; duplicates ${v.duplicates}, missed ${v.missedAway} away + ${v.missedConnected} connected, via snapshot ${v.viaSnapshot}`,
    );
  }
  let md = report(o, runs, command);
  if (o.out) {
    const file = path.resolve(o.out);
    // Written as the repository's prettier writes markdown, so `prettier --check .` stays green.
    const prettier = await import('prettier');
    md = await prettier.format(md, { ...(await prettier.resolveConfig(file)), parser: 'markdown' });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, md);
  }
  console.log(md);
};

const fail = async (e: unknown) => {
  console.error(e);
  await cleanUp();
  process.exit(1);
};
if (process.argv.includes('--client')) {
  process.once('message', (m: ToClient) => {
    if (m.type !== 'config') return;
    runClient(m.config).then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
} else {
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      console.error(`${sig}: cleaning up`);
      void cleanUp().then(() => process.exit(130));
    });
  runDriver().then(() => cleanUp(), fail);
}
