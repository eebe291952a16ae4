/**
 * Residents' requests (issue 12 §1, docs/rights.md): the register's service and routes, the
 * gauges of open, due-soon and overdue requests on /metrics, and a daily sweep that erases the
 * contact details of requests closed longer ago than the retention (ADR 0007).
 */
import { createRightsStore } from '../adapters/db/repositories/rights.repository.js';
import { letterPdf, letterText, rightsLetter } from '../adapters/reports/rights-letter.js';
import { ok } from '../core/result.js';
import { rightsRoutes } from '../http/routes/rights/rights.routes.js';
import type { RecordingService } from '../services/recording.service.js';
import { rightsService, type RightsService } from '../services/rights.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

export interface RightsModule extends ProportioModule {
  readonly service: RightsService;
}

const DAY_MS = 86_400_000;

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
  ctx.metrics?.add(async () => {
    const c = await service.counts();
    return [
      "# HELP proportio_rights_requests_open Residents' requests not answered yet.",
      '# TYPE proportio_rights_requests_open gauge',
      `proportio_rights_requests_open ${c.open}`,
      "# HELP proportio_rights_requests_due_soon Residents' requests within 7 days of their deadline, not answered.",
      '# TYPE proportio_rights_requests_due_soon gauge',
      `proportio_rights_requests_due_soon ${c.dueSoon}`,
      "# HELP proportio_rights_requests_overdue Residents' requests past their deadline (GDPR Art. 12(3)), not answered.",
      '# TYPE proportio_rights_requests_overdue gauge',
      `proportio_rights_requests_overdue ${c.overdue}`,
      '',
    ].join('\n');
  });
  const sweep = async () => {
    if (!ctx.cluster.isLeader()) return; // one instance erases (compose/cluster.ts)
    await service
      .eraseContacts()
      .then((ids) => {
        if (ids.length > 0) log.info({ requests: ids.length }, 'contact details of closed requests erased');
      })
      .catch((err: unknown) => log.error({ err: (err as Error).message }, 'erasing contact details failed'));
  };
  let timer: NodeJS.Timeout | undefined;
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
    start: async () => {
      await sweep();
      timer = setInterval(() => void sweep(), deps.sweepMs ?? DAY_MS);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.resolve();
    },
    health: () => [],
  };
};
