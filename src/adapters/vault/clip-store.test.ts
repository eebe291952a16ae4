/**
 * The clip store's suite, run over every storage backend (issue 13 §3): a local folder and an
 * S3 bucket on a real S3 server (s3rver, in-process). Tests that need a backend's own faults —
 * ENOSPC and fsync on a folder, multipart uploads on S3 — follow in their own blocks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../../../test/support/s3-server.js';
import { waitFor } from '../../../test/support/waiting.js';
import { encryptBytes } from './age-format.js';
import { encryptWithPassphrase } from './age-scrypt.js';
import {
  deleteClip,
  listClips,
  nodeVaultFs,
  openClipStore,
  openClipWriter,
  readClip,
  readClipBytes,
  readClipHeaders,
  recoverClip,
  type ClipStore,
  type VaultFs,
} from './clip-store.js';
import { unwrapFileKeys } from './custody.js';
import { generateIdentity } from './keys.js';
import { s3Objects } from './s3-objects.js';
import type { Result } from '../../core/result.js';

const owner = generateIdentity();
const stranger = generateIdentity();
const MARKER = 'PLAINTEXT-MARKER-5e1f';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Every file under a folder, recursively, with its bytes. */
const allFiles = async (dir: string): Promise<Array<{ path: string; bytes: Buffer }>> => {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else out.push({ path: p, bytes: await readFile(p) });
  }
  return out;
};

const withMarker = (n: number): Buffer => {
  const b = randomBytes(n);
  for (let i = 0; i + MARKER.length <= n; i += 4096) b.write(MARKER, i);
  return b;
};

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The real file system, except that writes fail with ENOSPC once `budget` bytes were written. */
const fsWithBudget = (budget: { left: number }, failManifestToo = true): VaultFs => ({
  ...nodeVaultFs,
  createExclusive: async (path) => {
    const f = await nodeVaultFs.createExclusive(path);
    const isManifest = path.includes('manifest.json');
    return {
      ...f,
      write: async (buffers) => {
        const n = buffers.reduce((a, b) => a + b.length, 0);
        if (isManifest && !failManifestToo) return f.write(buffers);
        if (n > budget.left) {
          // Like a real disk: what fitted is written, then the error.
          const room = Buffer.concat(buffers).subarray(0, budget.left);
          budget.left = 0;
          await f.write([room]);
          throw enospc();
        }
        budget.left -= n;
        return f.write(buffers);
      },
    };
  },
});

/** One place a vault lives, seen from the outside: what a test may look at or damage directly. */
interface Backend {
  /** A store on this vault, as a new process would open it. */
  open(): Promise<ClipStore>;
  /** Every stored object as `<clipId>/<name>` (on a folder, also every file and folder left behind). */
  keys(): Promise<string[]>;
  read(key: string): Promise<Buffer>;
  /** Writes an object behind the store's back (damage, forgery). */
  write(key: string, bytes: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every file the backend has on disk, with its bytes (for S3: everything in s3rver's folder). */
  rawFiles(): Promise<Array<{ path: string; bytes: Buffer }>>;
  dispose(): Promise<void>;
}

/** Every file (and empty folder) under a folder, as relative paths. */
const walk = async (base: string, dir = base): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (!e.isDirectory()) out.push(relative(base, p));
    else {
      const inner = await walk(base, p);
      out.push(...(inner.length === 0 ? [`${relative(base, p)}/`] : inner));
    }
  }
  return out.sort();
};

const folderBackend = async (): Promise<Backend> => {
  const dir = await mkdtemp(join(tmpdir(), 'proportio-vault-'));
  const base = join(dir, 'vault');
  return {
    open: async () => must(await openClipStore(base)),
    keys: () => walk(base),
    read: (key) => readFile(join(base, key)),
    write: (key, bytes) => writeFile(join(base, key), bytes),
    remove: (key) => rm(join(base, key)),
    rawFiles: () => allFiles(base),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
};

let s3: S3Server | undefined;
let s3Client: S3Client;
const BUCKET = 'proportio-vault';
let prefixes = 0;

/** A fresh prefix in one bucket per test: keys the test does not own would show up in keys(). */
const s3Backend = async (): Promise<Backend> => {
  if (s3 === undefined) {
    s3 = await startS3Server();
    await s3.createBucket(BUCKET);
    s3Client = s3.client();
  }
  const server = s3;
  const prefix = `site-${++prefixes}/clips/`;
  const list = async () => {
    const r = await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    return (r.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
  };
  return {
    open: async () => must(await openClipStore(s3Objects(s3Client, { bucket: BUCKET, prefix }))),
    keys: list,
    read: async (key) => {
      const r = await s3Client.send(new GetObjectCommand({ Bucket: BUCKET, Key: prefix + key }));
      return Buffer.from(await r.Body!.transformToByteArray());
    },
    write: async (key, bytes) => {
      await s3Client.send(new PutObjectCommand({ Bucket: BUCKET, Key: prefix + key, Body: bytes }));
    },
    remove: async (key) => {
      await s3Client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: prefix + key }));
    },
    rawFiles: () => allFiles(server.dir),
    dispose: async () => undefined,
  };
};

