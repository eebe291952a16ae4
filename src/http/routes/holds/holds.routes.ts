/**
 * Legal holds on clips, deletion records and the hold maximum (issue 10 §3, docs/recording.md
 * "Bewaartermijn en bewaarplicht"). Records only, never footage: placing, extending and releasing a
 * hold need footage:hold, the maximum footage:hold-policy (the privacy officer), reading them
 * footage:records (which the auditor has too).
 */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { Result } from '../../../core/result.js';
import type { Actor } from '../../../services/ports.js';
import type { DeletionRecord } from '../../../services/hold-ports.js';
import type { HoldView } from '../../../services/hold.service.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  ClipHoldsSchema,
  DeletionSchema,
  DeletionsQuery,
  ExtendHoldBody,
  HoldPolicyBody,
  HoldPolicySchema,
  HoldSchema,
  PlaceHoldBody,
  ReleaseHoldBody,
  type ClipHolds,
} from './hold-schemas.js';

export interface HoldRouteDeps {
  readonly clipHolds: (viewer: Actor, clipId: string) => Promise<Result<ClipHolds>>;
  readonly place: (actor: Actor, clipId: string, body: PlaceHoldBody) => Promise<Result<HoldView>>;
  readonly extend: (actor: Actor, holdId: string, body: ExtendHoldBody) => Promise<Result<HoldView>>;
  readonly release: (actor: Actor, holdId: string, reason: string) => Promise<Result<HoldView>>;
  readonly deletions: (viewer: Actor, filter: DeletionsQuery) => Promise<DeletionRecord[]>;
  readonly maxDays: () => Promise<number>;
  readonly setMaxDays: (actor: Actor, maxDays: number) => Promise<Result<{ maxDays: number }>>;
}

export const holdRoutes: RoutesPlugin<HoldRouteDeps> = async (app, d) => {
  app.get(
    '/api/recording/clips/:id/holds',
    {
      config: { access: 'footage:records', sites: 'clip' },
      schema: {
        tags: ['recording'],
        summary: "A clip's legal holds (live, released, expired) and the hold maximum",
        params: IdParams,
        response: { 200: ClipHoldsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.clipHolds(actor(req), req.params.id)),
  );

  app.post(
    '/api/recording/clips/:id/holds',
    {
      config: { access: 'footage:hold', sites: 'clip' },
      schema: {
        tags: ['recording'],
        summary: 'Place a legal hold: the clip is not deleted while the hold stands (audited)',
        params: IdParams,
        body: PlaceHoldBody,
        response: { 201: HoldSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.place(actor(req), req.params.id, req.body), 201),
  );

  app.post(
    '/api/recording/holds/:id/extend',
    {
      config: { access: 'footage:hold', sites: 'hold' },
      schema: {
        tags: ['recording'],
        summary: 'Extend a live hold (a reason; past the maximum a new reason), audited',
        params: IdParams,
        body: ExtendHoldBody,
        response: { 200: HoldSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.extend(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/recording/holds/:id/release',
    {
      config: { access: 'footage:hold', sites: 'hold' },
      schema: {
        tags: ['recording'],
        summary:
          'Release a live hold (a reason), audited; the clip is deleted at the next sweep if past retention',
        params: IdParams,
        body: ReleaseHoldBody,
        response: { 200: HoldSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.release(actor(req), req.params.id, req.body.reason)),
  );

  app.get(
    '/api/recording/deletions',
    {
      config: { access: 'footage:records' },
      schema: {
        tags: ['recording'],
        summary: 'Deletion records (retention, erasure, objection), newest first',
        querystring: DeletionsQuery,
        response: { 200: Type.Array(DeletionSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => d.deletions(actor(req), req.query),
  );

  app.get(
    '/api/recording/hold-policy',
    {
      config: { access: 'footage:records' },
      schema: {
        tags: ['recording'],
        summary: 'The longest a legal hold may run without a new reason (days)',
        response: { 200: HoldPolicySchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ maxDays: await d.maxDays() }),
  );

  app.put(
    '/api/recording/hold-policy',
    {
      config: { access: 'footage:hold-policy' },
      schema: {
        tags: ['recording'],
        summary: 'Set the hold maximum (privacy officer; audited)',
        body: HoldPolicyBody,
        response: { 200: HoldPolicySchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.setMaxDays(actor(req), req.body.maxDays)),
  );
};
