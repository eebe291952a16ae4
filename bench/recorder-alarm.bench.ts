/**
 * Recorder benchmark (b), with the real vault: alarm → first sealed byte on disk, and alarm → clip
 * complete minus the post-roll. Run: npx tsx bench/recorder-alarm.bench.ts
 *
 * One armed camera (1080p ~4 Mbit/s, 2-second GOP, H.264, replayed in real time by ffmpeg) wired
 * as the recorder module wires it: IngestProcess → ClipRecorder → VaultClipSink → clip store on
 * disk (age, fsync, rename). "First sealed byte" is measured conservatively: when the first part
 * (init segment + pre-roll) is sealed, fsynced and renamed into place — durable and decryptable.
 * Env: BENCH_RUNS=5, BENCH_PRE=10, BENCH_POST=4, BENCH_VAULT_DIR=<tmp>.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestProcess } from '../src/adapters/media/ingest-process.js';
import { openClipStore } from '../src/adapters/vault/clip-store.js';
import { generateIdentity } from '../src/adapters/vault/keys.js';
import { ClipRecorder } from '../src/core/recording/clip.js';
import type { SealOutcome } from '../src/services/recording-ports.js';
import { VaultClipSink } from '../src/workers/recorder-vault-sink.js';
import { FFMPEG, sourceFile } from '../test/support/ffmpeg-source.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PRE = Number(process.env.BENCH_PRE ?? 10);
const POST = Number(process.env.BENCH_POST ?? 4);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stats = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { min: s[0] ?? NaN, median: q(0.5), max: s.at(-1) ?? NaN };
};

const main = async () => {
  const base = mkdtempSync(path.join(process.env.BENCH_VAULT_DIR ?? os.tmpdir(), 'proportio-bench-vault-'));
  const store = await openClipStore(path.join(base, 'clips'));
  if (!store.ok) throw new Error(store.error.message);
  const identity = generateIdentity();
  const src = await sourceFile({
    width: 1920,
    height: 1080,
    fps: 25,
    gopSeconds: 2,
    seconds: 60,
    kbps: 4000,
  });

  let current: { alarmAt: number; firstSealedAt: number | null; done: Promise<SealOutcome> | null } | null =
    null;
  let n = 0;
  const rec = new ClipRecorder(
    {
      mode: 'incident',
      preRollSeconds: PRE,
      postRollSeconds: POST,
      maxClipSeconds: 600,
      ringMaxBytes: 128 * 1024 * 1024,
    },
    () => {
      const run = current;
      const sink = new VaultClipSink({
        store: store.value,
        recipient: identity.recipient,
        clipId: `bench-${process.pid}-${++n}`,
        now: Date.now,
        onFirstSealed: (at) => {
          if (run) run.firstSealedAt = at;
        },
        onDone: () => undefined,
      });
      if (run) run.done = sink.finished;
      return sink;
    },
  );
  const ingest = new IngestProcess({
    cameraId: 'bench',
    ffmpegPath: FFMPEG,
    source: { url: src, audio: false, inputFormat: 'mpegts', realtime: true, loop: true },
    onInit: (i) => rec.onInit(i),
    onFragment: (f, at) => rec.onFragment(f, at),
    onStreamEnd: (at) => rec.streamLost(at),
  });
  const ticker = setInterval(() => rec.tick(Date.now()), 250);
  ingest.start();
  const first: number[] = [];
  const complete: number[] = [];
  const sizes: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      while (rec.ring.spanSeconds < PRE || rec.recording) await sleep(100);
      const alarmAt = Date.now();
      current = { alarmAt, firstSealedAt: null, done: null };
      const run = current;
      rec.alarm(alarmAt);
      while (run.done === null) await sleep(5);
      const outcome = await run.done;
      const doneAt = Date.now();
      if (!outcome.ok) throw new Error(outcome.error.message);
      first.push((run.firstSealedAt ?? doneAt) - alarmAt);
      complete.push(doneAt - alarmAt - POST * 1000);
      sizes.push(outcome.sealedBytes);
      console.log(
        `run ${i + 1}: first sealed ${first.at(-1)} ms, complete − post-roll ${complete.at(-1)} ms, ${(outcome.sealedBytes / 1e6).toFixed(1)} MB in ${outcome.parts} parts`,
      );
    }
  } finally {
    clearInterval(ticker);
    await ingest.stop();
    rmSync(base, { recursive: true, force: true });
  }
  const f = stats(first);
  const c = stats(complete);
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        preRollSeconds: PRE,
        postRollSeconds: POST,
        vault: process.env.BENCH_VAULT_DIR ?? os.tmpdir(),
        alarmToFirstSealedMs: f,
        alarmToCompleteMinusPostRollMs: c,
        clipMB: stats(sizes.map((s) => s / 1e6)),
      },
      null,
      2,
    ),
  );
};

await main();
