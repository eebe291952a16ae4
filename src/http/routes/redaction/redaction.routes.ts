/**
 * Redacted copies of a resident's request (issue 12 §2, docs/redaction.md): one job per request
 * and linked clip. Reading the job (its tracks and review: boxes and times, no picture) needs
 * rights:read; every step, the preview and the copy — footage — need rights:manage (the privacy
 * officer). Detection and rendering answer 202 at once and run in the background; the job shows
 * their progress. A user of other sites gets 404, as for an unknown request.
 */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Result } from '../../../core/result.js';
import type { RedactionReview } from '../../../core/redaction/plan.js';
import type { Actor } from '../../../services/ports.js';
import type { CopyFile, RedactionJobView } from '../../../services/redaction.service.js';
import { sendDomainError } from '../../problem.js';
import type { RoutesPlugin } from '../../route-types.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import { JobParams, RedactionJobSchema, ReviewBody } from './redaction-schemas.js';

type Step = (a: Actor, requestId: string, clipId: string) => Promise<Result<RedactionJobView>>;

export interface RedactionRouteDeps {
  readonly list: (viewer: Actor, requestId: string) => Promise<Result<RedactionJobView[]>>;
  readonly get: Step;
  readonly detect: Step;
  readonly review: (
    a: Actor,
    requestId: string,
    clipId: string,
    r: RedactionReview,
  ) => Promise<Result<RedactionJobView>>;
  readonly render: Step;
  readonly download: (a: Actor, requestId: string, clipId: string) => Promise<Result<CopyFile>>;
  readonly deleteCopy: Step;
  readonly preview: (
    a: Actor,
    sessionId: string | undefined,
    requestId: string,
    clipId: string,
  ) => Promise<Result<AsyncIterable<Buffer>>>;
}

const R = '/api/rights/requests/:id/redactions';
const read = { access: 'rights:read', sites: 'rights-request' } as const;
const manage = { access: 'rights:manage', sites: 'rights-request' } as const;
const tags = ['rights'];

export const redactionRoutes: RoutesPlugin<RedactionRouteDeps> = async (app, d) => {
  app.get(
    R,
    {
      config: read,
      schema: {
        tags,
        summary: 'The redaction jobs of a request: one per linked clip whose faces were searched',
        params: IdParams,
        response: { 200: Type.Array(RedactionJobSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.list(actor(req), req.params.id)),
  );

  app.get(
    `${R}/:clipId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One job: its state and progress, the face tracks found, the review, the copy',
        params: JobParams,
        response: { 200: RedactionJobSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await d.get(actor(req), req.params.id, req.params.clipId)),
  );

  const started = { 202: RedactionJobSchema, ...errorResponses(400, 401, 403, 404, 409, 422) };
  app.post(
    `${R}/:clipId/detect`,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Search the faces in the clip, in the background, under your live viewing grant on the ground subject access (four eyes)',
        params: JobParams,
        response: started,
      },
    },
    async (req, reply) => respond(reply, await d.detect(actor(req), req.params.id, req.params.clipId), 202),
  );

  app.put(
    `${R}/:clipId/review`,
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Save the review: the requester's tracks kept, consenting people's tracks, boxes added, removed or resized",
        params: JobParams,
        body: ReviewBody,
        response: { 200: RedactionJobSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      respond(
        reply,
        await d.review(actor(req), req.params.id, req.params.clipId, req.body as RedactionReview),
      ),
  );

  app.post(
    `${R}/:clipId/render`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Make the copy with every other face pixelated, in the background, under your live grant',
        params: JobParams,
        response: started,
      },
    },
    async (req, reply) => respond(reply, await d.render(actor(req), req.params.id, req.params.clipId), 202),
  );

  app.get(
    `${R}/:clipId/copy`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Download the redacted copy (MP4) for the resident; audited',
        params: JobParams,
        response: {
          200: Type.Unknown({ description: 'video/mp4' }),
          ...errorResponses(401, 403, 404, 409, 410),
        },
      },
    },
    async (req, reply) => {
      const r = await d.download(actor(req), req.params.id, req.params.clipId);
      if (!r.ok) return sendDomainError(reply, r.error);
      return reply
        .header('content-type', 'video/mp4')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${r.value.file}"`)
        .header('x-content-type-options', 'nosniff')
        .send(r.value.body);
    },
  );

  app.delete(
    `${R}/:clipId/copy`,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Delete the redacted copy now (it is deleted after seven days or when the request closes anyway)',
        params: JobParams,
        response: { 200: RedactionJobSchema, ...errorResponses(401, 403, 404, 409, 410) },
      },
    },
    async (req, reply) => respond(reply, await d.deleteCopy(actor(req), req.params.id, req.params.clipId)),
  );

  app.get(
    `${R}/:clipId/preview`,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'The decrypted clip for the review screen, under your live grant, in a browser session; audited, never cached',
        params: JobParams,
        response: { 200: Type.Unknown({ description: 'video/mp4' }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await d.preview(actor(req), req.sessionId, req.params.id, req.params.clipId);
      if (!r.ok) return sendDomainError(reply, r.error);
      return reply
        .header('content-type', 'video/mp4')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .send(Readable.from(r.value));
    },
  );
};
