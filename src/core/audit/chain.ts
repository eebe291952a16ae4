/**
 * The tamper-evident audit chain. Each entry's hash is SHA-256 over the previous entry's hash and
 * a canonical encoding of the entry, so altering, removing or reordering any entry breaks every
 * hash after it. Pure: hashing is deterministic computation, no I/O.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  readonly seq: number;
  readonly at: string; // ISO-8601 UTC
  readonly actor: string; // user id, 'system' or 'device:<id>'
  readonly action: string; // e.g. 'site.create'
  readonly subject: string; // e.g. 'site:<id>'
  /** Details without personal data of residents. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends AuditEntryContent {
  readonly prevHash: string;
  readonly hash: string;
  /**
   * Set when the stored row cannot be read as an entry (its details are not a JSON object);
   * details is then empty and `raw` holds the stored text. Verification reports it, never crashes.
   */
  readonly damage?: { readonly reason: string; readonly raw: string };
}

/**
 * Canonical JSON: object keys sorted by code point, no insignificant whitespace, numbers as JSON
 * numbers (modelled on RFC 8785 for the value types we store). undefined properties are dropped.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('audit details cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`audit details cannot hold a ${typeof value}`);
};

/**
 * Reads stored details: a JSON object that canonicalJson can encode. Anything else (not JSON, an
 * array, a number too large for a double) marks the row as damaged instead of throwing.
 */
export const readDetails = (
  raw: string,
): { ok: true; details: Record<string, unknown> } | { ok: false; reason: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'details are not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'details are not a JSON object' };
  try {
    canonicalJson(parsed);
  } catch {
    return { ok: false, reason: 'details hold a value that cannot be hashed' };
  }
  return { ok: true, details: parsed as Record<string, unknown> };
};

export const hashEntry = (prevHash: string, content: AuditEntryContent): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: content.seq,
        at: content.at,
        actor: content.actor,
        action: content.action,
        subject: content.subject,
        details: content.details,
      }),
    )
    .digest('hex');

export const link = (
  prev: { seq: number; hash: string } | undefined,
  content: Omit<AuditEntryContent, 'seq'>,
): AuditEntry => {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const full = { ...content, seq };
  return { ...full, prevHash, hash: hashEntry(prevHash, full) };
};

export type ChainProblem =
  | { kind: 'altered'; seq: number; detail: string }
  | { kind: 'removed'; seq: number; detail: string }
  | { kind: 'reordered'; seq: number; detail: string }
  | { kind: 'damaged'; seq: number; detail: string };

export interface VerifyState {
  readonly checked: number;
  readonly last: { seq: number; hash: string } | undefined;
}

export const initialVerifyState: VerifyState = { checked: 0, last: undefined };

/**
 * Checks one entry against the previous one. Streaming-friendly: feed entries in stored order
 * (by seq ascending) and stop at the first problem, which names the first bad entry.
 */
export const verifyStep = (
  state: VerifyState,
  entry: AuditEntry,
): { ok: true; state: VerifyState } | { ok: false; problem: ChainProblem } => {
  const expectedSeq = state.last ? state.last.seq + 1 : 1;
  const expectedPrev = state.last ? state.last.hash : GENESIS_HASH;
  if (entry.seq !== expectedSeq) {
    if (entry.seq > expectedSeq) {
      return {
        ok: false,
        problem: {
          kind: 'removed',
          seq: expectedSeq,
          detail: `entry ${expectedSeq} is missing; next stored entry is ${entry.seq}`,
        },
      };
    }
    return {
      ok: false,
      problem: {
        kind: 'reordered',
        seq: entry.seq,
        detail: `entry ${entry.seq} appears after ${expectedSeq - 1}`,
      },
    };
  }
  if (entry.damage) {
    return {
      ok: false,
      problem: {
        kind: 'damaged',
        seq: entry.seq,
        detail: `entry ${entry.seq} is damaged: ${entry.damage.reason}`,
      },
    };
  }
  if (entry.prevHash !== expectedPrev) {
    // The stored link does not point at the previous entry: something before it was removed/replaced
    // and the rest re-linked, or this entry was moved.
    return {
      ok: false,
      problem: {
        kind: 'reordered',
        seq: entry.seq,
        detail: `entry ${entry.seq} does not link to entry ${expectedSeq - 1}`,
      },
    };
  }
  if (hashEntry(entry.prevHash, entry) !== entry.hash) {
    return {
      ok: false,
      problem: { kind: 'altered', seq: entry.seq, detail: `entry ${entry.seq} does not match its hash` },
    };
  }
  return { ok: true, state: { checked: state.checked + 1, last: { seq: entry.seq, hash: entry.hash } } };
};

/** Whole-chain check for tests and small logs; the service streams with verifyStep. */
export const verifyChain = (
  entries: readonly AuditEntry[],
): { ok: true; checked: number } | { ok: false; problem: ChainProblem; checked: number } => {
  let state = initialVerifyState;
  for (const e of entries) {
    const r = verifyStep(state, e);
    if (!r.ok) return { ok: false, problem: r.problem, checked: state.checked };
    state = r.state;
  }
  return { ok: true, checked: state.checked };
};
