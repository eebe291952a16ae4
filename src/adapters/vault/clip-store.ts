/**
 * The clip vault. A clip is a set of sealed parts, each a complete age file, plus a manifest,
 * stored as objects under the clip id on a local folder or an S3 bucket (vault-objects.ts):
 *
 *   <clipId>/part-000000.age      stored complete or not at all (fsync + rename; a completed upload)
 *   <clipId>/part-000001.age
 *   <clipId>/manifest.json        replaced whole after every part and on close
 *
 * Crash safety: a kill -9 loses at most the part being sealed. Only objects named part-NNNNNN.age
 * count, and an object gets that name only once it is complete and durable; even one cut short by
 * some other accident cannot pass as complete, because age STREAM marks the last chunk and the
 * reader refuses a file without it.
 *
 * The manifest is plain JSON without personal data (sizes, SHA-256 of each sealed part, times).
 * It is not encrypted because the recorder holds only the recipient and must still list, recover
 * and expire clips; it is not MACed because any key the recorder could use would sit in the same
 * folder as the manifest. Integrity against accidents comes from the hashes and age's AEAD;
 * against deliberate substitution, from the manifest digest that close() returns for the caller to
 * anchor in the database and audit chain (readClip can check it).
 */
import { createHash } from 'node:crypto';
import {
  AgeDecryptor,
  AgeEncryptor,
  MAX_HEADER_BYTES,
  parseHeader,
  payloadSize,
  plaintextSize,
  type AgeKey,
  type ParsedHeader,
} from './age-format.js';
import { parseRecipient, type AgeIdentity, type AgeRecipient } from './keys.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { err, ok, type Result } from '../../core/result.js';
import { VaultError } from './vault-result.js';
import { folderObjects, type VaultFs, type VaultObjects } from './vault-objects.js';

export { nodeVaultFs, type VaultFile, type VaultFs, type VaultObjects } from './vault-objects.js';

// ---- types -----------------------------------------------------------------------------------

export interface ClipStore {
  /** A folder or s3://bucket/prefix, for messages. */
  readonly location: string;
  readonly objects: VaultObjects;
  readonly now: () => Date;
}

export interface ClipPart {
  readonly index: number;
  readonly file: string;
  /** Size of the sealed age file. */
  readonly bytes: number;
  readonly plaintextBytes: number;
  /** SHA-256 (hex) of the sealed file. */
  readonly sha256: string;
  readonly sealedAt: string;
  /**
   * How far the footage reaches at the end of this part (absent in manifests from before it was
   * kept): a clip whose writer died can still say when it started and ended and how long it is.
   */
  readonly media?: PartMedia;
}

export interface PartMedia {
  /** Estimated capture time of the clip's first frame (ISO). */
  readonly startedAt: string;
  /** Estimated end of the last frame in this part (ISO). */
  readonly endedAt: string;
  /** Media seconds of the clip up to the end of this part. */
  readonly durationSeconds: number;
}

export interface ClipManifest {
  readonly format: 'proportio.clip.v1';
  readonly clipId: string;
  /** The age1… key the parts are sealed to, so an operator knows which identity opens them. */
  readonly recipient: string;
  readonly state: 'open' | 'closed';
  /** True when the writer died and recoverClip closed the clip. */
  readonly interrupted: boolean;
  readonly createdAt: string;
  readonly closedAt: string | null;
  readonly parts: readonly ClipPart[];
}

export interface SealedClip {
  readonly manifest: ClipManifest;
  /** SHA-256 (hex) of manifest.json as written: anchor it in the database / audit chain. */
  readonly manifestDigest: string;
}

export type PartSource = Uint8Array | AsyncIterable<Uint8Array>;

