/**
 * Seal + store throughput of the clip vault on its two backends (issue 13 §3): a folder (temporary
 * name, fsync, rename) and an S3 bucket on s3rver, the local S3 server the tests use, started in
 * this process. Each round seals one clip of recorder-sized parts through the real clip store
 * (age encryption, hashing, manifest after every part), then one clip of large parts that go up
 * as multipart uploads on S3. s3rver shares this process's CPU and writes to the same disk, so
 * the S3 figures are a floor for a real bucket (which adds the network instead).
 *
 *   npx tsx bench/vault-store.bench.ts [--runs 5] [--parts 24] [--part-mib 2] [--big-mib 24]
 *
 * MB/s is 10^6 bytes of plaintext per second, median (min–max) of the rounds after a warm-up;
 * results go into docs/benchmarks.md by hand, with `uptime`.
 */
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openClipStore, openClipWriter, type ClipStore } from '../src/adapters/vault/clip-store.js';
import { generateIdentity } from '../src/adapters/vault/keys.js';
import { s3Objects } from '../src/adapters/vault/s3-objects.js';
import { startS3Server } from '../test/support/s3-server.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const MIB = 1024 * 1024;
const runs = arg('runs', 5);
const parts = arg('parts', 24);
const partBytes = arg('part-mib', 2) * MIB;
const bigBytes = arg('big-mib', 24) * MIB;

const recipient = generateIdentity().recipient;
const part = randomFillSync(Buffer.allocUnsafe(partBytes));
const big = randomFillSync(Buffer.allocUnsafe(bigBytes));

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

let clipNo = 0;
/** Seals one clip of `count` parts of `bytes`; MB/s of plaintext. */
const sealClip = async (store: ClipStore, source: Buffer, count: number): Promise<number> => {
  const t0 = process.hrtime.bigint();
  const w = must(await openClipWriter(store, `bench-${++clipNo}`, recipient));
  for (let i = 0; i < count; i++) must(await w.writePart(source));
  must(await w.close());
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return (source.length * count) / 1e6 / seconds;
};

const main = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-vault-bench-'));
  const s3 = await startS3Server();
  try {
    await s3.createBucket('bench');
    const stores: Array<[string, ClipStore]> = [
      ['folder', must(await openClipStore(path.join(dir, 'clips')))],
      [
        's3 (s3rver)',
        must(await openClipStore(s3Objects(s3.client(), { bucket: 'bench', prefix: 'clips/' }))),
      ],
    ];
    const cases: Array<[string, Buffer, number]> = [
      [`${parts} parts of ${partBytes / MIB} MiB`, part, parts],
      [`2 parts of ${bigBytes / MIB} MiB (multipart on S3)`, big, 2],
    ];
    console.log(
      `load: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${os.cpus().length} CPUs; ${runs} rounds`,
    );
    for (const [label, source, count] of cases) {
      const rates = new Map<string, number[]>(stores.map(([name]) => [name, []]));
      for (const [, store] of stores) await sealClip(store, source, 1); // warm-up
      // Alternating backends, so drift on the shared machine hits both alike.
      for (let r = 0; r < runs; r++)
        for (const [name, store] of stores) rates.get(name)!.push(await sealClip(store, source, count));
      for (const [name, xs] of rates) {
        const f = (x: number) => x.toFixed(0);
        console.log(
          `${label.padEnd(36)} ${name.padEnd(12)} ${f(median(xs))} MB/s (${f(Math.min(...xs))}–${f(Math.max(...xs))})`,
        );
      }
    }
  } finally {
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  }
};

await main();
