/**
 * The room policy: compiled from every version that was ever approved (the compiler decides what
 * is in force at `now`, recomputing each verdict), kept as a history of versions — one whenever
 * what the policy enables changes — and audited. Approval, rejection and withdrawal recompile in
 * their own transaction; the scheduler's tick notices expiry and review dates on time.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/audit/chain.js';
import {
  compile,
  decide,
  type CompiledPolicy,
  type Conversation,
  type Decision,
  type RoomPolicy,
} from '../core/policy/index.js';
import { DEFAULT_TIME_ZONE } from '../core/policy/policy.js';
import { roomBases, type PublicBasis } from '../core/policy/public-basis.js';
import { err, ok, type Result } from '../core/result.js';
import type {
  AssessmentRepositories,
  AssessmentStore,
  PolicyTrigger,
  PolicyVersion,
} from './assessment-ports.js';
import { toAssessmentRecord } from './assessment-evidence.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, DomainEvents } from './ports.js';
import { inTransaction } from './transaction.js';

export interface PolicyDeps {
  readonly store: AssessmentStore;
  readonly clock: Clock;
  /** Told policy.changed after each commit that stored a new version (the recorder re-plans). */
  readonly events: DomainEvents;
  readonly timeZone?: string;
}

/** What the policy enables, without the moment it was compiled: equal hashes mean nothing changed. */
export const policyHash = (p: CompiledPolicy): string =>
  createHash('sha256')
    .update(
      canonicalJson({ timeZone: p.timeZone, rooms: p.rooms, excluded: p.excluded, verdicts: p.verdicts }),
    )
    .digest('hex');

const enabledAssessments = (p: CompiledPolicy): Set<string> =>
  new Set(p.rooms.flatMap((r) => r.entries.map((e) => e.assessmentId)));

export interface RoomPolicyView {
  readonly roomId: string;
  readonly roomName: string;
  readonly at: string;
  readonly policy: RoomPolicy;
  /**
   * What decide() answers now for a conversation of each kind: `decision` without a risk flag,
   * `riskFlaggedDecision` with one (an assessment may be limited to risk-flagged conversations).
   */
  readonly decisions: readonly {
    readonly conversationTypeId: string;
    readonly code: string;
    readonly name: string;
    readonly decision: Decision;
    readonly riskFlaggedDecision: Decision;
  }[];
}

export interface CurrentPolicy {
  readonly compiled: CompiledPolicy;
  readonly hash: string;
  /** The latest stored policy version; the scheduler stores a changed policy within a minute. */
  readonly version: {
    readonly seq: number;
    readonly hash: string;
    readonly compiledAt: string;
    readonly trigger: PolicyTrigger;
  } | null;
}

