/**
 * Bad input is a test subject: every registry write is tried with wrong types, unknown fields,
 * oversized strings, SQL and script fragments and path traversal. Each must answer a clear
 * 4xx problem+json and write nothing (no row, no audit entry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const MB = 'x'.repeat(1024 * 1024);

describe.each(dialects)('hostile input on %s', (dialect) => {
  let t: TestRuntime;
  let admin: Record<string, string>;
  let siteId: string;
  let roomId: string;

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true });
    admin = (await loginAs(t.app, 'beheer')).headers;
    siteId = (await t.rt.store.read.sites.list())[0]!.id;
    roomId = (await t.rt.store.read.rooms.list())[0]!.id;
  });
  afterAll(async () => t?.close());

  const snapshot = async () => {
    const s = t.rt.store.read;
    return {
      audit: await s.audit.count(),
      sites: (await s.sites.list()).length,
      rooms: (await s.rooms.list()).length,
      cameras: (await s.cameras.list()).length,
      types: (await s.conversationTypes.list()).length,
      users: await s.users.count(),
      org: await s.organisation.get(),
    };
  };

  const cases: Array<[string, string, string, () => unknown, number[]]> = [
    ['site: wrong type', 'POST', '/api/sites', () => ({ name: 42 }), [400]],
    ['site: unknown field', 'POST', '/api/sites', () => ({ name: 'Nieuw', admin: true }), [400]],
    ['site: missing name', 'POST', '/api/sites', () => ({}), [400]],
    ['site: 1 MB name', 'POST', '/api/sites', () => ({ name: MB }), [400, 413]],
    ['site: script', 'POST', '/api/sites', () => ({ name: '<script>alert(1)</script>' }), [400]],
    ['site: SQL fragment', 'POST', '/api/sites', () => ({ name: "x'; DROP TABLE sites; --" }), [400]],
    ['site: path traversal', 'POST', '/api/sites', () => ({ name: '../../etc/passwd' }), [400]],
    [
      'site: control chars in address',
      'POST',
      '/api/sites',
      () => ({ name: 'Ok naam', address: 'a\u0000b' }),
      [400],
    ],
    ['site: duplicate name', 'POST', '/api/sites', () => ({ name: 'Stadhuis Lindewaard' }), [409]],
    [
      'room: unknown site',
      'POST',
      '/api/rooms',
      () => ({ siteId: '00000000-0000-4000-8000-000000000000', name: 'Kamer' }),
      [404],
    ],
    ['room: id with traversal', 'POST', '/api/rooms', () => ({ siteId: '../sites', name: 'Kamer' }), [400]],
    ['room: array for name', 'POST', '/api/rooms', () => ({ siteId, name: ['a'] }), [400]],
    [
      'camera: file URL',
      'POST',
      '/api/cameras',
      () => ({ roomId, name: 'Cam', url: 'file:///etc/passwd' }),
      [400],
    ],
    ['camera: not a URL', 'POST', '/api/cameras', () => ({ roomId, name: 'Cam', url: 'rtsp//nope' }), [400]],
    [
      'camera: broken percent-escape in the user name',
      'POST',
      '/api/cameras',
      () => ({ roomId, name: 'Cam', url: 'rtsp://%ZZ@cam.example/s' }),
      [400],
    ],
    [
      'camera: broken percent-escape in the password',
      'POST',
      '/api/cameras',
      () => ({ roomId, name: 'Cam', url: 'rtsp://u:%E0%A4%A@cam.example/s' }),
      [400],
    ],
    [
      'camera: boolean password',
      'POST',
      '/api/cameras',
      () => ({ roomId, name: 'Cam', url: 'rtsp://10.0.0.1/s', password: true }),
      [400],
    ],
    [
      'type: bad code',
      'POST',
      '/api/conversation-types',
      () => ({ code: 'Bijstand Gesprek!', nameNl: 'a', nameEn: 'b', sensitive: true }),
      [400],
    ],
    [
      'type: string for boolean',
      'POST',
      '/api/conversation-types',
      () => ({ code: 'x-y', nameNl: 'a', nameEn: 'b', sensitive: 'true' }),
      [400],
    ],
    [
      'user: unknown role',
      'POST',
      '/api/users',
      () => ({ username: 'nieuw', displayName: 'N', roles: ['root'] }),
      [400],
    ],
    [
      'user: weak password',
      'POST',
      '/api/users',
      () => ({ username: 'nieuw', displayName: 'N', roles: ['auditor'], password: 'kort' }),
      [422],
    ],
    [
      'user: uppercase/space username',
      'POST',
      '/api/users',
      () => ({ username: 'Robert Tables', displayName: 'N', roles: ['auditor'] }),
      [400],
    ],
    [
      'user: no roles',
      'POST',
      '/api/users',
      () => ({ username: 'nieuw', displayName: 'N', roles: [] }),
      [400],
    ],
    [
      'organisation: bad e-mail',
      'PUT',
      '/api/organisation',
      () => ({ name: 'Gemeente X', address: '', dpoName: '', dpoEmail: 'not-an-email', dpoPhone: '' }),
      [400],
    ],
    ['setting: unknown key', 'PUT', '/api/settings/evil.key', () => ({ value: 1 }), [400]],
    [
      'setting: out of range',
      'PUT',
      '/api/settings/alarm.escalationSeconds',
      () => ({ value: 100000 }),
      [400],
    ],
    ['setting: traversal key', 'PUT', '/api/settings/..%2F..%2Fetc', () => ({ value: 1 }), [400]],
    [
      'site patch: unknown id',
      'PATCH',
      '/api/sites/00000000-0000-4000-8000-000000000000',
      () => ({ name: 'X' }),
      [404],
    ],
  ];

  it.each(cases)('%s → clear 4xx, nothing written', async (_name, method, url, body, statuses) => {
    const before = await snapshot();
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: admin,
      payload: body() as object,
    });
    expect(statuses).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const p = res.json<{ code: string; detail: string; status: number }>();
    expect(p.status).toBe(res.statusCode);
    expect(p.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
    expect(p.detail.length).toBeGreaterThan(3);
    expect(await snapshot()).toEqual(before);
  });

  it('a setting out of range names its rule and range (for the screen to word), and the registry lists both', async () => {
    const escalation = (value: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/settings/alarm.escalationSeconds',
        headers: admin,
        payload: { value },
      });
    const before = await snapshot();
    const res = await escalation(4);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'REQUEST.INVALID',
      errors: [{ field: 'value' }],
      details: { field: 'value', rule: 'integer-range', min: 5, max: 600, unit: 'seconds' },
    });
    expect(await snapshot()).toEqual(before);
    const list = await t.app.inject({ method: 'GET', url: '/api/settings', headers: admin });
    expect(list.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'alarm.escalationSeconds',
          section: 'alarm',
          type: 'integer',
          min: 5,
          max: 600,
          unit: 'seconds',
          value: 30,
          default: 30,
        }),
        expect.objectContaining({
          key: 'audit.retentionNote',
          section: 'audit',
          type: 'text',
          maxLength: 500,
        }),
      ]),
    );
    const ok = await escalation(5);
    expect(ok.statusCode).toBe(200);
    await escalation(30);
  });

  it('rejects a body that is not JSON, or too large, with problem+json', async () => {
    const before = await snapshot();
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'REQUEST.INVALID' });
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { ...admin, 'content-type': 'application/xml' },
      payload: '<site/>',
    });
    expect(xml.statusCode).toBe(415);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: admin,
      payload: { name: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    expect(await snapshot()).toEqual(before);
  });

  it('names the allowed values when a field takes one of a fixed set', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'nieuw', displayName: 'N', roles: ['root'] },
    });
    expect(res.statusCode).toBe(400);
    const p = res.json<{ detail: string; errors: Array<{ field: string; message: string }> }>();
    expect(p.errors).toContainEqual({
      field: 'roles.0',
      message: expect.stringContaining('must be one of: "front-desk", "responder"'),
      // The rule and its values, for a screen that words the refusal in its own language.
      rule: 'one-of',
      params: { values: expect.stringContaining('front-desk') },
    });
    expect(p.detail).not.toContain('must be equal to constant');
  });

  it('names the offending field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rooms',
      headers: admin,
      payload: { siteId, name: '<b>' },
    });
    expect(res.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'name' }] });
    const typed = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: admin,
      payload: { name: 7 },
    });
    expect(typed.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('name');
    const escape = await t.app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: admin,
      payload: { roomId, name: 'Cam', url: 'rtsp://%ZZ@cam.example/s' },
    });
    expect(escape.statusCode).toBe(400);
    expect(escape.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'url' }] });
  });

  it('never returns camera credentials, and keeps them out of the stored URL', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: admin,
      payload: { roomId, name: 'Testcamera', url: 'rtsp://viewer:S3cret-pass@10.1.2.3:554/stream1' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('S3cret-pass');
    expect(res.json()).toMatchObject({ url: 'rtsp://10.1.2.3:554/stream1', hasCredentials: true });
    const list = await t.app.inject({ method: 'GET', url: '/api/cameras', headers: admin });
    expect(list.body).not.toContain('S3cret-pass');
    expect(list.body).not.toContain('viewer');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?limit=5',
      headers: (await loginAs(t.app, 'auditor')).headers,
    });
    expect(audit.body).not.toContain('S3cret-pass');
    const stored = await t.rt.store.read.cameras.getWithSecret(res.json<{ id: string }>().id);
    expect(stored?.credentialsSealed).not.toContain('S3cret');
    expect(JSON.parse(t.rt.secrets.open(stored!.credentialsSealed!))).toEqual({
      username: 'viewer',
      password: 'S3cret-pass',
    });
  });

  it('never returns password hashes or session ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: admin });
    expect(res.body).not.toMatch(/argon2|password_?hash|passwordHash|failedLogins/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin });
    expect(me.body).not.toContain(admin.cookie!.split('=')[1]!);
  });
});
