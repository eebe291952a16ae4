/**
 * The cryptography of key custody (ADR 0003 §6; the rules are core/custody): the vault identity
 * is split with Shamir's secret sharing — the audited `shamir-secret-sharing` package, not a split
 * of our own — and each share is sealed for its custodian as a standard age file, with a
 * passphrase (scrypt) or to the custodian's own age key (X25519).
 *
 * The identity exists only inside `withVaultIdentity`: rebuilt from k shares, used for one task
 * (re-split it, or unwrap one clip's file keys), and wiped. `fileKeysFromShares` is the whole
 * path the server will take for four-eyes viewing (issue 10 §2): shares in, the file keys of one
 * clip's parts out, nothing else.
 */
import { combine, split } from 'shamir-secret-sharing';
import { decryptBytes, encryptBytes, parseHeader, unwrapFileKey } from './age-format.js';
import { decryptWithPassphrase, encryptWithPassphrase } from './age-scrypt.js';
import type { ClipPartHeader } from './clip-store.js';
import { AgeIdentity, type AgeRecipient } from './keys.js';
import { VaultError } from './vault-result.js';
import { selectShares, type CurrentShareSet, type ShareInfo } from '../../core/custody/custody.js';
import type { CustodyErrorCode } from '../../core/custody/errors.js';
import {
  decodeShareDocument,
  encodeShareDocument,
  type ShareDocument,
} from '../../core/custody/share-document.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import { err, ok, type Result } from '../../core/result.js';

type CustodyResult<T> = Result<T, VaultErrorCode | CustodyErrorCode>;

/** A share is the 32-byte X25519 scalar plus the one-byte x coordinate of the package's format. */
const SHARE_BYTES = 33;

/** How a share is sealed for its custodian. */
export type ShareSealing = { readonly passphrase: string } | { readonly recipient: AgeRecipient };

/** What opens a sealed share: the custodian's passphrase, or their own age identities. */
export type ShareKey = { readonly passphrase: string } | { readonly identities: readonly AgeIdentity[] };

export interface ShareHolder {
  readonly custodianId: string;
  readonly username: string;
  readonly sealing: ShareSealing;
}

export interface SealedShare {
  readonly index: number;
  readonly custodianId: string;
  readonly sealing: 'passphrase' | 'age-recipient';
  /** The custodian's `age1…` for a key-sealed share; null for a passphrase. */
  readonly sealedTo: string | null;
  /** A complete age file; useless alone, so it may be stored on the server. */
  readonly sealed: Buffer;
}

/** Splits the identity into one share per holder (in order: index 1…n) and seals each. */
export const splitAndSeal = async (
  identity: AgeIdentity,
  set: CurrentShareSet,
  holders: readonly ShareHolder[],
  options: { readonly workFactor?: number } = {},
): Promise<SealedShare[]> => {
  if (holders.length !== set.shares) throw new Error('one holder per share');
  // The package insists on a plain Uint8Array (not a Buffer); a copy we wipe right after.
  const secret = new Uint8Array(identity.secretKey);
  let shares: Uint8Array[];
  try {
    shares = await split(secret, set.shares, set.threshold);
  } finally {
    secret.fill(0);
  }
  const sealed: SealedShare[] = [];
  try {
    // One at a time: each scrypt takes a quarter of a GiB for about a second.
    for (const [i, holder] of holders.entries()) {
      const info: ShareInfo = {
        vault: set.vault,
        generation: set.generation,
        threshold: set.threshold,
        shares: set.shares,
        index: i + 1,
        custodianId: holder.custodianId,
        custodian: holder.username,
      };
      const doc = encodeShareDocument(info, shares[i] ?? new Uint8Array(0));
      try {
        const s = holder.sealing;
        sealed.push({
          index: info.index,
          custodianId: holder.custodianId,
          sealing: 'passphrase' in s ? 'passphrase' : 'age-recipient',
          sealedTo: 'passphrase' in s ? null : s.recipient.text,
          sealed:
            'passphrase' in s
              ? await encryptWithPassphrase(s.passphrase, doc, options)
              : encryptBytes([s.recipient], doc),
        });
      } finally {
        doc.fill(0);
      }
    }
  } finally {
    for (const s of shares) s.fill(0);
  }
  return sealed;
};

