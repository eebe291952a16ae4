/**
 * Residents' requests (issue 12 §1, docs/rights.md). Reading needs rights:read (privacy officer,
 * auditor), every change rights:manage (the privacy officer). A request belongs to the site of the
 * room it names: a user of other sites gets 404, as for an unknown id.
 */
import { Type, type Static, type TSchema } from 'typebox';
import type { Result } from '../../../core/result.js';
import type { ClipAction, NewRequestInput } from '../../../core/rights/request.js';
import type { Actor } from '../../../services/ports.js';
import type { RequestClipLink } from '../../../services/rights-ports.js';
import type {
  ClipActionResult,
  Findings,
  RequestDetail,
  LettersSent,
  RequestListFilter,
  RequestView,
} from '../../../services/rights.service.js';
import type { RoutesPlugin } from '../../route-types.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  ClipActionBody,
  ClipActionResultSchema,
  CloseBody,
  DecideBody,
  EmptyBody,
  ExtendBody,
  FindingsSchema,
  LetterQuery,
  LinkClipsBody,
  NewRequestBody,
  RequestClipSchema,
  RequestDetailSchema,
  RequestSchema,
  RequestsQuery,
  SendBody,
} from './rights-schemas.js';

export interface RightsRouteDeps {
  readonly list: (viewer: Actor, filter: RequestListFilter) => Promise<RequestView[]>;
  readonly get: (viewer: Actor, id: string) => Promise<Result<RequestDetail>>;
  readonly create: (actor: Actor, input: NewRequestInput) => Promise<Result<RequestView>>;
  readonly start: (actor: Actor, id: string) => Promise<Result<RequestView>>;
  readonly extend: (
    actor: Actor,
    id: string,
    input: { reasons: string } & LettersSent,
  ) => Promise<Result<RequestView>>;
  readonly decide: (
    actor: Actor,
    id: string,
    input: { decision: string; reasons?: string | null },
  ) => Promise<Result<RequestView>>;
  readonly send: (actor: Actor, id: string, input: LettersSent) => Promise<Result<RequestView>>;
  readonly close: (
    actor: Actor,
    id: string,
    input: { reason?: string | null },
  ) => Promise<Result<RequestView>>;
  readonly findings: (viewer: Actor, id: string) => Promise<Result<Findings>>;
  readonly linkClips: (
    actor: Actor,
    id: string,
    clipIds: readonly string[],
  ) => Promise<Result<RequestClipLink[]>>;
  readonly actOnClips: (actor: Actor, id: string, action: ClipAction) => Promise<Result<ClipActionResult[]>>;
  /** A letter to the resident (the composition renders it with adapters/reports/rights-letter.ts). */
  readonly letter: (
    viewer: Actor,
    id: string,
    q: { kind: 'decision' | 'extension'; lang: 'nl' | 'en'; format: 'pdf' | 'text' },
  ) => Promise<Result<{ body: Buffer | string; type: string; file: string }>>;
}

const R = '/api/rights/requests';
const read = { access: 'rights:read', sites: 'rights-request' } as const;
const manage = { access: 'rights:manage', sites: 'rights-request' } as const;
const changed = { 200: RequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) };

export const rightsRoutes: RoutesPlugin<RightsRouteDeps> = async (app, d) => {
  app.get(
    R,
    {
      config: { access: 'rights:read' },
      schema: {
        tags: ['rights'],
        summary:
          "Residents' requests with where each stands against its deadline (filters: status, kind, deadline, open)",
        querystring: RequestsQuery,
        response: { 200: Type.Array(RequestSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      return d.list(actor(req), {
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.kind !== undefined ? { kind: q.kind } : {}),
        ...(q.deadline !== undefined ? { deadline: q.deadline } : {}),
        ...(q.open === 'true' ? { open: true } : {}),
      });
    },
  );

  app.post(
    R,
    {
      config: { access: 'rights:manage' },
      schema: {
        tags: ['rights'],
        summary:
          "Register a resident's request (no copy of an identity document: only how identity was checked)",
        body: NewRequestBody,
        response: { 201: RequestSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.create(actor(req), req.body), 201),
  );

  app.get(
    `${R}/:id`,
    {
      config: read,
      schema: {
        tags: ['rights'],
        summary: 'One request with its timeline, linked clips and letters',
        params: IdParams,
        response: { 200: RequestDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.get(actor(req), req.params.id)),
  );

  app.get(
    `${R}/:id/findings`,
    {
      config: read,
      schema: {
        tags: ['rights'],
        summary:
          "Clips overlapping the request's room and time window, and the alarms there (found by place and time, never by name)",
        params: IdParams,
        response: { 200: FindingsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.findings(actor(req), req.params.id)),
  );

  /** One step of a request: POST …/:id/<path> with its body, answered with the request as it is now. */
  const step = <B extends TSchema>(
    path: string,
    summary: string,
    body: B,
    run: (a: Actor, id: string, body: Static<B>) => Promise<Result<RequestView>>,
  ) =>
    app.post(
      `${R}/:id/${path}`,
      { config: manage, schema: { tags: ['rights'], summary, params: IdParams, body, response: changed } },
      async (req, reply) => respond(reply, await run(actor(req), req.params.id, req.body as Static<B>)),
    );
  step('start', 'Start handling the request (received → in progress)', EmptyBody, (a, id) => d.start(a, id));
  step(
    'send',
    'The decision went out to the resident today (the letters are recorded): the deadline clock stops',
    SendBody,
    d.send,
  );
  step(
    'extend',
    'Extend by two months, with reasons, announced within the first month (AVG art. 12(3))',
    ExtendBody,
    d.extend,
  );
  step(
    'decide',
    'Decide: granted, partly granted or refused (reasons required unless granted)',
    DecideBody,
    d.decide,
  );
  step(
    'close',
    'Close: after the answer went out, or earlier when the resident withdrew (with a reason)',
    CloseBody,
    d.close,
  );

  app.get(
    `${R}/:id/letter`,
    {
      config: read,
      schema: {
        tags: ['rights'],
        summary:
          'The decision letter or extension notice to the resident (nl or en; PDF or text), with the right to complain to the AP and go to court',
        params: IdParams,
        querystring: LetterQuery,
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await d.letter(actor(req), req.params.id, {
        kind: req.query.kind,
        lang: req.query.lang ?? 'nl',
        format: req.query.format ?? 'pdf',
      });
      if (!r.ok) return respond(reply, r);
      return reply
        .type(r.value.type)
        .header('content-disposition', `attachment; filename="${r.value.file}"`)
        .send(r.value.body);
    },
  );

  app.post(
    `${R}/:id/clips`,
    {
      config: manage,
      schema: {
        tags: ['rights'],
        summary: "Link clips of the request's room and window to it",
        params: IdParams,
        body: LinkClipsBody,
        response: { 200: Type.Array(RequestClipSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.linkClips(actor(req), req.params.id, req.body.clipIds)),
  );

  app.post(
    `${R}/:id/clip-actions`,
    {
      config: manage,
      schema: {
        tags: ['rights'],
        summary:
          'Erase (art. 17/21: crypto-shred) or restrict (art. 18: kept, not viewed) the linked clips; a clip under a legal hold is refused with its reason',
        params: IdParams,
        body: ClipActionBody,
        response: {
          200: Type.Array(ClipActionResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => respond(reply, await d.actOnClips(actor(req), req.params.id, req.body.action)),
  );
};