afterAll(async () => {
  await s3?.close();
});

const BACKENDS = [
  ['folder', folderBackend],
  ['s3', s3Backend],
] as const;

let backend: Backend;
let store: ClipStore;

describe.each(BACKENDS)('clip store on %s', (_name, makeBackend) => {
  beforeEach(async () => {
    backend = await makeBackend();
    store = await backend.open();
  });

  afterEach(async () => {
    await backend.dispose();
  });

  describe('clip store: writing and reading', () => {
    it('seals parts from bytes, async iterables and streams, and reads them back in order', async () => {
      const a = randomBytes(100_000);
      const b = randomBytes(70_000);
      const c = randomBytes(3);
      const w = must(await openClipWriter(store, 'clip-1', owner.recipient.text));
      expect(must(await w.writePart(a))).toMatchObject({
        index: 0,
        file: 'part-000000.age',
        plaintextBytes: a.length,
      });
      async function* pieces() {
        yield b.subarray(0, 10);
        yield b.subarray(10);
      }
      expect(must(await w.writePart(pieces())).index).toBe(1);
      expect(must(await w.writePart(Readable.from([c]))).index).toBe(2);
      const sealed = must(await w.close());
      expect(sealed.manifest).toMatchObject({
        clipId: 'clip-1',
        state: 'closed',
        interrupted: false,
        recipient: owner.recipient.text,
      });
      expect(sealed.manifest.parts).toHaveLength(3);
      expect(sealed.manifestDigest).toMatch(/^[0-9a-f]{64}$/);

      expect(must(await readClipBytes(store, 'clip-1', owner)).equals(Buffer.concat([a, b, c]))).toBe(true);
      const reading = must(
        await readClip(store, 'clip-1', [owner], { expectedManifestDigest: sealed.manifestDigest }),
      );
      expect(reading.unindexedParts).toBe(0);

      const list = must(await listClips(store));
      expect(list).toEqual([
        expect.objectContaining({
          clipId: 'clip-1',
          state: 'closed',
          parts: 3,
          plaintextBytes: a.length + b.length + 3,
          problem: null,
        }),
      ]);
    });

    it('keeps parts in call order when writePart is called without awaiting', async () => {
      const w = must(await openClipWriter(store, 'order', owner.recipient));
      const parts = [Buffer.from('one '), Buffer.from('two '), Buffer.from('three')];
      const results = await Promise.all(parts.map((p) => w.writePart(p)));
      expect(results.map((r) => must(r).index)).toEqual([0, 1, 2]);
      must(await w.close());
      expect(must(await readClipBytes(store, 'order', owner)).toString()).toBe('one two three');
    });

    it('an empty clip (no parts) reads as nothing', async () => {
      const w = must(await openClipWriter(store, 'empty', owner.recipient));
      must(await w.close());
      expect(must(await readClipBytes(store, 'empty', owner)).length).toBe(0);
    });

    it('never writes plaintext: no file in the store holds the marker, during or after sealing', async () => {
      const w = must(await openClipWriter(store, 'marker', owner.recipient));
      must(await w.writePart(withMarker(300_000)));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let midway: Array<{ path: string; bytes: Buffer }> = [];
      let midwayKeys: string[] = [];
      async function* slow() {
        yield withMarker(200_000);
        midway = await backend.rawFiles();
        midwayKeys = await backend.keys();
        release();
        yield withMarker(10_000);
      }
      const pending = w.writePart(slow());
      await gate;
      must(await pending);
      must(await w.close());
      // Midway the first part is stored and the second is not (yet) among the clip's objects.
      expect(midwayKeys).toContain('marker/part-000000.age');
      expect(midwayKeys).not.toContain('marker/part-000001.age');
      for (const f of [...midway, ...(await backend.rawFiles())]) {
        expect(f.bytes.includes(MARKER), f.path).toBe(false);
      }
      expect(must(await readClipBytes(store, 'marker', owner)).includes(MARKER)).toBe(true);
    });
  });

  describe('clip store: parts sealed elsewhere (what a recorder agent uploads)', () => {
    it('stores an age file sealed elsewhere byte for byte as the next part, between parts it sealed itself', async () => {
      const w = must(await openClipWriter(store, 'agent', owner.recipient));
      must(await w.writePart(Buffer.from('server|')));
      const data = randomBytes(150_000);
      const sealed = encryptBytes([owner.recipient], data);
      async function* inPieces() {
        for (let i = 0; i < sealed.length; i += 7000) yield sealed.subarray(i, i + 7000);
      }
      expect(must(await w.writeSealedPart(inPieces()))).toMatchObject({
        index: 1,
        file: 'part-000001.age',
        bytes: sealed.length,
        plaintextBytes: data.length,
        sha256: createHash('sha256').update(sealed).digest('hex'),
      });
      must(await w.writePart(Buffer.from('|after')));
      must(await w.close());
      expect((await backend.read('agent/part-000001.age')).equals(sealed)).toBe(true);
      expect(
        must(await readClipBytes(store, 'agent', owner)).equals(
          Buffer.concat([Buffer.from('server|'), data, Buffer.from('|after')]),
        ),
      ).toBe(true);
    });

    it('refuses what cannot be a sealed part, stores nothing, and the clip goes on', async () => {
      const w = must(await openClipWriter(store, 'agent-bad', owner.recipient));
      const good = encryptBytes([owner.recipient], randomBytes(70_000));
      const header = good.indexOf('\n---') + 48; // intro, stanza and MAC line (43 base64 characters)
      const cases: Array<[string, Buffer, string]> = [
        ['plaintext', Buffer.from('just some video bytes'), 'VAULT.UNSUPPORTED'],
        ['a file cut inside its header', good.subarray(0, 40), 'VAULT.TRUNCATED'],
        ['a header and no payload', good.subarray(0, header), 'VAULT.TRUNCATED'],
        // 16-byte nonce, one full chunk (64 KiB + tag), then 10 bytes: shorter than a tag.
        ['a last chunk shorter than its tag', good.subarray(0, header + 16 + 65552 + 10), 'VAULT.TRUNCATED'],
        [
          'a passphrase-sealed file',
          await encryptWithPassphrase('correct horse battery', Buffer.from('x'), { workFactor: 10 }),
          'VAULT.UNSUPPORTED',
        ],
      ];
      for (const [what, bytes, code] of cases) {
        const r = await w.writeSealedPart(bytes);
        expect(r.ok ? 'ok' : r.error.code, what).toBe(code);
      }
      // Cut at a length age allows: only the sender's hash tells.
      const cut = good.subarray(0, good.length - 5);
      const sha256 = createHash('sha256').update(good).digest('hex');
      expect(codeOf(await w.writeSealedPart(cut, { sha256 }))).toBe('VAULT.CORRUPT');
      expect(await backend.keys()).toEqual(['agent-bad/manifest.json']);
      expect(must(await w.writeSealedPart(good, { sha256 })).index).toBe(0);
      must(await w.close());
      expect(must(await readClipBytes(store, 'agent-bad', owner)).length).toBe(70_000);
    });
  });

  describe('clip store: fail closed and bad input', () => {
    it.each([
      ['missing', undefined, 'VAULT.KEY_MISSING'],
      ['empty', '', 'VAULT.KEY_MISSING'],
      ['garbage', 'age1notakey', 'VAULT.KEY_INVALID'],
      ['an identity instead of a recipient', owner.encode(), 'VAULT.KEY_INVALID'],
    ])('refuses to start a clip with a %s recipient and creates nothing', async (_name, recipient, code) => {
      const r = await openClipWriter(store, 'refused', recipient);
      expect(codeOf(r)).toBe(code);
      expect(await backend.keys()).toEqual([]);
    });

    it.each(['', '../escape', '.hidden', 'a/b', '-x', 'x'.repeat(129), 'clip 1', 'ä'])(
      'rejects the clip id %j',
      async (clipId) => {
        expect(codeOf(await openClipWriter(store, clipId, owner.recipient))).toBe('VAULT.INVALID_CLIP_ID');
        expect(codeOf(await readClip(store, clipId, owner))).toBe('VAULT.INVALID_CLIP_ID');
        expect(codeOf(await deleteClip(store, clipId))).toBe('VAULT.INVALID_CLIP_ID');
        expect(await backend.keys()).toEqual([]);
      },
    );

    it('refuses a second clip with the same id and leaves the first intact', async () => {
      const w = must(await openClipWriter(store, 'dup', owner.recipient));
      must(await w.writePart(Buffer.from('first')));
      must(await w.close());
      expect(codeOf(await openClipWriter(store, 'dup', owner.recipient))).toBe('VAULT.CLIP_EXISTS');
      expect(must(await readClipBytes(store, 'dup', owner)).toString()).toBe('first');
    });

    it('refuses writes after close', async () => {
      const w = must(await openClipWriter(store, 'closed', owner.recipient));
      must(await w.close());
      expect(codeOf(await w.writePart(Buffer.from('late')))).toBe('VAULT.WRITER_CLOSED');
      expect(codeOf(await w.close())).toBe('VAULT.WRITER_CLOSED');
    });

    it('says NOT_FOUND for an unknown clip, WRONG_KEY for a stranger, KEY_MISSING without identity', async () => {
      const w = must(await openClipWriter(store, 'mine', owner.recipient));
      must(await w.writePart(Buffer.from('x')));
      must(await w.close());
      expect(codeOf(await readClip(store, 'nope', owner))).toBe('VAULT.NOT_FOUND');
      expect(codeOf(await readClip(store, 'mine', stranger))).toBe('VAULT.WRONG_KEY');
      expect(codeOf(await readClip(store, 'mine', []))).toBe('VAULT.KEY_MISSING');
    });
  });

  describe('clip store: opening with one clip’s file keys (a grant holds these, not the identity)', () => {
    const sealTwo = async (clipId: string, parts: string[]) => {
      const w = must(await openClipWriter(store, clipId, owner.recipient));
      for (const p of parts) must(await w.writePart(Buffer.from(p)));
      return must(await w.close());
    };

    it('readClipHeaders gives only headers; their file keys read the clip and nothing else', async () => {
      const sealed = await sealTwo('one', ['first|', 'second']);
      await sealTwo('two', ['other|', 'clip']);
      const headers = must(
        await readClipHeaders(store, 'one', { expectedManifestDigest: sealed.manifestDigest }),
      );
      expect(headers.parts.map((p) => p.file)).toEqual(['part-000000.age', 'part-000001.age']);
      for (const p of headers.parts) {
        expect(p.header.toString('latin1')).toMatch(/^age-encryption\.org\/v1\n[\s\S]*--- \S{43}\n$/);
        expect(p.header.toString('latin1')).not.toContain('first');
      }
      const fileKeys = must(unwrapFileKeys(owner, headers.parts));
      expect(must(await readClipBytes(store, 'one', { fileKeys })).toString()).toBe('first|second');
      // Clip "two" has parts of the same names: the keys of clip "one" open none of them.
      expect(codeOf(await readClip(store, 'two', { fileKeys }))).toBe('VAULT.WRONG_KEY');
      // A grant that lacks a part's key stops at that part.
      const partial = new Map([...fileKeys].slice(0, 1));
      const r = must(await readClip(store, 'one', { fileKeys: partial }));
      await expect(
        (async () => {
          for await (const x of r) void x;
        })(),
      ).rejects.toMatchObject({ error: { code: 'VAULT.WRONG_KEY', details: { part: 1 } } });
    });

    it('readClipHeaders checks the manifest digest like readClip', async () => {
      await sealTwo('digest', ['x']);
      expect(codeOf(await readClipHeaders(store, 'digest', { expectedManifestDigest: 'f'.repeat(64) }))).toBe(
        'VAULT.CORRUPT',
      );
      expect(codeOf(await readClipHeaders(store, 'nope'))).toBe('VAULT.NOT_FOUND');
    });
  });

  describe('clip store: damage and tampering', () => {
    const sealClip = async (clipId: string, parts: Buffer[]) => {
      const w = must(await openClipWriter(store, clipId, owner.recipient));
      for (const p of parts) must(await w.writePart(p));
      return must(await w.close());
    };

    it('stops at a part with a flipped byte before releasing any of its plaintext', async () => {
      await sealClip('flip', [Buffer.from('part zero|'), Buffer.from('part one')]);
      const b = await backend.read('flip/part-000001.age');
      b[b.length - 2] = (b[b.length - 2] ?? 0) ^ 1;
      await backend.write('flip/part-000001.age', b);
      const r = must(await readClip(store, 'flip', owner));
      const got: string[] = [];
      await expect(
        (async () => {
          for await (const x of r) got.push(x.toString());
        })(),
      ).rejects.toMatchObject({ error: { code: 'VAULT.CORRUPT', details: { part: 1 } } });
      expect(got.join('')).toBe('part zero|');
    });

    it('detects a part replaced by another valid age file for the same recipient', async () => {
      await sealClip('swap', [Buffer.from('genuine')]);
      await backend.write('swap/part-000000.age', encryptBytes([owner.recipient], Buffer.from('forged!')));
      const r = await readClipBytes(store, 'swap', owner);
      expect(r.ok ? null : r.error.code).toBe('VAULT.CORRUPT');
    });

    it('detects a rewritten manifest through the digest anchored at sealing', async () => {
      const sealed = await sealClip('anchor', [Buffer.from('genuine')]);
      const forged = encryptBytes([owner.recipient], Buffer.from('forged!'));
      await backend.write('anchor/part-000000.age', forged);
      const manifest = JSON.parse((await backend.read('anchor/manifest.json')).toString('utf8')) as {
        parts: Array<{ sha256: string }>;
      };
      const first = manifest.parts[0];
      if (first) first.sha256 = createHash('sha256').update(forged).digest('hex');
      await backend.write('anchor/manifest.json', Buffer.from(JSON.stringify(manifest)));
      expect(
        codeOf(await readClip(store, 'anchor', owner, { expectedManifestDigest: sealed.manifestDigest })),
      ).toBe('VAULT.CORRUPT');
    });

    it('reports a missing part and a broken manifest as CORRUPT, and lists the clip as damaged', async () => {
      await sealClip('gone', [Buffer.from('a'), Buffer.from('b')]);
      await backend.remove('gone/part-000000.age');
      expect(codeOf(await readClip(store, 'gone', owner))).toBe('VAULT.CORRUPT');
      await sealClip('junk', [Buffer.from('a')]);
      await backend.write('junk/manifest.json', Buffer.from('{"format":'));
      expect(codeOf(await readClip(store, 'junk', owner))).toBe('VAULT.CORRUPT');
      const list = must(await listClips(store));
      expect(list.find((c) => c.clipId === 'junk')).toMatchObject({
        state: 'damaged',
        problem: 'VAULT.CORRUPT',
      });
    });

    it('refuses an unindexed part that was cut short (no last-chunk flag)', async () => {
      const w = must(await openClipWriter(store, 'cut', owner.recipient));
      must(await w.writePart(Buffer.from('whole')));
      // As if a later part reached its final name but lost its tail (a file system that broke its promise).
      const full = encryptBytes([owner.recipient], randomBytes(200_000));
      await backend.write('cut/part-000001.age', full.subarray(0, full.length - 1000));
      const r = must(await readClip(store, 'cut', owner));
      expect(r.unindexedParts).toBe(1);
      await expect(
        (async () => {
          for await (const _ of r) void _;
        })(),
      ).rejects.toMatchObject({ error: { code: 'VAULT.CORRUPT', details: { part: 1 } } });
    });
  });

  describe('clip store: faults while sealing', () => {
    it("a failing source rejects with the source's own error and leaves no temp part", async () => {
      const w = must(await openClipWriter(store, 'src', owner.recipient));
      async function* broken() {
        yield Buffer.from('some');
        throw new Error('camera stalled');
      }
      await expect(w.writePart(broken())).rejects.toThrow('camera stalled');
      expect(await backend.keys()).toEqual(['src/manifest.json']);
      expect(must(await w.writePart(Buffer.from('next'))).index).toBe(0);
    });

    it('a writer that died mid-part: completed parts readable, the part in progress never counted, recovery closes the clip', async () => {
      const w = must(await openClipWriter(store, 'died', owner.recipient));
      must(await w.writePart(Buffer.from('zero|')));
      must(await w.writePart(Buffer.from('one|')));
      let started!: () => void;
      const inProgress = new Promise<void>((r) => (started = r));
      async function* hangs() {
        yield randomBytes(150_000);
        started();
        await new Promise(() => undefined); // the process "dies" here
      }
      void w.writePart(hangs());
      await inProgress;
      // The part in progress is no object (on a folder: only a temporary file, which no reader counts).
      const midway = await backend.keys();
      expect(
        midway.filter(
          (k) => k.includes('part-000002') && !/^died\/\.part-000002\.age\.[0-9a-f]+\.tmp$/.test(k),
        ),
      ).toEqual([]);

      const fresh = await backend.open();
      expect(must(await listClips(fresh))).toEqual([
        expect.objectContaining({ clipId: 'died', state: 'open', parts: 2, unindexedParts: 0 }),
      ]);
      expect(must(await readClipBytes(fresh, 'died', owner)).toString()).toBe('zero|one|');
      const rec = must(await recoverClip(fresh, 'died'));
      expect(rec.manifest).toMatchObject({ state: 'closed', interrupted: true });
      expect(rec.manifest.parts).toHaveLength(2);
      expect(await backend.keys()).toEqual([
        'died/manifest.json',
        'died/part-000000.age',
        'died/part-000001.age',
      ]);
    });
  });

  describe('clip store: how far the footage reaches', () => {
    it("keeps each part's media extent in the manifest, through recovery; manifests without it still read", async () => {
      const media = (end: string, seconds: number) => ({
        startedAt: '2026-01-01T10:00:00.000Z',
        endedAt: end,
        durationSeconds: seconds,
      });
      const w = must(await openClipWriter(store, 'extent', owner.recipient));
      must(await w.writePart(Buffer.from('zero|'), media('2026-01-01T10:00:03.000Z', 3)));
      must(await w.writePart(Buffer.from('one|'), media('2026-01-01T10:01:10.000Z', 70)));
      const fresh = await backend.open();
      const rec = must(await recoverClip(fresh, 'extent'));
      expect(rec.manifest.parts.map((p) => p.media)).toEqual([
        media('2026-01-01T10:00:03.000Z', 3),
        media('2026-01-01T10:01:10.000Z', 70),
      ]);
      // An older manifest (no media) and a damaged media entry.
      const old = must(await openClipWriter(store, 'old', owner.recipient));
      must(await old.writePart(Buffer.from('x')));
      must(await old.close());
      expect(must(await readClipBytes(store, 'old', owner)).toString()).toBe('x');
      const m = JSON.parse((await backend.read('extent/manifest.json')).toString('utf8')) as {
        parts: { media: unknown }[];
      };
      m.parts[0]!.media = { startedAt: 1 };
      await backend.write('extent/manifest.json', Buffer.from(JSON.stringify(m)));
      expect(await readClipBytes(store, 'extent', owner)).toMatchObject({
        ok: false,
        error: { code: 'VAULT.CORRUPT' },
      });
    });
  });

  describe('clip store: deletion', () => {
    it('removes a clip for good', async () => {
      const w = must(await openClipWriter(store, 'bye', owner.recipient));
      must(await w.writePart(randomBytes(1000)));
      must(await w.close());
      const other = must(await openClipWriter(store, 'stay', owner.recipient));
      must(await other.writePart(randomBytes(10)));
      expect(must(await deleteClip(store, 'bye'))).toEqual({ clipId: 'bye' });
      // No object remains under the clip; the other clip is untouched.
      expect(await backend.keys()).toEqual(['stay/manifest.json', 'stay/part-000000.age']);
      expect(codeOf(await readClip(store, 'bye', owner))).toBe('VAULT.NOT_FOUND');
      expect(codeOf(await deleteClip(store, 'bye'))).toBe('VAULT.NOT_FOUND');
      expect(must(await listClips(store)).map((c) => c.clipId)).toEqual(['stay']);
    });

    it('a deletion cut short (parts already gone, the manifest not) lists as damaged and is finished by deleting again', async () => {
      const w = must(await openClipWriter(store, 'cut-short', owner.recipient));
      must(await w.writePart(randomBytes(1000)));
      must(await w.writePart(randomBytes(1000)));
      must(await w.close());
      await backend.remove('cut-short/part-000000.age');
      expect(codeOf(await readClip(store, 'cut-short', owner))).toBe('VAULT.CORRUPT');
      must(await deleteClip(store, 'cut-short'));
      expect(await backend.keys()).toEqual([]);
      expect(must(await listClips(store))).toEqual([]);
    });
  });
});

