/**
 * The clip store against real faults: a writer process killed with SIGKILL in the middle of a part
 * (on a folder, and on S3 in the middle of a multipart upload to s3rver), and a real full disk (a 1 MiB tmpfs; needs root to mount: skipped loudly otherwise, a failure on
 * CI). Every sealed part is also opened with the reference `age` tool.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteClip,
  listClips,
  openClipStore,
  openClipWriter,
  readClipBytes,
  recoverClip,
} from '../../src/adapters/vault/clip-store.js';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import { s3Objects } from '../../src/adapters/vault/s3-objects.js';
import type { Result } from '../../src/core/result.js';
import { startS3Server } from '../support/s3-server.js';
import { canMountTmpfs } from '../support/tmpfs.js';
import { toolsAvailable } from '../support/tools.js';

const hasAge = toolsAvailable('vault kill -9', 'age');

const run = promisify(execFile);
const AGE = process.env.PROPORTIO_AGE_BIN ?? '/usr/bin/age';
const STORE_MODULE = pathToFileURL(resolve('src/adapters/vault/clip-store.ts')).href;
const S3_MODULE = pathToFileURL(resolve('src/adapters/vault/s3-objects.ts')).href;
const S3_SUPPORT = pathToFileURL(resolve('test/support/s3-server.ts')).href;
const MARKER = 'PLAINTEXT-MARKER-kill9';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** The plaintext of part i, as the child writes it: recognisable, with the marker inside. */
const partPlaintext = (i: number): Buffer => {
  const b = Buffer.alloc(20 * 16384, i % 251);
  for (let k = 0; k + MARKER.length <= b.length; k += 8192) b.write(MARKER, k);
  return b;
};

const identity = generateIdentity();
let dir: string;
let keyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proportio-vault-faults-'));
  keyFile = join(dir, 'vault.key');
  must(await writeIdentityFile(keyFile, identity));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ageDecrypt = async (path: string): Promise<Buffer> =>
  (await run(AGE, ['-d', '-i', keyFile, path], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout;

describe.skipIf(!hasAge)('kill -9 while a clip is being written', () => {
  it('keeps every completed part decryptable and never counts the part in progress', async () => {
    const base = join(dir, 'kill9');
    const child = join(dir, 'writer.mts');
    // Same part contents as partPlaintext(i) (slices are multiples of 8192), fed in 20 slices with pauses so a kill lands mid-part.
    await writeFile(
      child,
      `import { openClipStore, openClipWriter } from ${JSON.stringify(STORE_MODULE)};
const [base, recipient] = process.argv.slice(2);
const must = (r) => { if (!r.ok) throw new Error(r.error.code); return r.value; };
const store = must(await openClipStore(base));
const w = must(await openClipWriter(store, 'incident-1', recipient));
const marker = ${JSON.stringify(MARKER)};
for (let i = 0; ; i++) {
  async function* part() {
    for (let k = 0; k < 20; k++) {
      const b = Buffer.alloc(16384, i % 251);
      for (let j = 0; j + marker.length <= b.length; j += 8192) b.write(marker, j);
      yield b;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  must(await w.writePart(part()));
  process.stdout.write('sealed ' + i + '\\n');
}
`,
    );
    // node itself, with tsx as a loader: the tsx CLI would put a wrapper process between us and the writer.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, base, identity.recipient.text], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let sealed = -1;
    await new Promise<void>((done, fail) => {
      proc.on('error', fail);
      proc.on('exit', (code) => fail(new Error(`writer exited early with ${code}`)));
      proc.stdout.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/sealed (\d+)/g)) sealed = Number(m[1]);
        if (sealed >= 3) done();
      });
    });
    // Wait until the next part is visibly in progress, then kill without warning.
    const clipDir = join(base, 'incident-1');
    for (let t = 0; t < 200 && !(await readdir(clipDir)).some((f) => f.endsWith('.tmp')); t++)
      await new Promise((r) => setTimeout(r, 5));
    proc.removeAllListeners('exit');
    const exited = new Promise((r) => proc.on('exit', r));
    proc.kill('SIGKILL');
    await exited;

    const files = await readdir(clipDir);
    const parts = files.filter((f) => /^part-\d{6}\.age$/.test(f)).sort();
    const temps = files.filter((f) => f.endsWith('.tmp'));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(temps).toHaveLength(1);

    // No plaintext anywhere on disk, not even in the part that was being written.
    for (const f of files) expect((await readFile(join(clipDir, f))).includes(MARKER), f).toBe(false);

    // The reference tool opens every completed part, and refuses the one in progress.
    for (const [i, p] of parts.entries())
      expect((await ageDecrypt(join(clipDir, p))).equals(partPlaintext(i)), p).toBe(true);
    await expect(ageDecrypt(join(clipDir, temps[0] ?? ''))).rejects.toThrow();

    // Our reader gives exactly the completed parts, before and after recovery.
    const store = must(await openClipStore(base));
    const expected = Buffer.concat(parts.map((_, i) => partPlaintext(i)));
    expect(must(await listClips(store))[0]).toMatchObject({ clipId: 'incident-1', state: 'open' });
    expect(must(await readClipBytes(store, 'incident-1', identity)).equals(expected)).toBe(true);
    const rec = must(await recoverClip(store, 'incident-1'));
    expect(rec.manifest).toMatchObject({ state: 'closed', interrupted: true });
    expect(rec.manifest.parts).toHaveLength(parts.length);
    expect((await readdir(clipDir)).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(must(await readClipBytes(store, 'incident-1', identity)).equals(expected)).toBe(true);
  });
});

