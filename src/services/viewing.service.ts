/**
 * Four-eyes viewing (issue 10 §2, docs/custody.md "Beelden bekijken"): a request for one clip with
 * a reason and a legal ground; K custodians approve, each with their own share of the vault key;
 * the K-th approval makes a grant whose file keys live only in memory (the ViewingKeys port); the
 * requester plays the clip a few times within the hour, each play audited before a byte is sent.
 * Every step validates (core/viewing), stores and audits with subject `clip:<clipId>` in one
 * transaction. No share, identity or file key passes through this file: only the port's handles.
 */
import {
  APPROVAL_LAPSE_MS,
  PLAY_TOKEN_MS,
  approvalsComplete,
  attemptsBlocked,
  grantEnd,
  grantTerms,
  liveApprovals,
  mayApprove,
  mayPlay,
  recentFailures,
  shareFits,
  transition,
  validateRequest,
  type GrantEnd,
  type LegalGround,
  type Purpose,
  type RequestState,
} from '../core/viewing/viewing.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import { heldByEarlierRun, heldHere, placeOfHolder, type Instance } from '../core/viewing/holder.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, IdGenerator } from './ports.js';
import type { ClipRecord } from './recording-ports.js';
import { actorServesSite } from './site-scope.js';
import { inTransaction } from './transaction.js';
import type {
  ApprovalRecord,
  Plaintext,
  ViewingKeys,
  ViewingRequestRecord,
  ViewingStore,
} from './viewing-ports.js';
import type { CustodyStep, EvidenceSource, GrantedFootage } from './evidence-ports.js';
import type { GrantedClip, RedactionGrants } from './redaction-ports.js';

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

/** The API's ViewingRequest (VIEWING-API.md). */
export interface ViewingRequest {
  readonly id: string;
  readonly clipId: string;
  readonly incidentId: string | null;
  readonly alarmId: string | null;
  readonly siteId: string;
  readonly roomId: string;
  readonly cameraId: string;
  readonly clipStartedAt: string | null;
  readonly clipEndedAt: string | null;
  readonly requestedBy: PersonRef;
  readonly requestedAt: string;
  readonly reason: string;
  readonly legalGround: LegalGround;
  readonly policeReport: string | null;
  readonly purposes: readonly Purpose[];
  readonly state: RequestState;
  readonly threshold: number;
  readonly approvals: readonly { readonly by: PersonRef; readonly at: string }[];
  readonly refusal: { readonly by: PersonRef; readonly at: string; readonly reason: string } | null;
  readonly awaiting: readonly PersonRef[];
  readonly grant: {
    readonly id: string;
    readonly grantedAt: string;
    readonly expiresAt: string;
    readonly playsLeft: number;
    readonly exportAllowed: boolean;
    readonly live: boolean;
  } | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
}

/** One line of a clip's or incident's footage history, from the audit log. */
export interface FootageEvent {
  readonly at: string;
  readonly clipId: string;
  readonly action: string;
  readonly actor: PersonRef | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly auditSeq: number;
}

export interface PlayTicket {
  readonly token: string;
  readonly expiresAt: string;
  readonly playsLeft: number;
  readonly viewer: { readonly displayName: string };
  readonly clip: {
    readonly roomName: string;
    readonly cameraName: string;
    readonly startedAt: string | null;
    readonly endedAt: string | null;
  };
}

export interface RequestQuery {
  readonly state?: RequestState;
  readonly clipId?: string;
  readonly incidentId?: string;
  readonly awaitingMe?: boolean;
}

export type ApproveWith = { readonly passphrase: string } | { readonly share: Uint8Array };

export interface ViewingDeps {
  readonly store: ViewingStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly keys: ViewingKeys;
  /**
   * This instance (ADR 0017): the keys it opens stay in its memory and the records say so; with
   * several instances, another one's keys are neither used nor ended here. Default: the only one.
   */
  readonly instance?: Instance;
  readonly grant?: { readonly minutes?: number; readonly plays?: number };
}

type Repos = Parameters<Parameters<ViewingStore['transaction']>[0]>[0];

