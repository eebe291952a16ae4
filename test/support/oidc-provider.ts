/**
 * A real OpenID Provider for tests: the `oidc-provider` package (the certified Node.js
 * implementation) on 127.0.0.1, with accounts held in memory and a minimal login + consent
 * interaction that a test drives with plain HTTP (see OidcBrowser below):
 *
 *   GET  /interaction/:uid          → JSON { uid, prompt: 'login' | 'consent', … }
 *   POST /interaction/:uid/login    (form: login, password) → 303 back into the provider
 *   POST /interaction/:uid/confirm  → 303 back into the provider (grants what was asked)
 *   GET  /interaction/:uid/abort    → the user declines: error=access_denied to the client
 *
 * Everything else is the provider's own endpoints (discovery, authorisation, token, userinfo,
 * JWKS). PKCE is required for every client; the `proportio` scope releases the `roles` claim.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestAccount {
  readonly sub: string;
  readonly password: string;
  readonly name: string;
  /** Changeable between logins, like roles. */
  email: string;
  readonly preferredUsername: string;
  /** The custom claim Proportio maps to roles; change it between logins to test the sync. */
  roles: string[];
}

export interface TestClient {
  readonly clientId: string;
  /** Omitted: a public client (token_endpoint_auth_method none), protected by PKCE alone. */
  readonly clientSecret?: string;
  readonly redirectUri: string;
}

export interface TestProvider {
  readonly issuer: string;
  readonly accounts: Map<string, TestAccount>;
  /** Token endpoint outcomes as the provider saw them, for assertions and diagnostics. */
  readonly events: string[];
  /** Every request path the provider received. */
  readonly requests: string[];
  close(): Promise<void>;
}

// --- the small part of oidc-provider's API this file uses (the package ships no types) -------

interface InteractionDetails {
  readonly uid: string;
  readonly prompt: { readonly name: string; readonly details: Readonly<Record<string, unknown>> };
  readonly params: Readonly<Record<string, unknown>>;
  readonly session?: { readonly accountId: string };
  readonly grantId?: string;
}

interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}

interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  readonly Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
  on(event: string, listener: (...args: unknown[]) => void): void;
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

const loadProvider = async (): Promise<ProviderConstructor> => {
  // A variable specifier: the package has no type declarations, so the module is typed here.
  const specifier = 'oidc-provider';
  const mod = (await import(specifier)) as { Provider: ProviderConstructor };
  return mod.Provider;
};

// ----------------------------------------------------------------------------------------------

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export const freePort = async (): Promise<number> => {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
};

