/**
 * Parts a recorder agent sealed at its site (ADR 0015), taken into the vault as they are: the
 * server never sees plaintext and holds no key that opens them. Kept apart from clip-store.ts on
 * purpose (that file is the vault's own writer); the layout and the object port are the same —
 * part-NNNNNN.age, each stored complete or not at all (a folder or S3, vault-objects.ts), and
 * manifest.json replaced whole after every part.
 *
 * Idempotent by clip, index and digest: the same part sent twice is stored once; another digest
 * for a part already stored, or a part beyond the next index, is refused (the agent sends in order).
 */
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../core/result.js';
import { parseHeader, plaintextSize } from './age-format.js';
import type { ClipManifest, ClipPart, ClipStore, PartMedia } from './clip-store.js';

const MANIFEST = 'manifest.json';
const CLIP_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const partName = (index: number): string => `part-${String(index).padStart(6, '0')}.age`;
const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const errnoOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** One clip at a time per process: two copies of one part (a retry) never race each other. */
const locks = new Map<string, Promise<unknown>>();
const serial = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
  const prev = locks.get(key) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  const tail = next.catch(() => undefined);
  locks.set(key, tail);
  void tail.then(() => {
    if (locks.get(key) === tail) locks.delete(key);
  });
  return next;
};

const putObject = (store: ClipStore, clipId: string, name: string, bytes: Buffer): Promise<void> =>
  store.objects.put(clipId, name, (write) => write([bytes]));

/** The clip's place in the store; a place a crash left (a part without a manifest) is taken over. */
const claimClip = async (store: ClipStore, clipId: string): Promise<void> => {
  await store.objects.claim(clipId).catch((e: unknown) => {
    if (errnoOf(e) !== 'EEXIST') throw e;
  });
};

const manifestBytes = (m: ClipManifest): Buffer => Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');

const readManifest = async (store: ClipStore, clipId: string): Promise<ClipManifest | undefined> => {
  try {
    return JSON.parse((await store.objects.get(clipId, MANIFEST)).toString('utf8')) as ClipManifest;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return undefined;
    throw e;
  }
};

const failure = (e: unknown, what: string): Result<never> => {
  const errno = errnoOf(e);
  return errno === 'ENOSPC' || errno === 'EDQUOT'
    ? err('VAULT.DISK_FULL', `the vault disk is full: ${what}`)
    : err('VAULT.IO_FAILED', `could not ${what}`, { errno: errno ?? null });
};

/**
 * Stores part `index` of a clip as sent. `stored` is false when exactly this part was already
 * there. The clip folder and its manifest (state open) are made with the first part.
 */
export const acceptSealedPart = (
  store: ClipStore,
  o: {
    readonly clipId: string;
    readonly index: number;
    readonly sealed: Buffer;
    readonly sha256: string;
    readonly recipient: string;
    readonly media?: PartMedia;
  },
): Promise<Result<{ readonly stored: boolean }>> =>
  serial(o.clipId, async () => {
    if (!CLIP_ID_RE.test(o.clipId) || !Number.isSafeInteger(o.index) || o.index < 0 || o.index > 999_999)
      return err('REQUEST.INVALID', 'not a valid clip id or part number');
    const digest = sha256Hex(o.sealed);
    if (digest !== o.sha256.toLowerCase())
      return err('AGENT.PART_INVALID', 'the part does not have the digest it was sent with', {
        clipId: o.clipId,
      });
    let header: ReturnType<typeof parseHeader>;
    try {
      header = parseHeader(o.sealed);
    } catch {
      header = null;
    }
    if (header === null || header.stanzas.length === 0 || header.stanzas.some((s) => s.type !== 'X25519'))
      return err('AGENT.PART_INVALID', 'the part is not an age file sealed to a public key', {
        clipId: o.clipId,
      });
    try {
      let manifest = await readManifest(store, o.clipId);
      if (manifest === undefined) {
        await claimClip(store, o.clipId);
        manifest = {
          format: 'proportio.clip.v1',
          clipId: o.clipId,
          recipient: o.recipient,
          state: 'open',
          interrupted: false,
          createdAt: store.now().toISOString(),
          closedAt: null,
          parts: [],
        };
      }
      const have = manifest.parts[o.index];
      if (have !== undefined)
        return have.sha256 === digest
          ? ok({ stored: false })
          : err(
              'AGENT.PART_CONFLICT',
              `part ${o.index} of clip ${o.clipId} was received with other contents`,
              {
                clipId: o.clipId,
                part: o.index,
              },
            );
      if (o.index !== manifest.parts.length || manifest.state !== 'open')
        return err('AGENT.PART_CONFLICT', `clip ${o.clipId} expects part ${manifest.parts.length} next`, {
          clipId: o.clipId,
          part: o.index,
          expected: manifest.parts.length,
        });
      // A part left by a crash before its manifest entry is simply replaced whole.
      await putObject(store, o.clipId, partName(o.index), o.sealed);
      const part: ClipPart = {
        index: o.index,
        file: partName(o.index),
        bytes: o.sealed.length,
        plaintextBytes: plaintextSize(o.sealed.length - header.length),
        sha256: digest,
        sealedAt: store.now().toISOString(),
        ...(o.media === undefined ? {} : { media: o.media }),
      };
      await putObject(
        store,
        o.clipId,
        MANIFEST,
        manifestBytes({ ...manifest, parts: [...manifest.parts, part] }),
      );
      return ok({ stored: true });
    } catch (e) {
      return failure(e, 'store the sealed part');
    }
  });

/**
 * Closes a clip whose parts all arrived (or that the agent's recovery closed: `interrupted`).
 * Closing again answers the same digest. A clip with no part at all gets an empty manifest.
 */
export const closeAcceptedClip = (
  store: ClipStore,
  clipId: string,
  o: { readonly interrupted: boolean; readonly recipient: string },
): Promise<Result<{ readonly manifestDigest: string }>> =>
  serial(clipId, async () => {
    if (!CLIP_ID_RE.test(clipId)) return err('REQUEST.INVALID', 'not a valid clip id');
    try {
      const m = await readManifest(store, clipId);
      if (m?.state === 'closed') return ok({ manifestDigest: sha256Hex(manifestBytes(m)) });
      if (m === undefined) await claimClip(store, clipId);
      const closed: ClipManifest = {
        format: 'proportio.clip.v1',
        clipId,
        recipient: o.recipient,
        createdAt: store.now().toISOString(),
        parts: [],
        ...m,
        state: 'closed',
        interrupted: o.interrupted,
        closedAt: store.now().toISOString(),
      };
      const bytes = manifestBytes(closed);
      await putObject(store, clipId, MANIFEST, bytes);
      return ok({ manifestDigest: sha256Hex(bytes) });
    } catch (e) {
      return failure(e, 'close the clip');
    }
  });