interface PlayToken {
  readonly grantId: string;
  readonly requestId: string;
  readonly clipId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

const notFound = (id: string) => err('RESOURCE.NOT_FOUND', `viewing request ${id} does not exist`);
const subject = (clipId: string) => `clip:${clipId}`;
const userIdOf = (a: Actor): string | null => (a.kind === 'user' ? a.userId : null);
const flat = (v: unknown): string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v
    : v === undefined
      ? null
      : JSON.stringify(v);

const ALONE: Instance = { id: 'local/0', alone: true };
/** How long after its expiry another instance ends a grant whose holder never did (it may be gone). */
const HOLDER_GRACE_MS = 10 * 60_000;

export const viewingService = ({
  store,
  clock,
  ids,
  keys,
  instance: self = ALONE,
  grant: grantOptions = {},
}: ViewingDeps) => {
  const here = (heldBy: string | null) => heldHere(heldBy, self);
  /** Another instance's keys count as held: only it can tell, and it ends them itself. */
  const grantKeysLive = (r: ViewingRequestRecord): boolean =>
    r.grantId !== null && (here(r.heldBy) ? keys.live(r.grantId) : true);
  /** A clear answer on the wrong instance, naming the right one (never a silent 404). */
  const elsewhere = (heldBy: string, what: string) =>
    err(
      'FOOTAGE.HELD_ELSEWHERE',
      `${what} is held in the memory of the Proportio instance at ${placeOfHolder(heldBy)}, not this one: open it there (keys never leave the instance that opened them)`,
      { heldOn: placeOfHolder(heldBy) },
    );
  /** Grants whose keys this instance holds, and requests with a share opened here: wiped when their records end elsewhere. */
  const grantsHere = new Set<string>();
  const sharesHere = new Set<string>();
  const nowMs = () => clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Wrong passphrases per custodian (times in ms); memory only, like the shares they guard. */
  const failures = new Map<string, number[]>();
  const tokens = new Map<string, PlayToken>();
  /** Streams still sending, per grant: the last play may finish after its token expired. */
  const streaming = new Map<string, number>();

  // Writes are serialised: an approval's shares, the K-th combine and the grant must not race.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const person = async (repos: Repos, userId: string | null): Promise<PersonRef> => {
    if (userId === null) return { id: 'system', displayName: 'Proportio' };
    const u = await repos.users.get(userId);
    return { id: userId, displayName: u?.displayName || u?.username || userId };
  };

  const playing = (grantId: string, now: number): boolean =>
    (streaming.get(grantId) ?? 0) > 0 ||
    [...tokens.values()].some((t) => t.grantId === grantId && t.expiresAt > now);

  /** Whether an approval counts: used for the grant, or waiting with its share still held in time. */
  const isLive =
    (r: ViewingRequestRecord, now: number) =>
    (a: ApprovalRecord): boolean =>
      a.state === 'used' ||
      (a.state === 'waiting' &&
        r.state === 'pending' &&
        liveApprovals([{ custodianId: a.custodianId, at: Date.parse(a.approvedAt) }], now, (id) =>
          here(a.heldBy) ? keys.holds(r.id, id) : true,
        ).length === 1);

  const currentSet = async (repos: Repos, vault: string) => {
    const rows = await repos.custody.currentShares(vault);
    const first = rows[0];
    return first === undefined
      ? undefined
      : {
          rows,
          set: { vault, generation: first.generation, threshold: first.threshold, shares: first.shares },
        };
  };

  const view = async (repos: Repos, r: ViewingRequestRecord, now: number): Promise<ViewingRequest> => {
    const clip = await repos.clips.get(r.clipId);
    const custody = await currentSet(repos, r.vault);
    const approvalRows = (await repos.viewing.approvals(r.id)).filter(isLive(r, now));
    const approvals = [];
    for (const a of approvalRows)
      approvals.push({ by: await person(repos, a.custodianId), at: a.approvedAt });
    const awaiting: PersonRef[] = [];
    if (r.state === 'pending' && custody !== undefined)
      for (const s of custody.rows) {
        if (s.sealed === null || approvalRows.some((a) => a.custodianId === s.custodianId)) continue;
        const u = await repos.users.get(s.custodianId);
        if (u === undefined || u.disabled || !u.custodian) continue;
        awaiting.push({ id: u.id, displayName: u.displayName || u.username });
      }
    return {
      id: r.id,
      clipId: r.clipId,
      incidentId: clip?.incidentId ?? null,
      alarmId: clip?.alarmId ?? null,
      siteId: r.siteId,
      roomId: clip?.roomId ?? '',
      cameraId: clip?.cameraId ?? '',
      clipStartedAt: clip?.startedAt ?? null,
      clipEndedAt: clip?.endedAt ?? null,
      requestedBy: await person(repos, r.requestedBy),
      requestedAt: r.requestedAt,
      reason: r.reason,
      legalGround: r.legalGround,
      policeReport: r.policeReport,
      purposes: r.purposes,
      state: r.state,
      threshold: custody?.set.threshold ?? 0,
      approvals,
      refusal:
        r.refusedAt === null
          ? null
          : { by: await person(repos, r.refusedBy), at: r.refusedAt, reason: r.refusalReason ?? '' },
      awaiting,
      grant:
        r.grantId === null || r.grantedAt === null || r.expiresAt === null
          ? null
          : {
              id: r.grantId,
              grantedAt: r.grantedAt,
              expiresAt: r.expiresAt,
              playsLeft: Math.max(0, (r.playsAllowed ?? 0) - r.playsUsed),
              exportAllowed: r.exportAllowed,
              live:
                r.state === 'granted' &&
                grantKeysLive(r) &&
                grantEnd(
                  { expiresAt: Date.parse(r.expiresAt), playsLeft: (r.playsAllowed ?? 0) - r.playsUsed },
                  now,
                  true,
                  playing(r.grantId, now),
                ) === null,
            },
      endedAt: r.endedAt,
      endReason: r.endReason,
    };
  };