describe.skipIf(!hasAge)('kill -9 in the middle of an S3 multipart upload', () => {
  it('never counts the part being uploaded; every completed part opens with age; recovery closes the clip', async () => {
    const s3 = await startS3Server();
    try {
      await s3.createBucket('vault');
      const client = s3.client();
      const objects = () => s3Objects(client, { bucket: 'vault', prefix: 'kill9/' });
      const child = join(dir, 's3-writer.mts');
      // Parts of 6 MiB in 1 MiB slices: each goes up as a 5 MiB piece plus the rest. Part 2 stops
      // for good right after its first piece reached the server, and says so: the kill lands there.
      await writeFile(
        child,
        `import { s3rverClient } from ${JSON.stringify(S3_SUPPORT)};
import { openClipStore, openClipWriter } from ${JSON.stringify(STORE_MODULE)};
import { s3Objects } from ${JSON.stringify(S3_MODULE)};
const [endpoint, recipient] = process.argv.slice(2);
const must = (r) => { if (!r.ok) throw new Error(r.error.code); return r.value; };
const client = s3rverClient(endpoint);
const store = must(await openClipStore(s3Objects(client, { bucket: 'vault', prefix: 'kill9/' }, { partBytes: 5 * 1024 * 1024 })));
const w = must(await openClipWriter(store, 'incident-1', recipient));
for (let i = 0; ; i++) {
  async function* part() {
    for (let k = 0; k < 6; k++) {
      yield Buffer.alloc(1024 * 1024, i + 1);
      // The slice after the 5 MiB piece is asked for only once that piece was uploaded.
      if (i === 2 && k === 5) { process.stdout.write('piece uploaded\\n'); await new Promise(() => {}); }
    }
  }
  must(await w.writePart(part()));
  process.stdout.write('sealed ' + i + '\\n');
}
`,
      );
      const proc = spawn(process.execPath, ['--import', 'tsx', child, s3.endpoint, identity.recipient.text], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((done, fail) => {
        proc.on('error', fail);
        proc.on('exit', (code) => fail(new Error(`writer exited early with ${code}`)));
        proc.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('piece uploaded')) done();
        });
      });
      proc.removeAllListeners('exit');
      const exited = new Promise((r) => proc.on('exit', r));
      proc.kill('SIGKILL');
      await exited;

      // The upload's piece is on the server, but no object was made of it.
      const pieces = (await walkFiles(s3.dir)).filter((p) => /_S3rver_uploads\/[^/]+\/\d+$/.test(p));
      expect(pieces).toHaveLength(1);
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'vault', Prefix: 'kill9/' }));
      const keys = (listed.Contents ?? []).map((o) => o.Key!).sort();
      expect(keys).toEqual([
        'kill9/incident-1/manifest.json',
        'kill9/incident-1/part-000000.age',
        'kill9/incident-1/part-000001.age',
      ]);
      // Debian's age opens every completed part.
      for (const [i, key] of keys.filter((k) => k.endsWith('.age')).entries()) {
        const body = await client.send(new GetObjectCommand({ Bucket: 'vault', Key: key }));
        const file = join(dir, `s3-part-${i}.age`);
        await writeFile(file, Buffer.from(await body.Body!.transformToByteArray()));
        expect((await ageDecrypt(file)).equals(Buffer.alloc(6 * 1024 * 1024, i + 1)), key).toBe(true);
      }
      const store = must(await openClipStore(objects()));
      const expected = Buffer.concat([Buffer.alloc(6 * 1024 * 1024, 1), Buffer.alloc(6 * 1024 * 1024, 2)]);
      expect(must(await readClipBytes(store, 'incident-1', identity)).equals(expected)).toBe(true);
      const rec = must(await recoverClip(store, 'incident-1'));
      expect(rec.manifest).toMatchObject({ state: 'closed', interrupted: true });
      expect(rec.manifest.parts).toHaveLength(2);
      must(await deleteClip(store, 'incident-1'));
      const after = await client.send(new ListObjectsV2Command({ Bucket: 'vault', Prefix: 'kill9/' }));
      expect(after.Contents ?? []).toEqual([]);
    } finally {
      await s3.close();
    }
  });
});