export interface ClipWriter {
  readonly clipId: string;
  /** Seals one part; on success it is durable and readable even if the process dies next. */
  writePart(source: PartSource, media?: PartMedia): Promise<Result<ClipPart, VaultErrorCode>>;
  /**
   * Stores one part that was sealed elsewhere (a recorder agent, issue 13 §2): the bytes of a
   * complete age file, kept exactly as given, complete or not at all, indexed like any part. The
   * vault cannot decrypt it (it holds no identity), so it checks what it can before the part
   * counts: an age v1 header whose stanzas are all X25519 (what a recipient-only sealer makes)
   * and a payload of a length age's STREAM can have (VAULT.UNSUPPORTED / VAULT.TRUNCATED
   * otherwise, and nothing is stored). A payload cut at a plausible length is caught only by the
   * SHA-256 the sender computed (`sha256`: VAULT.CORRUPT, nothing stored) — pass it — or, later,
   * by the reader, which authenticates every chunk and the last-chunk flag as for any part.
   */
  writeSealedPart(
    source: PartSource,
    options?: { readonly media?: PartMedia; readonly sha256?: string },
  ): Promise<Result<ClipPart, VaultErrorCode>>;
  close(): Promise<Result<SealedClip, VaultErrorCode>>;
}

// ---- helpers ---------------------------------------------------------------------------------

const MANIFEST = 'manifest.json';
const PART_RE = /^part-(\d{6})\.age$/;
const CLIP_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const partName = (index: number): string => `part-${String(index).padStart(6, '0')}.age`;
const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const errnoOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** Maps a file-system failure to a vault error; ENOSPC and EDQUOT both mean "no room to seal". */
const fsFailure = (e: unknown, what: string, details: Record<string, unknown> = {}): VaultError => {
  if (e instanceof VaultError) return e;
  const errno = errnoOf(e);
  if (errno === 'ENOSPC' || errno === 'EDQUOT') {
    return new VaultError('VAULT.DISK_FULL', `The vault disk is full: ${what}`, { ...details, errno });
  }
  return new VaultError('VAULT.IO_FAILED', `Could not ${what}`, { ...details, errno: errno ?? null });
};

const asResult = <T>(e: unknown): Result<T, VaultErrorCode> => {
  if (e instanceof VaultError) return { ok: false, error: e.error };
  throw e;
};

const ignore = async (p: Promise<unknown>): Promise<void> => {
  await p.then(
    () => undefined,
    () => undefined,
  );
};

const checkClipId = (clipId: string): Result<string, VaultErrorCode> =>
  CLIP_ID_RE.test(clipId)
    ? ok(clipId)
    : err('VAULT.INVALID_CLIP_ID', 'A clip id is 1–128 letters, digits, - or _, not starting with - or _');

/**
 * The caller's bytes piece by piece. A failure of the caller's stream comes out as SourceFailure,
 * so it is passed on unchanged instead of being blamed on the vault.
 */
async function* sourcePieces(source: PartSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  try {
    yield* source;
  } catch (e) {
    throw new SourceFailure(e);
  }
}

/** Marks a failure of the caller's source stream, as opposed to a failure writing the vault. */
class SourceFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('the clip source failed');
    this.name = 'SourceFailure';
  }
}

/**
 * Passes an age file sealed elsewhere through, checking its shape on the way; its plaintext size.
 * Throws VaultError (nothing is stored then) for a file that cannot be a part of a clip.
 */
const copySealed = async (source: PartSource, write: (b: Buffer) => Promise<void>): Promise<number> => {
  let head = Buffer.alloc(0);
  let header: ParsedHeader | null = null;
  let bytes = 0;
  for await (const piece of sourcePieces(source)) {
    const b = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (header === null) {
      head = Buffer.concat([head, b]);
      header = parseHeader(head);
      if (header === null && head.length > MAX_HEADER_BYTES)
        throw new VaultError('VAULT.UNSUPPORTED', 'The sealed part has no age header within 1 MiB');
      if (header !== null && (header.stanzas.length === 0 || header.stanzas.some((x) => x.type !== 'X25519')))
        throw new VaultError('VAULT.UNSUPPORTED', 'A sealed part must be sealed to X25519 recipients only');
    }
    bytes += b.length;
    await write(b);
  }
  if (header === null) throw new VaultError('VAULT.TRUNCATED', 'The sealed part ends inside its age header');
  const payload = bytes - header.length;
  const plaintext = plaintextSize(payload);
  if (payload < payloadSize(0) || payloadSize(plaintext) !== payload)
    throw new VaultError('VAULT.TRUNCATED', 'The sealed part has a payload length no age file can have');
  return plaintext;
};

// ---- store -----------------------------------------------------------------------------------

/**
 * Opens a vault: a folder (created if needed, mode 0700; deletions a crash interrupted are
 * finished) or any other VaultObjects store, such as an S3 bucket (s3-objects.ts).
 */
