/**
 * The agent gateway (issue 13 §2, ADR 0015): registers recorder agents for a site (a one-time
 * code), enrols them (their token, their public key), revokes them, hands each its signed plan,
 * and takes in what they recorded — clip rows, notes and sealed parts — through the same
 * recording service the local recorder uses. Every change to an agent is audited.
 */
import {
  agentLagSeconds,
  agentState,
  CODE_ALPHABET,
  ENROLMENT_CODE_HOURS,
  enrolmentRefusal,
  siteAgent,
  formatCode,
  normaliseCode,
  parseAgentToken,
  type AgentRecord,
  type AgentReport,
  type AgentState,
} from '../core/agents/agent.js';
import { AGENT_PLAN_FORMAT, planBytes, type AgentPlan, type SignedAgentPlan } from '../core/agents/plan.js';
import type { ClipMetadata } from '../core/recording/clip.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import type { AgentCrypto, AgentStore } from './agent-ports.js';
import { recordAudit } from './audit.service.js';
import { actorId, type Actor, type Clock, type IdGenerator } from './ports.js';
import type { RecordingService } from './recording.service.js';
import type { SealOutcome } from './recording-ports.js';
import { actorServesSite } from './site-scope.js';
import { inTransaction } from './transaction.js';

/** The vault as the gateway needs it: parts already sealed by an agent, and closing their clip. */
export interface AgentVaultIntake {
  putPart(
    clipId: string,
    index: number,
    sealed: Buffer,
    sha256: string,
    /** How far the footage reaches at the end of this part, as the agent's manifest says (optional). */
    media: unknown,
  ): Promise<Result<{ readonly stored: boolean }>>;
  close(clipId: string, interrupted: boolean): Promise<Result<{ readonly manifestDigest: string }>>;
  /** The vault's recipient now (age1…), or null when there is no vault key: nothing is armed. */
  recipient(): Promise<string | null>;
}

export interface AgentServiceDeps {
  readonly store: AgentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly crypto: AgentCrypto;
  readonly recording: Pick<
    RecordingService,
    | 'plan'
    | 'openAlarms'
    | 'clipOpened'
    | 'clipExtended'
    | 'clipFinished'
    | 'clipRecovered'
    | 'note'
    | 'getClip'
  >;
  readonly vault: AgentVaultIntake;
}

export interface AgentView {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly state: AgentState;
  readonly createdAt: string;
  /** Until when the one-time code enrols the agent; null once enrolled or revoked. */
  readonly codeExpiresAt: string | null;
  readonly enrolledAt: string | null;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
  readonly lagSeconds: number | null;
  readonly report: AgentReport | null;
}

export type ClipOpening = Parameters<RecordingService['clipOpened']>[0];

/** What an agent says about a clip it finished (sealed, failed, or closed by its recovery). */
export interface AgentClipEnd {
  readonly outcome: 'sealed' | 'failed' | 'interrupted';
  readonly parts: number;
  readonly sealedBytes: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly meta: ClipMetadata | null;
}

const AGENT_ACTOR = (a: AgentRecord): Actor => ({ kind: 'system', name: `agent:${a.id}` });

