/**
 * Authentication and authorisation in one place. Runs on every request before the body is
 * parsed: resolves the session cookie or bearer token, checks the route's declared access, and
 * for cookie-authenticated writes checks the CSRF header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasPermission } from '../../core/auth/roles.js';
import type { AuthService, Authenticated } from '../../services/auth.service.js';
import { problemOf, sendProblem } from '../problem.js';

export const SESSION_COOKIE = 'proportio_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Authenticates the request's credentials again (session cookie or bearer token): for
     * long-lived responses such as event streams, which must end when the session does.
     */
    reauthenticate(req: FastifyRequest): Promise<Authenticated | undefined>;
  }
  interface FastifyRequest {
    auth: Authenticated | undefined;
    /** The raw session id, for logout. */
    sessionId: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const bearer = (req: FastifyRequest): string | undefined => {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
};

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { auth: AuthService }) => {
    app.decorateRequest('auth', undefined);
    app.decorateRequest('sessionId', undefined);

    const authenticate = async (
      req: FastifyRequest,
    ): Promise<{ auth: Authenticated | undefined; sessionId: string | undefined }> => {
      const token = bearer(req);
      if (token) return { auth: await opts.auth.authenticateToken(token), sessionId: undefined };
      const sid = req.cookies[SESSION_COOKIE];
      if (!sid) return { auth: undefined, sessionId: undefined };
      const auth = await opts.auth.authenticateSession(sid);
      return { auth, sessionId: auth ? sid : undefined };
    };
    app.decorate('reauthenticate', async (req: FastifyRequest) => (await authenticate(req)).auth);

    app.addHook('onRequest', async (req, reply) => {
      const access = req.routeOptions.config.access;
      // Routes outside the API (static web files, docs) have no declaration and need none.
      if (access === undefined) return;
      // A recorder agent's routes check the agent's token themselves (agents.routes.ts).
      if (access === 'agent') return;

      if (access === 'public') {
        // A public route (readiness, login) answers even when the credentials cannot be checked
        // now (database down or full): it then serves the caller as anonymous.
        const found = await authenticate(req).catch((e: unknown) => {
          req.log.warn({ err: e }, 'the credentials could not be checked; served as anonymous');
          return { auth: undefined, sessionId: undefined };
        });
        req.auth = found.auth;
        req.sessionId = found.sessionId;
        return;
      }
      const found = await authenticate(req);
      req.auth = found.auth;
      req.sessionId = found.sessionId;

      if (!req.auth)
        return sendProblem(reply, problemOf('AUTH.UNAUTHENTICATED', 'log in or send a valid API token'));
      if (access !== 'authenticated' && !hasPermission(req.auth.user.roles, access)) {
        return sendProblem(reply, problemOf('AUTH.FORBIDDEN', `this needs the permission "${access}"`));
      }
      if (
        req.auth.via === 'session' &&
        !SAFE_METHODS.has(req.method) &&
        !req.routeOptions.config.csrfExempt
      ) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !req.auth.csrfToken || !sameToken(sent, req.auth.csrfToken)) {
          return sendProblem(
            reply,
            problemOf('AUTH.CSRF', `send the CSRF token from /api/auth/me in the ${CSRF_HEADER} header`),
          );
        }
      }
      return undefined;
    });
  },
  { name: 'proportio-auth', dependencies: ['@fastify/cookie'] },
);
