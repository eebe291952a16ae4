/**
 * The rules of key custody (ADR 0003 §6): the vault identity is split k of n with Shamir's secret
 * sharing, one share per custodian, so no single person — administrator with root included — can
 * open a clip. Pure: which plans are valid, who may be enrolled, which shares may be combined, and
 * what a re-share changes. The cryptography (split, seal, combine) lives in adapters/vault.
 */
import { err, ok, type Result } from '../result.js';
import type { CustodyErrorCode } from './errors.js';

/** More custodians only make gathering them harder; ten covers any municipality's board. */
export const MAX_CUSTODIANS = 10;
/** One share alone must never open the vault: that is the point of custody. */
export const MIN_THRESHOLD = 2;
/** Two of three: the security coordinator, the DPO and a third such as the municipal secretary. */
export const DEFAULT_PLAN: CustodyPlan = { custodians: 3, threshold: 2 };
/**
 * A sealed share is stored on the server, so its passphrase must resist an offline guess at
 * scrypt's cost (about a second per guess): twelve characters is the floor, a sentence is better.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1000;

export interface CustodyPlan {
  /** n: how many custodians hold a share. */
  readonly custodians: number;
  /** k: how many shares open the vault. */
  readonly threshold: number;
}

/** Who is enrolled, and how their share is sealed. */
export interface Enrolment {
  readonly username: string;
  /** null: sealed with a passphrase the custodian sets; else the custodian's own `age1…` recipient. */
  readonly recipient: string | null;
}

/** What a share says about itself (inside its sealed file, so it is authenticated). */
export interface ShareInfo {
  /** The vault key's recipient (`age1…`): the vault's public identity. */
  readonly vault: string;
  /** Which share set: 1 at enrolment, one more at every re-share. */
  readonly generation: number;
  readonly threshold: number;
  /** n: the size of the share set. */
  readonly shares: number;
  /** 1…n, the custodian's place in the set. */
  readonly index: number;
  readonly custodianId: string;
  /** The custodian's username when the share was made (for messages; the id is what counts). */
  readonly custodian: string;
}

/** The share set that is in force for a vault, as the database knows it. */
export interface CurrentShareSet {
  readonly vault: string;
  readonly generation: number;
  readonly threshold: number;
  readonly shares: number;
}

const INTEGER = /^[0-9]{1,3}$/;

const invalidPlan = (message: string, field: string): Result<never, CustodyErrorCode> =>
  err('CUSTODY.INVALID_PLAN', message, { field });

/** `--custodians N --threshold K` as typed (absent: the default 2 of 3). */
export const parsePlan = (input: {
  readonly custodians?: string | undefined;
  readonly threshold?: string | undefined;
}): Result<CustodyPlan, CustodyErrorCode> => {
  const n = input.custodians ?? String(DEFAULT_PLAN.custodians);
  const k = input.threshold ?? String(DEFAULT_PLAN.threshold);
  if (!INTEGER.test(n)) return invalidPlan(`--custodians must be a whole number, not "${n}"`, 'custodians');
  if (!INTEGER.test(k)) return invalidPlan(`--threshold must be a whole number, not "${k}"`, 'threshold');
  return checkPlan({ custodians: Number(n), threshold: Number(k) });
};

export const checkPlan = (plan: CustodyPlan): Result<CustodyPlan, CustodyErrorCode> => {
  const { custodians: n, threshold: k } = plan;
  if (!Number.isInteger(n) || !Number.isInteger(k))
    return invalidPlan('custodians and threshold must be whole numbers', 'custodians');
  if (k < MIN_THRESHOLD)
    return invalidPlan(
      `the threshold must be at least ${MIN_THRESHOLD}: one custodian alone must never open the vault`,
      'threshold',
    );
  if (k > n)
    return invalidPlan(
      `the threshold (${k}) cannot exceed the number of custodians (${n}): the vault could never be opened`,
      'threshold',
    );
  if (n > MAX_CUSTODIANS) return invalidPlan(`at most ${MAX_CUSTODIANS} custodians`, 'custodians');
  return ok({ custodians: n, threshold: k });
};

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** `--custodian USER` (passphrase) or `--custodian USER=age1…` (the custodian's own key). */
export const parseEnrolment = (text: string): Result<Enrolment, CustodyErrorCode> => {
  const eq = text.indexOf('=');
  const username = (eq < 0 ? text : text.slice(0, eq)).trim();
  const recipient = eq < 0 ? null : text.slice(eq + 1).trim();
  if (!USERNAME.test(username))
    return err('CUSTODY.CUSTODIAN_INVALID', `"${username}" is not a username`, { field: 'custodian' });
  if (recipient !== null && !recipient.startsWith('age1'))
    return err(
      'CUSTODY.CUSTODIAN_INVALID',
      `--custodian ${username}=… needs the custodian's age public key (age1…)`,
      { field: 'custodian', username },
    );
  return ok({ username, recipient });
};

/** Every custodian named once, as many as the plan says, and no age key for two people. */
export const checkEnrolments = (
  plan: CustodyPlan,
  enrolments: readonly Enrolment[],
): Result<readonly Enrolment[], CustodyErrorCode> => {
  if (enrolments.length !== plan.custodians)
    return invalidPlan(
      `${plan.custodians} custodians were planned but ${enrolments.length} named (--custodian, once each)`,
      'custodian',
    );
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const e of enrolments) {
    if (names.has(e.username))
      return err('CUSTODY.CUSTODIAN_INVALID', `${e.username} is named twice: one share per person`, {
        field: 'custodian',
        username: e.username,
      });
    names.add(e.username);
    if (e.recipient !== null) {
      if (keys.has(e.recipient))
        return err(
          'CUSTODY.CUSTODIAN_INVALID',
          'two custodians name the same age key: whoever holds it would hold two shares',
          { field: 'custodian', username: e.username },
        );
      keys.add(e.recipient);
    }
  }
  return ok(enrolments);
};

