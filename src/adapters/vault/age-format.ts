/**
 * age v1 (https://age-encryption.org/v1) with X25519 recipients, on node:crypto only:
 * ChaCha20-Poly1305, X25519, HKDF-SHA-256 and HMAC-SHA-256 are all native, so sealing runs at
 * OpenSSL speed and the reference `age` tool opens what we write.
 *
 * File = text header (intro line, one stanza per recipient, MAC line) + 16-byte nonce + STREAM
 * payload: 64 KiB plaintext chunks, each sealed with nonce = 11-byte big-endian counter || flag,
 * where flag = 1 marks the last chunk. The flag is what makes truncation detectable.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AgeIdentity, rawPublicKey, x25519, type AgeRecipient } from './keys.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { err, ok, type Result } from '../../core/result.js';
import { VaultError } from './vault-result.js';

export const CHUNK_SIZE = 64 * 1024;
export const TAG_SIZE = 16;
const ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
export const FILE_KEY_SIZE = 16;
const PAYLOAD_NONCE_SIZE = 16;
const INTRO = 'age-encryption.org/v1\n';
const X25519_INFO = 'age-encryption.org/v1/X25519';
const COLUMNS = 64;
/** A hostile file must not make us buffer without bound while looking for the end of the header. */
export const MAX_HEADER_BYTES = 1024 * 1024;
/** Our counter lives in the low 6 of the 11 counter bytes: 2^48 chunks is 16 EiB, far beyond any clip. */
const MAX_CHUNKS = 2 ** 48;

export interface Stanza {
  readonly type: string;
  readonly args: readonly string[];
  readonly body: Buffer;
}

/**
 * What opens an age file: X25519 identities that unwrap its file key from the header, or the file
 * key itself — what a viewing grant holds instead of the identity (issue 10 §2), and what a
 * passphrase unwrapped beforehand (age-scrypt.ts).
 */
export type AgeKey = AgeIdentity | readonly AgeIdentity[] | { readonly fileKey: Uint8Array };

/** A file key wrapped for its recipients: what a header is made of. */
export interface WrappedFileKey {
  readonly fileKey: Uint8Array;
  readonly stanzas: readonly Stanza[];
}

// ---- encoding helpers -------------------------------------------------------------------------

/** age uses standard base64 without padding, and rejects every non-canonical form. */
export const b64encode = (b: Uint8Array): string => Buffer.from(b).toString('base64').replace(/=+$/, '');

export const b64decode = (s: string): Buffer | null => {
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return null;
  const b = Buffer.from(s, 'base64');
  return b64encode(b) === s ? b : null;
};

const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));

const isVchar = (s: string): boolean =>
  s.length > 0 && [...s].every((c) => c.charCodeAt(0) >= 33 && c.charCodeAt(0) <= 126);

export const sealAead = (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer[] => {
  const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  const ct = c.update(plaintext);
  c.final();
  return [ct, c.getAuthTag()];
};

/** Returns null when authentication fails; plaintext is never released before the tag checks out. */
export const openAead = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | null => {
  if (sealed.length < TAG_SIZE) return null;
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  d.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  const pt = d.update(sealed.subarray(0, sealed.length - TAG_SIZE));
  try {
    d.final();
  } catch {
    return null;
  }
  return pt;
};

// ---- X25519 recipient stanza -----------------------------------------------------------------

export const wrapFileKeyX25519 = (fileKey: Uint8Array, recipient: AgeRecipient): Stanza => {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const ephemeralShare = rawPublicKey(publicKey);
  const shared = x25519(privateKey, recipient.publicKey);
  if (shared === null) throw new VaultError('VAULT.KEY_INVALID', 'The recipient is a low-order point');
  const wrapKey = hkdf(shared, Buffer.concat([ephemeralShare, recipient.publicKey]), X25519_INFO);
  return {
    type: 'X25519',
    args: [b64encode(ephemeralShare)],
    body: Buffer.concat(sealAead(wrapKey, Buffer.alloc(12), fileKey)),
  };
};

/** null: the stanza is not for this identity. Throws only when the stanza itself is malformed. */
export const unwrapFileKeyX25519 = (stanza: Stanza, identity: AgeIdentity): Buffer | null => {
  const share = stanza.args.length === 1 && stanza.args[0] !== undefined ? b64decode(stanza.args[0]) : null;
  if (share === null || share.length !== 32)
    throw new VaultError('VAULT.CORRUPT', 'Malformed X25519 stanza: bad ephemeral share');
  if (stanza.body.length !== FILE_KEY_SIZE + TAG_SIZE)
    throw new VaultError('VAULT.CORRUPT', 'Malformed X25519 stanza: bad body length');
  const shared = x25519(identity.secretKey, share);
  if (shared === null)
    throw new VaultError('VAULT.CORRUPT', 'Malformed X25519 stanza: low-order ephemeral share');
  const wrapKey = hkdf(shared, Buffer.concat([share, identity.recipient.publicKey]), X25519_INFO);
  return openAead(wrapKey, Buffer.alloc(12), stanza.body);
};

// ---- header ----------------------------------------------------------------------------------

const marshalStanza = (s: Stanza): string => {
  const body = b64encode(s.body);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += COLUMNS) lines.push(body.slice(i, i + COLUMNS));
  // The last body line must be shorter than a full line, so a full one is followed by an empty one.
  if (body.length % COLUMNS === 0) lines.push('');
  return `-> ${[s.type, ...s.args].join(' ')}\n${lines.join('\n')}\n`;
};