/** How a sealed share opens, read from its header without opening it. */
export const sealingOf = (sealed: Uint8Array): CustodyResult<'passphrase' | 'age-recipient'> => {
  try {
    const h = parseHeader(Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength));
    if (h === null) return err('CUSTODY.SHARE_INVALID', 'not a vault share: the file is cut short');
    if (h.stanzas.length === 1 && h.stanzas[0]?.type === 'scrypt') return ok('passphrase');
    if (h.stanzas.every((s) => s.type === 'X25519')) return ok('age-recipient');
    return err('CUSTODY.SHARE_INVALID', 'not a vault share: sealed in a way Proportio does not use');
  } catch (e) {
    if (e instanceof VaultError) return err('CUSTODY.SHARE_INVALID', `not a vault share: ${e.error.message}`);
    throw e;
  }
};

/**
 * Opens a sealed share. A wrong passphrase is VAULT.WRONG_PASSPHRASE, someone else's key
 * VAULT.WRONG_KEY. The returned share bytes are the caller's to wipe (`wipeShares`).
 */
export const openShare = async (sealed: Uint8Array, key: ShareKey): Promise<CustodyResult<ShareDocument>> => {
  const opened =
    'passphrase' in key
      ? await decryptWithPassphrase(key.passphrase, sealed)
      : decryptBytes(key.identities, sealed);
  if (!opened.ok) return opened;
  const doc = decodeShareDocument(opened.value);
  if (!doc.ok) opened.value.fill(0);
  return doc;
};

export const wipeShares = (docs: readonly ShareDocument[]): void => {
  for (const d of docs) d.share.fill(0);
};

/**
 * Rebuilds the vault identity from the shares (core's selectShares decides which may combine),
 * checks it against the vault's recipient, runs `use` with it and wipes it, whatever happens.
 * The given shares are wiped too: they are spent.
 */
export const withVaultIdentity = async <T, C extends VaultErrorCode | CustodyErrorCode>(
  docs: readonly ShareDocument[],
  expect: { readonly vault: string; readonly current?: CurrentShareSet | undefined },
  use: (identity: AgeIdentity) => Promise<Result<T, C>> | Result<T, C>,
): Promise<Result<T, C | CustodyErrorCode>> => {
  const parts: Uint8Array[] = [];
  let identity: AgeIdentity | null = null;
  try {
    const chosen = selectShares(docs, expect);
    if (!chosen.ok) return chosen;
    for (const d of chosen.value) {
      if (d.share.length !== SHARE_BYTES)
        return err(
          'CUSTODY.SHARE_INVALID',
          `share ${d.info.index} has ${d.share.length} bytes, not ${SHARE_BYTES}`,
        );
      parts.push(new Uint8Array(d.share));
    }
    let secret: Uint8Array;
    try {
      secret = await combine(parts);
    } catch {
      // Two shares with the same x coordinate: copies of one share under different labels.
      return err('CUSTODY.COMBINE_FAILED', 'the shares cannot be combined: two of them are the same share');
    }
    try {
      identity = new AgeIdentity(secret);
    } finally {
      secret.fill(0);
    }
    // Shamir gives *a* value for any k inputs; only the recipient tells whether it is the key.
    if (identity.recipient.text !== expect.vault)
      return err(
        'CUSTODY.COMBINE_FAILED',
        'the shares do not rebuild the vault key: one of them is damaged or forged',
      );
    return await use(identity);
  } finally {
    identity?.destroy();
    for (const p of parts) p.fill(0);
    wipeShares(docs);
  }
};

/**
 * The file keys of one clip's parts, unwrapped from their age headers with the vault identity:
 * all a viewing grant needs, and all it can open (issue 10 §2).
 */
export const unwrapFileKeys = (
  identity: AgeIdentity,
  headers: readonly ClipPartHeader[],
): Result<Map<string, Buffer>, VaultErrorCode> => {
  const keys = new Map<string, Buffer>();
  for (const p of headers) {
    try {
      const h = parseHeader(p.header);
      if (h === null) throw new VaultError('VAULT.TRUNCATED', 'The part ends inside its age header');
      keys.set(p.file, unwrapFileKey(h, identity));
    } catch (e) {
      wipeFileKeys(keys);
      if (e instanceof VaultError)
        return err(e.error.code, `${p.file}: ${e.error.message}`, { ...e.error.details, file: p.file });
      throw e;
    }
  }
  return ok(keys);
};

export const wipeFileKeys = (keys: ReadonlyMap<string, Buffer>): void => {
  for (const k of keys.values()) k.fill(0);
};

/** Shares in, one clip's file keys out; the vault identity exists only in between. */
export const fileKeysFromShares = (
  docs: readonly ShareDocument[],
  expect: { readonly vault: string; readonly current?: CurrentShareSet | undefined },
  headers: readonly ClipPartHeader[],
): Promise<CustodyResult<Map<string, Buffer>>> =>
  withVaultIdentity(docs, expect, (identity) => unwrapFileKeys(identity, headers));
