/**
 * Residents' requests (issue 12 §1, docs/rights.md): the register's service and routes, the
 * gauges of open, due-soon and overdue requests on /metrics, and a daily sweep that erases the
 * contact details of requests closed longer ago than the retention (ADR 0007; both in
 * register-upkeep.ts, shared with the complaints).
 */
import { createRightsStore } from '../adapters/db/repositories/rights.repository.js';
import { letterPdf, letterText, rightsLetter } from '../adapters/reports/rights-letter.js';
import { ok } from '../core/result.js';
import { rightsRoutes } from '../http/routes/rights/rights.routes.js';
import type { RecordingService } from '../services/recording.service.js';
import { rightsService, type RightsService } from '../services/rights.service.js';
import type { ModuleContext, ProportioModule } from './module.js';
import { addDeadlineGauges, contactSweep } from './register-upkeep.js';

export interface RightsModule extends ProportioModule {
  readonly service: RightsService;
}

export const createRightsModule = (
  ctx: ModuleContext,
  deps: { readonly recording: Pick<RecordingService, 'deleteClip'>; readonly sweepMs?: number },
): RightsModule => {
  const log = ctx.log.child({ component: 'rights' });
  const service = rightsService({
    store: createRightsStore(ctx.database),
    clock: ctx.clock,
    ids: ctx.ids,
    deleteClip: deps.recording.deleteClip,
    letterText: (kind, data, lang) => letterText(rightsLetter(kind, data, lang)),
    events: ctx.events,
  });
  addDeadlineGauges(
    ctx,
    'proportio_rights_requests',
    {
      open: "Residents' requests not answered yet.",
      dueSoon: "Residents' requests within 7 days of their deadline, not answered.",
      overdue: "Residents' requests past their deadline (GDPR Art. 12(3)), not answered.",
    },
    service.counts,
  );
  const sweep = contactSweep(
    ctx,
    log,
    service.eraseContacts,
    (n) => log.info({ requests: n }, 'contact details of closed requests erased'),
    deps.sweepMs,
  );
  return {
    name: 'rights',
    service,
    routes: async (app) => {
      await app.register(rightsRoutes, {
        list: service.list,
        get: service.get,
        create: service.create,
        start: service.start,
        extend: service.extend,
        decide: service.decide,
        send: service.send,
        close: service.close,
        findings: service.findings,
        linkClips: service.linkClips,
        actOnClips: service.actOnClips,
        letter: async (viewer, id, q) => {
          const input = await service.letterInput(viewer, id, q.kind);
          if (!input.ok) return input;
          const doc = rightsLetter(q.kind, input.value, q.lang);
          const file = `${q.kind === 'decision' ? (q.lang === 'nl' ? 'besluit' : 'decision') : q.lang === 'nl' ? 'verlenging' : 'extension'}-${id}`;
          return ok(
            q.format === 'text'
              ? { body: letterText(doc), type: 'text/plain; charset=utf-8', file: `${file}.txt` }
              : { body: await letterPdf(doc), type: 'application/pdf', file: `${file}.pdf` },
          );
        },
      });
    },
    start: sweep.start,
    stop: sweep.stop,
    health: () => [],
  };
};
