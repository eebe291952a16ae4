/**
 * Recorder benchmark (issue 5, performance a and b). Run: npx tsx bench/recorder.bench.ts
 *
 * (a) N armed cameras, each a 1080p ~4 Mbit/s 2-second-GOP H.264 source replayed in real time:
 *     A = ours: ffmpeg -c copy → fMP4 on stdout → Node parser → in-memory GOP ring (pre-roll 5 s)
 *     B = Frigate's way: ffmpeg segment muxer writing 10 s stream-copy MP4 segments to /dev/shm
 *     CPU (ffmpeg children + node), memory (RSS, ring bytes, RAM-folder bytes) and bytes written.
 * (b) alarm → clip complete, minus the post-roll, with an in-memory sink.
 *
 *   npx tsx bench/recorder.bench.ts [--runs 5] [--cameras 1,4] [--seconds 20] [--alarms 6] [--out docs/benchmarks/recorder.md]
 *
 * (BENCH_CAMERAS and BENCH_SECONDS still work as defaults.) Every run measures A and B at the same
 * time over the same window, and the report gives the median and spread of ours ÷ Frigate's CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestProcess } from '../src/adapters/media/ingest-process.js';
import { ClipRecorder, type ClipMetadata } from '../src/core/recording/clip.js';
import { FFMPEG, sourceFile } from '../test/support/ffmpeg-source.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const CAMERAS = arg('cameras', process.env.BENCH_CAMERAS ?? '1,4')
  .split(',')
  .map(Number);
const SECONDS = Number(arg('seconds', process.env.BENCH_SECONDS ?? '20'));
const RUNS = Number(arg('runs', '5'));
const ALARMS = Number(arg('alarms', '6'));
const OUT = arg('out', 'docs/benchmarks/recorder.md');
const WARMUP_MS = 7000;
const PRE_ROLL = 5;
const KBPS = 4000;
const CLK_TCK = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const procCpuSeconds = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
};
const procRssBytes = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};
const procIo = (pid: number): { writeBytes: number; wchar: number } => {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return {
      writeBytes: Number(/write_bytes: (\d+)/.exec(io)?.[1] ?? 0),
      wchar: Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0),
    };
  } catch {
    return { writeBytes: 0, wchar: 0 };
  }
};
const dirBytes = (dir: string): number => {
  try {
    return readdirSync(dir).reduce((a, f) => a + statSync(path.join(dir, f)).size, 0);
  } catch {
    return 0;
  }
};

interface Row {
  approach: string;
  cameras: number;
  cpuPerCameraPct: number;
  ffmpegCpuPct: number;
  nodeCpuPct: number;
  ffmpegRssMiB: number;
  heldMiB: number;
  heldWhat: string;
  /** Node's CPU minus what the same process uses with no camera (its idle baseline). */
  nodeAboveIdlePct: number;
  writeBytes: number;
  wcharMiB: number;
}

/** Starts n cameras our way: ffmpeg → fMP4 on stdout → Node parser → GOP ring. */
const startOurs = (source: string, n: number) => {
  const recorders: ClipRecorder[] = [];
  const ingests: IngestProcess[] = [];
  for (let i = 0; i < n; i++) {
    const rec = new ClipRecorder(
      {
        mode: 'incident',
        preRollSeconds: PRE_ROLL,
        postRollSeconds: 5,
        maxClipSeconds: 60,
        ringMaxBytes: 32 * 1024 * 1024,
      },
      () => ({ write: () => undefined, end: () => undefined }),
    );
    const ingest = new IngestProcess({
      cameraId: `bench-${i}`,
      ffmpegPath: FFMPEG,
      source: { url: source, inputFormat: 'mpegts', realtime: true, loop: true, audio: false },
      onInit: (init) => rec.onInit(init),
      onFragment: (f, at) => rec.onFragment(f, at),
      onStreamEnd: (at) => rec.streamLost(at),
    });
    recorders.push(rec);
    ingests.push(ingest);
    ingest.start();
  }
  return {
    pids: () => ingests.map((x) => x.pid ?? -1).filter((p) => p > 0),
    ringBytes: () => recorders.reduce((a, r) => a + r.ring.bytes, 0),
    bitrate: () => ingests.reduce((a, x) => a + (x.health().bitrateBps ?? 0), 0) / n,
    stop: () => Promise.all(ingests.map((x) => x.stop())),
  };
};

