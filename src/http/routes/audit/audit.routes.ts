import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import { auditService } from '../../../services/audit.service.js';
import { AuditEntrySchema, errorResponses, strict } from '../../schemas.js';

export const auditRoutes: RoutesPlugin<{ audit: ReturnType<typeof auditService> }> = async (app, opts) => {
  app.get(
    '/api/audit',
    {
      // The chain is one, verified whole: the audit log is organisation-wide.
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first, paged by sequence number',
        querystring: Type.Object(
          {
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            subject: Type.Optional(Type.String({ maxLength: 200 })),
            action: Type.Optional(Type.String({ maxLength: 100 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            entries: Type.Array(AuditEntrySchema),
            total: Type.Integer(),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      const entries = await opts.audit.page({
        limit,
        ...(q.before ? { beforeSeq: q.before } : {}),
        ...(q.subject ? { subject: q.subject } : {}),
        ...(q.action ? { action: q.action } : {}),
      });
      const last = entries.at(-1);
      return {
        entries,
        total: await opts.audit.count(),
        nextBefore: entries.length === limit && last && last.seq > 1 ? last.seq : null,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary:
          'Verify the whole hash chain and hold it against the anchor file; names the first altered, removed, reordered or damaged entry, or the anchored head that was cut off or rewritten',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            headHash: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            problem: Type.Optional(
              Type.Object({ kind: Type.String(), seq: Type.Integer(), detail: Type.String() }),
            ),
            /** The chain held against the configured anchor file of signed heads (ADR 0002). */
            anchor: Type.Optional(
              Type.Object({
                present: Type.Boolean(),
                anchors: Type.Integer(),
                lastGood: Type.Union([
                  Type.Object({
                    line: Type.Integer(),
                    seq: Type.Integer(),
                    hash: Type.String(),
                    at: Type.String(),
                  }),
                  Type.Null(),
                ]),
                problem: Type.Optional(
                  Type.Object({
                    kind: Type.String(),
                    seq: Type.Integer(),
                    line: Type.Integer(),
                    detail: Type.String(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => opts.audit.verify(),
  );
};