export const openClipStore = async (
  location: string | VaultObjects,
  options: { fs?: VaultFs; now?: () => Date } = {},
): Promise<Result<ClipStore, VaultErrorCode>> => {
  const objects = typeof location === 'string' ? folderObjects(location, options.fs) : location;
  const store: ClipStore = {
    location: objects.location,
    objects,
    now: options.now ?? (() => new Date()),
  };
  try {
    await objects.open();
  } catch (e) {
    return asResult(fsFailure(e, 'open the vault', { location: objects.location }));
  }
  return ok(store);
};

const serializeManifest = (m: ClipManifest): Buffer => Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');

const writeManifest = async (store: ClipStore, m: ClipManifest): Promise<string> => {
  const bytes = serializeManifest(m);
  await store.objects.put(m.clipId, MANIFEST, (write) => write([bytes]));
  return sha256Hex(bytes);
};

const isMedia = (m: unknown): m is PartMedia => {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return (
    typeof o.startedAt === 'string' &&
    typeof o.endedAt === 'string' &&
    typeof o.durationSeconds === 'number' &&
    Number.isFinite(o.durationSeconds)
  );
};

const isPart = (p: unknown): p is ClipPart => {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return (
    (o.media === undefined || isMedia(o.media)) &&
    typeof o.index === 'number' &&
    typeof o.file === 'string' &&
    o.file === partName(o.index) &&
    typeof o.bytes === 'number' &&
    typeof o.plaintextBytes === 'number' &&
    typeof o.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(o.sha256) &&
    typeof o.sealedAt === 'string'
  );
};

const parseManifest = (bytes: Buffer, clipId: string): ClipManifest => {
  let m: unknown;
  try {
    m = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new VaultError('VAULT.CORRUPT', 'The clip manifest is not valid JSON', { clipId });
  }
  const o = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
  const parts = Array.isArray(o.parts) ? (o.parts as unknown[]) : null;
  const valid =
    o.format === 'proportio.clip.v1' &&
    o.clipId === clipId &&
    typeof o.recipient === 'string' &&
    (o.state === 'open' || o.state === 'closed') &&
    typeof o.interrupted === 'boolean' &&
    typeof o.createdAt === 'string' &&
    (o.closedAt === null || typeof o.closedAt === 'string') &&
    parts !== null &&
    parts.every((p, i) => isPart(p) && p.index === i);
  if (!valid)
    throw new VaultError('VAULT.CORRUPT', 'The clip manifest is not a valid clip manifest', { clipId });
  return m as ClipManifest;
};

const loadManifest = async (
  store: ClipStore,
  clipId: string,
): Promise<{ manifest: ClipManifest; digest: string; files: string[] }> => {
  let files: string[];
  try {
    files = await store.objects.list(clipId);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') throw new VaultError('VAULT.NOT_FOUND', 'No such clip', { clipId });
    throw fsFailure(e, 'list the clip', { clipId });
  }
  let bytes: Buffer;
  try {
    bytes = await store.objects.get(clipId, MANIFEST);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT')
      throw new VaultError('VAULT.CORRUPT', 'The clip has no manifest', { clipId });
    throw fsFailure(e, 'read the clip manifest', { clipId });
  }
  return { manifest: parseManifest(bytes, clipId), digest: sha256Hex(bytes), files };
};

/** Sealed parts on disk beyond those the manifest lists: the writer died between rename and manifest update. */
const unindexedParts = (manifest: ClipManifest, files: readonly string[]): string[] => {
  const present = new Set(files.filter((f) => PART_RE.test(f)));
  const extra: string[] = [];
  for (let i = manifest.parts.length; present.has(partName(i)); i++) extra.push(partName(i));
  return extra;
};

// ---- writing ---------------------------------------------------------------------------------

/**
 * Starts a clip. Fails closed: without a valid recipient nothing is created at all, so the caller
 * must refuse to record rather than keep footage unencrypted.
 */