describe('clip store on a folder: disk and file-system faults', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proportio-vault-'));
    store = must(await openClipStore(join(dir, 'vault')));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('disk full while sealing: DISK_FULL, temp part removed, earlier parts intact, writer usable after space returns', async () => {
    const budget = { left: Number.POSITIVE_INFINITY };
    const faulty = must(await openClipStore(store.location, { fs: fsWithBudget(budget, false) }));
    const w = must(await openClipWriter(faulty, 'full', owner.recipient));
    const first = randomBytes(50_000);
    must(await w.writePart(first));
    const before = await readFile(join(store.location, 'full', 'manifest.json'), 'utf8');
    budget.left = 30_000;
    const r = await w.writePart(randomBytes(100_000));
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'VAULT.DISK_FULL',
      details: { part: 1, errno: 'ENOSPC' },
    });
    expect((await readdir(join(store.location, 'full'))).sort()).toEqual([
      'manifest.json',
      'part-000000.age',
    ]);
    expect(await readFile(join(store.location, 'full', 'manifest.json'), 'utf8')).toBe(before);
    expect(must(await readClipBytes(store, 'full', owner)).equals(first)).toBe(true);

    budget.left = Number.POSITIVE_INFINITY;
    const second = randomBytes(1000);
    expect(must(await w.writePart(second)).index).toBe(1);
    must(await w.close());
    expect(must(await readClipBytes(store, 'full', owner)).equals(Buffer.concat([first, second]))).toBe(true);
  });

  it('disk full on the manifest after a part was sealed: the part is kept and recovery indexes it', async () => {
    const budget = { left: Number.POSITIVE_INFINITY };
    const faulty = must(await openClipStore(store.location, { fs: fsWithBudget(budget) }));
    const w = must(await openClipWriter(faulty, 'late', owner.recipient));
    const data = randomBytes(10_000);
    const sealedSize = encryptBytes([owner.recipient], data).length;
    budget.left = sealedSize + 10; // room for the part, not for the manifest
    const r = await w.writePart(data);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VAULT.DISK_FULL', details: { partKept: true } });
    const reading = must(await readClip(store, 'late', owner));
    expect(reading.unindexedParts).toBe(1);
    expect(must(await readClipBytes(store, 'late', owner)).equals(data)).toBe(true);
    const recovered = must(await recoverClip(store, 'late'));
    expect(recovered.manifest).toMatchObject({ state: 'closed', interrupted: true });
    expect(recovered.manifest.parts[0]).toMatchObject({
      index: 0,
      plaintextBytes: data.length,
      bytes: sealedSize,
    });
    expect(must(await readClipBytes(store, 'late', owner)).equals(data)).toBe(true);
  });

  it('an fsync failure is IO_FAILED and leaves no part behind', async () => {
    const failing: VaultFs = {
      ...nodeVaultFs,
      createExclusive: async (path) => {
        const f = await nodeVaultFs.createExclusive(path);
        if (path.includes('manifest')) return f;
        return { ...f, sync: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) };
      },
    };
    const s = must(await openClipStore(store.location, { fs: failing }));
    const w = must(await openClipWriter(s, 'eio', owner.recipient));
    const r = await w.writePart(Buffer.from('x'));
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VAULT.IO_FAILED', details: { errno: 'EIO' } });
    expect(await readdir(join(store.location, 'eio'))).toEqual(['manifest.json']);
  });

  it('finishes a deletion that a crash interrupted, when the store is opened next', async () => {
    const w = must(await openClipWriter(store, 'half', owner.recipient));
    must(await w.writePart(randomBytes(1000)));
    must(await w.close());
    // The state right after deleteClip's rename, before its unlinks.
    const doomed = join(store.location, '.deleting-half.abcd1234');
    await mkdir(doomed);
    for (const f of await readdir(join(store.location, 'half')))
      await copyFile(join(store.location, 'half', f), join(doomed, f));
    await rm(join(store.location, 'half'), { recursive: true });
    expect(must(await listClips(store))).toEqual([]);
    must(await openClipStore(store.location));
    expect(await readdir(store.location)).toEqual([]);
  });
});

