import type { RoutesPlugin } from '../../route-types.js';
import { auditService } from '../../../services/audit.service.js';
import { errorResponses } from '../../schemas.js';
import { AuditPageSchema, AuditQuery, AuditVerificationSchema } from './audit-schemas.js';

export const auditRoutes: RoutesPlugin<{ audit: ReturnType<typeof auditService> }> = async (app, opts) => {
  app.get(
    '/api/audit',
    {
      // The chain is one, verified whole: the audit log is organisation-wide.
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first, paged by sequence number',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
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
        response: { 200: AuditVerificationSchema, ...errorResponses(401, 403) },
      },
    },
    async () => opts.audit.verify(),
  );
};
