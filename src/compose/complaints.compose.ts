/**
 * Complaints and regulator inquiries (issue 12 §3, docs/rights.md): the register's service and
 * routes, the gauges of open, due-soon and overdue ones on /metrics, and a daily sweep that
 * erases the contact details of complaints closed longer ago than the retention (as ADR 0007;
 * both in register-upkeep.ts, shared with the residents' requests).
 */
import { createComplaintStore } from '../adapters/db/repositories/complaint.repository.js';
import { complaintRoutes } from '../http/routes/complaints/complaints.routes.js';
import { complaintsService, type ComplaintsService } from '../services/complaints.service.js';
import type { ModuleContext, ProportioModule } from './module.js';
import { addDeadlineGauges, contactSweep } from './register-upkeep.js';

export interface ComplaintsModule extends ProportioModule {
  readonly service: ComplaintsService;
}

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
  addDeadlineGauges(
    ctx,
    'proportio_complaints',
    {
      open: 'Complaints and regulator inquiries not answered yet.',
      dueSoon: 'Complaints and inquiries within 7 days of their deadline, not answered.',
      overdue:
        "Complaints and inquiries past their deadline (Awb art. 9:11 or the regulator's date), not answered.",
    },
    service.counts,
  );
  const sweep = contactSweep(
    ctx,
    log,
    service.eraseContacts,
    (n) => log.info({ complaints: n }, 'contact details of closed complaints erased'),
    deps.sweepMs,
  );
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
    start: sweep.start,
    stop: sweep.stop,
    health: () => [],
  };
};