/** Starts n cameras Frigate's way: ffmpeg's segment muxer writing 10 s MP4 segments to /dev/shm. */
const startFrigate = (source: string, n: number) => {
  const base = path.join('/dev/shm', `proportio-bench-${process.pid}`);
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const dir = path.join(base, String(i));
    mkdirSync(dir, { recursive: true });
    // The segment muxer settings Frigate uses for its recording cache (10 s, stream copy, MP4).
    const c = spawn(
      FFMPEG,
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-re',
        '-stream_loop',
        '-1',
        '-f',
        'mpegts',
        '-i',
        source,
        '-map',
        '0:v:0',
        '-c',
        'copy',
        '-an',
        '-f',
        'segment',
        '-segment_time',
        '10',
        '-segment_format',
        'mp4',
        '-reset_timestamps',
        '1',
        '-strftime',
        '1',
        path.join(dir, '%Y%m%d%H%M%S.mp4'),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.push(c);
  }
  return {
    pids: () => children.map((c) => c.pid ?? -1).filter((p) => p > 0),
    // Frigate keeps the cache until its recorder moves segments out; here: what the RAM folder holds now.
    heldBytes: () => children.reduce((a, _c, i) => a + dirBytes(path.join(base, String(i))), 0),
    stop: async () => {
      for (const c of children) c.kill('SIGTERM');
      await sleep(500);
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      rmSync(base, { recursive: true, force: true });
    },
  };
};

/** One CPU window over a set of processes (ffmpeg children) and this Node process. */
const window = (pids: number[]) => {
  const cpu0 = pids.map(procCpuSeconds);
  const io0 = pids.map(procIo);
  return () => {
    const cpu = pids.reduce((a, p, i) => a + procCpuSeconds(p) - (cpu0[i] ?? 0), 0);
    const io = pids.map((p, i) => {
      const x = procIo(p);
      return { writeBytes: x.writeBytes - (io0[i]?.writeBytes ?? 0), wchar: x.wchar - (io0[i]?.wchar ?? 0) };
    });
    return {
      cpuSeconds: cpu,
      rss: pids.reduce((a, p) => a + procRssBytes(p), 0),
      writeBytes: io.reduce((a, x) => a + x.writeBytes, 0),
      wchar: io.reduce((a, x) => a + x.wchar, 0),
    };
  };
};

/**
 * One run at n cameras: ours and Frigate's run AT THE SAME TIME and are measured over the same
 * window, so load from anything else on the machine falls on both alike.
 */