export const startTestProvider = async (opts: {
  clients: readonly TestClient[];
  accounts: readonly TestAccount[];
  /** Listen on this port (default: any free one). */
  port?: number;
  /** Listen on this address (default 127.0.0.1); the issuer URL uses it. */
  host?: string;
}): Promise<TestProvider> => {
  const Provider = await loadProvider();
  const accounts = new Map(opts.accounts.map((a) => [a.sub, { ...a, roles: [...a.roles] }]));
  const events: string[] = [];
  const requests: string[] = [];
  const host = opts.host ?? '127.0.0.1';

  // The issuer (with its port) must be known before the provider exists: listen first, route later.
  const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = http.createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://x').pathname);
    if (route.handler) route.handler(req, res);
    else json(res, 503, { error: 'starting' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-es256', alg: 'ES256', use: 'sig' };
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const rsaKey = { ...rsa.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret ? { client_secret: c.clientSecret } : {}),
      // The registration default of OpenID Connect (and of oidc-provider): HTTP Basic.
      token_endpoint_auth_method: c.clientSecret ? 'client_secret_basic' : 'none',
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [rsaKey, signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      // A custom scope that releases the group/role claim, as an IdP administrator would set up.
      proportio: ['roles'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const a = accounts.get(sub);
      if (!a) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: a.name,
          email: a.email,
          email_verified: true,
          preferred_username: a.preferredUsername,
          roles: [...a.roles],
        }),
      };
    },
    // Plain text errors, so a failing test shows the reason.
    renderError: (ctx: { type: string; body: string }, out: Record<string, unknown>) => {
      ctx.type = 'text/plain';
      ctx.body = JSON.stringify(out);
    },
  });
  for (const ev of [
    'grant.success',
    'grant.error',
    'server_error',
    'authorization.error',
    'userinfo.error',
  ]) {
    provider.on(ev, (...args: unknown[]) => {
      const e = ev === 'grant.success' ? undefined : args.find((a) => a instanceof Error);
      events.push(
        e ? `${ev}: ${e.message}${'error_description' in e ? ` (${String(e.error_description)})` : ''}` : ev,
      );
    });
  }

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const m = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(path);
    if (!m) return json(res, 404, { error: 'no such interaction route' });
    const action = m[2];
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== m[1]) return json(res, 400, { error: 'interaction mismatch' });
    if (!action && req.method === 'GET') {
      return json(res, 200, {
        uid: details.uid,
        prompt: details.prompt.name,
        clientId: details.params.client_id,
        scope: details.params.scope,
        login: `/interaction/${details.uid}/login`,
        confirm: `/interaction/${details.uid}/confirm`,
        abort: `/interaction/${details.uid}/abort`,
      });
    }
    if (action === 'abort' && req.method === 'GET') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'login' && req.method === 'POST') {
      if (details.prompt.name !== 'login') return json(res, 400, { error: 'not a login prompt' });
      const form = await readForm(req);
      const account = accounts.get(form.get('login') ?? '');
      if (!account || account.password !== form.get('password'))
        return json(res, 401, { error: 'wrong login or password' });
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'confirm' && req.method === 'POST') {
      if (details.prompt.name !== 'consent' || !details.session)
        return json(res, 400, { error: 'not a consent prompt' });
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({
            accountId: details.session.accountId,
            clientId: String(details.params.client_id),
          });
      if (!grant) return json(res, 400, { error: 'grant not found' });
      const d = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    return json(res, 405, { error: 'method not allowed' });
  };

  const callback = provider.callback();
  route.handler = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((e: unknown) => {
        events.push(`interaction.error: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) json(res, 500, { error: e instanceof Error ? e.message : String(e) });
        else res.end();
      });
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    accounts,
    events,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

// --- a minimal browser: cookie jar per origin, redirects followed one by one -------------------

interface StoredCookie {
  value: string;
  path: string;
}

export class OidcBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();
  /** Every URL requested, in order. */
  readonly visited: URL[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).origin)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const o = new URL(origin).origin;
    if (!this.jar.has(o)) this.jar.set(o, new Map());
    this.jar.get(o)!.set(name, { value, path });
  }

  deleteCookie(origin: string, name: string): void {
    this.jar.get(new URL(origin).origin)?.delete(name);
  }

  private cookieHeader(url: URL): string | undefined {
    const cookies = [...(this.jar.get(url.origin)?.entries() ?? [])]
      .filter(
        ([, c]) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map(([n, c]) => `${n}=${c.value}`);
    return cookies.length ? cookies.join('; ') : undefined;
  }

  private store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const a of attrs) {
        const [k = '', v = ''] = a.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      if (!this.jar.has(url.origin)) this.jar.set(url.origin, new Map());
      const bucket = this.jar.get(url.origin)!;
      if (expired) bucket.delete(name);
      else bucket.set(name, { value, path });
    }
  }

  /** One request, no redirect following; cookies sent and stored like a browser would. */
  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const u = new URL(url);
    this.visited.push(u);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(u);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(body ? { body } : {}),
    });
    this.store(u, res);
    return res;
  }
}

export interface InteractionPage {
  readonly uid: string;
  readonly prompt: 'login' | 'consent';
  readonly login: string;
  readonly confirm: string;
  readonly abort: string;
}

/**
 * Follows redirects from `from` through the provider, answering its login and consent prompts,
 * until the provider sends the browser to a URL starting with `stopAt` (the relying party's
 * callback), which is returned unvisited. `decline` aborts at the consent prompt instead.
 */
export const driveProvider = async (
  browser: OidcBrowser,
  from: string,
  stopAt: string,
  login: { username: string; password: string },
  opts: { decline?: boolean } = {},
): Promise<{ callbackUrl: URL; prompts: string[] }> => {
  let next = new URL(from);
  const prompts: string[] = [];
  for (let hop = 0; hop < 20; hop++) {
    if (next.href.startsWith(stopAt)) return { callbackUrl: next, prompts };
    const res = await browser.request(next);
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location') ?? '', next);
      continue;
    }
    if (res.status !== 200 || !next.pathname.startsWith('/interaction/')) {
      throw new Error(`unexpected ${res.status} at ${next.href}: ${await res.text()}`);
    }
    const page = (await res.json()) as InteractionPage;
    prompts.push(page.prompt);
    const act =
      page.prompt === 'login'
        ? await browser.request(new URL(page.login, next), {
            form: { login: login.username, password: login.password },
          })
        : opts.decline
          ? await browser.request(new URL(page.abort, next))
          : await browser.request(new URL(page.confirm, next), { method: 'POST', form: {} });
    if (act.status !== 303 && act.status !== 302)
      throw new Error(`${page.prompt} answered ${act.status}: ${await act.text()}`);
    next = new URL(act.headers.get('location') ?? '', next);
  }
  throw new Error('too many redirects');
};
