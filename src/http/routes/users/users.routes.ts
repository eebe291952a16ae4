import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { UsersService } from '../../../services/users.service.js';
import { problemOf, sendProblem } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import {
  ApiTokenSchema,
  Id,
  IdParams,
  RoleSchema,
  UserSchema,
  errorResponses,
  strict,
} from '../../schemas.js';

const Username = Type.String({ minLength: 1, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const usersRoutes: RoutesPlugin<{ users: UsersService }> = async (app, opts) => {
  const users = opts.users;

  app.get(
    '/api/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        response: { 200: Type.Array(UserSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => users.list(actor(req)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'users:read', sites: 'organisation' },
      schema: {
        tags: ['users'],
        summary: 'One account',
        params: IdParams,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const u = await users.get(actor(req), req.params.id);
      return u ?? sendProblem(reply, problemOf('RESOURCE.NOT_FOUND', 'no such user'));
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        body: Type.Object(
          {
            username: Username,
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.Optional(Type.String({ maxLength: 254 })),
            roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 7 }),
            siteIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
            password: Type.Optional(Password),
          },
          strict,
        ),
        response: { 201: UserSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await users.create(actor(req), req.body), 201),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users:write', sites: 'organisation' },
      schema: {
        tags: ['users'],
        summary: 'Change roles, sites, details, or disable/enable an account',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Type.String({ maxLength: 254 })),
            roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 7 })),
            siteIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
            disabled: Type.Optional(Type.Boolean()),
          },
          strict,
        ),
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await users.update(actor(req), req.params.id, req.body);
      return respond(reply, r);
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'users:write', sites: 'organisation' },
      schema: {
        tags: ['users'],
        summary: "Set a user's password (ends their sessions, lifts a lock-out)",
        params: IdParams,
        body: Type.Object({ password: Password }, strict),
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const r = await users.setPassword(actor(req), req.params.id, req.body.password);
      return respond(reply, r);
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary:
          "Every account's API tokens (never the secret); a site-limited administrator sees those of accounts in their sites",
        querystring: Type.Object({ userId: Type.Optional(Id) }, strict),
        response: { 200: Type.Array(ApiTokenSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => users.apiTokens(actor(req), req.query),
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'users:write', sites: 'organisation' },
      schema: {
        tags: ['users'],
        summary: "Revoke any account's API token (at once; audited)",
        params: IdParams,
        response: { 200: ApiTokenSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await users.revokeApiToken(actor(req), req.params.id);
      return respond(reply, r);
    },
  );
};
