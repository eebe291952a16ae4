/**
 * The regulator dossier (issue 12 §4, docs/dossier.md): one ZIP with the PDF in Dutch and English
 * and dossier.json. The privacy officer and the auditor may export it (dossier:export); it is
 * organisation-wide, so an account that serves only some sites gets 403 AUTH.SITE_LIMITED.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Result } from '../../../core/result.js';
import type { Actor } from '../../../services/ports.js';
import type { DossierExport, DossierRequest } from '../../../services/dossier.service.js';
import type { RoutesPlugin } from '../../route-types.js';
import { actor, valueOrProblem } from '../../reply.js';
import { errorResponses, strict } from '../../schemas.js';

const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  maxLength: 10,
  description: 'YYYY-MM-DD (Europe/Amsterdam)',
});

export const DossierQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    lang: Type.Optional(
      Type.Union([Type.Literal('nl'), Type.Literal('en')], {
        description: 'Only this language’s PDF (default both)',
      }),
    ),
  },
  strict,
);

const zip = (reply: FastifyReply, body: Buffer, file: string) =>
  reply
    .type('application/zip')
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store')
    .send(body);

export interface DossierRouteDeps {
  readonly export: (actor: Actor, input: DossierRequest) => Promise<Result<DossierExport>>;
}

export const dossierRoutes: RoutesPlugin<DossierRouteDeps> = async (app, d) => {
  app.get(
    '/api/dossier',
    {
      config: { access: 'dossier:export', sites: 'organisation' },
      schema: {
        tags: ['dossier'],
        summary: 'The regulator dossier of a period as a ZIP (PDF nl/en + dossier.json); audited',
        querystring: DossierQuery,
        response: { ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const x = await valueOrProblem(reply, await d.export(actor(req), req.query));
      if (x === undefined) return reply;
      return zip(reply, x.zip, x.fileName);
    },
  );
  await Promise.resolve();
};
