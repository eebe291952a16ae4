/**
 * Evidence export for the police (issue 10 §4): POST /api/footage/grants/:id/export answers the
 * signed package as a ZIP download (or that ZIP encrypted with age); the audit entry
 * `clip.exported` is committed before the first byte goes out. GET /api/public/evidence-key
 * publishes the organisation's export key, as the transparency page does.
 */
import { err } from '../../../core/result.js';
import type { FastifyReply } from 'fastify';
import type { EvidenceService, ExportedPackage } from '../../../services/evidence.service.js';
import type { RoutesPlugin } from '../../route-types.js';
import { actor, valueOrProblem } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import { ExportBody, ExportKeySchema } from './evidence-schemas.js';

export interface EvidenceRouteOptions {
  readonly evidence: EvidenceService;
}

/** The package as a download; the service committed its audit entry before handing it over. */
const download = (reply: FastifyReply, pkg: ExportedPackage): FastifyReply =>
  reply
    .type(pkg.encrypted ? 'application/octet-stream' : 'application/zip')
    .header('content-disposition', `attachment; filename="${pkg.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-proportio-export-id', pkg.exportId)
    .header('x-proportio-manifest-sha256', pkg.manifestSha256)
    .send(pkg.body);

export const evidenceRoutes: RoutesPlugin<EvidenceRouteOptions> = async (app, opts) => {
  app.post(
    '/api/footage/grants/:id/export',
    {
      config: { access: 'footage:export', sites: 'organisation' },
      schema: {
        tags: ['footage'],
        summary:
          'Export the footage of your viewing grant as a signed evidence package (ZIP, or .zip.age when encrypted to a recipient)',
        params: IdParams,
        body: ExportBody,
        response: { ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { recipient, passphrase } = req.body;
      const to =
        recipient !== undefined && passphrase !== undefined
          ? undefined
          : recipient !== undefined
            ? ({ kind: 'age', recipient } as const)
            : passphrase !== undefined
              ? ({ kind: 'passphrase', passphrase } as const)
              : ({ kind: 'none' } as const);
      const pkg = await valueOrProblem(
        reply,
        to === undefined
          ? err('REQUEST.INVALID', 'Give a recipient or a passphrase, not both')
          : await opts.evidence.export(req.params.id, actor(req), { recipient: to }),
      );
      if (pkg === undefined) return reply;
      return download(reply, pkg);
    },
  );

  app.get(
    '/api/public/evidence-key',
    {
      config: { access: 'public' },
      schema: {
        tags: ['footage'],
        summary: "The organisation's public Ed25519 key that signs evidence exports, with its fingerprint",
        response: { 200: ExportKeySchema },
      },
    },
    () => {
      const key = opts.evidence.publicKey();
      return { algorithm: 'Ed25519' as const, fingerprint: key.fingerprint, pem: key.pem };
    },
  );
};
