/**
 * age X25519 keys: the recipient (`age1…`, public, all the recorder ever holds) and the identity
 * (`AGE-SECRET-KEY-1…`, secret, needed only to view footage). Raw 32-byte keys are moved in and
 * out of node:crypto KeyObjects through fixed DER prefixes (RFC 8410), so no third-party curve code.
 */
import { createPrivateKey, createPublicKey, diffieHellman, randomBytes, type KeyObject } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { inspect } from 'node:util';
import { bech32Decode, bech32Encode } from './bech32.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { err, ok, type Result } from '../../core/result.js';

const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'AGE-SECRET-KEY-';
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export interface AgeRecipient {
  readonly type: 'X25519';
  /** The raw 32-byte Montgomery u-coordinate. */
  readonly publicKey: Buffer;
  /** The `age1…` string. */
  readonly text: string;
}

/** A secret key. It prints as its recipient only, so it cannot leak through logs or JSON. */
export class AgeIdentity {
  readonly #secretKey: Buffer;
  readonly recipient: AgeRecipient;

  constructor(secretKey: Uint8Array) {
    this.#secretKey = Buffer.from(secretKey);
    this.recipient = recipientFromPublicKey(publicKeyOf(this.#secretKey));
  }

  /** The raw 32-byte scalar; used only by the format code to unwrap file keys. */
  get secretKey(): Buffer {
    return this.#secretKey;
  }

  /**
   * Overwrites the secret with zeros: a vault key rebuilt from shares lives only as long as it
   * is needed (custody.ts). Best effort — a garbage-collected runtime may have copied it.
   */
  destroy(): void {
    this.#secretKey.fill(0);
  }

  /** The `AGE-SECRET-KEY-1…` string. Handle with care: whoever has it can open every clip. */
  encode(): string {
    return bech32Encode(IDENTITY_HRP, this.#secretKey, true);
  }

  toString(): string {
    return `AgeIdentity(${this.recipient.text})`;
  }

  toJSON(): { recipient: string } {
    return { recipient: this.recipient.text };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export const x25519PrivateKey = (secret: Uint8Array): KeyObject => {
  const der = Buffer.concat([PKCS8_X25519_PREFIX, secret]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0); // OpenSSL keeps its own copy; ours need not linger
  }
};

export const x25519PublicKey = (pub: Uint8Array): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, pub]), format: 'der', type: 'spki' });

export const rawPublicKey = (key: KeyObject): Buffer =>
  key.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519_PREFIX.length);

export const publicKeyOf = (secret: Uint8Array): Buffer =>
  rawPublicKey(createPublicKey(x25519PrivateKey(secret)));

/**
 * X25519(secret, point), or null when the result is all zero (a low-order point), which age
 * forbids. OpenSSL refuses that case itself by throwing; other failures still throw.
 */
export const x25519 = (secret: Uint8Array | KeyObject, point: Uint8Array): Buffer | null => {
  let shared: Buffer;
  try {
    shared = diffieHellman({
      privateKey: secret instanceof Uint8Array ? x25519PrivateKey(secret) : secret,
      publicKey: x25519PublicKey(point),
    });
  } catch (e) {
    if (e instanceof Error && /failed during derivation/.test(e.message)) return null;
    throw e;
  }
  return shared.every((x) => x === 0) ? null : shared;
};

/**
 * A low-order point gives an all-zero shared secret for every clamped scalar, so one trial with a
 * random scalar tells whether a recipient can ever be encrypted to.
 */
const isLowOrder = (pub: Uint8Array): boolean => x25519(randomBytes(32), pub) === null;

const recipientFromPublicKey = (publicKey: Buffer): AgeRecipient => ({
  type: 'X25519',
  publicKey,
  text: bech32Encode(RECIPIENT_HRP, publicKey),
});

/** Fail closed: an absent recipient is KEY_MISSING, anything that is not a usable `age1…` key is KEY_INVALID. */
export const parseRecipient = (text: string | null | undefined): Result<AgeRecipient, VaultErrorCode> => {
  const s = text?.trim() ?? '';
  if (s === '') return err('VAULT.KEY_MISSING', 'No vault recipient (age1…) is configured');
  const decoded = bech32Decode(s);
  if (decoded === null || decoded.hrp !== RECIPIENT_HRP) {
    return err('VAULT.KEY_INVALID', 'The vault recipient is not a valid age1… X25519 recipient');
  }
  if (decoded.bytes.length !== 32)
    return err('VAULT.KEY_INVALID', 'The vault recipient does not hold a 32-byte X25519 key');
  const publicKey = Buffer.from(decoded.bytes);
  if (isLowOrder(publicKey))
    return err('VAULT.KEY_INVALID', 'The vault recipient is a low-order point and cannot be encrypted to');
  return ok(recipientFromPublicKey(publicKey));
};

