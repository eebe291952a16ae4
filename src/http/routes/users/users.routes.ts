import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { UsersService } from '../../../services/users.service.js';
import { problemOf, sendProblem } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  ApiTokenSchema,
  NewUserBody,
  PasswordBody,
  TokensQuery,
  UserChangeBody,
  UserSchema,
} from './users-schemas.js';

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
        body: NewUserBody,
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
        body: UserChangeBody,
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
        body: PasswordBody,
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
        querystring: TokensQuery,
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