export const policyService = (deps: PolicyDeps) => {
  const { store, clock, events } = deps;
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;

  const compileWith = async (repos: AssessmentRepositories, now: Date): Promise<CompiledPolicy> =>
    compile(
      (await repos.assessments.everApproved()).map((v) => toAssessmentRecord(v, timeZone)),
      now,
      timeZone,
    );

  /**
   * Inside the caller's transaction: compile at now and store a new policy version if what it
   * enables changed. Returns the new version (to notify after commit) or undefined.
   */
  const recompileWithin = async (
    repos: AssessmentRepositories,
    actor: Actor,
    trigger: PolicyTrigger,
    cause?: string,
  ): Promise<PolicyVersion | undefined> => {
    // Two instances (or a tick and an approval) must not both store the same change.
    await repos.policyVersions.lockHead();
    const compiled = await compileWith(repos, clock.now());
    const hash = policyHash(compiled);
    const latest = await repos.policyVersions.latest();
    const previousHash = latest?.hash ?? policyHash(compile([], clock.now(), timeZone));
    if (hash === previousHash) return undefined;
    // The scheduler only notices time passing: if something stopped being enabled, that is an expiry.
    const before = latest === undefined ? new Set<string>() : enabledAssessments(latest.compiled);
    const after = enabledAssessments(compiled);
    const stopped = [...before].filter((id) => !after.has(id));
    const effectiveTrigger: PolicyTrigger =
      trigger === 'expiry' || trigger === 'schedule' ? (stopped.length > 0 ? 'expiry' : 'schedule') : trigger;
    const version = await repos.policyVersions.append({
      compiledAt: compiled.compiledAt,
      trigger: effectiveTrigger,
      cause,
      compiled,
      hash,
    });
    const action = effectiveTrigger === 'expiry' ? 'policy.expired' : 'policy.compiled';
    await recordAudit(repos, clock, actor, action, `policy:${version.seq}`, {
      trigger: effectiveTrigger,
      ...(cause !== undefined ? { cause } : {}),
      hash,
      rooms: compiled.rooms.length,
      enabled: [...after].sort(),
      ...(stopped.length > 0 ? { stopped: stopped.sort() } : {}),
    });
    return version;
  };

  /** After the commit of recompileWithin's transaction (never inside it): policy.changed, if it did. */
  const notify = (v: PolicyVersion | undefined): void => {
    if (v === undefined) return;
    events.emit({
      type: 'policy.changed',
      at: clock.now().toISOString(),
      seq: v.seq,
      compiledAt: v.compiledAt,
      trigger: v.trigger,
    });
  };

  const current = async (): Promise<CurrentPolicy> => {
    const compiled = await compileWith(store.read, clock.now());
    const latest = await store.read.policyVersions.latest();
    return {
      compiled,
      hash: policyHash(compiled),
      version:
        latest === undefined
          ? null
          : { seq: latest.seq, hash: latest.hash, compiledAt: latest.compiledAt, trigger: latest.trigger },
    };
  };

  return {
    timeZone,
    recompileWithin,
    notify,
    /** The scheduler's tick: stores and audits a changed policy (expiry, review date, a start date reached). */
    async tick(): Promise<Result<PolicyVersion | undefined>> {
      const r = await inTransaction(store, (repos) =>
        recompileWithin(repos, { kind: 'system', name: 'scheduler' }, 'expiry'),
      );
      if (r.ok) notify(r.value);
      return r;
    },
    /** Always computed now from the approved versions: expiry applies even between ticks. */
    current,
    /**
     * The policy now and, per room it enables, the legal basis and purpose its approved assessment
     * states (the public site page): computed from the same records at the same instant.
     */
    async publicBases(): Promise<{
      readonly compiled: CompiledPolicy;
      readonly bases: (roomId: string) => readonly PublicBasis[];
    }> {
      const at = clock.now();
      const records = (await store.read.assessments.everApproved()).map((v) =>
        toAssessmentRecord(v, timeZone),
      );
      const compiled = compile(records, at, timeZone);
      return {
        compiled,
        bases: (roomId) =>
          roomBases(
            compiled.rooms.find((r) => r.roomId === roomId),
            records,
            at,
            timeZone,
          ),
      };
    },
    async roomPolicy(roomId: string, conversationTypeId?: string): Promise<Result<RoomPolicyView>> {
      const room = await store.read.rooms.get(roomId);
      if (room === undefined) return err('RESOURCE.NOT_FOUND', `room ${roomId} does not exist`, { roomId });
      const now = clock.now();
      const { compiled } = await current();
      const policy = compiled.rooms.find((r) => r.roomId === roomId) ?? { roomId, entries: [] };
      let types = await store.read.conversationTypes.list();
      if (conversationTypeId !== undefined) {
        types = types.filter((t) => t.id === conversationTypeId || t.code === conversationTypeId);
        if (types.length === 0)
          return err('RESOURCE.NOT_FOUND', `conversation type ${conversationTypeId} does not exist`, {
            conversationTypeId,
          });
      }
      const decisions = types.map((t) => ({
        conversationTypeId: t.id,
        code: t.code,
        name: t.nameNl,
        decision: decide(
          compiled,
          roomId,
          { conversationTypeId: t.id, startedAt: now.toISOString(), riskFlag: false },
          now,
        ),
        riskFlaggedDecision: decide(
          compiled,
          roomId,
          { conversationTypeId: t.id, startedAt: now.toISOString(), riskFlag: true },
          now,
        ),
      }));
      return ok({ roomId, roomName: room.name, at: now.toISOString(), policy, decisions });
    },
    /** decide() over the current policy: what the recorder must do for this conversation now. */
    async decide(
      roomId: string,
      conversation: Conversation | undefined,
      now: Date = clock.now(),
    ): Promise<Decision> {
      const compiled = await compileWith(store.read, now);
      return decide(compiled, roomId, conversation, now);
    },
    history: (limit = 100) => store.read.policyVersions.list(limit),
  };
};

export type PolicyService = ReturnType<typeof policyService>;