export const agentService = (deps: AgentServiceDeps) => {
  const { store, clock, ids, crypto } = deps;
  const now = () => clock.now();

  const view = (a: AgentRecord): AgentView => ({
    id: a.id,
    siteId: a.siteId,
    name: a.name,
    state: agentState(a, now()),
    createdAt: a.createdAt,
    codeExpiresAt: a.enrolledAt === null && a.revokedAt === null ? a.codeExpiresAt : null,
    enrolledAt: a.enrolledAt,
    revokedAt: a.revokedAt,
    lastSeenAt: a.lastSeenAt,
    lagSeconds: agentLagSeconds(a, now()),
    report: a.lastReport,
  });

  /** A clip row of this agent's site, or the reason it is not one. */
  const ownClip = async (agent: AgentRecord, clipId: string): Promise<Result<void>> => {
    const c = await deps.recording.getClip(clipId);
    if (c === undefined || c.siteId !== agent.siteId)
      return err('RESOURCE.NOT_FOUND', `clip ${clipId} does not exist`, { clipId });
    return ok(undefined);
  };

  return {
    list: async (viewer: Actor): Promise<AgentView[]> =>
      (await store.read.agents.list()).filter((a) => actorServesSite(viewer, a.siteId)).map(view),

    /** Sites whose cameras an active agent records: the local recorder leaves them alone. */
    remoteSites: async (): Promise<Set<string>> =>
      new Set(
        (await store.read.agents.list())
          .filter((a) => agentState(a, now()) === 'enrolled')
          .map((a) => a.siteId),
      ),

    /** Registers an agent for a site; the code is answered once and stored only as its hash. */
    create: (actor: Actor, input: { siteId: string; name: string }) =>
      inTransaction(store, async (repos) => {
        const name = input.name.trim();
        if (name.length < 1 || name.length > 100)
          unwrap(
            err('AGENT.NAME_REQUIRED', 'an agent needs a name of 1 to 100 characters', { field: 'name' }),
          );
        const site = await repos.sites.get(input.siteId);
        if (site === undefined || !actorServesSite(actor, input.siteId))
          unwrap(err('RESOURCE.NOT_FOUND', `site ${input.siteId} does not exist`, { field: 'siteId' }));
        const taken = siteAgent(await repos.agents.list(), input.siteId, now());
        if (taken !== undefined)
          unwrap(
            err(
              'AGENT.SITE_HAS_AGENT',
              `site ${input.siteId} already has the recorder agent "${taken.name}": revoke it first`,
              { field: 'siteId', agentId: taken.id },
            ),
          );
        const code = crypto.code(CODE_ALPHABET, 12);
        const at = now();
        const agent: AgentRecord = {
          id: ids.newId(),
          siteId: input.siteId,
          name,
          createdAt: at.toISOString(),
          createdBy: actorId(actor),
          codeHash: crypto.hash(code),
          codeExpiresAt: new Date(at.getTime() + ENROLMENT_CODE_HOURS * 3_600_000).toISOString(),
          tokenHash: null,
          recipient: null,
          enrolledAt: null,
          revokedAt: null,
          revokedBy: null,
          lastSeenAt: null,
          lastReport: null,
        };
        await repos.agents.insert(agent);
        await recordAudit(repos, clock, actor, 'agent.create', `agent:${agent.id}`, {
          siteId: agent.siteId,
          name,
          codeExpiresAt: agent.codeExpiresAt,
        });
        return { agent: view(agent), code: formatCode(code) };
      }),

    /** The agent's side of enrolment: a valid code and its public key give it a token (once). */
    enrol: (input: { code: string; recipient: string }) =>
      inTransaction(store, async (repos) => {
        const a = await repos.agents.byCodeHash(crypto.hash(normaliseCode(input.code)));
        const refusal = enrolmentRefusal(a, now());
        if (refusal !== null || a === undefined)
          return unwrap(err('AGENT.CODE_INVALID', 'the enrolment code is unknown, already used or expired'));
        // Two registered at the same moment: the first to enrol records the site.
        if (siteAgent(await repos.agents.list(), a.siteId, now(), a.id)?.enrolledAt != null)
          unwrap(err('AGENT.SITE_HAS_AGENT', `site ${a.siteId} already has an enrolled recorder agent`));
        if (!/^age1[02-9ac-hj-np-z]{58}$/.test(input.recipient))
          unwrap(
            err('AGENT.RECIPIENT_INVALID', "the agent's public key is not an age recipient", {
              field: 'recipient',
            }),
          );
        const secret = crypto.tokenSecret();
        const token = `pag_${a.id}.${secret}`;
        const enrolled: AgentRecord = {
          ...a,
          codeHash: null,
          codeExpiresAt: null,
          tokenHash: crypto.hash(token),
          recipient: input.recipient,
          enrolledAt: now().toISOString(),
        };
        await repos.agents.update(enrolled);
        await recordAudit(repos, clock, AGENT_ACTOR(a), 'agent.enrol', `agent:${a.id}`, {
          siteId: a.siteId,
          recipient: input.recipient,
        });
        return { agentId: a.id, siteId: a.siteId, token, planKey: crypto.publicKeyPem() };
      }),

    revoke: (actor: Actor, id: string) =>
      inTransaction(store, async (repos) => {
        const a = await repos.agents.get(id);
        if (a === undefined || !actorServesSite(actor, a.siteId))
          return unwrap(err('AGENT.NOT_FOUND', `agent ${id} does not exist`, { agentId: id }));
        if (a.revokedAt !== null)
          unwrap(err('AGENT.REVOKED', 'the agent is already revoked', { agentId: id }));
        const revoked: AgentRecord = {
          ...a,
          codeHash: null,
          revokedAt: now().toISOString(),
          revokedBy: actorId(actor),
        };
        await repos.agents.update(revoked);
        await recordAudit(repos, clock, actor, 'agent.revoke', `agent:${a.id}`, { siteId: a.siteId });
        return view(revoked);
      }),

    /** The agent behind a bearer token, while enrolled and not revoked. */
    authenticate: async (token: string): Promise<AgentRecord | undefined> => {
      const t = parseAgentToken(token);
      if (t === null) return undefined;
      const a = await store.read.agents.get(t.agentId);
      if (a === undefined || a.tokenHash === null || a.tokenHash !== crypto.hash(token)) return undefined;
      return agentState(a, now()) === 'enrolled' ? a : undefined;
    },

    heartbeat: async (agent: AgentRecord, report: AgentReport | null): Promise<void> => {
      await store.read.agents.seen(
        agent.id,
        now().toISOString(),
        report === null ? null : JSON.stringify(report),
      );
    },

    /** The site's plan as the server sees it now, camera sources sealed to the agent, signed. */
    planFor: async (agent: AgentRecord): Promise<SignedAgentPlan> => {
      const [plans, open, recipient] = await Promise.all([
        deps.recording.plan(),
        deps.recording.openAlarms(),
        deps.vault.recipient(),
      ]);
      const mine = plans.filter((p) => p.siteId === agent.siteId);
      const rooms = new Set(mine.map((p) => p.camera.roomId));
      const raw: AgentPlan = {
        format: AGENT_PLAN_FORMAT,
        agentId: agent.id,
        siteId: agent.siteId,
        issuedAt: now().toISOString(),
        vaultRecipient: recipient,
        cameras: mine.map(({ sourceUrl, policy, ...p }) => ({
          ...p,
          policy,
          sourceSealed:
            p.off === null && agent.recipient !== null ? crypto.sealTo(agent.recipient, sourceUrl) : null,
        })),
        openAlarms: open
          .filter((o) => rooms.has(o.roomId))
          .map((o) => ({
            alarmId: o.alarmId,
            incidentId: o.incidentId,
            roomId: o.roomId,
            lastPressAt: o.lastPressAt,
          })),
      };
      // What the agent receives is JSON: sign exactly what it will parse back (no undefined fields).
      const plan = JSON.parse(JSON.stringify(raw)) as AgentPlan;
      return { plan, signature: crypto.sign(planBytes(plan)) };
    },

    // ---- what the agent recorded ---------------------------------------------------------

    /** A clip the agent opened; sending it again changes nothing (the agent retries until answered). */
    clipOpened: async (agent: AgentRecord, c: ClipOpening): Promise<Result<void>> => {
      const existing = await deps.recording.getClip(c.id);
      if (existing !== undefined)
        return existing.siteId === agent.siteId && existing.cameraId === c.cameraId
          ? ok(undefined)
          : err('AGENT.PART_CONFLICT', `clip ${c.id} exists for another camera`, { clipId: c.id });
      const camera = await store.read.cameras.get(c.cameraId);
      const room = camera === undefined ? undefined : await store.read.rooms.get(camera.roomId);
      if (room === undefined || room.siteId !== agent.siteId)
        return err('AGENT.CAMERA_ELSEWHERE', "the camera is not at the agent's site", {
          cameraId: c.cameraId,
        });
      await deps.recording.clipOpened({ ...c, roomId: room.id, siteId: agent.siteId });
      return ok(undefined);
    },

    clipExtended: async (
      agent: AgentRecord,
      clipId: string,
      alarmId: string,
      incidentId: string | null,
    ): Promise<Result<void>> => {
      const own = await ownClip(agent, clipId);
      if (!own.ok) return own;
      await deps.recording.clipExtended(clipId, alarmId, incidentId);
      return ok(undefined);
    },

    note: async (agent: AgentRecord, n: Parameters<RecordingService['note']>[0]): Promise<Result<void>> => {
      if (n.cameraId !== null) {
        const camera = await store.read.cameras.get(n.cameraId);
        const room = camera === undefined ? undefined : await store.read.rooms.get(camera.roomId);
        if (room === undefined || room.siteId !== agent.siteId)
          return err('AGENT.CAMERA_ELSEWHERE', "the camera is not at the agent's site", {
            cameraId: n.cameraId,
          });
      }
      await deps.recording.note(n);
      return ok(undefined);
    },

    part: async (
      agent: AgentRecord,
      clipId: string,
      index: number,
      sealed: Buffer,
      sha256: string,
      media: unknown,
    ): Promise<Result<{ readonly stored: boolean }>> => {
      const own = await ownClip(agent, clipId);
      if (!own.ok) return own;
      return deps.vault.putPart(clipId, index, sealed, sha256, media);
    },

    /** The clip is over on the agent: close it in the vault (unless it failed) and store its row. */
    clipEnded: async (agent: AgentRecord, clipId: string, end: AgentClipEnd): Promise<Result<void>> => {
      const own = await ownClip(agent, clipId);
      if (!own.ok) return own;
      const row = await deps.recording.getClip(clipId);
      if (row !== undefined && row.status !== 'recording') return ok(undefined);
      if (end.outcome === 'interrupted') {
        const closed = await deps.vault.close(clipId, true);
        await deps.recording.clipRecovered(
          clipId,
          closed.ok
            ? ok({
                manifestDigest: closed.value.manifestDigest,
                parts: end.parts,
                sealedBytes: end.sealedBytes,
              })
            : err('VAULT.IO_FAILED', closed.error.message),
        );
        return ok(undefined);
      }
      let outcome: SealOutcome;
      if (end.outcome === 'sealed') {
        const closed = await deps.vault.close(clipId, false);
        if (!closed.ok) return closed;
        outcome = {
          ok: true,
          value: { manifestDigest: closed.value.manifestDigest },
          sealedBytes: end.sealedBytes,
          parts: end.parts,
        };
      } else
        outcome = {
          ok: false,
          error: {
            code: (end.error?.code ?? 'VAULT.IO_FAILED') as 'VAULT.IO_FAILED',
            message: end.error?.message ?? 'sealing failed on the agent',
          },
          sealedBytes: end.sealedBytes,
          parts: end.parts,
        };
      await deps.recording.clipFinished(clipId, outcome, end.meta);
      return ok(undefined);
    },
  };
};

export type AgentService = ReturnType<typeof agentService>;
