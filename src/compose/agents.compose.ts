/**
 * Recorder agents at the sites (issue 13 §2, ADR 0015): the gateway service over the agents'
 * table, the vault intake for their sealed parts, the routes, and each agent's event stream —
 * alarms of its site's rooms, a re-plan hint when conversations, the policy or cameras change,
 * and `deny` the moment an objection or suspension commits (`recording.denied`, from any instance).
 */
import type { ServerResponse } from 'node:http';
import { createAgentStore } from '../adapters/db/repositories/agent.repository.js';
import { gatewayCrypto } from '../adapters/agent/gateway-crypto.js';
import { acceptSealedPart, closeAcceptedClip } from '../adapters/vault/sealed-part-intake.js';
import type { PartMedia } from '../adapters/vault/clip-store.js';
import { agentLagSeconds, agentState } from '../core/agents/agent.js';
import type { DenyScope } from '../core/recording/arming.js';
import { err } from '../core/result.js';
import { agentRoutes } from '../http/routes/agents/agents.routes.js';
import { agentService, type AgentService } from '../services/agent.service.js';
import type { ModuleContext, ProportioModule } from './module.js';
import type { RecordingModule } from './recording.compose.js';
import { alarmWire } from '../workers/recorder-driver.js';

export interface AgentModule extends ProportioModule {
  readonly service: AgentService;
}

const isMedia = (m: unknown): m is PartMedia =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as PartMedia).startedAt === 'string' &&
  typeof (m as PartMedia).endedAt === 'string' &&
  typeof (m as PartMedia).durationSeconds === 'number';

interface Stream {
  readonly agentId: string;
  readonly siteId: string;
  readonly res: ServerResponse;
}

