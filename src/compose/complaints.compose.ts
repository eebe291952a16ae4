/**
 * Complaints and regulator inquiries (issue 12 §3, docs/rights.md): the register's service and
 * routes, the gauges of open, due-soon and overdue ones on /metrics, and a daily sweep that
 * erases the contact details of complaints closed longer ago than the retention (as ADR 0007).
 */
import { createComplaintStore } from '../adapters/db/repositories/complaint.repository.js';
import { complaintRoutes } from '../http/routes/complaints/complaints.routes.js';
import { complaintsService, type ComplaintsService } from '../services/complaints.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

export interface ComplaintsModule extends ProportioModule {
  readonly service: ComplaintsService;
}

const DAY_MS = 86_400_000;

export const createComplaintsModule = (
  ctx: ModuleContext,
  deps: { readonly sweepMs?: number } = {},
): ComplaintsModule => {
  const log = ctx.log.child({ component: 'complaints' });
  const service = complaintsService({
    store: createComplaintStore(ctx.database),
    clock: ctx.clock,
    ids: ctx.ids,
  });
  ctx.metrics?.add(async () => {
    const c = await service.counts();
    return [
      '# HELP proportio_complaints_open Complaints and regulator inquiries not answered yet.',
      '# TYPE proportio_complaints_open gauge',
      `proportio_complaints_open ${c.open}`,
      '# HELP proportio_complaints_due_soon Complaints and inquiries within 7 days of their deadline, not answered.',
      '# TYPE proportio_complaints_due_soon gauge',
      `proportio_complaints_due_soon ${c.dueSoon}`,
      "# HELP proportio_complaints_overdue Complaints and inquiries past their deadline (Awb art. 9:11 or the regulator's date), not answered.",
      '# TYPE proportio_complaints_overdue gauge',
      `proportio_complaints_overdue ${c.overdue}`,
      '',
    ].join('\n');
  });
  const sweep = async () => {
    if (!ctx.cluster.isLeader()) return; // one instance erases (compose/cluster.ts)
    await service
      .eraseContacts()
      .then((ids) => {
        if (ids.length > 0)
          log.info({ complaints: ids.length }, 'contact details of closed complaints erased');
      })
      .catch((err: unknown) => log.error({ err: (err as Error).message }, 'erasing contact details failed'));
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'complaints',
    service,
    routes: async (app) => {
      await app.register(complaintRoutes, {
        list: service.list,
        get: service.get,
        create: service.create,
        start: service.start,
        extend: service.extend,
        addEntry: service.addEntry,
        link: service.link,
        answer: service.answer,
        close: service.close,
        complaintsInPeriod: service.complaintsInPeriod,
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
