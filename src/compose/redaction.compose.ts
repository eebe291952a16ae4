/**
 * Redacted copies for residents' requests (issue 12 §2, docs/redaction.md "The job"): the job
 * service and its routes, the engine (face-api on WASM + ffmpeg) made on first use, the copies
 * encrypted under a key of this process, scratch folders for plaintext during a step. At start,
 * leftovers of an earlier process go (scratch plaintext, unreadable copies, cut-off steps); an
 * hourly sweep deletes copies past their seven days or of closed requests.
 */
import path from 'node:path';
import { createRedactionStore } from '../adapters/db/repositories/redaction.repository.js';
import { createFaceDetector } from '../adapters/media/face-detector.js';
import { createFootageRedactor } from '../adapters/media/footage-redactor.js';
import { clearScratch, scratchFolder } from '../adapters/media/scratch.js';
import { openCopyVault } from '../adapters/vault/copy-vault.js';
import { ok, type Result } from '../core/result.js';
import { redactionRoutes } from '../http/routes/redaction/redaction.routes.js';
import type { FootageRedactor, RedactionGrants } from '../services/redaction-ports.js';
import { redactionService, type RedactionService } from '../services/redaction.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

export interface RedactionModule extends ProportioModule {
  readonly service: RedactionService;
}

const HOUR_MS = 3_600_000;

export const createRedactionModule = (
  ctx: ModuleContext,
  deps: { readonly grants: RedactionGrants; readonly sweepMs?: number },
): RedactionModule => {
  const log = ctx.log.child({ component: 'redaction' });
  const base = path.join(ctx.config.dataDir, 'redaction');
  const scratchBase = path.join(base, 'scratch');
  let engine: Promise<Result<FootageRedactor>> | undefined;
  const redactor = () => {
    engine ??= createFaceDetector().then((d) =>
      d.ok
        ? ok(
            createFootageRedactor({
              detector: d.value,
              ...(ctx.config.ffmpegPath ? { ffmpegPath: ctx.config.ffmpegPath } : {}),
            }),
          )
        : d,
    );
    return engine.then((r) => {
      if (!r.ok) engine = undefined; // try loading again next time
      return r;
    });
  };
  const service = redactionService({
    store: createRedactionStore(ctx.database),
    clock: ctx.clock,
    ids: ctx.ids,
    grants: deps.grants,
    redactor,
    copies: openCopyVault(path.join(base, 'copies')),
    scratch: () => scratchFolder(scratchBase),
    instance: ctx.cluster.instance,
  });
  const sweep = () =>
    service
      .sweep()
      .then((n) => {
        if (n > 0) log.info({ copies: n }, 'redacted copies past their time deleted');
      })
      .catch((err: unknown) => log.error({ err: (err as Error).message }, 'deleting redacted copies failed'));
  // A closed request's copies go at once, not at the next hourly sweep (ADR 0011).
  const unsubscribe = ctx.events.subscribe('rights.request.closed', (e) => {
    service
      .sweep(e.requestId)
      .catch((err: unknown) =>
        log.error({ err: (err as Error).message }, 'deleting the copies of a closed request failed'),
      );
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'redaction',
    service,
    routes: async (app) => {
      await app.register(redactionRoutes, {
        list: service.list,
        get: service.get,
        detect: service.detect,
        review: service.review,
        render: service.render,
        download: service.download,
        deleteCopy: service.deleteCopy,
        preview: service.preview,
      });
    },
    start: async () => {
      await clearScratch(scratchBase);
      await service.restarted();
      await sweep();
      timer = setInterval(() => void sweep(), deps.sweepMs ?? HOUR_MS);
      timer.unref();
    },
    stop: async () => {
      unsubscribe();
      if (timer) clearInterval(timer);
      timer = undefined;
      await service.stop();
    },
    health: () => [],
  };
};
