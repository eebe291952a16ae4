import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { OidcAdapter } from '../../../adapters/auth/oidc.js';
import { PERMISSIONS, hasPermission, type Permission } from '../../../core/auth/roles.js';
import type { User } from '../../../core/registry/model.js';
import { PASSWORD_POLICY } from '../../../core/registry/validate.js';
import type { AuthService, NewSession } from '../../../services/auth.service.js';
import type { SecretBox } from '../../../services/ports.js';
import { SESSION_COOKIE } from '../../plugins/auth.plugin.js';
import type { RateLimiter } from '../../plugins/rate-limit.js';
import { problemOf, sendDomainError, sendProblem } from '../../problem.js';
import { actor, noContent, respond } from '../../reply.js';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../../core/auth/tokens.js';
import { IdParams, errorResponses } from '../../schemas.js';
import { ApiTokenSchema, UserSchema } from '../users/users-schemas.js';
import {
  LoginBody,
  MeSchema,
  NewApiTokenBody,
  NewApiTokenSchema,
  OidcCallbackQuery,
  OidcInfoSchema,
  PasswordChangeBody,
  PasswordPolicySchema,
} from './auth-schemas.js';

const OIDC_COOKIE = 'proportio_oidc';

export interface AuthRouteOptions {
  auth: AuthService;
  secureCookies: boolean;
  loginLimiter: RateLimiter;
  oidc:
    | (OidcAdapter & { rolesClaim: string; roleMap: Readonly<Record<string, string>>; redirectUri: string })
    | undefined;
  secrets: SecretBox;
  now: () => Date;
}

const permissionsOf = (roles: Parameters<typeof hasPermission>[0]): Permission[] =>
  (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(roles, p));

/** What login and /api/auth/me answer. */
const meOf = (user: User, csrfToken: string | null) => ({
  user,
  csrfToken,
  permissions: permissionsOf(user.roles),
});

export const authRoutes: RoutesPlugin<AuthRouteOptions> = async (app, opts) => {
  const setSession = (reply: FastifyReply, s: NewSession) =>
    reply.setCookie(SESSION_COOKIE, s.sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      path: '/',
      expires: new Date(s.expiresAt),
    });

  const underLoginLimit = (ip: string): Promise<boolean> => opts.loginLimiter.hit(ip, opts.now().getTime());
  const tooManyAttempts = (reply: FastifyReply, what: 'login' | 'password') =>
    sendProblem(
      reply,
      problemOf('AUTH.RATE_LIMITED', `too many ${what} attempts from this address; wait a minute`),
    );
  const noIdentityProvider = (reply: FastifyReply) =>
    sendProblem(reply, problemOf('AUTH.OIDC_NOT_CONFIGURED', 'no identity provider is configured'));

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrfExempt: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        body: LoginBody,
        response: { 200: MeSchema, ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      if (!(await underLoginLimit(req.ip))) return tooManyAttempts(reply, 'login');
      const r = await opts.auth.login(username.trim().toLowerCase(), password);
      if (!r.ok) return sendDomainError(reply, r.error);
      setSession(reply, r.value);
      return meOf(r.value.user, r.value.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Log out: ends this session',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => {
      if (req.sessionId && req.auth) await opts.auth.logout(req.auth.actor, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, their permissions and the CSRF token',
        response: { 200: MeSchema, ...errorResponses(401) },
      },
    },
    async (req) => {
      const a = req.auth!;
      return meOf(a.user, a.csrfToken ?? null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: PasswordChangeBody,
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 422, 423, 429) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      // The same limit per address as login: the current password must not be guessable here.
      if (!(await underLoginLimit(req.ip))) return tooManyAttempts(reply, 'password');
      const r = await opts.auth.changePassword(actor(req), b.currentPassword, b.newPassword, req.sessionId);
      return respond(reply, r);
    },
  );

  app.get(
    '/api/auth/password-policy',
    {
      // Only signed-in people change a password (their own, or an administrator a new user's).
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The password rules the server checks, for forms to show before anyone types',
        response: { 200: PasswordPolicySchema },
      },
    },
    async () => PASSWORD_POLICY,
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: `Create an API token for yourself (for the CLI and integrations); shown once. It expires after expiresInDays (default ${TOKEN_DEFAULT_DAYS}, at most ${TOKEN_MAX_DAYS})`,
        body: NewApiTokenBody,
        response: { 201: NewApiTokenSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const a = req.auth!;
      const b = req.body;
      const r = await opts.auth.createApiToken(a.actor, a.user.id, b.name, b.expiresInDays);
      return respond(reply, r, 201);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Your own API tokens (never the secret): active, expired and ended ones, newest first',
        response: { 200: Type.Array(ApiTokenSchema), ...errorResponses(401) },
      },
    },
    async (req) => opts.auth.ownApiTokens(actor(req)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'authenticated', sites: 'organisation' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your own API tokens (at once; audited)',
        params: IdParams,
        response: { 200: ApiTokenSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await opts.auth.revokeOwnApiToken(actor(req), req.params.id);
      return respond(reply, r);
    },
  );

  app.get(
    '/api/auth/oidc',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether sign-in through an identity provider is available',
        response: { 200: OidcInfoSchema },
      },
    },
    async () => ({ enabled: opts.oidc !== undefined, label: opts.oidc?.label ?? null }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Redirects to the identity provider (authorisation code + PKCE)',
        response: { ...errorResponses(404, 502) },
      },
    },
    async (_req, reply) => {
      if (!opts.oidc) return noIdentityProvider(reply);
      let start;
      try {
        start = await opts.oidc.start();
      } catch (e) {
        app.log.warn({ err: e, component: 'oidc' }, 'identity provider unreachable');
        return sendProblem(reply, {
          ...problemOf('AUTH.OIDC_FAILED', 'the identity provider cannot be reached'),
          status: 502,
        });
      }
      const sealed = opts.secrets.seal(
        JSON.stringify({ ...start.pending, exp: opts.now().getTime() + 10 * 60_000 }),
      );
      // Lax, not Strict: the cookie must come back on the provider's top-level redirect.
      reply.setCookie(OIDC_COOKIE, sealed, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(start.url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the user back; starts the session',
        querystring: OidcCallbackQuery,
        response: { ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      if (!opts.oidc) return noIdentityProvider(reply);
      const raw = req.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc' });
      let pending: { state: string; nonce: string; verifier: string; exp: number };
      try {
        pending = JSON.parse(opts.secrets.open(raw ?? '')) as typeof pending;
        if (pending.exp < opts.now().getTime()) throw new Error('expired');
      } catch {
        return sendProblem(
          reply,
          problemOf('AUTH.OIDC_FAILED', 'the sign-in took too long or was not started here; try again'),
        );
      }
      let claims: Record<string, unknown>;
      try {
        // The registered redirect URI with the provider's query: correct behind a proxy too.
        const url = new URL(opts.oidc.redirectUri);
        url.search = new URL(req.url, 'http://localhost').search;
        claims = await opts.oidc.finish(url, pending);
      } catch (e) {
        app.log.warn({ err: e, component: 'oidc' }, 'code exchange failed');
        return sendProblem(
          reply,
          problemOf('AUTH.OIDC_FAILED', 'the identity provider did not confirm the sign-in'),
        );
      }
      const r = await opts.auth.oidcLogin(claims, opts.oidc.rolesClaim, opts.oidc.roleMap);
      if (!r.ok) return sendDomainError(reply, r.error);
      setSession(reply, r.value);
      return reply.redirect('/', 302);
    },
  );
};