  /** A request this actor may see (its clip's site), or 404. */
  const visible = async (repos: Repos, viewer: Actor, id: string): Promise<ViewingRequestRecord> => {
    const r = await repos.viewing.getRequest(id);
    if (r === undefined || !actorServesSite(viewer, r.siteId)) return unwrap(notFound(id));
    return r;
  };

  /** Ends a granted request: keys wiped, state ended, audited (inside the caller's transaction). */
  const endGrant = async (
    repos: Repos,
    r: ViewingRequestRecord,
    reason: GrantEnd | 'logout',
    by: Actor,
  ): Promise<ViewingRequestRecord> => {
    if (r.grantId !== null) keys.end(r.grantId);
    const next: ViewingRequestRecord = {
      ...r,
      state: unwrap(transition(r.state, 'end')),
      endedAt: clock.now().toISOString(),
      endReason: reason,
      endedBy: userIdOf(by),
    };
    await repos.viewing.updateRequest(next);
    await recordAudit(repos, clock, by, 'viewing.ended', subject(r.clipId), {
      requestId: r.id,
      grantId: r.grantId,
      reason,
    });
    return next;
  };

  const SYSTEM: Actor = { kind: 'system', name: 'viewing' };

  /** A resident's restriction keeps the clip now and the request's ground is not a legal claim (AVG art. 18(2)). */
  const restrictedFor = async (
    repos: Repos,
    r: Pick<ViewingRequestRecord, 'clipId' | 'legalGround'>,
  ): Promise<boolean> =>
    r.legalGround !== 'police-report' &&
    (await repos.viewing.restricted(r.clipId, clock.now().toISOString()));

  /**
   * Brings the records in line with memory and the clock: waiting approvals whose share lapsed
   * (30 minutes, or a restart) are marked lapsed; grants that expired, ran out of plays or lost
   * their keys end. Runs on a timer and before every read, so a screen never shows a dead grant live.
   */
  const settle = (): Promise<void> =>
    serial(async () => {
      const now = nowMs();
      keys.lapse(now - APPROVAL_LAPSE_MS);
      for (const t of [...tokens.entries()]) if (t[1].expiresAt <= now) tokens.delete(t[0]);
      // Keys held here whose records were ended on another instance (revoked, refused) are wiped.
      for (const g of [...grantsHere]) {
        const r = keys.live(g) ? await store.read.viewing.byGrant(g) : undefined;
        if (r?.state === 'granted') continue;
        keys.end(g);
        grantsHere.delete(g);
      }
      for (const id of [...sharesHere]) {
        const r = await store.read.viewing.getRequest(id);
        if (r?.state === 'pending') continue;
        keys.drop(id);
        sharesHere.delete(id);
      }
      await store.transaction(async (repos) => {
        for (const r of await repos.viewing.listRequests({ state: 'pending' })) {
          const live = isLive(r, now);
          for (const a of await repos.viewing.approvals(r.id))
            if (a.state === 'waiting' && !live(a)) {
              keys.drop(r.id, a.custodianId);
              await repos.viewing.setApprovalState(a.id, 'lapsed');
            }
        }
        for (const r of await repos.viewing.listRequests({ state: 'granted' })) {
          if (r.grantId === null || r.expiresAt === null) continue;
          if (!here(r.heldBy)) {
            // Another instance's grant: it ends its own; only one whose holder is gone is ended here.
            if (heldByEarlierRun(r.heldBy, self)) await endGrant(repos, r, 'restart', SYSTEM);
            else if (Date.parse(r.expiresAt) + HOLDER_GRACE_MS <= now)
              await endGrant(repos, r, 'expired', SYSTEM);
            continue;
          }
          const why = grantEnd(
            { expiresAt: Date.parse(r.expiresAt), playsLeft: (r.playsAllowed ?? 0) - r.playsUsed },
            now,
            keys.live(r.grantId),
            playing(r.grantId, now),
          );
          if (why !== null) await endGrant(repos, r, why, SYSTEM);
          // A restriction placed after the grant ends it (AVG art. 18(2)), unless it serves a legal claim.
          else if (await restrictedFor(repos, r)) await endGrant(repos, r, 'restricted', SYSTEM);
        }
      });
    });