const headerMac = (fileKey: Uint8Array, macInput: Uint8Array): Buffer =>
  createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(macInput)
    .digest();

export const marshalHeader = (stanzas: readonly Stanza[], fileKey: Uint8Array): Buffer => {
  // The MAC covers everything up to and including "---", not the space after it.
  const macInput = Buffer.from(`${INTRO}${stanzas.map(marshalStanza).join('')}---`, 'ascii');
  return Buffer.concat([macInput, Buffer.from(` ${b64encode(headerMac(fileKey, macInput))}\n`, 'ascii')]);
};

export interface ParsedHeader {
  readonly stanzas: readonly Stanza[];
  readonly mac: Buffer;
  /** Header bytes up to and including "---". */
  readonly macInput: Buffer;
  /** Length of the whole header including the MAC line; the payload starts here. */
  readonly length: number;
}

const corrupt = (message: string): VaultError =>
  new VaultError('VAULT.CORRUPT', `Malformed age header: ${message}`);

/**
 * Parses the header at the start of `buf`. Returns null when more bytes are needed; throws
 * VaultError when the bytes cannot be an age v1 header.
 */
export const parseHeader = (buf: Buffer): ParsedHeader | null => {
  const introProbe = buf.subarray(0, INTRO.length).toString('latin1');
  if (!INTRO.startsWith(introProbe)) {
    if (buf.subarray(0, 5).toString('latin1') === '-----') {
      throw new VaultError(
        'VAULT.UNSUPPORTED',
        'ASCII-armored age files are not supported here; dearmor them first',
      );
    }
    throw new VaultError('VAULT.UNSUPPORTED', 'Not an age v1 file (the intro line is missing)');
  }
  const stanzas: Stanza[] = [];
  let pos = INTRO.length;
  // The stanza whose body lines are being read, if any.
  let current: { type: string; args: string[]; body: Buffer[] } | null = null;
  for (;;) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl > MAX_HEADER_BYTES) throw corrupt('the header is larger than the limit');
    if (nl < 0) {
      if (buf.length > MAX_HEADER_BYTES) throw corrupt('the header is larger than the limit');
      return null;
    }
    const line = buf.subarray(pos, nl).toString('latin1');
    const lineStart = pos;
    pos = nl + 1;
    if (current !== null) {
      const decoded = line.length <= COLUMNS ? b64decode(line) : null;
      if (decoded === null) throw corrupt('bad stanza body line');
      current.body.push(decoded);
      // Only a full 64-column line continues the body; a shorter (possibly empty) one ends it.
      if (line.length < COLUMNS) {
        stanzas.push({ type: current.type, args: current.args, body: Buffer.concat(current.body) });
        current = null;
      }
      continue;
    }
    if (line.startsWith('---')) {
      const m = /^--- ([A-Za-z0-9+/]{43})$/.exec(line);
      const mac = m?.[1] === undefined ? null : b64decode(m[1]);
      if (mac === null || mac.length !== 32) throw corrupt('bad MAC line');
      if (stanzas.length === 0) throw corrupt('no recipient stanza');
      return { stanzas, mac, macInput: Buffer.from(buf.subarray(0, lineStart + 3)), length: pos };
    }
    if (line.startsWith('-> ')) {
      const parts = line.slice(3).split(' ');
      if (!parts.every(isVchar)) throw corrupt('bad stanza line');
      const [type, ...args] = parts;
      current = { type: type ?? '', args, body: [] };
      continue;
    }
    throw corrupt('unexpected line');
  }
};

