import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Store } from '../../../services/ports.js';
import type { HealthItem } from '../../../compose/module.js';

/** Stable `code` + `params` for screens (docs/operations.md); `message` is English for logs and people. */
const HealthItemSchema = Type.Object(
  {
    component: Type.String(),
    status: Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('error')]),
    code: Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }),
    message: Type.String(),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  },
  { additionalProperties: false },
);

export const healthRoutes = async (
  app: FastifyInstance,
  opts: { store: Store; version: string; health: () => readonly HealthItem[] },
) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
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
        summary: 'Readiness: the database answers',
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            database: Type.String(),
            warnings: Type.Array(HealthItemSchema),
          }),
          503: Type.Object({ status: Type.Literal('not-ready'), database: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      const ok = await opts.store.ping();
      if (!ok) return reply.status(503).send({ status: 'not-ready' as const, database: opts.store.dialect });
      return {
        status: 'ready' as const,
        database: opts.store.dialect,
        warnings: opts.health().filter((h) => h.status !== 'ok'),
      };
    },
  );
  app.get(
    '/api/health',
    {
      // The banner on every screen: the system's state (e.g. a site's suspension) is everyone's to see.
      config: { access: 'authenticated', sites: 'organisation' },
      schema: {
        tags: ['health'],
        summary:
          'Health of every component (camera outages, broker connection, suspensions): shown on every screen',
        response: { 200: Type.Object({ items: Type.Array(HealthItemSchema) }) },
      },
    },
    async () => ({ items: [...opts.health()] }),
  );
};
