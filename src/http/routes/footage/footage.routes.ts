/**
 * Four-eyes viewing (VIEWING-API.md, docs/custody.md): requests, approvals with a custodian's share,
 * refusal and revocation, plays (audited before the token is given) and the stream of the whole
 * decrypted clip for a play token of the same session; the footage history from the audit log.
 */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Result } from '../../../core/result.js';
import type { Actor } from '../../../services/ports.js';
import type {
  ApproveWith,
  FootageEvent,
  PlayTicket,
  RequestQuery,
  ViewingRequest,
} from '../../../services/viewing.service.js';
import type { Plaintext } from '../../../services/viewing-ports.js';
import type { RoutesPlugin } from '../../route-types.js';
import { sendDomainError } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  ApproveBody,
  FootageEventSchema,
  HistoryQuery,
  PlayBody,
  PlaySchema,
  ReasonBody,
  RequestBody,
  RequestsQuery,
  TokenParams,
  ViewingRequestSchema,
} from './footage-schemas.js';

export interface FootageRouteDeps {
  readonly create: (a: Actor, b: RequestBody) => Promise<Result<ViewingRequest>>;
  readonly list: (a: Actor, q: RequestQuery) => Promise<ViewingRequest[]>;
  readonly get: (a: Actor, id: string) => Promise<Result<ViewingRequest>>;
  readonly approve: (a: Actor, id: string, how: ApproveWith) => Promise<Result<ViewingRequest>>;
  readonly refuse: (a: Actor, id: string, reason: string) => Promise<Result<ViewingRequest>>;
  readonly revoke: (a: Actor, id: string, reason: string) => Promise<Result<ViewingRequest>>;
  readonly play: (a: Actor, sessionId: string | undefined, grantId: string) => Promise<Result<PlayTicket>>;
  readonly stream: (a: Actor, sessionId: string | undefined, token: string) => Promise<Result<Plaintext>>;
  readonly history: (
    a: Actor,
    q: { incidentId?: string; clipId?: string },
  ) => Promise<Result<FootageEvent[]>>;
}

const tags = ['footage'];

export const footageRoutes: RoutesPlugin<FootageRouteDeps> = async (app, d) => {
  app.post(
    '/api/footage/requests',
    {
      config: { access: 'footage:request' },
      schema: {
        tags,
        summary: 'Ask to view one clip, with a reason and a legal ground (four-eyes: K custodians approve)',
        body: RequestBody,
        response: { 201: ViewingRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.create(actor(req), req.body), 201),
  );

  app.get(
    '/api/footage/requests',
    {
      config: { access: 'footage:records' },
      schema: {
        tags,
        summary: 'Viewing requests of your sites, newest first',
        querystring: RequestsQuery,
        response: { 200: Type.Array(ViewingRequestSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => d.list(actor(req), req.query),
  );

  app.get(
    '/api/footage/requests/:id',
    {
      config: { access: 'footage:records', sites: 'viewing-request' },
      schema: {
        tags,
        summary: 'One viewing request',
        params: IdParams,
        response: { 200: ViewingRequestSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.get(actor(req), req.params.id)),
  );

  app.post(
    '/api/footage/requests/:id/approve',
    {
      config: { access: 'footage:approve', sites: 'viewing-request' },
      schema: {
        tags,
        summary:
          'Approve with your share of the vault key: your passphrase, or (CLI) the share you opened with your own key',
        params: IdParams,
        body: ApproveBody,
        response: { 200: ViewingRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      let how: ApproveWith;
      if ('passphrase' in b) how = { passphrase: b.passphrase };
      else how = { share: Buffer.from(b.share, 'base64') };
      try {
        return respond(reply, await d.approve(actor(req), req.params.id, how));
      } finally {
        if ('share' in how) how.share.fill(0);
      }
    },
  );

  const closing = {
    refuse: 'Refuse a viewing request (a custodian, with a reason)',
    revoke: 'Withdraw a request or end its grant (the requester or a custodian); the keys are wiped',
  } as const;
  for (const [kind, summary] of Object.entries(closing) as Array<[keyof typeof closing, string]>)
    app.post(
      `/api/footage/requests/:id/${kind}`,
      {
        config: { access: 'footage:approve', sites: 'viewing-request' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReasonBody,
          response: { 200: ViewingRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => respond(reply, await d[kind](actor(req), req.params.id, req.body.reason)),
    );

  app.post(
    '/api/footage/grants/:id/plays',
    {
      config: { access: 'footage:request', sites: 'grant' },
      schema: {
        tags,
        summary:
          'Start one play of a granted clip (the requester, in a browser session); audited before the answer',
        params: IdParams,
        body: PlayBody,
        response: { 201: PlaySchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await d.play(actor(req), req.sessionId, req.params.id);
      if (!r.ok) return sendDomainError(reply, r.error);
      const { token, ...rest } = r.value;
      return reply.status(201).send({ url: `/api/footage/plays/${token}`, ...rest });
    },
  );

  app.get(
    '/api/footage/plays/:token',
    {
      config: { access: 'footage:request', sites: 'play' },
      schema: {
        tags,
        summary:
          'The whole decrypted clip (fMP4) for a play token of this session; never cached, never a download',
        params: TokenParams,
        response: { 200: Type.Unknown({ description: 'video/mp4' }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await d.stream(actor(req), req.sessionId, req.params.token);
      if (!r.ok) return sendDomainError(reply, r.error);
      return reply
        .header('content-type', 'video/mp4')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .send(Readable.from(r.value));
    },
  );

  app.get(
    '/api/footage/history',
    {
      config: { access: 'footage:records' },
      schema: {
        tags,
        summary:
          "A clip's or an incident's footage history (requested, approved, played, held, exported, deleted)",
        querystring: HistoryQuery,
        response: { 200: Type.Array(FootageEventSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.history(actor(req), req.query)),
  );
};
