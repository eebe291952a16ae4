/**
 * The assessment capability: the DPIA workflow with versions, the room policy compiled from the
 * approved assessments with its history, and the scheduler tick that switches recording off when
 * an assessment expires or reaches its review date.
 */
import type { FastifyInstance } from 'fastify';
import { createAssessmentStore } from '../adapters/db/repositories/assessment-store.js';
import { createRecordingStore } from '../adapters/db/repositories/recording-store.js';
import { windowLimiter } from '../http/plugins/rate-limit.js';
import * as reports from '../adapters/reports/index.js';
import { assessmentRoutes } from '../http/routes/assessments/assessments.routes.js';
import { exportKey, exportKeyFile } from '../adapters/evidence/export-key.js';
import { documentRoutes } from '../http/routes/assessments/documents.routes.js';
import { policyRoutes } from '../http/routes/policy/policy.routes.js';
import { registryService } from '../services/registry.service.js';
import { assessmentService, type AssessmentService } from '../services/assessment.service.js';
import { policyService, type PolicyService } from '../services/policy.service.js';
import type { HealthItem, ModuleContext, ProportioModule } from './module.js';

/** Per client address: generous for a hall full of phones behind one NAT, a brake on scraping loops. */
export const PUBLIC_PAGES_PER_MINUTE = 120;

/** How often the scheduler recompiles, so expiry and review dates take effect within a minute. */
export const POLICY_TICK_MS = 60_000;

export interface AssessmentModule extends ProportioModule {
  readonly services: { readonly assessments: AssessmentService; readonly policy: PolicyService };
}

export const createAssessmentModule = (ctx: ModuleContext): AssessmentModule => {
  const log = ctx.log.child({ component: 'assessment' });
  const store = createAssessmentStore(ctx.database);
  // The site's privacy page tells residents at once when recording is suspended.
  const recordingRead = createRecordingStore(ctx.database).read;
  const policy = policyService({ store, clock: ctx.clock, events: ctx.events });
  const assessments = assessmentService({ store, clock: ctx.clock, ids: ctx.ids, policy });
  let timer: NodeJS.Timeout | undefined;
  let lastTick: { ok: boolean; message: string } | undefined;

  const tick = async (): Promise<void> => {
    // One instance recompiles on the clock (compose/cluster.ts); a decision recompiles where it is made.
    if (!ctx.cluster.isLeader()) return;
    try {
      const r = await policy.tick();
      lastTick = r.ok
        ? { ok: true, message: r.value ? `policy version ${r.value.seq} (${r.value.trigger})` : 'unchanged' }
        : { ok: false, message: r.error.message };
      if (r.ok && r.value) log.info({ seq: r.value.seq, trigger: r.value.trigger }, 'policy changed');
    } catch (e) {
      lastTick = { ok: false, message: (e as Error).message };
      log.error({ err: (e as Error).message }, 'policy tick failed');
    }
  };

  return {
    name: 'assessment',
    services: { assessments, policy },
    routes: async (app: FastifyInstance) => {
      await app.register(assessmentRoutes, { assessments });
      await app.register(policyRoutes, { policy });
      await app.register(documentRoutes, {
        assessments,
        policy,
        registry: registryService({
          store: ctx.store,
          clock: ctx.clock,
          ids: ctx.ids,
          secrets: ctx.secrets,
          events: ctx.events,
        }),
        render: reports,
        publicUrl: ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`,
        exportKey: () => exportKey(exportKeyFile(ctx.config.dataDir)).publicKey(),
        activeSuspensions: () => recordingRead.suspensions.active(),
        publicLimiter: windowLimiter(ctx.cluster.limits, 'public-page', PUBLIC_PAGES_PER_MINUTE, 60_000),
        now: () => ctx.clock.now(),
        timeZone: policy.timeZone,
      });
    },
    start: async () => {
      await tick();
      timer = setInterval(() => void tick(), POLICY_TICK_MS);
      timer.unref();
    },
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    health: (): readonly HealthItem[] =>
      lastTick !== undefined && !lastTick.ok
        ? [
            {
              component: 'policy',
              status: 'error',
              code: 'policy.tick-failed',
              message: `policy recompilation failed: ${lastTick.message}`,
            },
          ]
        : [],
  };
};
