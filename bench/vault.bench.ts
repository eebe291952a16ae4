/**
 * Vault sealing throughput: our age writer (node:crypto) against raw node:crypto
 * ChaCha20-Poly1305 over the same data in 64 KiB chunks (the floor any age writer pays), and
 * against the pure-JS age-encryption package. In memory, so the disk is not measured.
 *
 *   npx tsx bench/vault.bench.ts [--mib 256] [--runs 3] [--pkg-mib 64]
 *
 * MB/s is 10^6 bytes of plaintext per second; each figure is the median of the rounds after a
 * warm-up. Results go into docs/benchmarks/vault.md by hand.
 */
import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';
import { cpus } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import {
  AgeDecryptor,
  AgeEncryptor,
  CHUNK_SIZE,
  createEncryptStream,
  encryptBytes,
} from '../src/adapters/vault/age-format.js';
import { generateIdentity } from '../src/adapters/vault/keys.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const MIB = 1024 * 1024;
const size = arg('mib', 256) * MIB;
const runs = arg('runs', 3);
const pkgSize = Math.min(size, arg('pkg-mib', 64) * MIB);

const data = Buffer.allocUnsafe(size);
for (let off = 0; off < size; off += 64 * MIB) randomFillSync(data, off, Math.min(64 * MIB, size - off));
const identity = generateIdentity();

const slices = (buf: Buffer, step: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += step) out.push(buf.subarray(i, i + step));
  return out;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const timeOnce = async (bytes: number, fn: () => unknown): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return bytes / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9);
};

/**
 * The machine is shared and its speed drifts, so each implementation is timed in alternation with
 * the raw baseline (raw, impl, raw, impl, …) and compared with the baseline of its own rounds.
 */
const measurePaired = async (bytes: number, fn: () => unknown): Promise<{ rate: number; raw: number }> => {
  await fn();
  rawChaCha();
  const rates: number[] = [];
  const raws: number[] = [];
  for (let i = 0; i < runs; i++) {
    raws.push(await timeOnce(size, rawChaCha));
    rates.push(await timeOnce(bytes, fn));
  }
  return { rate: median(rates), raw: median(raws) };
};

let sink = 0;

const rawChaCha = () => {
  const key = randomBytes(32);
  const nonce = Buffer.alloc(12);
  for (let off = 0, n = 0; off < size; off += CHUNK_SIZE, n++) {
    nonce.writeUIntBE(n, 5, 6);
    const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    sink += c.update(data.subarray(off, off + CHUNK_SIZE)).length;
    c.final();
    sink += c.getAuthTag().length;
  }
};

const oursWrites = (step: number) => {
  const parts = slices(data, step);
  return () => {
    const enc = new AgeEncryptor([identity.recipient]);
    for (const p of parts) for (const b of enc.update(p)) sink += b.length;
    for (const b of enc.final()) sink += b.length;
  };
};

const oursStream = async () => {
  await pipeline(
    Readable.from(slices(data, MIB)),
    createEncryptStream([identity.recipient]),
    async (src: AsyncIterable<Buffer>) => {
      for await (const b of src) sink += b.length;
    },
  );
};

const sealed = encryptBytes([identity.recipient], data);
const oursDecrypt = () => {
  const dec = new AgeDecryptor(identity);
  for (const p of slices(sealed, MIB)) for (const b of dec.update(p)) sink += b.length;
  for (const b of dec.final()) sink += b.length;
};

const pkgData = data.subarray(0, pkgSize);
const pkgEncrypt = async () => {
  const e = new Encrypter();
  e.addRecipient(identity.recipient.text);
  sink += (await e.encrypt(pkgData)).length;
};
const pkgSealed = encryptBytes([identity.recipient], pkgData);
const pkgDecrypt = async () => {
  const d = new Decrypter();
  d.addIdentity(identity.encode());
  sink += (await d.decrypt(pkgSealed)).length;
};

const rows: Array<{ name: string; bytes: number; rate: number; raw: number }> = [];
const add = async (name: string, bytes: number, fn: () => unknown) => {
  const m = await measurePaired(bytes, fn);
  rows.push({ name, bytes, ...m });
  process.stderr.write(`${name}: ${m.rate.toFixed(0)} MB/s (raw ${m.raw.toFixed(0)} MB/s)\n`);
};
await add('raw node:crypto ChaCha20-Poly1305, 64 KiB chunks (baseline)', size, rawChaCha);
await add('Proportio age writer, 1 MiB writes', size, oursWrites(MIB));
await add('Proportio age writer, 64 KiB writes', size, oursWrites(CHUNK_SIZE));
await add('Proportio age writer, 4 KiB writes', size, oursWrites(4096));
await add('Proportio age Transform stream, 1 MiB writes', size, oursStream);
await add('age-encryption 0.3.1 (pure JS), encrypt', pkgSize, pkgEncrypt);
await add('Proportio age reader, 1 MiB reads', size, oursDecrypt);
await add('age-encryption 0.3.1 (pure JS), decrypt', pkgSize, pkgDecrypt);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Vault sealing throughput — node ${process.version}, ${cpus().length} × ${cpu}, median of ${runs} rounds after a warm-up\n`,
);
console.log(
  '| implementation | data | MB/s | raw ChaCha20-Poly1305 in the same rounds, MB/s | ratio to raw |',
);
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.bytes / MIB} MiB | ${r.rate.toFixed(0)} | ${r.raw.toFixed(0)} | ${(r.rate / r.raw).toFixed(2)} |`,
  );
}
if (sink === 0) console.log('(nothing was produced)');