/** Parses one `AGE-SECRET-KEY-1…` string. Error messages never repeat the input: it may be a secret. */
export const parseIdentity = (text: string | null | undefined): Result<AgeIdentity, VaultErrorCode> => {
  const s = text?.trim() ?? '';
  if (s === '') return err('VAULT.KEY_MISSING', 'No vault identity (AGE-SECRET-KEY-1…) was supplied');
  const decoded = bech32Decode(s);
  if (decoded === null || decoded.hrp !== IDENTITY_HRP) {
    return err('VAULT.KEY_INVALID', 'The vault identity is not a valid AGE-SECRET-KEY-1… X25519 identity');
  }
  if (decoded.bytes.length !== 32)
    return err('VAULT.KEY_INVALID', 'The vault identity does not hold a 32-byte X25519 key');
  return ok(new AgeIdentity(decoded.bytes));
};

/**
 * A fresh X25519 identity: 32 random bytes, as age-keygen makes them (X25519 clamps any scalar).
 * Raw bytes rather than an exported JWK, so the secret never becomes an (unwipeable) string.
 */
export const generateIdentity = (): AgeIdentity => {
  const secret = randomBytes(32);
  try {
    return new AgeIdentity(secret);
  } finally {
    secret.fill(0);
  }
};

/** age-keygen's file format: two comments, then the key. RFC 3339 time, as age-keygen writes it. */
export const formatIdentityFile = (identity: AgeIdentity, createdAt: Date): string =>
  `# created: ${createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}\n# public key: ${identity.recipient.text}\n${identity.encode()}\n`;

/** Identity files may hold several keys, one a line; `#` lines and blank lines are ignored, as by age. */
export const parseIdentityFile = (text: string): Result<AgeIdentity[], VaultErrorCode> => {
  const identities: AgeIdentity[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parsed = parseIdentity(line);
    if (!parsed.ok)
      return err('VAULT.KEY_INVALID', `Line ${i + 1} of the identity file is not an age X25519 identity`, {
        line: i + 1,
      });
    identities.push(parsed.value);
  }
  if (identities.length === 0) return err('VAULT.KEY_INVALID', 'The identity file holds no identity');
  return ok(identities);
};

const errnoOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

export const readIdentityFile = async (path: string): Promise<Result<AgeIdentity[], VaultErrorCode>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT') return err('VAULT.KEY_MISSING', 'The identity file does not exist', { path });
    return err('VAULT.IO_FAILED', 'The identity file could not be read', { path, errno: code });
  }
  return parseIdentityFile(text);
};

/**
 * Writes a new identity file with mode 0600, in age-keygen's format. Proportio itself no longer
 * writes one (`vault init` splits the key among custodians); vaults made before custody have
 * such a file, and tests make one to stand for them. It never overwrites: replacing a vault key by
 * accident would make every clip sealed to the old one unreadable.
 */
export const writeIdentityFile = async (
  path: string,
  identity: AgeIdentity,
  createdAt = new Date(),
): Promise<Result<{ path: string; recipient: string }, VaultErrorCode>> => {
  let fh;
  try {
    fh = await open(path, 'wx', 0o600);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'EEXIST')
      return err('VAULT.KEY_EXISTS', 'Refusing to overwrite an existing key file', { path });
    return err('VAULT.IO_FAILED', 'The identity file could not be created', { path, errno: code });
  }
  try {
    await fh.chmod(0o600);
    await fh.writeFile(formatIdentityFile(identity, createdAt), 'utf8');
    await fh.sync();
  } catch (e) {
    // A half-written key file would look like a key and open nothing: remove it.
    await fh.close();
    await unlink(path).catch(() => undefined);
    return err('VAULT.IO_FAILED', 'The identity file could not be written', { path, errno: errnoOf(e) });
  }
  await fh.close();
  return ok({ path, recipient: identity.recipient.text });
};
