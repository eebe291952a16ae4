/**
 * The room policy: what each room may record, compiled now from the approved assessments, and
 * its history. Holds no personal data, so every staff role may read it (transparency).
 */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { PolicyService } from '../../../services/policy.service.js';
import { IdParams, errorResponses, strict, open } from '../../schemas.js';
import { respond } from '../../reply.js';

const ModeSchema = Type.Object({
  kind: Type.String(),
  preRollSeconds: Type.Optional(Type.Integer()),
  postRollSeconds: Type.Optional(Type.Integer()),
});
const DecisionSchema = Type.Object(
  {
    mode: ModeSchema,
    audioAllowed: Type.Boolean(),
    retentionHours: Type.Optional(Type.Number()),
    viewers: Type.Array(Type.String()),
    assessmentIds: Type.Array(Type.String()),
    reason: Type.String(),
  },
  open,
);
const CompiledSchema = Type.Object(
  {
    compiledAt: Type.String(),
    timeZone: Type.String(),
    rooms: Type.Array(
      Type.Object({ roomId: Type.String(), entries: Type.Array(Type.Object({}, open)) }, open),
    ),
  },
  open,
);

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
        response: {
          200: Type.Object(
            {
              compiled: CompiledSchema,
              hash: Type.String(),
              version: Type.Union([
                Type.Object({
                  seq: Type.Integer(),
                  hash: Type.String(),
                  compiledAt: Type.String(),
                  trigger: Type.String(),
                }),
                Type.Null(),
              ]),
            },
            open,
          ),
          ...errorResponses(401, 403),
        },
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
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          strict,
        ),
        response: {
          200: Type.Array(
            Type.Object(
              {
                seq: Type.Integer(),
                compiledAt: Type.String(),
                trigger: Type.String(),
                cause: Type.Optional(Type.String()),
                hash: Type.String(),
                compiled: CompiledSchema,
              },
              open,
            ),
          ),
          ...errorResponses(400, 401, 403),
        },
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
        querystring: Type.Object(
          { conversationType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
          strict,
        ),
        response: {
          200: Type.Object(
            {
              roomId: Type.String(),
              roomName: Type.String(),
              at: Type.String(),
              policy: Type.Object(
                { roomId: Type.String(), entries: Type.Array(Type.Object({}, open)) },
                open,
              ),
              decisions: Type.Array(
                Type.Object({
                  conversationTypeId: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  decision: DecisionSchema,
                  riskFlaggedDecision: DecisionSchema,
                }),
              ),
            },
            open,
          ),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.roomPolicy(req.params.id, req.query.conversationType)),
  );
};