describe('clip store on S3: uploads, reachability, Object Lock', () => {
  let server: S3Server;
  let client: S3Client;
  let n = 0;
  const bucket = 'proportio-s3-only';
  beforeAll(async () => {
    server = await startS3Server();
    await server.createBucket(bucket);
    client = server.client();
  });
  afterAll(async () => {
    await server.close();
  });
  const fresh = (prefix = `run-${++n}/`) =>
    s3Objects(client, { bucket, prefix }, { partBytes: 5 * 1024 * 1024 });
  const keysOf = async (objects: { location: string }) => {
    const prefix = objects.location.slice(`s3://${bucket}/`.length);
    const r = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (r.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
  };
  /** Pieces of unfinished multipart uploads on s3rver's disk (one file per uploaded piece). */
  const uploadedPieces = async () =>
    (await walk(server.dir)).filter((p) => /_S3rver_uploads\/[^/]+\/\d+$/.test(p));

  it('a multipart upload cut off midway (the writer dies) is never counted; recovery closes the clip', async () => {
    const objects = fresh();
    const s = must(await openClipStore(objects));
    const w = must(await openClipWriter(s, 'died', owner.recipient));
    must(await w.writePart(Buffer.from('zero|')));
    const piecesBefore = (await uploadedPieces()).length;
    let sent!: () => void;
    const uploading = new Promise<void>((r) => (sent = r));
    async function* hangs() {
      yield randomBytes(6 * 1024 * 1024); // more than one upload piece: the upload has begun
      yield randomBytes(1000);
      sent();
      await new Promise(() => undefined); // the process "dies" here
    }
    void w.writePart(hangs());
    await uploading;
    // A piece reached the server, but no object exists for the part.
    await waitFor('an uploaded piece', async () => (await uploadedPieces()).length > piecesBefore);
    expect(await keysOf(objects)).toEqual(['died/manifest.json', 'died/part-000000.age']);

    // As the next process would see it.
    const again = must(await openClipStore(fresh(objects.location.slice(`s3://${bucket}/`.length))));
    expect(must(await listClips(again))).toEqual([
      expect.objectContaining({ clipId: 'died', state: 'open', parts: 1, unindexedParts: 0 }),
    ]);
    expect(must(await readClipBytes(again, 'died', owner)).toString()).toBe('zero|');
    const rec = must(await recoverClip(again, 'died'));
    expect(rec.manifest).toMatchObject({ state: 'closed', interrupted: true });
    expect(rec.manifest.parts).toHaveLength(1);
    expect(await keysOf(objects)).toEqual(['died/manifest.json', 'died/part-000000.age']);
  });

  it('a source that fails after a multipart upload began: its own error, no part, the writer goes on', async () => {
    const objects = fresh();
    const s = must(await openClipStore(objects));
    const w = must(await openClipWriter(s, 'src', owner.recipient));
    async function* broken() {
      yield randomBytes(6 * 1024 * 1024);
      yield randomBytes(10);
      throw new Error('camera stalled');
    }
    await expect(w.writePart(broken())).rejects.toThrow('camera stalled');
    expect(await keysOf(objects)).toEqual(['src/manifest.json']);
    // A large part that does complete goes up in pieces and reads back whole.
    const big = randomBytes(11 * 1024 * 1024 + 17);
    expect(must(await w.writePart(big)).index).toBe(0);
    must(await w.close());
    expect(must(await readClipBytes(s, 'src', owner)).equals(big)).toBe(true);
  });

  it('an unreachable store or a missing bucket is a vault error, not a crash', async () => {
    const closed = await startS3Server();
    const gone = closed.client();
    await closed.close();
    const down = await openClipStore(s3Objects(gone, { bucket, prefix: '' }));
    expect(down.ok ? null : down.error).toMatchObject({
      code: 'VAULT.IO_FAILED',
      details: { errno: 'ECONNREFUSED', location: `s3://${bucket}/` },
    });
    const missing = await openClipStore(s3Objects(client, { bucket: 'no-such-bucket', prefix: 'x/' }));
    expect(missing.ok ? null : missing.error.code).toBe('VAULT.IO_FAILED');
  });

  it('detects that the store has no Object Lock and then sets no legal hold', async () => {
    const objects = fresh();
    expect(objects.objectLock()).toEqual({ supported: false, reason: 'the vault has not been opened yet' });
    const s = must(await openClipStore(objects));
    // s3rver answers GetObjectLockConfiguration with 501 NotImplemented.
    expect(objects.objectLock()).toEqual({
      supported: false,
      reason: 'the store does not implement Object Lock',
    });
    const w = must(await openClipWriter(s, 'held', owner.recipient));
    must(await w.writePart(Buffer.from('x')));
    must(await w.close());
    expect(await objects.setLegalHold('held', true)).toBe(false);
    expect(must(await deleteClip(s, 'held'))).toEqual({ clipId: 'held' });
  });
});