export const openClipWriter = async (
  store: ClipStore,
  clipId: string,
  recipient: AgeRecipient | string | null | undefined,
): Promise<Result<ClipWriter, VaultErrorCode>> => {
  const id = checkClipId(clipId);
  if (!id.ok) return id;
  const r = typeof recipient === 'object' && recipient !== null ? ok(recipient) : parseRecipient(recipient);
  if (!r.ok) return r;
  const key = r.value;
  try {
    await store.objects.claim(clipId);
  } catch (e) {
    if (errnoOf(e) === 'EEXIST')
      return err('VAULT.CLIP_EXISTS', 'A clip with this id already exists', { clipId });
    await ignore(store.objects.unclaim(clipId));
    return asResult(fsFailure(e, 'create the clip', { clipId }));
  }
  let manifest: ClipManifest = {
    format: 'proportio.clip.v1',
    clipId,
    recipient: key.text,
    state: 'open',
    interrupted: false,
    createdAt: store.now().toISOString(),
    closedAt: null,
    parts: [],
  };
  try {
    await writeManifest(store, manifest);
  } catch (e) {
    // Without a manifest the clip cannot be used; give the id back.
    await ignore(store.objects.unclaim(clipId));
    return asResult(fsFailure(e, 'write the clip manifest', { clipId }));
  }

  let closed = false;
  // One part at a time, in call order: part numbers follow the order of the footage.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Seals plaintext (`sealed: false`) or stores an age file sealed elsewhere (`sealed: true`) as the next part. */
  const storePart = async (
    source: PartSource,
    sealed: boolean,
    media?: PartMedia,
    expectedSha256?: string,
  ): Promise<Result<ClipPart, VaultErrorCode>> => {
    if (closed) return err('VAULT.WRITER_CLOSED', 'The clip is already closed', { clipId });
    const index = manifest.parts.length;
    const file = partName(index);
    const hash = createHash('sha256');
    let bytes = 0;
    let plaintextBytes = 0;
    try {
      await store.objects.put(clipId, file, async (write) => {
        if (sealed) {
          plaintextBytes = await copySealed(source, async (b) => {
            hash.update(b);
            bytes += b.length;
            await write([b]);
          });
          // Checked before the part is complete: a mismatch stores nothing.
          if (expectedSha256 !== undefined && hash.copy().digest('hex') !== expectedSha256.toLowerCase())
            throw new VaultError(
              'VAULT.CORRUPT',
              'The sealed part does not match the SHA-256 it was sent with',
              {
                clipId,
                part: index,
              },
            );
          return;
        }
        const enc = new AgeEncryptor([key]);
        const emit = async (out: Buffer[]) => {
          for (const b of out) {
            hash.update(b);
            bytes += b.length;
          }
          await write(out);
        };
        for await (const piece of sourcePieces(source)) {
          plaintextBytes += piece.length;
          await emit(enc.update(piece));
        }
        await emit(enc.final());
      });
    } catch (e) {
      if (e instanceof SourceFailure) throw e.cause;
      return asResult(fsFailure(e, 'seal the clip part', { clipId, part: index }));
    }
    const part: ClipPart = {
      index,
      file,
      bytes,
      plaintextBytes,
      sha256: hash.digest('hex'),
      sealedAt: store.now().toISOString(),
      ...(media === undefined ? {} : { media }),
    };
    manifest = { ...manifest, parts: [...manifest.parts, part] };
    try {
      await writeManifest(store, manifest);
    } catch (e) {
      // The part itself is sealed and durable, and readers pick it up; only the index lags behind.
      const failure = fsFailure(e, 'update the clip manifest', { clipId, part: index, partKept: true });
      return err(failure.error.code, failure.error.message, { ...failure.error.details });
    }
    return ok(part);
  };

  return ok({
    clipId,
    writePart: (source, media) => serial(() => storePart(source, false, media)),
    writeSealedPart: (source, o = {}) => serial(() => storePart(source, true, o.media, o.sha256)),
    close: () =>
      serial(async (): Promise<Result<SealedClip, VaultErrorCode>> => {
        if (closed) return err('VAULT.WRITER_CLOSED', 'The clip is already closed', { clipId });
        const final: ClipManifest = { ...manifest, state: 'closed', closedAt: store.now().toISOString() };
        try {
          const manifestDigest = await writeManifest(store, final);
          closed = true;
          manifest = final;
          return ok({ manifest: final, manifestDigest });
        } catch (e) {
          return asResult(fsFailure(e, 'close the clip manifest', { clipId }));
        }
      }),
  });
};

// ---- reading ---------------------------------------------------------------------------------

