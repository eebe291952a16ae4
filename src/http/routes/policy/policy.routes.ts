/**
 * The room policy: what each room may record, compiled now from the approved assessments, and
 * its history. Holds no personal data, so every staff role may read it (transparency).
 */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { PolicyService } from '../../../services/policy.service.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  CurrentPolicySchema,
  PolicyHistoryQuery,
  PolicyVersionSchema,
  RoomPolicyQuery,
  RoomPolicyViewSchema,
} from './policy-schemas.js';
import { respond } from '../../reply.js';

export const policyRoutes: RoutesPlugin<{ policy: PolicyService }> = async (app, opts) => {
  const svc = opts.policy;
  const tags = ['policy'];

  app.get(
    '/api/policy',
    {
      config: { access: 'policy:read' },
      schema: {
        tags,
        summary:
          'The room policy compiled now from the approved, in-force assessments, with the latest stored version',
        response: { 200: CurrentPolicySchema, ...errorResponses(401, 403) },
      },
    },
    async () => svc.current(),
  );

  app.get(
    '/api/policy/history',
    {
      config: { access: 'policy:read' },
      schema: {
        tags,
        summary:
          'Every stored policy version, newest first: when it changed and why (approval, rejection, withdrawal, expiry)',
        querystring: PolicyHistoryQuery,
        response: { 200: Type.Array(PolicyVersionSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.history(req.query.limit ?? 100),
  );

  // Under /api/rooms, so it is guarded like the rest of the room's registry view (registry:read
  // is held by the same roles as policy:read).
  app.get(
    '/api/rooms/:id/policy',
    {
      config: { access: 'registry:read', sites: 'organisation' },
      schema: {
        tags,
        summary:
          'A room’s effective policy and what decide() answers now for a conversation of each kind starting now',
        params: IdParams,
        querystring: RoomPolicyQuery,
        response: { 200: RoomPolicyViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await svc.roomPolicy(req.params.id, req.query.conversationType)),
  );
};
