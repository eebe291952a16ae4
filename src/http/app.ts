/**
 * buildApp() assembles the Fastify application without listening (`proportio serve` listens; tests use
 * app.inject). Plugins in a fixed order: security headers, cookies, OpenAPI, authentication,
 * error handling, routes, then the web UI.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { OidcAdapter } from '../adapters/auth/oidc.js';
import type { auditService } from '../services/audit.service.js';
import type { AuthService } from '../services/auth.service.js';
import type { RateLimits, SecretBox, Store } from '../services/ports.js';
import type { RegistryService } from '../services/registry.service.js';
import type { UsersService } from '../services/users.service.js';
import type { DeclaredRoute } from './access.js';
import type { ProportioModule } from '../compose/module.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { windowLimiter } from './plugins/rate-limit.js';
import { memoryRateLimits } from '../adapters/limits/rate-limits.js';
import { DomainFailure, StorageFullError } from '../core/result.js';
import { problemOf, sendDomainError, sendProblem, type FieldError } from './problem.js';
import { auditRoutes } from './routes/audit/audit.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { registryRoutes } from './routes/registry/registry.routes.js';
import { usersRoutes } from './routes/users/users.routes.js';

export interface AppDeps {
  readonly version: string;
  readonly store: Store;
  readonly services: {
    readonly auth: AuthService;
    readonly registry: RegistryService;
    readonly users: UsersService;
    readonly audit: ReturnType<typeof auditService>;
  };
  readonly secrets: SecretBox;
  readonly now: () => Date;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly oidc:
    | (OidcAdapter & { rolesClaim: string; roleMap: Readonly<Record<string, string>>; redirectUri: string })
    | undefined;
  /** Built web UI (index.html and assets); served when present. */
  readonly webDir: string | undefined;
  readonly logger: FastifyServerOptions['logger'];
  /** Capabilities whose routes are registered after the core routes. */
  readonly modules?: readonly ProportioModule[];
  /** Login attempts per client address per minute. */
  readonly loginAttemptsPerMinute?: number;
  /** Where the limits count (the cluster's: shared by the instances on one PostgreSQL); memory by default. */
  readonly limits?: RateLimits;
}

/** Paths whose values never reach a log line. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.credentials',
  '*.narrative',
];

export const loggerOptions = (level: string): FastifyServerOptions['logger'] => ({
  level,
  redact: { paths: LOG_REDACT, censor: '[redacted]' },
  base: { component: 'http' },
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access: the authorisation test walks this. */
    declaredRoutes: readonly DeclaredRoute[];
  }
}

export type ProportioApp = FastifyInstance;

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/**
 * Schema errors as people read them: one line per field; a choice between fixed values says
 * which values are allowed instead of repeating "must be equal to constant" per alternative.
 */
/** The machine-readable rule of a schema error (see FieldError), where the keyword has one. */
const ruleOf = (v: ValidationIssue): Pick<FieldError, 'rule' | 'params'> => {
  const limit = (v.params as { limit?: unknown } | undefined)?.limit;
  const n = typeof limit === 'number' ? limit : undefined;
  switch (v.keyword) {
    case 'required':
      return { rule: 'required' };
    case 'minLength':
      return n === undefined ? {} : { rule: 'min-length', params: { min: n } };
    case 'maxLength':
      return n === undefined ? {} : { rule: 'max-length', params: { max: n } };
    case 'minimum':
      return n === undefined ? {} : { rule: 'minimum', params: { min: n } };
    case 'maximum':
      return n === undefined ? {} : { rule: 'maximum', params: { max: n } };
    case 'pattern':
    case 'format':
    case 'type':
      return { rule: 'format' };
    case 'additionalProperties':
    case 'boolean':
      return { rule: 'unknown-field' };
    default:
      return {};
  }
};