export interface ClipReading extends AsyncIterable<Buffer> {
  readonly manifest: ClipManifest;
  /** Sealed parts found beyond the manifest (a writer died between sealing and indexing); they are read too. */
  readonly unindexedParts: number;
}

/** Hash, size and plaintext size of a sealed part, streaming; the plaintext size follows from the age layout. */
const scanPart = async (
  store: ClipStore,
  clipId: string,
  file: string,
): Promise<{ sha256: string; bytes: number; plaintextBytes: number }> => {
  const h = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  let headerLength: number | null = null;
  for await (const b of store.objects.stream(clipId, file)) {
    h.update(b);
    bytes += b.length;
    if (headerLength === null && head.length < MAX_HEADER_BYTES) {
      head = Buffer.concat([head, b]);
      headerLength = parseHeader(head)?.length ?? null;
    }
  }
  if (headerLength === null)
    throw new VaultError('VAULT.CORRUPT', 'A sealed part has no complete age header');
  return { sha256: h.digest('hex'), bytes, plaintextBytes: plaintextSize(bytes - headerLength) };
};

/**
 * How a clip is opened: with the vault identity, or with the file keys of exactly its parts (by
 * part file name) — what a viewing grant holds instead of the identity (issue 10 §2).
 */
export type ClipKey =
  AgeIdentity | readonly AgeIdentity[] | { readonly fileKeys: ReadonlyMap<string, Uint8Array> };

const partKey = (key: ClipKey, clipId: string, file: string): AgeKey => {
  if (!('fileKeys' in key)) return key;
  const fileKey = key.fileKeys.get(file);
  if (fileKey === undefined)
    throw new VaultError('VAULT.WRONG_KEY', `The keys given do not cover ${file} of this clip`, {
      clipId,
    });
  return { fileKey };
};

interface ReadPlan {
  readonly manifest: ClipManifest;
  /** Every part to read, in order; sha256 null for a part sealed after the last manifest update. */
  readonly parts: ReadonlyArray<{ readonly file: string; readonly sha256: string | null }>;
  readonly unindexedParts: number;
}

/** The manifest (checked against its digest, if given) and the parts to read, all present. */
const planRead = async (
  store: ClipStore,
  clipId: string,
  expectedManifestDigest: string | undefined,
): Promise<Result<ReadPlan, VaultErrorCode>> => {
  const id = checkClipId(clipId);
  if (!id.ok) return id;
  const { manifest, digest, files } = await loadManifest(store, clipId);
  if (expectedManifestDigest !== undefined && expectedManifestDigest !== digest) {
    return err('VAULT.CORRUPT', 'The clip manifest is not the one that was recorded at sealing', {
      clipId,
    });
  }
  const present = new Set(files);
  const missing = manifest.parts.find((p) => !present.has(p.file));
  if (missing !== undefined)
    return err('VAULT.CORRUPT', `Part ${missing.index} of the clip is missing`, {
      clipId,
      part: missing.index,
    });
  const extra = manifest.state === 'open' ? unindexedParts(manifest, files) : [];
  return ok({
    manifest,
    parts: [
      ...manifest.parts.map((p) => ({ file: p.file, sha256: p.sha256 })),
      ...extra.map((file) => ({ file, sha256: null })),
    ],
    unindexedParts: extra.length,
  });
};

/**
 * Opens a clip for reading: the plaintext of all parts in order. Before returning it checks the
 * manifest (and its digest, if given), that every listed part exists, and that the key opens
 * the first part. While iterating, each part's hash is checked before any of its plaintext is
 * released, and each chunk is authenticated; failures throw VaultError. Only a completed
 * iteration means the whole clip was read.
 */