  const clipForRequest = async (repos: Repos, actor: Actor, clipId: string): Promise<ClipRecord> => {
    const clip = await repos.clips.get(clipId);
    if (clip === undefined || !actorServesSite(actor, clip.siteId))
      return unwrap(err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { field: 'clipId' }));
    if (clip.status !== 'sealed' && clip.status !== 'interrupted')
      return unwrap(
        err('FOOTAGE.CLIP_NOT_SEALED', `clip ${clipId} is ${clip.status}`, { clipId, status: clip.status }),
      );
    return clip;
  };

  const fail = (custodianId: string, now: number) => {
    failures.set(custodianId, [...recentFailures(failures.get(custodianId) ?? [], now), now]);
  };

  /** Refuse or revoke: who may, a reason, the state change, every key of the request wiped, audited. */
  const close = async (
    actor: Actor,
    id: string,
    reason: string,
    kind: 'refuse' | 'revoke',
  ): Promise<Result<ViewingRequest>> => {
    await settle();
    return serial(() =>
      inTransaction(store, async (repos) => {
        const r = await visible(repos, actor, id);
        const me = userIdOf(actor);
        const u = me === null ? undefined : await repos.users.get(me);
        if (kind === 'refuse') {
          const custody = await currentSet(repos, r.vault);
          if (!u?.custodian || !custody?.rows.some((s) => s.custodianId === me && s.sealed !== null))
            unwrap(err('FOOTAGE.NOT_CUSTODIAN', 'only a custodian refuses a request'));
        } else if (me !== r.requestedBy && !u?.custodian)
          unwrap(err('FOOTAGE.NOT_REQUESTER', 'only the requester or a custodian revokes'));
        const text = reason.trim();
        if (text.length < 3) unwrap(err('FOOTAGE.REASON_INVALID', 'say why', { field: 'reason' }));
        const state = unwrap(transition(r.state, kind));
        const at = clock.now().toISOString();
        const next: ViewingRequestRecord =
          kind === 'refuse'
            ? { ...r, state, refusedBy: me, refusedAt: at, refusalReason: text }
            : { ...r, state, endedAt: at, endReason: 'revoked', endedBy: me };
        keys.drop(r.id);
        if (r.grantId !== null) keys.end(r.grantId);
        for (const [k, t] of tokens) if (t.requestId === r.id) tokens.delete(k);
        for (const a of await repos.viewing.approvals(r.id))
          if (a.state === 'waiting') await repos.viewing.setApprovalState(a.id, 'lapsed');
        await repos.viewing.updateRequest(next);
        await recordAudit(
          repos,
          clock,
          actor,
          kind === 'refuse' ? 'viewing.refused' : 'viewing.revoked',
          subject(r.clipId),
          { requestId: r.id, grantId: r.grantId, reason: text },
        );
        return view(repos, next, nowMs());
      }),
    );
  };

  return {
    settle,

    /** After a restart: no grant and no opened share survived, so the records say so. */
    restarted: (): Promise<void> =>
      serial(async () => {
        // What an earlier run of this instance held is gone; another instance's keys are its own.
        await store.transaction(async (repos) => {
          for (const r of await repos.viewing.listRequests({ state: 'pending' }))
            for (const a of await repos.viewing.approvals(r.id))
              if (a.state === 'waiting' && heldByEarlierRun(a.heldBy, self))
                await repos.viewing.setApprovalState(a.id, 'lapsed');
          for (const r of await repos.viewing.listRequests({ state: 'granted' }))
            if (heldByEarlierRun(r.heldBy, self)) await endGrant(repos, r, 'restart', SYSTEM);
        });
      }),

    create: (
      actor: Actor,
      input: {
        readonly clipId: string;
        readonly reason: string;
        readonly legalGround: LegalGround;
        readonly purposes: readonly Purpose[];
        readonly policeReport?: string | null | undefined;
      },
    ): Promise<Result<ViewingRequest>> =>
      serial(async () => {
        const requester = userIdOf(actor);
        if (requester === null) return err('FOOTAGE.NOT_REQUESTER', 'a viewing request is made by a person');
        const valid = validateRequest(input);
        if (!valid.ok) return valid;
        const clip = await inTransaction(store, (repos) => clipForRequest(repos, actor, input.clipId));
        if (!clip.ok) return clip;
        const vault = await keys.clipVault(clip.value.id, clip.value.manifestDigest);
        if (!vault.ok)
          return vault.error.code === 'VAULT.NOT_FOUND'
            ? err('FOOTAGE.CLIP_NOT_SEALED', `clip ${input.clipId} is not in the vault`, {
                clipId: input.clipId,
              })
            : vault;
        return inTransaction(store, async (repos) => {
          const c = await clipForRequest(repos, actor, input.clipId);
          // A restricted clip (AVG art. 18(2)) is only processed further for legal claims.
          if (
            valid.value.legalGround !== 'police-report' &&
            (await repos.viewing.restricted(c.id, clock.now().toISOString()))
          )
            unwrap(
              err('RIGHTS.CLIP_RESTRICTED', `clip ${c.id} is restricted at a resident's request`, {
                clipId: c.id,
              }),
            );
          if ((await currentSet(repos, vault.value)) === undefined)
            unwrap(
              err('CUSTODY.NOT_SET_UP', `the vault key of clip ${c.id} has no custodians`, {
                vault: vault.value,
              }),
            );
          const r: ViewingRequestRecord = {
            id: ids.newId(),
            clipId: c.id,
            siteId: c.siteId,
            vault: vault.value,
            requestedBy: requester,
            requestedAt: clock.now().toISOString(),
            ...valid.value,
            state: 'pending',
            refusedBy: null,
            refusedAt: null,
            refusalReason: null,
            grantId: null,
            grantedAt: null,
            expiresAt: null,
            playsAllowed: null,
            playsUsed: 0,
            exportAllowed: false,
            endedAt: null,
            endReason: null,
            endedBy: null,
            heldBy: null,
          };
          await repos.viewing.insertRequest(r);
          await recordAudit(repos, clock, actor, 'viewing.requested', subject(c.id), {
            requestId: r.id,
            reason: r.reason,
            legalGround: r.legalGround,
            policeReport: r.policeReport,
            purposes: r.purposes.join(','),
          });
          return view(repos, r, nowMs());
        });
      }),

    list: async (viewer: Actor, q: RequestQuery = {}): Promise<ViewingRequest[]> => {
      await settle();
      return store.transaction(async (repos) => {
        const siteIds = viewer.kind === 'user' && viewer.siteIds.length > 0 ? viewer.siteIds : undefined;
        let clipIds: string[] | undefined;
        if (q.incidentId !== undefined)
          clipIds = (
            await repos.clips.list({
              incidentId: q.incidentId,
              includeDeleted: true,
              ...(siteIds ? { siteIds } : {}),
            })
          ).map((c) => c.id);
        const rows = await repos.viewing.listRequests({
          ...(q.state ? { state: q.state } : {}),
          ...(q.clipId ? { clipId: q.clipId } : {}),
          ...(clipIds ? { clipIds } : {}),
          ...(siteIds ? { siteIds } : {}),
        });
        const now = nowMs();
        const out: ViewingRequest[] = [];
        for (const r of rows) {
          const v = await view(repos, r, now);
          if (q.awaitingMe && !v.awaiting.some((p) => p.id === userIdOf(viewer))) continue;
          out.push(v);
        }
        return out;
      });
    },

    get: async (viewer: Actor, id: string): Promise<Result<ViewingRequest>> => {
      await settle();
      return inTransaction(store, async (repos) => view(repos, await visible(repos, viewer, id), nowMs()));
    },

    approve: async (actor: Actor, id: string, how: ApproveWith): Promise<Result<ViewingRequest>> => {
      await settle();
      return serial(async () => {
        const me = userIdOf(actor);
        if (me === null) return err('FOOTAGE.NOT_CUSTODIAN', 'approval is by a custodian in person');
        const now = nowMs();
        if (attemptsBlocked(failures.get(me) ?? [], now))
          return err('FOOTAGE.TOO_MANY_ATTEMPTS', 'five wrong passphrases in 15 minutes: wait and try again');
        // 1. Who may approve, read before any key work (nothing is written yet).
        const checked = await inTransaction(store, async (repos) => {
          const r = await visible(repos, actor, id);
          if (await restrictedFor(repos, r))
            unwrap(
              err('RIGHTS.CLIP_RESTRICTED', `clip ${r.clipId} is restricted at a resident's request`, {
                clipId: r.clipId,
              }),
            );
          const custody = await currentSet(repos, r.vault);
          if (custody === undefined)
            return unwrap(err('CUSTODY.NOT_SET_UP', 'the vault key has no custodians', { vault: r.vault }));
          const u = await repos.users.get(me);
          const share = custody.rows.find((s) => s.custodianId === me && s.sealed !== null);
          const waiting = (await repos.viewing.approvals(r.id)).filter(
            (a) => a.state === 'waiting' && isLive(r, now)(a),
          );
          // The shares combine in one memory: the approvals so far were given on another instance.
          const away = waiting.find((a) => !here(a.heldBy));
          if (away?.heldBy) unwrap(elsewhere(away.heldBy, 'the first approval of this request'));
          const live = waiting.map((a) => ({ custodianId: a.custodianId, at: Date.parse(a.approvedAt) }));
          unwrap(
            mayApprove(
              { state: r.state, requesterId: r.requestedBy },
              { id: me, custodian: u?.custodian === true && !u.disabled, holdsShare: share !== undefined },
              live,
            ),
          );
          return { r, custody, share: share! };
        });
        if (!checked.ok) return checked;
        const { r, custody, share } = checked.value;
        // 2. Open the share into memory (scrypt: about a second), or take the CLI's opened share.
        let info;
        if ('passphrase' in how) {
          if (share.sealing !== 'passphrase')
            return err(
              'FOOTAGE.SHARE_SEALED_TO_KEY',
              'your share is sealed to your own age key: use the CLI',
            );
          const opened = await keys.holdSealed(r.id, me, share.sealed!, how.passphrase, now);
          if (!opened.ok) {
            if (opened.error.code === 'VAULT.WRONG_PASSPHRASE') {
              fail(me, now);
              return err('FOOTAGE.WRONG_PASSPHRASE', 'the passphrase does not open your share');
            }
            return opened;
          }
          info = opened.value;
        } else {
          const opened = keys.holdOpened(r.id, me, how.share, now);
          if (!opened.ok) return opened;
          info = opened.value;
        }
        const fits = shareFits(info, { vault: r.vault, generation: custody.set.generation, custodianId: me });
        if (!fits.ok) {
          keys.drop(r.id, me);
          return fits;
        }
        // 3. Record the approval; the K-th makes the grant (keys first, then the records).
        const grantId = ids.newId();
        let granted = false;
        const result = await inTransaction(store, async (repos) => {
          const fresh = await visible(repos, actor, id);
          unwrap(transition(fresh.state, 'approve'));
          const approval: ApprovalRecord = {
            id: ids.newId(),
            requestId: r.id,
            custodianId: me,
            approvedAt: iso(now),
            state: 'waiting',
            heldBy: self.id,
          };
          await repos.viewing.insertApproval(approval);
          const waiting = (await repos.viewing.approvals(r.id)).filter(
            (a) => a.state === 'waiting' && isLive(fresh, now)(a),
          );
          const live = waiting.map((a) => ({ custodianId: a.custodianId, at: Date.parse(a.approvedAt) }));
          const threshold = custody.set.threshold;
          await recordAudit(repos, clock, actor, 'viewing.approved', subject(r.clipId), {
            requestId: r.id,
            approval: live.length,
            of: threshold,
          });
          if (!approvalsComplete(live, threshold, r.requestedBy)) return view(repos, fresh, now);
          const clip = await repos.clips.get(r.clipId);
          const made = await keys.grant({
            requestId: r.id,
            custodianIds: live.slice(0, threshold).map((a) => a.custodianId),
            expect: { vault: r.vault, current: custody.set },
            clipId: r.clipId,
            manifestDigest: clip?.manifestDigest ?? null,
            grantId,
          });
          unwrap(made);
          granted = true;
          const terms = grantTerms(now, fresh.purposes, grantOptions);
          const next: ViewingRequestRecord = {
            ...fresh,
            state: unwrap(transition(fresh.state, 'grant')),
            grantId,
            grantedAt: iso(terms.grantedAt),
            expiresAt: iso(terms.expiresAt),
            playsAllowed: terms.plays,
            playsUsed: 0,
            exportAllowed: terms.exportAllowed,
            heldBy: self.id,
          };
          for (const a of waiting) await repos.viewing.setApprovalState(a.id, 'used');
          await repos.viewing.updateRequest(next);
          const approvers: string[] = [];
          for (const a of waiting) approvers.push((await person(repos, a.custodianId)).displayName);
          await recordAudit(repos, clock, actor, 'viewing.granted', subject(r.clipId), {
            requestId: r.id,
            grantId,
            expiresAt: next.expiresAt,
            plays: terms.plays,
            exportAllowed: terms.exportAllowed,
            approvedBy: approvers.join(', '),
          });
          return view(repos, next, now);
        });
        if (!result.ok) {
          // Nothing was recorded: this approval's share goes, and a grant made in memory too.
          keys.drop(r.id, me);
          if (granted) keys.end(grantId);
        } else if (granted) grantsHere.add(grantId);
        else sharesHere.add(r.id);
        return result;
      });
    },

    /** A custodian refuses a pending request, with a reason; the shares waiting for it are wiped. */
    refuse: (actor: Actor, id: string, reason: string): Promise<Result<ViewingRequest>> =>
      close(actor, id, reason, 'refuse'),

    /** The requester or a custodian withdraws a request or ends its grant; every key of it is wiped. */
    revoke: (actor: Actor, id: string, reason: string): Promise<Result<ViewingRequest>> =>
      close(actor, id, reason, 'revoke'),

    /** Logout: the requester's grants end and their play tokens die. */
    endForUser: (userId: string): Promise<void> =>
      serial(async () => {
        for (const [k, t] of tokens) if (t.userId === userId) tokens.delete(k);
        await store.transaction(async (repos) => {
          for (const r of await repos.viewing.listRequests({ state: 'granted' }))
            if (r.requestedBy === userId)
              await endGrant(repos, r, 'logout', { kind: 'system', name: 'logout' });
        });
      }),

    /**
     * Starts one play: checks, counts and audits `viewing.played` (committed) and only then hands
     * out the short-lived token the stream is fetched with, bound to this session.
     */
    play: async (
      actor: Actor,
      sessionId: string | undefined,
      grantId: string,
    ): Promise<Result<PlayTicket>> => {
      await settle();
      return serial(async () => {
        const me = userIdOf(actor);
        const r = await inTransaction(store, async (repos) => {
          const found = await repos.viewing.byGrant(grantId);
          if (found === undefined || !actorServesSite(actor, found.siteId))
            return unwrap(err('RESOURCE.NOT_FOUND', `grant ${grantId} does not exist`));
          const now = nowMs();
          const playsLeft = (found.playsAllowed ?? 0) - found.playsUsed;
          if (
            found.state === 'granted' &&
            found.requestedBy === me &&
            found.heldBy !== null &&
            !here(found.heldBy)
          )
            unwrap(elsewhere(found.heldBy, 'this permission to view'));
          unwrap(
            mayPlay(
              {
                requesterId: found.requestedBy,
                expiresAt: Date.parse(found.expiresAt ?? ''),
                playsLeft,
                state: found.state,
              },
              me ?? '',
              now,
              keys.live(grantId),
            ),
          );
          if (sessionId === undefined)
            unwrap(
              err('FOOTAGE.NOT_REQUESTER', 'footage plays only in a browser session, not with an API token'),
            );
          const next = { ...found, playsUsed: found.playsUsed + 1 };
          await repos.viewing.updateRequest(next);
          await recordAudit(repos, clock, actor, 'viewing.played', subject(found.clipId), {
            requestId: found.id,
            grantId,
            play: next.playsUsed,
            playsLeft: playsLeft - 1,
          });
          const clip = await repos.clips.get(found.clipId);
          const room = clip ? await repos.rooms.get(clip.roomId) : undefined;
          const camera = clip ? await repos.cameras.get(clip.cameraId) : undefined;
          return {
            found,
            playsLeft: playsLeft - 1,
            viewer: (await person(repos, me)).displayName,
            clip: {
              roomName: room?.name ?? '',
              cameraName: camera?.name ?? '',
              startedAt: clip?.startedAt ?? null,
              endedAt: clip?.endedAt ?? null,
            },
          };
        });
        if (!r.ok) return r;
        const token = ids.newSecret();
        const expiresAt = nowMs() + PLAY_TOKEN_MS;
        tokens.set(token, {
          grantId,
          requestId: r.value.found.id,
          clipId: r.value.found.clipId,
          userId: me!,
          sessionId: sessionId!,
          expiresAt,
        });
        return ok({
          token,
          expiresAt: iso(expiresAt),
          playsLeft: r.value.playsLeft,
          viewer: { displayName: r.value.viewer },
          clip: r.value.clip,
        });
      });
    },

    /** The decrypted clip for a play token of this session (within its 60 s; one play). */
    stream: async (
      actor: Actor,
      sessionId: string | undefined,
      token: string,
    ): Promise<Result<Plaintext>> => {
      const t = tokens.get(token);
      const now = nowMs();
      if (t === undefined || t.expiresAt <= now || sessionId !== t.sessionId || userIdOf(actor) !== t.userId)
        return err('RESOURCE.NOT_FOUND', 'no such play');
      const p = await keys.plaintext(t.grantId, t.clipId);
      if (!p.ok) return p;
      const source = p.value;
      async function* counted(): AsyncGenerator<Buffer> {
        streaming.set(t!.grantId, (streaming.get(t!.grantId) ?? 0) + 1);
        try {
          yield* source;
        } finally {
          streaming.set(t!.grantId, (streaming.get(t!.grantId) ?? 1) - 1);
        }
      }
      return ok(counted());
    },

    /** The footage history of a clip or of an incident's clips, oldest first, from the audit log. */
    history: async (
      viewer: Actor,
      q: { readonly incidentId?: string; readonly clipId?: string },
    ): Promise<Result<FootageEvent[]>> =>
      inTransaction(store, async (repos) => {
        const siteIds = viewer.kind === 'user' && viewer.siteIds.length > 0 ? viewer.siteIds : undefined;
        let clips: ClipRecord[] = [];
        if (q.clipId !== undefined) {
          const c = await repos.clips.get(q.clipId);
          if (c === undefined || !actorServesSite(viewer, c.siteId))
            unwrap(err('RESOURCE.NOT_FOUND', `clip ${q.clipId} does not exist`));
          clips = [c!];
        } else if (q.incidentId !== undefined) {
          clips = await repos.clips.list({
            incidentId: q.incidentId,
            includeDeleted: true,
            ...(siteIds ? { siteIds } : {}),
          });
        } else unwrap(err('REQUEST.INVALID', 'name an incidentId or a clipId'));
        const people = new Map<string, PersonRef>();
        const events: FootageEvent[] = [];
        for (const c of clips)
          for (const e of await repos.audit.page({ subject: subject(c.id), limit: 5000 })) {
            let actorRef: PersonRef | null = null;
            if (e.actor.startsWith('user:')) {
              const uid = e.actor.slice('user:'.length);
              if (!people.has(uid)) people.set(uid, await person(repos, uid));
              actorRef = people.get(uid)!;
            }
            const details = Object.fromEntries(Object.entries(e.details).map(([k, v]) => [k, flat(v)]));
            events.push({
              at: e.at,
              clipId: c.id,
              action: e.action,
              actor: actorRef,
              requestId: typeof e.details.requestId === 'string' ? e.details.requestId : null,
              details,
              auditSeq: e.seq,
            });
          }
        return events.sort((a, b) => a.auditSeq - b.auditSeq);
      }),

    /**
     * For a redacted copy (issue 12 §2): the actor's own live grant on this clip, requested on the
     * legal ground subject access. The four eyes are the grant's: a custodian other than the
     * requester approved it (approvalsComplete), so nobody decrypts for a copy alone.
     */
    redaction: (): RedactionGrants => ({
      forRedaction: async (actor, clipId): Promise<Result<GrantedClip>> => {
        await settle();
        const me = userIdOf(actor);
        const refusal = err(
          'REDACTION.GRANT_REQUIRED',
          `no live viewing grant of yours on clip ${clipId} on the legal ground subject access`,
          { clipId },
        );
        if (me === null) return refusal;
        const now = nowMs();
        const found = (await store.read.viewing.listRequests({ state: 'granted', clipId })).find(
          (r) =>
            r.requestedBy === me &&
            r.legalGround === 'subject-access' &&
            r.grantId !== null &&
            r.expiresAt !== null &&
            Date.parse(r.expiresAt) > now &&
            keys.live(r.grantId) &&
            actorServesSite(actor, r.siteId),
        );
        if (found?.grantId == null || found.expiresAt === null) return refusal;
        const grantId = found.grantId;
        return ok({
          grantId,
          viewingRequestId: found.id,
          expiresAt: found.expiresAt,
          plaintext: () => keys.plaintext(grantId, clipId),
        });
      },
    }),

    /** For the signed police export (evidence-ports.ts): a live grant of `actor` that names export. */
    evidence: (): EvidenceSource => ({
      forExport: async (grantId, actor): Promise<Result<GrantedFootage>> => {
        await settle();
        const r = await inTransaction(store, async (repos) => {
          const found = await repos.viewing.byGrant(grantId);
          if (found === undefined || !actorServesSite(actor, found.siteId))
            return unwrap(err('RESOURCE.NOT_FOUND', `grant ${grantId} does not exist`));
          if (userIdOf(actor) !== found.requestedBy)
            unwrap(err('FOOTAGE.NOT_REQUESTER', 'only whoever asked may export'));
          if (found.state === 'granted' && found.heldBy !== null && !here(found.heldBy))
            unwrap(elsewhere(found.heldBy, 'this permission to view'));
          if (found.state !== 'granted' || found.grantId === null || !keys.live(found.grantId))
            unwrap(err('FOOTAGE.GRANT_ENDED', 'this permission has ended'));
          if (!found.exportAllowed || !found.purposes.includes('export'))
            unwrap(err('FOOTAGE.EXPORT_NEEDS_POLICE_REPORT', 'the request did not name export'));
          const clip = (await repos.clips.get(found.clipId))!;
          const custody: CustodyStep[] = [];
          for (const e of (
            await repos.audit.page({ subject: subject(found.clipId), limit: 5000 })
          ).reverse()) {
            if (e.details.requestId !== found.id) continue;
            const step =
              e.action === 'viewing.requested'
                ? 'requested'
                : e.action === 'viewing.approved'
                  ? 'approved'
                  : e.action === 'viewing.granted'
                    ? 'granted'
                    : e.action === 'clip.exported'
                      ? 'exported'
                      : null;
            if (step === null) continue;
            const byId = e.actor.startsWith('user:') ? e.actor.slice(5) : e.actor;
            const by = e.actor.startsWith('user:') ? (await person(repos, byId)).displayName : e.actor;
            custody.push({
              step,
              byId,
              by,
              at: e.at,
              ...(step === 'requested' ? { note: found.reason } : {}),
            });
          }
          return { found, clip, custody };
        });
        if (!r.ok) return r;
        const { found, clip, custody } = r.value;
        return ok({
          grantId,
          requestId: found.id,
          clip,
          reason: found.reason,
          legalGround: found.legalGround,
          policeReport: found.policeReport,
          custody,
          plaintext: () => ({
            [Symbol.asyncIterator]: async function* () {
              const p = await keys.plaintext(grantId, clip.id);
              if (!p.ok) throw new Error(`${p.error.code}: ${p.error.message}`);
              yield* p.value;
            },
          }),
        });
      },
    }),
  };
};

export type ViewingService = ReturnType<typeof viewingService>;
