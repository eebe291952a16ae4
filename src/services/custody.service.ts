/**
 * Key custody use cases (issue 10 §1, docs/custody.md): enrol custodians with a first share set,
 * re-share to a new set, export one custodian's sealed share. Each validates with core/custody,
 * stores and audits in one transaction. Sealed shares arrive here as opaque bytes: splitting,
 * sealing and combining are the vault adapter's (adapters/vault/custody.ts), so no secret passes
 * through this file.
 */
import { custodianChanges, type CurrentShareSet } from '../core/custody/custody.js';
import { err, unwrap, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import type { CustodyStore, ShareRecord, ShareSealingKind } from './custody-ports.js';
import { actorRef, type Actor, type Clock, type UserRecord } from './ports.js';
import { inTransaction } from './transaction.js';

export interface CustodyDeps {
  readonly store: CustodyStore;
  readonly clock: Clock;
}

/** A sealed share as the vault adapter made it, for the custodian at `index` of the new set. */
export interface NewShare {
  readonly index: number;
  readonly custodianId: string;
  readonly sealing: ShareSealingKind;
  readonly sealedTo: string | null;
  readonly sealed: Uint8Array;
}

export interface CustodianShare extends ShareRecord {
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
}

export interface CustodyStatus {
  readonly set: CurrentShareSet;
  readonly shares: readonly CustodianShare[];
}

type Repos = Parameters<Parameters<CustodyStore['transaction']>[0]>[0];

const setOf = (rows: readonly ShareRecord[]): CurrentShareSet | undefined => {
  const first = rows[0];
  return first === undefined
    ? undefined
    : { vault: first.vault, generation: first.generation, threshold: first.threshold, shares: first.shares };
};

export const custodyService = ({ store, clock }: CustodyDeps) => {
  const now = () => clock.now().toISOString();

  /** A custodian is an existing, enabled account. */
  const mayHold = (u: UserRecord | undefined, name: string): UserRecord => {
    if (u === undefined)
      return unwrap(err('CUSTODY.CUSTODIAN_INVALID', `there is no account "${name}"`, { username: name }));
    if (u.disabled)
      return unwrap(
        err('CUSTODY.CUSTODIAN_INVALID', `${u.username} is disabled and cannot hold a share`, {
          username: u.username,
        }),
      );
    return u;
  };

  const custodiansNamed = async (repos: Repos, usernames: readonly string[]): Promise<UserRecord[]> => {
    const users: UserRecord[] = [];
    for (const n of usernames) users.push(mayHold(await repos.users.findByUsername(n), n));
    return users;
  };

  const custodiansWithIds = async (repos: Repos, ids: readonly string[]): Promise<UserRecord[]> => {
    const users: UserRecord[] = [];
    for (const id of ids) users.push(mayHold(await repos.users.get(id), id));
    return users;
  };

  const statusIn = async (repos: Repos, vault: string): Promise<CustodyStatus | undefined> => {
    const rows = await repos.custody.currentShares(vault);
    const set = setOf(rows);
    if (set === undefined) return undefined;
    const shares: CustodianShare[] = [];
    for (const r of rows) {
      const u = await repos.users.get(r.custodianId);
      shares.push({
        ...r,
        username: u?.username ?? r.custodianId,
        displayName: u?.displayName ?? '',
        disabled: u?.disabled ?? true,
      });
    }
    return { set, shares };
  };

  /** The new set's rows, checked against the plan: one share per index 1…n, one per custodian. */
  const rowsOf = (
    actor: Actor,
    set: CurrentShareSet,
    shares: readonly NewShare[],
    at: string,
  ): ShareRecord[] => {
    const indices = shares.map((s) => s.index).sort((a, b) => a - b);
    if (shares.length !== set.shares || indices.some((x, i) => x !== i + 1))
      unwrap(err('CUSTODY.INVALID_PLAN', `a share set of ${set.shares} needs shares 1…${set.shares}`));
    return shares.map((s) => ({
      vault: set.vault,
      generation: set.generation,
      index: s.index,
      threshold: set.threshold,
      shares: set.shares,
      custodianId: s.custodianId,
      sealing: s.sealing,
      sealedTo: s.sealedTo,
      sealed: s.sealed,
      createdAt: at,
      createdBy: actorRef(actor),
      retiredAt: null,
    }));
  };

  const summary = (users: readonly UserRecord[], shares: readonly NewShare[]) =>
    shares.map((s) => ({
      index: s.index,
      custodian: users.find((u) => u.id === s.custodianId)?.username ?? s.custodianId,
      sealing: s.sealing,
      ...(s.sealedTo === null ? {} : { sealedTo: s.sealedTo }),
    }));

  return {
    /** The share set in force for a vault and who holds its shares; undefined without custody. */
    status: (vault: string): Promise<CustodyStatus | undefined> =>
      store.transaction((repos) => statusIn(repos, vault)),

    /** Before anyone types a passphrase: the named accounts exist and are enabled. */
    custodians: (usernames: readonly string[]): Promise<Result<UserRecord[]>> =>
      inTransaction(store, (repos) => custodiansNamed(repos, usernames)),

    /**
     * Stores the first share set of a vault key: at `vault init` (a new key) or `vault custody`
     * (an existing single identity put under custody). Refused when the vault already has one.
     */
    establish: (
      actor: Actor,
      input: {
        readonly action: 'vault.init' | 'vault.custody';
        readonly set: CurrentShareSet;
        readonly shares: readonly NewShare[];
        readonly details?: Readonly<Record<string, unknown>>;
      },
    ): Promise<Result<CustodyStatus>> =>
      inTransaction(store, async (repos) => {
        const { set } = input;
        if ((await repos.custody.currentShares(set.vault)).length > 0)
          unwrap(
            err(
              'CUSTODY.ALREADY_SET_UP',
              `vault key ${set.vault} already has custodians; use vault reshare`,
              {
                vault: set.vault,
              },
            ),
          );
        const users = await custodiansWithIds(
          repos,
          input.shares.map((s) => s.custodianId),
        );
        await repos.custody.insertShares(rowsOf(actor, set, input.shares, now()));
        for (const u of users) await repos.custody.setCustodian(u.id, true);
        await recordAudit(repos, clock, actor, input.action, 'vault', {
          ...input.details,
          recipient: set.vault,
          generation: set.generation,
          threshold: set.threshold,
          shares: set.shares,
          custodians: summary(users, input.shares),
        });
        return (await statusIn(repos, set.vault))!;
      }),

    /**
     * Replaces the share set in force by a new one of the same vault key (a custodian leaves or
     * joins, or k changes): the old set is retired in the same transaction, so from now on only
     * the new shares are accepted. Clips are untouched: the key itself does not change.
     */
    reshare: (
      actor: Actor,
      input: {
        readonly from: number;
        readonly set: CurrentShareSet;
        readonly shares: readonly NewShare[];
        readonly reason: string;
        /** Usernames of the custodians whose shares rebuilt the key. */
        readonly unlockedBy: readonly string[];
        readonly details?: Readonly<Record<string, unknown>>;
      },
    ): Promise<Result<CustodyStatus>> =>
      inTransaction(store, async (repos) => {
        const { set } = input;
        const current = setOf(await repos.custody.currentShares(set.vault));
        if (current === undefined)
          unwrap(
            err('CUSTODY.NOT_SET_UP', `vault key ${set.vault} has no custodians yet`, { vault: set.vault }),
          );
        else if (current.generation !== input.from || set.generation !== current.generation + 1)
          unwrap(
            err(
              'RESOURCE.CONFLICT',
              `the share set changed meanwhile (now generation ${current.generation}); start again`,
              { generation: current.generation },
            ),
          );
        const before = (await repos.custody.currentShares(set.vault)).map((r) => r.custodianId);
        const after = input.shares.map((s) => s.custodianId);
        const users = await custodiansWithIds(repos, after);
        const at = now();
        await repos.custody.retire(set.vault, input.from, at);
        await repos.custody.insertShares(rowsOf(actor, set, input.shares, at));
        const changes = custodianChanges(before, after);
        for (const id of after) await repos.custody.setCustodian(id, true);
        for (const id of changes.leave)
          await repos.custody.setCustodian(id, await repos.custody.holdsCurrentShare(id));
        await recordAudit(repos, clock, actor, 'vault.reshare', 'vault', {
          ...input.details,
          recipient: set.vault,
          fromGeneration: input.from,
          generation: set.generation,
          threshold: set.threshold,
          shares: set.shares,
          custodians: summary(users, input.shares),
          left: await usernamesOf(repos, changes.leave),
          joined: await usernamesOf(repos, changes.join),
          unlockedBy: input.unlockedBy,
          reason: input.reason,
        });
        return (await statusIn(repos, set.vault))!;
      }),

    /**
     * Hands one custodian's sealed share to `write` (a file for break-glass), audited in the same
     * transaction: if the share cannot be written, no export is recorded.
     */
    exportShare: (
      actor: Actor,
      input: {
        readonly vault: string;
        readonly username: string;
        readonly write: (sealed: Uint8Array) => Promise<string>;
        readonly details?: Readonly<Record<string, unknown>>;
      },
    ): Promise<Result<{ share: CustodianShare; to: string }>> =>
      inTransaction(store, async (repos) => {
        const status = await statusIn(repos, input.vault);
        if (status === undefined)
          return unwrap(
            err('CUSTODY.NOT_SET_UP', `vault key ${input.vault} has no custodians`, { vault: input.vault }),
          );
        const share = status.shares.find((s) => s.username === input.username);
        if (share === undefined || share.sealed === null)
          return unwrap(
            err('CUSTODY.NOT_A_CUSTODIAN', `${input.username} holds no share of the current set`, {
              username: input.username,
            }),
          );
        const to = await input.write(share.sealed);
        await recordAudit(repos, clock, actor, 'vault.share-export', 'vault', {
          ...input.details,
          recipient: input.vault,
          generation: share.generation,
          index: share.index,
          custodian: share.username,
          to,
        });
        return { share, to };
      }),
  };
};

const usernamesOf = async (repos: Repos, ids: readonly string[]): Promise<string[]> => {
  const out: string[] = [];
  for (const id of ids) out.push((await repos.users.get(id))?.username ?? id);
  return out;
};

export type CustodyService = ReturnType<typeof custodyService>;
