/**
 * The start page's to-do list reads what the other capabilities hold (assessments, incidents,
 * viewing requests, legal holds, residents' requests): composed after them, from their services and stores.
 */
import { createAssessmentStore } from '../adapters/db/repositories/assessment-store.js';
import { createRecordingStore } from '../adapters/db/repositories/recording-store.js';
import { todoRoutes } from '../http/routes/todo/todo.routes.js';
import type { ComplaintsService } from '../services/complaints.service.js';
import type { IncidentService } from '../services/incident.service.js';
import { todoService } from '../services/todo.service.js';
import type { RightsService } from '../services/rights.service.js';
import type { ViewingService } from '../services/viewing.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

export const createTodoModule = (
  ctx: ModuleContext,
  from: {
    readonly incidents: IncidentService;
    readonly viewing: ViewingService;
    readonly complaints?: ComplaintsService;
    readonly rights: Pick<RightsService, 'list'>;
  },
): ProportioModule => {
  const todo = todoService({
    clock: ctx.clock,
    assessments: createAssessmentStore(ctx.database).read.assessments,
    incidents: from.incidents,
    viewing: from.viewing,
    recording: createRecordingStore(ctx.database).read,
    ...(from.complaints !== undefined ? { complaints: from.complaints } : {}),
    rights: from.rights,
  });
  return {
    name: 'todo',
    routes: async (app) => {
      await app.register(todoRoutes, { todo });
    },
    start: async () => undefined,
    stop: async () => undefined,
    health: () => [],
  };
};