/** Every file under a folder, as paths relative to it. */
const walkFiles = async (base: string, sub = ''): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(join(base, sub), { withFileTypes: true })) {
    const rel = sub === '' ? e.name : `${sub}/${e.name}`;
    if (e.isDirectory()) out.push(...(await walkFiles(base, rel)));
    else out.push(rel);
  }
  return out;
};

// The real disk-full suite: mandatory on CI (root), skipped loudly elsewhere (test/support/tmpfs.ts).

const mountable = await canMountTmpfs();

describe.skipIf(!mountable)('disk full while sealing (real 1 MiB tmpfs)', () => {
  let mnt: string;
  beforeAll(async () => {
    mnt = await mkdtemp(join(tmpdir(), 'proportio-vault-tmpfs-'));
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mnt]);
  });
  afterAll(async () => {
    await run('umount', [mnt]).catch(() => undefined);
    await rm(mnt, { recursive: true, force: true });
  });

  it('fails with DISK_FULL, leaves nothing half-written, keeps what was sealed, and recovers when space returns', async () => {
    const store = must(await openClipStore(join(mnt, 'vault')));
    const other = must(await openClipWriter(store, 'other-room', identity.recipient));
    must(await other.writePart(Buffer.alloc(400 * 1024, 1)));
    must(await other.close());

    const w = must(await openClipWriter(store, 'this-room', identity.recipient));
    const written: Buffer[] = [];
    let failure: Result<unknown> | null = null;
    for (let i = 0; i < 20 && failure === null; i++) {
      const part = Buffer.alloc(150 * 1024, 10 + i);
      const r = await w.writePart(part);
      if (r.ok) written.push(part);
      else failure = r;
    }
    expect(failure?.ok === false ? failure.error.code : null).toBe('VAULT.DISK_FULL');

    const clipDir = join(mnt, 'vault', 'this-room');
    const files = await readdir(clipDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const parts = files.filter((f) => /^part-\d{6}\.age$/.test(f)).sort();
    // Every file that carries a part name is complete: the reference tool opens each one.
    for (const p of parts) await ageDecrypt(join(clipDir, p));
    const kept = failure?.ok === false && failure.error.details?.partKept === true;
    expect(parts).toHaveLength(written.length + (kept ? 1 : 0));
    const readBack = must(await readClipBytes(store, 'this-room', identity));
    expect(readBack.subarray(0, Buffer.concat(written).length).equals(Buffer.concat(written))).toBe(true);

    // Retention frees space; sealing works again and the clip closes normally.
    must(await deleteClip(store, 'other-room'));
    const after = Buffer.from('after space returned');
    must(await w.writePart(after));
    const sealed = must(await w.close());
    expect(sealed.manifest.state).toBe('closed');
    const all = must(await readClipBytes(store, 'this-room', identity));
    expect(all.subarray(all.length - after.length).equals(after)).toBe(true);
  });
});