// ---- opening a header -----------------------------------------------------------------------

const checkMac = (h: ParsedHeader, fileKey: Buffer): boolean =>
  timingSafeEqual(headerMac(fileKey, h.macInput), h.mac);

/** A file key given from outside (a grant, a passphrase) must belong to this very header. */
const checkFileKey = (h: ParsedHeader, fileKey: Buffer): Buffer => {
  if (fileKey.length !== FILE_KEY_SIZE || !checkMac(h, fileKey))
    throw new VaultError(
      'VAULT.WRONG_KEY',
      'The file key does not open this file (it belongs to another file, or the header was altered)',
    );
  return fileKey;
};

/**
 * The file key of a parsed header, unwrapped with one of the identities and checked against the
 * header MAC. Throws VaultError: WRONG_KEY when no identity opens it, CORRUPT when the header
 * was altered, UNSUPPORTED for a passphrase file (open those with age-scrypt.ts).
 */
export const unwrapFileKey = (h: ParsedHeader, identities: AgeIdentity | readonly AgeIdentity[]): Buffer => {
  const ids: readonly AgeIdentity[] = identities instanceof AgeIdentity ? [identities] : identities;
  if (h.stanzas.some((s) => s.type === 'scrypt'))
    throw new VaultError(
      'VAULT.UNSUPPORTED',
      'This file is sealed with a passphrase, not to the vault key; open it as a custody share',
    );
  const x25519Stanzas = h.stanzas.filter((s) => s.type === 'X25519');
  if (x25519Stanzas.length === 0)
    throw new VaultError('VAULT.UNSUPPORTED', 'The file has no X25519 recipient stanza');
  let fileKey: Buffer | null = null;
  for (const s of x25519Stanzas) {
    for (const id of ids) {
      fileKey = unwrapFileKeyX25519(s, id);
      if (fileKey !== null) break;
    }
    if (fileKey !== null) break;
  }
  if (fileKey === null)
    throw new VaultError('VAULT.WRONG_KEY', 'None of the supplied identities opens this file');
  if (!checkMac(h, fileKey))
    throw new VaultError('VAULT.CORRUPT', 'The header MAC does not match: the header was altered');
  return fileKey;
};

// ---- STREAM ----------------------------------------------------------------------------------

const streamNonce = (counter: number, last: boolean): Buffer => {
  if (counter >= MAX_CHUNKS) throw new VaultError('VAULT.IO_FAILED', 'The age STREAM counter is exhausted');
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  if (last) nonce[11] = 1;
  return nonce;
};

/** A FIFO of byte slices that hands out exact-size pieces, copying only when a piece spans slices. */
class ByteQueue {
  #parts: Buffer[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(b: Buffer): void {
    if (b.length === 0) return;
    this.#parts.push(b);
    this.#length += b.length;
  }

  take(n: number): Buffer {
    const first = this.#parts[0];
    if (first !== undefined && first.length >= n) {
      this.#length -= n;
      if (first.length === n) this.#parts.shift();
      else this.#parts[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.#parts[0];
      if (head === undefined) throw new Error('ByteQueue underflow');
      const k = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, k);
      filled += k;
      if (k === head.length) this.#parts.shift();
      else this.#parts[0] = head.subarray(k);
    }
    this.#length -= n;
    return out;
  }

  takeAll(): Buffer {
    return this.take(this.#length);
  }
}

const toBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Seals plaintext of any chunking into age bytes. Needs only recipients (public keys).
 * `update` takes ownership of the bytes passed in: do not modify them afterwards.
 * A full chunk is held back until more data arrives, so the last chunk is flagged even when the
 * plaintext is an exact multiple of 64 KiB (and the empty file is one empty last chunk).
 */
export class AgeEncryptor {
  readonly #payloadKey: Buffer;
  #preamble: Buffer | null;
  readonly #pending = new ByteQueue();
  #counter = 0;
  #finished = false;