const runBoth = async (source: string, n: number, nodeIdlePct: number): Promise<Row[]> => {
  const a = startOurs(source, n);
  const b = startFrigate(source, n);
  await sleep(WARMUP_MS);
  const endA = window(a.pids());
  const endB = window(b.pids());
  const node0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const wall = (performance.now() - t0) / 1000;
  const node = process.cpuUsage(node0);
  const ma = endA();
  const mb = endB();
  const ring = a.ringBytes();
  const bitrate = a.bitrate();
  const held = b.heldBytes();
  await Promise.all([a.stop(), b.stop()]);
  const nodePct = (100 * (node.user + node.system)) / 1e6 / wall;
  const ffA = (100 * ma.cpuSeconds) / wall;
  const ffB = (100 * mb.cpuSeconds) / wall;
  return [
    {
      approach: 'A ours (fMP4 → memory ring)',
      cameras: n,
      cpuPerCameraPct: (ffA + nodePct) / n,
      ffmpegCpuPct: ffA,
      nodeCpuPct: nodePct,
      nodeAboveIdlePct: Math.max(0, nodePct - nodeIdlePct),
      ffmpegRssMiB: ma.rss / n / 2 ** 20,
      heldMiB: ring / n / 2 ** 20,
      heldWhat: `ring per camera (measured ${(bitrate / 1e6).toFixed(2)} Mbit/s)`,
      writeBytes: ma.writeBytes,
      wcharMiB: ma.wchar / 2 ** 20,
    },
    {
      approach: 'B Frigate (10 s segments → /dev/shm)',
      cameras: n,
      cpuPerCameraPct: ffB / n,
      ffmpegCpuPct: ffB,
      nodeCpuPct: 0,
      nodeAboveIdlePct: 0,
      ffmpegRssMiB: mb.rss / n / 2 ** 20,
      heldMiB: held / n / 2 ** 20,
      heldWhat: 'segment files in /dev/shm per camera',
      writeBytes: mb.writeBytes,
      wcharMiB: mb.wchar / 2 ** 20,
    },
  ];
};

/** The benchmark process's own CPU with no camera at all (timers, the runtime), over the same window. */
const nodeIdle = async (): Promise<number> => {
  const node0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(Math.min(SECONDS, 5) * 1000);
  const n = process.cpuUsage(node0);
  return (100 * (n.user + n.system)) / 1e6 / ((performance.now() - t0) / 1000);
};

const alarmLatency = async (source: string, runs: number): Promise<number[]> => {
  const POST = 4;
  const out: number[] = [];
  let pending: { alarmAt: number; resolve: (m: ClipMetadata & { doneAt: number }) => void } | null = null;
  const rec = new ClipRecorder(
    {
      mode: 'incident',
      preRollSeconds: PRE_ROLL,
      postRollSeconds: POST,
      maxClipSeconds: 60,
      ringMaxBytes: 32 * 1024 * 1024,
    },
    () => ({
      write: () => undefined,
      end: (m) => pending?.resolve({ ...m, doneAt: Date.now() }),
    }),
  );
  const ingest = new IngestProcess({
    cameraId: 'bench-latency',
    ffmpegPath: FFMPEG,
    source: { url: source, inputFormat: 'mpegts', realtime: true, loop: true, audio: false },
    onInit: (init) => rec.onInit(init),
    onFragment: (f, at) => rec.onFragment(f, at),
  });
  ingest.start();
  await sleep(WARMUP_MS);
  for (let i = 0; i < runs; i++) {
    // Spread alarms over the GOP: latency depends on where in the GOP the post-roll ends.
    await sleep(700 + i * 530);
    const done = new Promise<ClipMetadata & { doneAt: number }>((resolve) => {
      pending = { alarmAt: Date.now(), resolve };
    });
    const alarmAt = Date.now();
    rec.alarm(alarmAt);
    const m = await done;
    out.push(m.doneAt - alarmAt - POST * 1000);
  }
  await ingest.stop();
  return out;
};

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
};

