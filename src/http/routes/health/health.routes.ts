import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../../core/auth/roles.js';
import { audienceOf, isAudience } from '../../../core/health.js';
import type { Store } from '../../../services/ports.js';
import type { HealthItem } from '../../../compose/module.js';
import type { Access } from '../../access.js';
import { HealthSchema, LivenessSchema, NotReadySchema, ReadySchema } from './health-schemas.js';

/**
 * Who may read health details (names of cameras, rooms and sites; suspension reasons): the access
 * GET /api/health declares, and the same people see the details on /readyz.
 */
const HEALTH_DETAILS: Access = 'authenticated';

const mayReadDetails = (req: FastifyRequest): boolean =>
  req.auth !== undefined &&
  (HEALTH_DETAILS === 'authenticated' ||
    HEALTH_DETAILS === 'public' ||
    hasPermission(req.auth.user.roles, HEALTH_DETAILS));

/** The database's disk is full: every write is refused with 503 STORAGE.FULL until space is freed. */
export const storageFullItem = (since: string): HealthItem => ({
  component: 'database',
  status: 'error',
  code: 'storage.full',
  message: `The disk under the database is full since ${since}: logins, alarms and every other change are refused (STORAGE.FULL) until space is freed`,
  params: { since },
});

export const healthRoutes: RoutesPlugin<{
  store: Store;
  version: string;
  health: () => readonly HealthItem[];
}> = async (app, opts) => {
  const items = async (): Promise<HealthItem[]> => {
    const full = await opts.store.storageFull();
    return [...(full ? [storageFullItem(full.since)] : []), ...opts.health()];
  };

  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: LivenessSchema },
      },
    },
    async () => ({ status: 'ok' as const, version: opts.version }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary:
          'Readiness: the database answers and its disk is not full. Details of the warnings only for signed-in users',
        response: { 200: ReadySchema, 503: NotReadySchema },
      },
    },
    async (req, reply) => {
      const reachable = await opts.store.ping();
      const all = reachable ? await items() : [...opts.health()];
      const ready = reachable && !all.some((i) => i.code === 'storage.full');
      const warnings = all.filter((h) => h.status !== 'ok');
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not-ready',
        database: opts.store.dialect,
        warnings: mayReadDetails(req) ? warnings : warnings.map(({ status, code }) => ({ status, code })),
      });
    },
  );
  app.get(
    '/api/health',
    {
      // The banner on every screen; each item goes to those who can fix it or must act on it.
      config: { access: HEALTH_DETAILS, sites: 'organisation' },
      schema: {
        tags: ['health'],
        summary:
          'Health of every component (camera outages, broker connection, suspensions, a full disk): shown on every screen',
        response: { 200: HealthSchema },
      },
    },
    async (req) => {
      const roles = req.auth?.user.roles ?? [];
      return {
        items: (await items())
          .filter((i) => isAudience(roles, i.code))
          .map((i) => ({ ...i, kind: audienceOf(i.code).kind })),
      };
    },
  );
};