export const readableValidationErrors = (
  issues: readonly ValidationIssue[],
  context: string,
): FieldError[] => {
  const fieldOf = (v: ValidationIssue) =>
    (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
    String((v.params as { requiredProperties?: string[] } | undefined)?.requiredProperties?.[0] ?? context);
  const allowed = new Map<string, unknown[]>();
  for (const v of issues) {
    const value = (v.params as { allowedValue?: unknown } | undefined)?.allowedValue;
    if (v.keyword === 'const' && value !== undefined)
      allowed.set(fieldOf(v), [...(allowed.get(fieldOf(v)) ?? []), value]);
  }
  const out: FieldError[] = [];
  for (const [field, values] of allowed)
    out.push({
      field,
      message: `must be one of: ${values.map((x) => JSON.stringify(x)).join(', ')}`,
      rule: 'one-of',
      params: { values: values.map(String).join(', ') },
    });
  for (const v of issues) {
    const field = fieldOf(v);
    if (allowed.has(field) && (v.keyword === 'const' || v.keyword === 'anyOf')) continue;
    if (!out.some((o) => o.field === field && o.message === v.message))
      out.push({ field, message: v.message ?? 'is not valid', ...ruleOf(v) });
  }
  return out;
};

export const buildApp = async (deps: AppDeps): Promise<ProportioApp> => {
  const app = Fastify({
    logger: deps.logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    trustProxy: deps.trustProxy,
    ajv: undefined,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  // Every route declares its access, except the files of the two plugins registered while this
  // names them (the API docs UI and the built web UI): closed by default, open by declaration.
  let exemptPlugin: string | undefined;
  app.addHook('onRoute', (route) => {
    if (exemptPlugin !== undefined) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    for (const m of [route.method].flat())
      if (m !== 'HEAD')
        declared.push({
          method: m,
          url: route.url,
          access,
          sites: route.config?.sites,
          body: route.schema?.body,
        });
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI and the design tokens need inline styles; no inline scripts anywhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.secureCookies ? { maxAge: 31_536_000 } : false,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Proportio API',
        version: deps.version,
        description:
          'Staff alarms, proportionality assessments and lawful recording for municipal interview rooms. Errors are RFC 9457 problem details with a stable `code` (docs/errors.md).',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'proportio_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token (prt_…) from POST /api/auth/tokens',
          },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  exemptPlugin = '@fastify/swagger-ui';
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  exemptPlugin = undefined;
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authPlugin, { auth: deps.services.auth });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.validation) {
      const errors = readableValidationErrors(error.validation, error.validationContext ?? 'body');
      return sendProblem(
        reply,
        problemOf(
          'REQUEST.INVALID',
          `${error.validationContext ?? 'request'}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
          { errors },
        ),
      );
    }
    if (error instanceof StorageFullError) {
      req.log.error({ err: error.cause ?? error }, 'database storage full: the request was refused');
      return sendProblem(reply, problemOf('STORAGE.FULL', error.message));
    }
    // A domain failure no service turned into a Result still has its code and status.
    if (error instanceof DomainFailure) return sendDomainError(reply, error.error);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(reply, problemOf('REQUEST.TOO_LARGE', 'the request body is too large'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(reply, problemOf('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problemOf('REQUEST.INVALID', error.message));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problemOf('INTERNAL', 'something went wrong on the server; the request id identifies it in the log'),
    );
  });

  const now = deps.now;
  await app.register(healthRoutes, {
    store: deps.store,
    version: deps.version,
    health: () => (deps.modules ?? []).flatMap((m) => m.health()),
  });
  await app.register(authRoutes, {
    auth: deps.services.auth,
    secureCookies: deps.secureCookies,
    loginLimiter: windowLimiter(
      deps.limits ?? memoryRateLimits(),
      'login',
      deps.loginAttemptsPerMinute ?? 20,
      60_000,
    ),
    oidc: deps.oidc,
    secrets: deps.secrets,
    now,
  });
  await app.register(registryRoutes, { registry: deps.services.registry });
  await app.register(usersRoutes, { users: deps.services.users });
  await app.register(auditRoutes, { audit: deps.services.audit });
  for (const m of deps.modules ?? []) await app.register(m.routes);

  const webDir = deps.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    exemptPlugin = '@fastify/static';
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: 'index.html' });
    exemptPlugin = undefined;
  }
  app.setNotFoundHandler((req, reply) => {
    // The web UI routes on the client: unknown non-API GETs get index.html.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(
      reply,
      problemOf('RESOURCE.NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`),
    );
  });

  return app;
};
