/**
 * Anchors of the audit chain's head, kept outside the database. The chain alone cannot show that
 * its newest entries (or all of them) were cut off: a shorter chain is still a valid chain. An
 * anchor file holds, one JSON object per line, the head {seq, hash} at a moment, signed with an
 * Ed25519 key kept outside the database. Verification checks that every anchored head is still in
 * the chain with the same hash, and that every signature holds. Pure: signature checking is
 * deterministic computation over the given public key; reading the file and the chain is the
 * caller's work.
 */
import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import { canonicalJson } from './chain.js';

export const ANCHOR_VERSION = 1;

/** One line of the anchor file. */
export interface AnchorRecord {
  readonly v: typeof ANCHOR_VERSION;
  /** The chain head's sequence number and hash when anchored. */
  readonly seq: number;
  readonly hash: string;
  /** When it was anchored (ISO-8601 UTC). */
  readonly at: string;
  /** Which key signed it: the first 16 hex digits of SHA-256 over the public key (SPKI DER). */
  readonly key: string;
  /** Ed25519 signature (base64url) over anchorPayload(record). */
  readonly sig: string;
}

export type UnsignedAnchor = Omit<AnchorRecord, 'sig'>;

/** The signed bytes: canonical JSON of every field except the signature. */
export const anchorPayload = (a: UnsignedAnchor): string =>
  canonicalJson({ v: a.v, seq: a.seq, hash: a.hash, at: a.at, key: a.key });

/** The line appended to the anchor file (JSON lines; fixed field order for people reading it). */
export const formatAnchorLine = (r: AnchorRecord): string =>
  `${JSON.stringify({ v: r.v, seq: r.seq, hash: r.hash, at: r.at, key: r.key, sig: r.sig })}\n`;

export const anchorKeyId = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

const HASH_RE = /^[0-9a-f]{64}$/;

const asRecord = (value: unknown): AnchorRecord | undefined => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const ok =
    o.v === ANCHOR_VERSION &&
    typeof o.seq === 'number' &&
    Number.isSafeInteger(o.seq) &&
    o.seq >= 1 &&
    typeof o.hash === 'string' &&
    HASH_RE.test(o.hash) &&
    typeof o.at === 'string' &&
    typeof o.key === 'string' &&
    typeof o.sig === 'string';
  return ok ? (value as AnchorRecord) : undefined;
};

export type AnchorLine =
  | { readonly line: number; readonly ok: true; readonly record: AnchorRecord }
  | { readonly line: number; readonly ok: false; readonly detail: string };

/** Splits the file into numbered lines (1-based); blank lines are skipped, bad ones reported. */
export const parseAnchorFile = (text: string): AnchorLine[] =>
  text.split('\n').flatMap((raw, i): AnchorLine[] => {
    if (raw.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return [{ line: i + 1, ok: false, detail: 'not valid JSON' }];
    }
    const record = asRecord(value);
    return record
      ? [{ line: i + 1, ok: true, record }]
      : [{ line: i + 1, ok: false, detail: 'not an anchor record (v, seq, hash, at, key, sig)' }];
  });

/** The sequence numbers the chain must be read at to check the file. */
export const anchoredSeqs = (lines: readonly AnchorLine[]): Set<number> =>
  new Set(lines.flatMap((l) => (l.ok ? [l.record.seq] : [])));

export interface AnchorRef {
  readonly line: number;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

export interface AnchorProblem {
  /**
   * truncated: an anchored entry is no longer in the chain (the newest entries, or all, were cut);
   * rewritten: the chain holds the anchored entry with another hash;
   * anchor-signature: a line's signature does not hold under the key (forged or foreign line);
   * anchor-unreadable: a line is not an anchor record.
   */
  readonly kind: 'truncated' | 'rewritten' | 'anchor-signature' | 'anchor-unreadable';
  /** The anchored sequence number (0 when the line could not be read). */
  readonly seq: number;
  readonly line: number;
  readonly detail: string;
}

export interface AnchorCheck {
  readonly ok: boolean;
  /** Lines that were checked and hold. */
  readonly anchors: number;
  /** The newest anchor (by line) before the first problem that still holds; null when none. */
  readonly lastGood: AnchorRef | null;
  readonly problem?: AnchorProblem;
}

const ref = (line: number, r: AnchorRecord): AnchorRef => ({ line, seq: r.seq, hash: r.hash, at: r.at });

const signatureHolds = (r: AnchorRecord, publicKey: KeyObject): boolean => {
  try {
    return verifySignature(null, Buffer.from(anchorPayload(r)), publicKey, Buffer.from(r.sig, 'base64url'));
  } catch {
    return false;
  }
};

/**
 * Checks the anchor lines in file order against the chain and stops at the first problem.
 * `chainHashes` maps each anchored seq to the hash the chain holds there (absent when the chain
 * has no such entry); `chainHead` is the chain's newest seq (0 when empty).
 */
export const checkAnchors = (input: {
  readonly lines: readonly AnchorLine[];
  readonly publicKey: KeyObject;
  readonly chainHashes: ReadonlyMap<number, string>;
  readonly chainHead: number;
}): AnchorCheck => {
  const keyId = anchorKeyId(input.publicKey);
  let lastGood: AnchorRef | null = null;
  let anchors = 0;
  const fail = (problem: Omit<AnchorProblem, 'detail'>, what: string): AnchorCheck => {
    const since = lastGood
      ? `last good anchor: entry ${lastGood.seq} at ${lastGood.at} (line ${lastGood.line})`
      : 'no earlier anchor holds';
    return { ok: false, anchors, lastGood, problem: { ...problem, detail: `${what}; ${since}` } };
  };
  for (const l of input.lines) {
    if (!l.ok)
      return fail(
        { kind: 'anchor-unreadable', seq: 0, line: l.line },
        `anchor line ${l.line} is ${l.detail}`,
      );
    const r = l.record;
    if (r.key !== keyId || !signatureHolds(r, input.publicKey)) {
      const why =
        r.key !== keyId ? `was signed by key ${r.key}, not ${keyId}` : 'has a signature that does not hold';
      return fail({ kind: 'anchor-signature', seq: r.seq, line: l.line }, `anchor line ${l.line} ${why}`);
    }
    const stored = input.chainHashes.get(r.seq);
    if (stored === undefined) {
      const ends =
        input.chainHead === 0 ? 'the chain is empty' : `the chain ends at entry ${input.chainHead}`;
      return fail(
        { kind: 'truncated', seq: r.seq, line: l.line },
        `entry ${r.seq}, anchored at ${r.at} (line ${l.line}), is missing: ${ends}`,
      );
    }
    if (stored !== r.hash) {
      return fail(
        { kind: 'rewritten', seq: r.seq, line: l.line },
        `entry ${r.seq} does not have the hash anchored at ${r.at} (line ${l.line})`,
      );
    }
    anchors += 1;
    lastGood = ref(l.line, r);
  }
  return { ok: true, anchors, lastGood };
};
