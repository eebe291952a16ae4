/**
 * Four-eyes viewing (issue 10 §2): requests, approvals with the custodians' shares, grants whose
 * file keys live only in this process's memory (adapters/vault/grant-store.ts), plays and the
 * footage history. A timer lapses approvals and ends grants on time; a logout ends the grants of
 * its user; a restart ends them all (start() records it). stop() wipes every key it holds.
 */
import { openClipStore } from '../adapters/vault/clip-store.js';
import { grantStore } from '../adapters/vault/grant-store.js';
import { createViewingStore } from '../adapters/db/repositories/viewing.repository.js';
import { footageRoutes } from '../http/routes/footage/footage.routes.js';
import type { EvidenceSource } from '../services/evidence-ports.js';
import { viewingService, type ViewingService } from '../services/viewing.service.js';
import { vaultPaths } from './recording.compose.js';
import type { ModuleContext, ProportioModule } from './module.js';

export interface ViewingModule extends ProportioModule {
  readonly service: ViewingService;
  /** For the signed police export (the export module takes it). */
  readonly evidence: EvidenceSource;
}

export const createViewingModule = (
  ctx: ModuleContext,
  options: { readonly settleMs?: number; readonly grant?: { minutes?: number; plays?: number } } = {},
): ViewingModule => {
  const log = ctx.log.child({ component: 'viewing' });
  const clips = vaultPaths(ctx.config).clips;
  const keys = grantStore(() => openClipStore(clips()));
  const service = viewingService({
    store: createViewingStore(ctx.database),
    clock: ctx.clock,
    ids: ctx.ids,
    keys,
    instance: ctx.cluster.instance,
    ...(options.grant ? { grant: options.grant } : {}),
  });
  const unsubscribe = ctx.events.subscribe('session.ended', (e) => {
    service
      .endForUser(e.userId)
      .catch((err: unknown) =>
        log.error({ err: (err as Error).message }, 'ending the grants of a logout failed'),
      );
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'viewing',
    service,
    evidence: service.evidence(),
    routes: async (app) => {
      await app.register(footageRoutes, {
        create: service.create,
        list: service.list,
        get: service.get,
        approve: service.approve,
        refuse: service.refuse,
        revoke: service.revoke,
        play: service.play,
        stream: service.stream,
        history: service.history,
      });
    },
    start: async () => {
      await service.restarted();
      timer = setInterval(() => {
        service
          .settle()
          .catch((err: unknown) =>
            log.error({ err: (err as Error).message }, 'settling viewing grants failed'),
          );
      }, options.settleMs ?? 15_000);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      unsubscribe();
      keys.clear();
      await Promise.resolve();
    },
    health: () => [],
  };
};