export const readClip = async (
  store: ClipStore,
  clipId: string,
  key: ClipKey,
  options: { expectedManifestDigest?: string } = {},
): Promise<Result<ClipReading, VaultErrorCode>> => {
  if (Array.isArray(key) && key.length === 0)
    return err('VAULT.KEY_MISSING', 'An identity is needed to read a clip');
  try {
    const planned = await planRead(store, clipId, options.expectedManifestDigest);
    if (!planned.ok) return planned;
    const { manifest, parts } = planned.value;
    if (parts[0] !== undefined)
      await probeKey(store, clipId, parts[0].file, partKey(key, clipId, parts[0].file));

    async function* plaintext(): AsyncGenerator<Buffer> {
      for (const [i, p] of parts.entries()) {
        if (p.sha256 !== null) {
          // Checked before decrypting, so no plaintext of a swapped or damaged part is released.
          let actual: string;
          try {
            actual = (await scanPart(store, clipId, p.file)).sha256;
          } catch (e) {
            throw fsFailure(e, 'read a clip part', { clipId, part: i });
          }
          if (actual !== p.sha256)
            throw new VaultError('VAULT.CORRUPT', `Part ${i} does not match the clip manifest`, {
              clipId,
              part: i,
            });
        }
        try {
          const dec = new AgeDecryptor(partKey(key, clipId, p.file));
          for await (const piece of store.objects.stream(clipId, p.file)) yield* dec.update(piece);
          yield* dec.final();
        } catch (e) {
          if (e instanceof VaultError) {
            throw new VaultError(e.code, `Part ${i}: ${e.error.message}`, {
              ...e.error.details,
              clipId,
              part: i,
            });
          }
          throw fsFailure(e, 'read a clip part', { clipId, part: i });
        }
      }
    }
    return ok({
      manifest,
      unindexedParts: planned.value.unindexedParts,
      [Symbol.asyncIterator]: () => plaintext(),
    });
  } catch (e) {
    return asResult(fsFailure(e, 'read the clip', { clipId }));
  }
};

/** Reads just enough of a part to unwrap its file key, so a wrong key is reported before iterating. */
const probeKey = async (store: ClipStore, clipId: string, file: string, key: AgeKey): Promise<void> => {
  const dec = new AgeDecryptor(key);
  let seen = 0;
  for await (const piece of store.objects.stream(clipId, file)) {
    dec.update(piece.subarray(0, Math.min(piece.length, 64 * 1024)));
    seen += piece.length;
    if (seen >= 16 * 1024) break;
  }
};

export interface ClipPartHeader {
  /** The part's file name (`part-NNNNNN.age`): the key of its file key. */
  readonly file: string;
  /** The age header, up to and including the MAC line: everything needed to unwrap the file key. */
  readonly header: Buffer;
}

/**
 * The age headers of every part of a clip, nothing of the payload: what the vault identity must
 * see to unwrap one clip's file keys (custody.ts, issue 10 §2). The manifest digest is checked as
 * for reading, so keys are unwrapped only for the parts that were sealed.
 */
export const readClipHeaders = async (
  store: ClipStore,
  clipId: string,
  options: { expectedManifestDigest?: string } = {},
): Promise<Result<{ manifest: ClipManifest; parts: ClipPartHeader[] }, VaultErrorCode>> => {
  try {
    const planned = await planRead(store, clipId, options.expectedManifestDigest);
    if (!planned.ok) return planned;
    const parts: ClipPartHeader[] = [];
    for (const [i, p] of planned.value.parts.entries()) {
      let head = Buffer.alloc(0);
      let length: number | null = null;
      try {
        for await (const piece of store.objects.stream(clipId, p.file)) {
          head = Buffer.concat([head, piece]);
          length = parseHeader(head)?.length ?? null;
          if (length !== null) break;
        }
      } catch (e) {
        throw fsFailure(e, 'read a clip part', { clipId, part: i });
      }
      if (length === null)
        throw new VaultError('VAULT.TRUNCATED', `Part ${i} ends inside its age header`, { clipId, part: i });
      parts.push({ file: p.file, header: head.subarray(0, length) });
    }
    return ok({ manifest: planned.value.manifest, parts });
  } catch (e) {
    return asResult(fsFailure(e, 'read the clip headers', { clipId }));
  }
};

/** Reads a whole clip into memory; for tests and small clips. */
export const readClipBytes = async (
  store: ClipStore,
  clipId: string,
  key: ClipKey,
): Promise<Result<Buffer, VaultErrorCode>> => {
  const r = await readClip(store, clipId, key);
  if (!r.ok) return r;
  const pieces: Buffer[] = [];
  try {
    for await (const b of r.value) pieces.push(b);
  } catch (e) {
    return asResult(e);
  }
  return ok(Buffer.concat(pieces));
};

// ---- listing, recovery, deletion -------------------------------------------------------------

