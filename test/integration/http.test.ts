/**
 * The HTTP surface itself: health, OpenAPI (a schema on every route), API docs, security
 * headers, request ids, problem+json for unknown routes, and Secure cookies behind TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe('HTTP surface', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ demo: true });
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({
      status: 'ready',
      database: 'sqlite',
      warnings: expect.any(Array),
    });
  });

  it('publishes OpenAPI 3.1 with a schema on every API route', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            responses?: Record<string, unknown>;
            requestBody?: unknown;
            parameters?: unknown[];
          }
        >
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const missing: string[] = [];
    for (const r of t.app.declaredRoutes) {
      if (r.url === '/api/openapi.json' || !r.url.startsWith('/api/')) continue;
      const p = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const op = doc.paths[p]?.[r.method.toLowerCase()];
      if (!op) missing.push(`${r.method} ${r.url}: not in OpenAPI`);
      else {
        if (!op.summary) missing.push(`${r.method} ${r.url}: no summary`);
        if (!op.responses || Object.keys(op.responses).length === 0)
          missing.push(`${r.method} ${r.url}: no response schema`);
        // A write either takes a body or acts on the resource its path names (e.g. POST …/:id/close).
        if (
          ['POST', 'PUT', 'PATCH'].includes(r.method) &&
          !op.requestBody &&
          !op.parameters?.length &&
          !/logout|oidc/.test(r.url)
        ) {
          missing.push(`${r.method} ${r.url}: neither a body nor path parameters`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves the browsable API docs', async () => {
    const res = await t.app.inject('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect((await t.app.inject('/api/docs/static/swagger-ui.css')).statusCode).toBe(200);
  });

  it('sets security headers and a request id on every response', async () => {
    const res = await t.app.inject('/api/sites');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = res.json<{ requestId: string }>();
    expect(problem.requestId).toBe(res.headers['x-request-id']);
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const hostile = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).not.toContain('<');
  });

  it('answers unknown API routes with problem+json 404', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'RESOURCE.NOT_FOUND' });
  });

  it('hides internal error details (5xx)', async () => {
    const h = (await loginAs(t.app, 'beheer')).headers;
    await t.rt.database.close(); // the database goes away under the running app
    const res = await t.app.inject({ url: '/api/sites', headers: h });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(res.body).not.toMatch(/sqlite|kysely|stack|at \w+ \(/i);
    expect((await t.app.inject('/readyz')).statusCode).toBe(503);
  });
});

describe('behind TLS', () => {
  it('marks the session cookie Secure and sends HSTS', async () => {
    const t = await startTestRuntime({
      demo: true,
      env: { PROPORTIO_PUBLIC_URL: 'https://proportio.lindewaard.example' },
    });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'fg', password: 'Lindewaard-demo-2026' },
      });
      expect(res.cookies.find((c) => c.name === 'proportio_session')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