  /** Recipients (public keys), or a file key already wrapped (a passphrase: age-scrypt.ts). */
  constructor(recipients: readonly AgeRecipient[] | WrappedFileKey) {
    let wrapped: WrappedFileKey;
    if ('fileKey' in recipients) wrapped = recipients;
    else {
      if (recipients.length === 0)
        throw new VaultError('VAULT.KEY_MISSING', 'At least one recipient is needed to seal');
      const fileKey = randomBytes(FILE_KEY_SIZE);
      wrapped = { fileKey, stanzas: recipients.map((r) => wrapFileKeyX25519(fileKey, r)) };
    }
    const { fileKey } = wrapped;
    const header = marshalHeader(wrapped.stanzas, fileKey);
    const nonce = randomBytes(PAYLOAD_NONCE_SIZE);
    this.#payloadKey = hkdf(fileKey, nonce, 'payload');
    this.#preamble = Buffer.concat([header, nonce]);
  }

  #out(): Buffer[] {
    const out: Buffer[] = [];
    if (this.#preamble !== null) {
      out.push(this.#preamble);
      this.#preamble = null;
    }
    return out;
  }

  update(data: Uint8Array): Buffer[] {
    if (this.#finished) throw new VaultError('VAULT.WRITER_CLOSED', 'The encryptor is already finished');
    const out = this.#out();
    this.#pending.push(toBuffer(data));
    while (this.#pending.length > CHUNK_SIZE) {
      out.push(
        ...sealAead(this.#payloadKey, streamNonce(this.#counter, false), this.#pending.take(CHUNK_SIZE)),
      );
      this.#counter++;
    }
    return out;
  }

  final(): Buffer[] {
    if (this.#finished) throw new VaultError('VAULT.WRITER_CLOSED', 'The encryptor is already finished');
    this.#finished = true;
    const out = this.#out();
    out.push(...sealAead(this.#payloadKey, streamNonce(this.#counter, true), this.#pending.takeAll()));
    return out;
  }
}

/**
 * Opens age bytes fed in any chunking; like the encryptor, `update` takes ownership of its input.
 * Output is released only after each chunk authenticates, and `final` throws VAULT.TRUNCATED if
 * the last-chunk flag never came — so a consumer must treat the plaintext as complete only when
 * `final` returned.
 */
export class AgeDecryptor {
  readonly #key: AgeKey;
  readonly #pending = new ByteQueue();
  #headerBuf: Buffer | null = Buffer.alloc(0);
  #payloadKey: Buffer | null = null;
  #fileKey: Buffer | null = null;
  #counter = 0;
  #done = false;

  constructor(key: AgeKey) {
    this.#key = key;
    if (Array.isArray(key) && key.length === 0)
      throw new VaultError('VAULT.KEY_MISSING', 'At least one identity is needed to open a vault file');
  }

  #openHeader(h: ParsedHeader): void {
    const key = this.#key;
    this.#fileKey = 'fileKey' in key ? checkFileKey(h, toBuffer(key.fileKey)) : unwrapFileKey(h, key);
  }

  update(data: Uint8Array): Buffer[] {
    if (this.#done) throw new VaultError('VAULT.CORRUPT', 'Data after the end of the age payload');
    if (this.#headerBuf !== null) {
      // No copy when the header arrives whole in the first piece (the usual case, and whole files).
      const buf =
        this.#headerBuf.length === 0 ? toBuffer(data) : Buffer.concat([this.#headerBuf, toBuffer(data)]);
      const h = parseHeader(buf);
      if (h === null) {
        this.#headerBuf = buf;
        return [];
      }
      this.#openHeader(h);
      this.#headerBuf = null;
      this.#pending.push(buf.subarray(h.length));
    } else {
      this.#pending.push(toBuffer(data));
    }
    if (this.#payloadKey === null) {
      if (this.#pending.length < PAYLOAD_NONCE_SIZE || this.#fileKey === null) return [];
      this.#payloadKey = hkdf(this.#fileKey, this.#pending.take(PAYLOAD_NONCE_SIZE), 'payload');
    }
    const out: Buffer[] = [];
    // A full-size chunk may be the last one; only a following byte proves it is not.
    while (this.#pending.length > ENC_CHUNK_SIZE) {
      const sealed = this.#pending.take(ENC_CHUNK_SIZE);
      const pt = openAead(this.#payloadKey, streamNonce(this.#counter, false), sealed);
      if (pt === null) {
        if (openAead(this.#payloadKey, streamNonce(this.#counter, true), sealed) !== null) {
          throw new VaultError('VAULT.CORRUPT', 'Trailing data after the last chunk', {
            chunk: this.#counter,
          });
        }
        throw new VaultError('VAULT.CORRUPT', `Chunk ${this.#counter} failed authentication`, {
          chunk: this.#counter,
        });
      }
      out.push(pt);
      this.#counter++;
    }
    return out;
  }

  final(): Buffer[] {
    if (this.#done) return [];
    if (this.#headerBuf !== null) {
      throw new VaultError('VAULT.TRUNCATED', 'The file ends inside the age header');
    }
    if (this.#payloadKey === null)
      throw new VaultError('VAULT.TRUNCATED', 'The file ends before the payload nonce');
    const rest = this.#pending.takeAll();
    if (rest.length === 0) {
      throw new VaultError('VAULT.TRUNCATED', 'The last chunk is missing: the file was cut short', {
        chunks: this.#counter,
      });
    }
    if (rest.length < TAG_SIZE)
      throw new VaultError('VAULT.TRUNCATED', 'The last chunk is cut short', { chunk: this.#counter });
    const pt = openAead(this.#payloadKey, streamNonce(this.#counter, true), rest);
    if (pt === null) {
      if (
        rest.length === ENC_CHUNK_SIZE &&
        openAead(this.#payloadKey, streamNonce(this.#counter, false), rest) !== null
      ) {
        throw new VaultError(
          'VAULT.TRUNCATED',
          'The file ends after a chunk that is not flagged last: it was cut short',
          { chunks: this.#counter + 1 },
        );
      }
      throw new VaultError('VAULT.CORRUPT', `Chunk ${this.#counter} (the last) failed authentication`, {
        chunk: this.#counter,
      });
    }
    if (pt.length === 0 && this.#counter > 0) {
      throw new VaultError('VAULT.CORRUPT', 'An empty last chunk after full chunks is not valid age');
    }
    this.#done = true;
    return pt.length === 0 ? [] : [pt];
  }
}

// ---- conveniences ----------------------------------------------------------------------------

export const encryptBytes = (
  recipients: readonly AgeRecipient[] | WrappedFileKey,
  plaintext: Uint8Array,
): Buffer => {
  const enc = new AgeEncryptor(recipients);
  return Buffer.concat([...enc.update(plaintext), ...enc.final()]);
};

export const decryptBytes = (key: AgeKey, file: Uint8Array): Result<Buffer, VaultErrorCode> => {
  try {
    const dec = new AgeDecryptor(key);
    return ok(Buffer.concat([...dec.update(file), ...dec.final()]));
  } catch (e) {
    if (e instanceof VaultError) return err(e.error.code, e.error.message, e.error.details);
    throw e;
  }
};

/** Decrypts an async source of age bytes into authenticated plaintext pieces. */
export async function* decryptIterable(
  source: AsyncIterable<Uint8Array>,
  key: AgeKey,
): AsyncGenerator<Buffer> {
  const dec = new AgeDecryptor(key);
  for await (const piece of source) yield* dec.update(piece);
  yield* dec.final();
}

const transformOf = (step: (b: Uint8Array) => Buffer[], end: () => Buffer[]): Transform =>
  new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      try {
        for (const b of step(chunk)) this.push(b);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        for (const b of end()) this.push(b);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });

/** plaintext in → age bytes out; the last chunk is flagged when the writable side ends. */
export const createEncryptStream = (recipients: readonly AgeRecipient[]): Transform => {
  const enc = new AgeEncryptor(recipients);
  return transformOf(
    (b) => enc.update(b),
    () => enc.final(),
  );
};

/** age bytes in → plaintext out; errors with a VaultError (header MAC, chunk tag, truncation). */
export const createDecryptStream = (key: AgeKey): Transform => {
  const dec = new AgeDecryptor(key);
  return transformOf(
    (b) => dec.update(b),
    () => dec.final(),
  );
};

/** The plaintext size of an age payload (nonce + sealed chunks, header excluded) of a given size. */
export const plaintextSize = (payloadBytes: number): number => {
  const sealed = payloadBytes - PAYLOAD_NONCE_SIZE;
  const chunks = Math.max(1, Math.ceil(sealed / ENC_CHUNK_SIZE));
  return Math.max(0, sealed - chunks * TAG_SIZE);
};

/** The exact size of an age payload for a plaintext size (header excluded). */
export const payloadSize = (plaintextBytes: number): number => {
  const chunks = Math.max(1, Math.ceil(plaintextBytes / CHUNK_SIZE));
  return PAYLOAD_NONCE_SIZE + plaintextBytes + chunks * TAG_SIZE;
};
