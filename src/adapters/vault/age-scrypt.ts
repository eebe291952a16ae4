/**
 * age's passphrase recipient (https://age-encryption.org/v1, "The scrypt recipient type"), on
 * node:crypto's scrypt: a custodian's share of the vault key is sealed with a passphrase they set,
 * in a file `age -d` opens with that passphrase (interop-tested against Debian's `age`).
 *
 *   -> scrypt <16-byte salt, base64> <log2 of the work factor>
 *   <ChaCha20-Poly1305(key, zero nonce, file key)>
 *   key = scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1)
 *
 * The stanza must be the only one in its header. Deriving the key is deliberately slow and runs
 * in libuv's thread pool (async scrypt), so a server that opens shares (issue 10 §2) keeps
 * answering alarms meanwhile.
 */
import { randomBytes, scrypt } from 'node:crypto';
import {
  AgeDecryptor,
  b64decode,
  b64encode,
  encryptBytes,
  FILE_KEY_SIZE,
  openAead,
  parseHeader,
  sealAead,
  TAG_SIZE,
  type Stanza,
} from './age-format.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { err, ok, type Result } from '../../core/result.js';
import { VaultError } from './vault-result.js';

/** age's own default (the Go reference and age-encryption): about a second on this machine. */
export const SCRYPT_WORK_FACTOR = 18;
/**
 * The most we accept when reading: 2^20 needs 1 GiB of memory. age stops at 22 (4 GiB), too much
 * for a small server; every share Proportio writes uses 18, as does `age -p`.
 */
export const MAX_SCRYPT_WORK_FACTOR = 20;
const SALT_SIZE = 16;
const LABEL = 'age-encryption.org/v1/scrypt';
const R = 8;
const DIGITS = /^[1-9][0-9]*$/;

const deriveKey = (passphrase: string, salt: Buffer, logN: number): Promise<Buffer> => {
  const secret = Buffer.from(passphrase, 'utf8');
  const N = 2 ** logN;
  return new Promise<Buffer>((resolve, reject) =>
    // maxmem: what OpenSSL's scrypt needs for these parameters (128·r·(N + p + 2)) and a little more.
    scrypt(
      secret,
      Buffer.concat([Buffer.from(LABEL), salt]),
      32,
      { N, r: R, p: 1, maxmem: 128 * R * (N + 4) },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  ).finally(() => secret.fill(0));
};

/** Wraps a file key for a passphrase. A work factor below age's default is for tests only. */
export const wrapFileKeyScrypt = async (
  fileKey: Uint8Array,
  passphrase: string,
  workFactor = SCRYPT_WORK_FACTOR,
): Promise<Stanza> => {
  if (!Number.isInteger(workFactor) || workFactor < 1 || workFactor > MAX_SCRYPT_WORK_FACTOR)
    throw new VaultError('VAULT.UNSUPPORTED', `An scrypt work factor of ${workFactor} is out of range`);
  if (passphrase.length === 0) throw new VaultError('VAULT.KEY_MISSING', 'The passphrase is empty');
  const salt = randomBytes(SALT_SIZE);
  const key = await deriveKey(passphrase, salt, workFactor);
  try {
    return {
      type: 'scrypt',
      args: [b64encode(salt), String(workFactor)],
      body: Buffer.concat(sealAead(key, Buffer.alloc(12), fileKey)),
    };
  } finally {
    key.fill(0);
  }
};

const malformed = (what: string): VaultError =>
  new VaultError('VAULT.CORRUPT', `Malformed scrypt stanza: ${what}`);

/**
 * The file key from a header's stanzas with a passphrase. Throws VaultError: WRONG_PASSPHRASE,
 * UNSUPPORTED (not a passphrase file, or a work factor above the bound), CORRUPT (a malformed
 * stanza, or an scrypt stanza next to others, which age forbids).
 */
export const unwrapFileKeyScrypt = async (
  stanzas: readonly Stanza[],
  passphrase: string,
  maxWorkFactor = MAX_SCRYPT_WORK_FACTOR,
): Promise<Buffer> => {
  const stanza = stanzas.find((s) => s.type === 'scrypt');
  if (stanza === undefined)
    throw new VaultError('VAULT.UNSUPPORTED', 'This file is not sealed with a passphrase');
  if (stanzas.length !== 1) throw malformed('an scrypt stanza must be the only one in the header');
  const [saltText, factorText] = stanza.args;
  if (stanza.args.length !== 2 || saltText === undefined || factorText === undefined)
    throw malformed('it needs a salt and a work factor');
  const salt = b64decode(saltText);
  if (salt === null || salt.length !== SALT_SIZE) throw malformed('bad salt');
  // Decimal without leading zeros or signs, as the spec asks; the length check keeps Number exact.
  if (!DIGITS.test(factorText) || factorText.length > 2) throw malformed('bad work factor');
  const logN = Number(factorText);
  if (logN > maxWorkFactor)
    throw new VaultError(
      'VAULT.UNSUPPORTED',
      `The scrypt work factor 2^${logN} is above the ${maxWorkFactor} this program accepts`,
      { workFactor: logN },
    );
  if (stanza.body.length !== FILE_KEY_SIZE + TAG_SIZE) throw malformed('bad body length');
  const key = await deriveKey(passphrase, salt, logN);
  try {
    const fileKey = openAead(key, Buffer.alloc(12), stanza.body);
    if (fileKey === null)
      throw new VaultError('VAULT.WRONG_PASSPHRASE', 'The passphrase does not open this file');
    return fileKey;
  } finally {
    key.fill(0);
  }
};

/** A whole small file (a custodian's share) sealed with a passphrase, as `age -p` would. */
export const encryptWithPassphrase = async (
  passphrase: string,
  plaintext: Uint8Array,
  options: { readonly workFactor?: number } = {},
): Promise<Buffer> => {
  const fileKey = randomBytes(FILE_KEY_SIZE);
  try {
    const stanza = await wrapFileKeyScrypt(fileKey, passphrase, options.workFactor);
    return encryptBytes({ fileKey, stanzas: [stanza] }, plaintext);
  } finally {
    fileKey.fill(0);
  }
};

/** Opens a small passphrase file in memory; the plaintext is the caller's to wipe. */
export const decryptWithPassphrase = async (
  passphrase: string,
  file: Uint8Array,
  options: { readonly maxWorkFactor?: number } = {},
): Promise<Result<Buffer, VaultErrorCode>> => {
  let fileKey: Buffer | null = null;
  try {
    const header = parseHeader(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    if (header === null) return err('VAULT.TRUNCATED', 'The file ends inside the age header');
    fileKey = await unwrapFileKeyScrypt(header.stanzas, passphrase, options.maxWorkFactor);
    const dec = new AgeDecryptor({ fileKey });
    const pieces = [...dec.update(file), ...dec.final()];
    const plaintext = Buffer.concat(pieces);
    for (const p of pieces) p.fill(0);
    return ok(plaintext);
  } catch (e) {
    if (!(e instanceof VaultError)) throw e;
    // The passphrase unwrapped the file key, so a MAC that does not match means an altered header.
    if (e.code === 'VAULT.WRONG_KEY')
      return err('VAULT.CORRUPT', 'The header MAC does not match: the header was altered');
    return err(e.error.code, e.error.message, e.error.details);
  } finally {
    fileKey?.fill(0);
  }
};