export const createAgentModule = (
  ctx: ModuleContext,
  deps: { readonly recording: () => RecordingModule },
): AgentModule => {
  const log = ctx.log.child({ component: 'agents' });
  const store = createAgentStore(ctx.database);
  const vaultRecipient = () => deps.recording().vaultRecipient();
  const service = agentService({
    store,
    clock: ctx.clock,
    ids: ctx.ids,
    crypto: gatewayCrypto(ctx.config.dataDir),
    recording: {
      plan: () => deps.recording().service.plan(),
      openAlarms: () => deps.recording().service.openAlarms(),
      clipOpened: (c) => deps.recording().service.clipOpened(c),
      clipExtended: (...a) => deps.recording().service.clipExtended(...a),
      clipFinished: (...a) => deps.recording().service.clipFinished(...a),
      clipRecovered: (...a) => deps.recording().service.clipRecovered(...a),
      note: (n) => deps.recording().service.note(n),
      getClip: (id) => deps.recording().service.getClip(id),
    },
    vault: {
      recipient: vaultRecipient,
      putPart: async (clipId, index, sealed, sha256, media) => {
        const [store, recipient] = await Promise.all([deps.recording().vaultStore(), vaultRecipient()]);
        if (store === null || recipient === null)
          return err('VAULT.IO_FAILED', 'the vault cannot take parts now');
        return acceptSealedPart(store, {
          clipId,
          index,
          sealed,
          sha256,
          recipient,
          ...(isMedia(media) ? { media } : {}),
        });
      },
      close: async (clipId, interrupted) => {
        const [store, recipient] = await Promise.all([deps.recording().vaultStore(), vaultRecipient()]);
        if (store === null) return err('VAULT.IO_FAILED', 'the vault folder cannot be opened');
        return closeAcceptedClip(store, clipId, { interrupted, recipient: recipient ?? '' });
      },
    },
  });

  const streams = new Set<Stream>();
  const send = (to: (s: Stream) => boolean, event: string, data: unknown): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const s of streams) if (to(s) && !s.res.destroyed) s.res.write(frame);
  };
  const unsubscribe: (() => void)[] = [];
  let keepAlive: NodeJS.Timeout | undefined;

  const inScope = (scope: DenyScope, s: Stream, roomSite: (roomId: string) => string | undefined) =>
    scope.kind === 'all' ||
    (scope.kind === 'site' && scope.siteId === s.siteId) ||
    (scope.kind === 'room' && roomSite(scope.roomId) === s.siteId);
  const roomSites = new Map<string, string>();
  const refreshRooms = async () => {
    for (const r of await ctx.store.read.rooms.list()) roomSites.set(r.id, r.siteId);
  };

  const metrics = async (): Promise<string> => {
    const list = await store.read.agents.list();
    const now = ctx.clock.now();
    const lines = [
      '# HELP proportio_agent_state Recorder agents by state (1 for the state each is in).',
      '# TYPE proportio_agent_state gauge',
      ...list.map(
        (a) => `proportio_agent_state{agent="${a.id}",site="${a.siteId}",state="${agentState(a, now)}"} 1`,
      ),
      '# HELP proportio_agent_lag_seconds Since the oldest step queued on the agent or its last contact.',
      '# TYPE proportio_agent_lag_seconds gauge',
      ...list.flatMap((a) => {
        const lag = agentLagSeconds(a, now);
        return lag === null ? [] : [`proportio_agent_lag_seconds{agent="${a.id}"} ${lag}`];
      }),
      '# HELP proportio_agent_queued_parts Sealed parts waiting on the agent for upload.',
      '# TYPE proportio_agent_queued_parts gauge',
      ...list.flatMap((a) =>
        a.lastReport === null
          ? []
          : [`proportio_agent_queued_parts{agent="${a.id}"} ${a.lastReport.queuedParts}`],
      ),
      '# HELP proportio_agent_restarts_total Camera process restarts the agent reported.',
      '# TYPE proportio_agent_restarts_total counter',
      ...list.flatMap((a) =>
        a.lastReport === null
          ? []
          : [`proportio_agent_restarts_total{agent="${a.id}"} ${a.lastReport.restarts}`],
      ),
      `proportio_agent_streams ${streams.size}`,
    ];
    return `${lines.join('\n')}\n`;
  };
  ctx.metrics?.add(metrics);

  return {
    name: 'agents',
    service,
    routes: async (app) => {
      // The agents' streams end before the server closes, or close would wait for them forever
      // (a SIGTERM'd `serve` never exited while an agent was connected).
      app.addHook('preClose', async () => {
        for (const s of [...streams]) s.res.end();
        streams.clear();
      });
      await app.register(agentRoutes, {
        list: (viewer) => service.list(viewer),
        create: (actor, body) => service.create(actor, body),
        revoke: async (actor, id) => {
          const r = await service.revoke(actor, id);
          // The site is the local recorder's again (if it reaches the cameras).
          if (r.ok)
            void deps
              .recording()
              .reconcile()
              .catch(() => undefined);
          if (r.ok)
            for (const s of [...streams])
              if (s.agentId === id) {
                s.res.write('event: revoked\ndata: {}\n\n');
                s.res.end();
              }
          return r;
        },
        enrol: async (body) => {
          const r = await service.enrol(body);
          // From now on the agent records this site: the local recorder lets go of its cameras.
          if (r.ok)
            void deps
              .recording()
              .reconcile()
              .catch(() => undefined);
          return r;
        },
        authenticate: (token) => service.authenticate(token),
        plan: (agent) => service.planFor(agent),
        heartbeat: (agent, report) => service.heartbeat(agent, report),
        attach: (agent, res) => {
          res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-store',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
          });
          const s: Stream = { agentId: agent.id, siteId: agent.siteId, res };
          streams.add(s);
          res.on('close', () => streams.delete(s));
          res.write(
            `event: hello\ndata: ${JSON.stringify({ agentId: agent.id, at: ctx.clock.now().toISOString() })}\n\n`,
          );
          void service.heartbeat(agent, null).catch(() => undefined);
        },
        clipOpened: (agent, c) => service.clipOpened(agent, c),
        clipExtended: (agent, clipId, alarmId, incidentId) =>
          service.clipExtended(agent, clipId, alarmId, incidentId),
        note: (agent, n) => service.note(agent, n),
        part: (agent, clipId, index, sealed, sha256, media) =>
          service.part(agent, clipId, index, sealed, sha256, media),
        clipEnded: (agent, clipId, end) => service.clipEnded(agent, clipId, end),
      });
    },
    start: async () => {
      await refreshRooms().catch(() => undefined);
      unsubscribe.push(
        ctx.events.subscribe(['alarm.raised', 'alarm.joined', 'alarm.closed'], (e) =>
          // The same shape `serve`'s local agent gets (workers/recorder-driver.ts).
          send((s) => s.siteId === e.alarm.siteId, e.type, alarmWire(e.alarm)),
        ),
        ctx.events.subscribe(
          [
            'conversation.started',
            'conversation.ended',
            'policy.changed',
            'camera.changed',
            'recording.resumed',
          ],
          (e) => {
            if (e.type === 'camera.changed') void refreshRooms().catch(() => undefined);
            send(() => true, 'replan', { because: e.type });
          },
        ),
        // From this instance or another: every agent of the scope stops within a second.
        ctx.events.subscribe('recording.denied', ({ scope, off, at }) =>
          send((s) => inScope(scope, s, (roomId) => roomSites.get(roomId)), 'deny', { scope, off, at }),
        ),
      );
      keepAlive = setInterval(() => {
        for (const s of streams) if (!s.res.destroyed) s.res.write(': keep-alive\n\n');
      }, 15_000);
      keepAlive.unref();
      log.info('recorder agents: gateway ready');
    },
    stop: async () => {
      for (const u of unsubscribe.splice(0)) u();
      if (keepAlive) clearInterval(keepAlive);
      for (const s of [...streams]) s.res.end();
      streams.clear();
    },
    health: () => [],
  };
};