export interface ClipSummary {
  readonly clipId: string;
  readonly state: 'open' | 'closed' | 'damaged';
  readonly interrupted: boolean;
  readonly createdAt: string | null;
  readonly closedAt: string | null;
  readonly parts: number;
  readonly bytes: number;
  readonly plaintextBytes: number;
  /** Sealed parts the manifest does not list yet (see recoverClip). */
  readonly unindexedParts: number;
  /** Why the clip is damaged, as an error code. */
  readonly problem: VaultErrorCode | null;
}

/** Lists clips without any key: the manifest holds everything needed for retention and health. */
export const listClips = async (store: ClipStore): Promise<Result<ClipSummary[], VaultErrorCode>> => {
  let names: string[];
  try {
    names = await store.objects.clips();
  } catch (e) {
    return asResult(fsFailure(e, 'list the vault', { location: store.location }));
  }
  const out: ClipSummary[] = [];
  for (const clipId of names.filter((n) => CLIP_ID_RE.test(n)).sort()) {
    try {
      const { manifest, files } = await loadManifest(store, clipId);
      out.push({
        clipId,
        state: manifest.state,
        interrupted: manifest.interrupted,
        createdAt: manifest.createdAt,
        closedAt: manifest.closedAt,
        parts: manifest.parts.length,
        bytes: manifest.parts.reduce((a, p) => a + p.bytes, 0),
        plaintextBytes: manifest.parts.reduce((a, p) => a + p.plaintextBytes, 0),
        unindexedParts: manifest.state === 'open' ? unindexedParts(manifest, files).length : 0,
        problem: null,
      });
    } catch (e) {
      if (!(e instanceof VaultError)) throw e;
      if (e.code === 'VAULT.NOT_FOUND') continue;
      out.push({
        clipId,
        state: 'damaged',
        interrupted: false,
        createdAt: null,
        closedAt: null,
        parts: 0,
        bytes: 0,
        plaintextBytes: 0,
        unindexedParts: 0,
        problem: e.code,
      });
    }
  }
  return ok(out);
};

/**
 * Closes a clip whose writer died (kill -9, power loss): removes the part that was being sealed,
 * indexes parts that were sealed but not yet in the manifest, and marks the clip interrupted.
 * Call it at start-up for every open clip; never while a writer for the clip is running.
 * Needs no key.
 */
export const recoverClip = async (
  store: ClipStore,
  clipId: string,
): Promise<Result<SealedClip, VaultErrorCode>> => {
  const id = checkClipId(clipId);
  if (!id.ok) return id;
  try {
    const { manifest, digest, files } = await loadManifest(store, clipId);
    await store.objects.clearIncomplete(clipId);
    if (manifest.state === 'closed') {
      return ok({ manifest, manifestDigest: digest });
    }
    const adopted: ClipPart[] = [];
    for (const file of unindexedParts(manifest, files)) {
      const scanned = await scanPart(store, clipId, file);
      adopted.push({
        index: manifest.parts.length + adopted.length,
        file,
        ...scanned,
        sealedAt: store.now().toISOString(),
      });
    }
    const final: ClipManifest = {
      ...manifest,
      state: 'closed',
      interrupted: true,
      closedAt: store.now().toISOString(),
      parts: [...manifest.parts, ...adopted],
    };
    const manifestDigest = await writeManifest(store, final);
    return ok({ manifest: final, manifestDigest });
  } catch (e) {
    return asResult(fsFailure(e, 'recover the clip', { clipId }));
  }
};

/**
 * Deletes a clip for good: the folder is first renamed away (so the clip vanishes from listings at
 * once and a crash half-way is finished by openClipStore), then every file is unlinked. On SSDs and
 * copy-on-write file systems overwriting would not reach the old blocks, so we do not pretend to
 * shred; what makes leftover blocks unreadable is that they are age ciphertext (see ADR 0003).
 */
export const deleteClip = async (
  store: ClipStore,
  clipId: string,
): Promise<Result<{ clipId: string }, VaultErrorCode>> => {
  const id = checkClipId(clipId);
  if (!id.ok) return id;
  try {
    await store.objects.removeClip(clipId);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return err('VAULT.NOT_FOUND', 'No such clip', { clipId });
    return asResult(fsFailure(e, 'delete the clip', { clipId }));
  }
  return ok({ clipId });
};