/** Length only: whatever the custodian can type reliably, as long as it is long. */
export const checkPassphrase = (passphrase: string): Result<string, CustodyErrorCode> => {
  const length = [...passphrase].length;
  if (passphrase.trim().length === 0 || length < MIN_PASSPHRASE_LENGTH)
    return err(
      'CUSTODY.WEAK_PASSPHRASE',
      `a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easiest to remember`,
      { field: 'passphrase' },
    );
  if (length > MAX_PASSPHRASE_LENGTH)
    return err('CUSTODY.WEAK_PASSPHRASE', `a passphrase has at most ${MAX_PASSPHRASE_LENGTH} characters`, {
      field: 'passphrase',
    });
  return ok(passphrase);
};

/**
 * Which of the given shares to combine: all of one share set of the expected vault, the one in
 * force when the database knows it, no share twice, at least the threshold. Returns exactly
 * threshold shares (more are not needed), in index order.
 */
export const selectShares = <T extends { readonly info: ShareInfo }>(
  given: readonly T[],
  expect: { readonly vault: string; readonly current?: CurrentShareSet | undefined },
): Result<T[], CustodyErrorCode> => {
  const first = given[0]?.info;
  if (first === undefined) return err('CUSTODY.NOT_ENOUGH_SHARES', 'no share was given', { have: 0 });
  const foreign = given.find((s) => s.info.vault !== expect.vault);
  if (foreign !== undefined)
    return err(
      'CUSTODY.WRONG_VAULT',
      `the share of ${foreign.info.custodian} belongs to vault key ${foreign.info.vault}, not ${expect.vault}`,
      { index: foreign.info.index, vault: foreign.info.vault },
    );
  const odd = given.find(
    (s) =>
      s.info.generation !== first.generation ||
      s.info.threshold !== first.threshold ||
      s.info.shares !== first.shares,
  );
  if (odd !== undefined)
    return err(
      'CUSTODY.MIXED_SHARES',
      `the shares come from different share sets (generation ${first.generation} and ${odd.info.generation}); use shares of the current set only`,
      { generations: [first.generation, odd.info.generation] },
    );
  const current = expect.current;
  if (current !== undefined && first.generation !== current.generation)
    return err(
      'CUSTODY.STALE_SHARE',
      first.generation < current.generation
        ? `these shares are of generation ${first.generation}, replaced by generation ${current.generation} at a re-share; ask the custodians for their current shares`
        : `these shares claim generation ${first.generation}, newer than the ${current.generation} this database knows (was it restored from an old backup?)`,
      { generation: first.generation, current: current.generation },
    );
  const seen = new Set<number>();
  for (const s of given) {
    if (seen.has(s.info.index))
      return err('CUSTODY.DUPLICATE_SHARE', `share ${s.info.index} (${s.info.custodian}) was given twice`, {
        index: s.info.index,
      });
    seen.add(s.info.index);
  }
  if (given.length < first.threshold)
    return err(
      'CUSTODY.NOT_ENOUGH_SHARES',
      `${given.length} of the ${first.threshold} shares needed; ask another custodian`,
      { have: given.length, need: first.threshold },
    );
  return ok([...given].sort((a, b) => a.info.index - b.info.index).slice(0, first.threshold));
};

/** The share set a new split makes: generation 1 at enrolment, the next one at a re-share. */
export const nextShareSet = (
  vault: string,
  plan: CustodyPlan,
  current: CurrentShareSet | undefined,
): CurrentShareSet => ({
  vault,
  generation: (current?.generation ?? 0) + 1,
  threshold: plan.threshold,
  shares: plan.custodians,
});

/** Who stays, leaves and joins at a re-share (user ids, in the order given). */
export const custodianChanges = (
  before: readonly string[],
  after: readonly string[],
): { readonly stay: string[]; readonly leave: string[]; readonly join: string[] } => ({
  stay: after.filter((id) => before.includes(id)),
  leave: before.filter((id) => !after.includes(id)),
  join: after.filter((id) => !before.includes(id)),
});