const main = async (): Promise<void> => {
  console.log('generating the 1080p source (once, cached)…');
  const source = await sourceFile({
    width: 1920,
    height: 1080,
    fps: 25,
    gopSeconds: 2,
    seconds: 20,
    kbps: KBPS,
  });
  const runs: Array<{ load: [number, number]; idle: number; rows: Row[] }> = [];
  for (let r = 1; r <= RUNS; r++) {
    const load0 = os.loadavg()[0]!;
    const idle = await nodeIdle();
    const rows: Row[] = [];
    for (const n of CAMERAS) rows.push(...(await runBoth(source, n, idle)));
    const load1 = os.loadavg()[0]!;
    runs.push({ load: [load0, load1], idle, rows });
    console.log(
      `run ${r}/${RUNS} (load ${load0.toFixed(2)}→${load1.toFixed(2)}): ` +
        CAMERAS.map((n) => {
          const [a, b] = rows.filter((x) => x.cameras === n);
          return `${n} cam ours/Frigate ${(a!.cpuPerCameraPct / b!.cpuPerCameraPct).toFixed(2)}`;
        }).join(', '),
    );
  }
  const latencies = ALARMS > 0 ? await alarmLatency(source, ALARMS) : [];
  const sortedLat = [...latencies].sort((a, b) => a - b);
  const median = sortedLat[Math.floor(sortedLat.length / 2)] ?? NaN;
  const budget = (1.5 * PRE_ROLL * KBPS * 1000) / 8 / 2 ** 20;

  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
  const pair = (rows: Row[], n: number) => {
    const a = rows.find((x) => x.cameras === n && x.approach.startsWith('A'))!;
    const b = rows.find((x) => x.cameras === n && x.approach.startsWith('B'))!;
    return { a, b };
  };
  /** Ours ÷ Frigate's CPU: all of ours (ffmpeg + the whole Node process), ours above Node's idle, ffmpeg alone. */
  const ratio = (rows: Row[], n: number) => {
    const { a, b } = pair(rows, n);
    return {
      total: (a.ffmpegCpuPct + a.nodeCpuPct) / b.ffmpegCpuPct,
      aboveIdle: (a.ffmpegCpuPct + a.nodeAboveIdlePct) / b.ffmpegCpuPct,
      ffmpeg: a.ffmpegCpuPct / b.ffmpegCpuPct,
    };
  };
  const spread = (xs: number[]) =>
    `**${f2(quantile(xs, 0.5))}** (IQR ${f2(quantile(xs, 0.25))}–${f2(quantile(xs, 0.75))}, min–max ${f2(Math.min(...xs))}–${f2(Math.max(...xs))})`;
  const summary = [
    '| cameras | ours: CPU per camera, median (%) | Frigate-style: CPU per camera, median (%) | ours ÷ Frigate, all of Node counted | ours ÷ Frigate, Node above its idle | ffmpeg alone: ours ÷ Frigate |',
    '|---:|---:|---:|---|---|---|',
    ...CAMERAS.map((n) => {
      const rs = runs.map((x) => ratio(x.rows, n));
      const med = (f: (r: Row[]) => number) =>
        f1(
          quantile(
            runs.map((x) => f(x.rows)),
            0.5,
          ),
        );
      return `| ${n} | ${med((r) => pair(r, n).a.cpuPerCameraPct)} | ${med((r) => pair(r, n).b.cpuPerCameraPct)} | ${spread(rs.map((x) => x.total))} | ${spread(rs.map((x) => x.aboveIdle))} | ${spread(rs.map((x) => x.ffmpeg))} |`;
    }),
  ].join('\n');
  const perRun = [
    `| run | load (1 min) before → after | Node idle (%) | ${CAMERAS.map((n) => `${n} cam: ours ffmpeg + Node / Frigate ffmpeg (%) | ratio`).join(' | ')} |`,
    `|---:|---|---:|${CAMERAS.map(() => '---|---:').join('|')}|`,
    ...runs.map((x, i) => {
      const cells = CAMERAS.map((n) => {
        const { a, b } = pair(x.rows, n);
        return `${f1(a.ffmpegCpuPct)} + ${f1(a.nodeCpuPct)} / ${f1(b.ffmpegCpuPct)} | ${f2(ratio(x.rows, n).total)}`;
      });
      return `| ${i + 1} | ${f2(x.load[0])} → ${f2(x.load[1])} | ${f1(x.idle)} | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
  const last = runs.at(-1)!.rows;
  const table = [
    '| approach | cameras | CPU per camera (%) | ffmpeg CPU total (%) | node CPU total (%) | ffmpeg RSS per camera (MiB) | held per camera (MiB) | bytes written to storage while armed | bytes written by ffmpeg (wchar, MiB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...last.map(
      (r) =>
        `| ${r.approach} | ${r.cameras} | ${f1(r.cpuPerCameraPct)} | ${f1(r.ffmpegCpuPct)} | ${f1(r.nodeCpuPct)} | ${f1(r.ffmpegRssMiB)} | ${r.heldMiB.toFixed(2)} (${r.heldWhat}) | ${r.writeBytes} | ${f1(r.wcharMiB)} |`,
    ),
  ].join('\n');
  const cmd = `npx tsx bench/recorder.bench.ts --runs ${RUNS} --cameras ${CAMERAS.join(',')} --seconds ${SECONDS}`;
  const md = `# Recorder benchmark

Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, ffmpeg 5.1 (Debian), Node ${process.version}. ${RUNS} runs; the machine was shared (load average beside every run).

\`\`\`sh
${cmd}
\`\`\`

## (a) Armed cameras: ours vs Frigate's recording cache

Each camera: a 1920×1080, 25 fps, ~${KBPS / 1000} Mbit/s, 2-second-GOP H.264 stream (libx264, pre-encoded once,
replayed with \`-re -stream_loop -1\`), pre-roll ${PRE_ROLL} s. Both approaches copy the stream (no re-encode); A
runs \`buildIngestArgs\` (fMP4 to stdout) into the Node parser and GOP ring; B runs ffmpeg's segment muxer
writing 10 s MP4 segments to /dev/shm as Frigate does for its cache.

**Method.** In every run, A and B run at the same time, each with n cameras, and are measured over the same
${SECONDS} s window after ${WARMUP_MS / 1000} s of warm-up, so load from anything else on the machine falls on both alike.
CPU from /proc/<pid>/stat (ffmpeg; 10 ms ticks, so a camera at 0.5 % is ~${Math.round(0.005 * SECONDS * 100)} ticks per window and
single runs carry ±10–20 % of rounding) and process.cpuUsage() (Node: the whole benchmark process, counted
entirely to A, though it also runs the measuring; "Node idle" is the same process with no camera). Frigate's
own Python recorder, which moves and indexes the segments, is not counted for B. Bytes written from /proc/<pid>/io.

${summary}

Per run (CPU in % of one core, totals over all n cameras):

${perRun}

Detail of the last run:

${table}

- **Bytes written while armed:** \`write_bytes\` is 0 for both because /dev/shm is RAM, but B's ffmpeg
  writes the whole stream into files (its \`wchar\` is file writes; A's \`wchar\` is the stdout pipe to Node,
  nothing persists). A keeps no file at all: the integration test \`recording-ffmpeg\` asserts ffmpeg
  holds no regular file open but its input and that \`write_bytes\` stays 0.
- **Memory per camera vs 1.5 × pre-roll × bitrate** = 1.5 × ${PRE_ROLL} s × ${KBPS / 1000} Mbit/s = ${budget.toFixed(2)} MiB: A's ring
  is in the "held" column (pre-roll plus at most one GOP), plus ffmpeg's own RSS. B's segment files in
  the RAM folder are memory too (tmpfs), on top of its ffmpeg RSS, and grow to 10 s or more per camera.

## (b) Alarm → clip complete, minus post-roll

${
  latencies.length
    ? `In-memory sink, 1 camera, ${latencies.length} alarms spread over the GOP: ${latencies.map((l) => `${l} ms`).join(', ')}; median ${median} ms.
The clip completes when the fragment that crosses the post-roll end arrives, i.e. at the next keyframe:
between 0 and one GOP (2 s here) after the post-roll. Alarm → first byte to the sink is synchronous
(the pre-roll is written inside \`alarm()\`).`
    : 'Not measured in this run (`--alarms 0`).'
}
`;
  mkdirSync(path.dirname(path.resolve(OUT)), { recursive: true });
  writeFileSync(OUT, md);
  console.log(md);
};

await main();
