/**
 * The audit log in words: names and sentences in both languages, the who/what/when/subject
 * filters with their total, and the CSV export (UTF-8 with BOM, a header row in the chosen
 * language), on both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

interface Entry {
  seq: number;
  actor: string;
  actorName: string | null;
  action: string;
  sentence: { nl: string; en: string };
  subjectName: { nl: string; en: string };
  group: string | null;
  details: Record<string, unknown>;
  facts: Record<string, unknown>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe.each(dialects)('the audit log in words on %s', (dialect) => {
  let t: TestRuntime;
  let fg: Record<string, string>;
  let fgId: string;
  const get = (url: string, headers = fg) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
    fg = (await loginAs(t.app, 'fg')).headers;
    fgId = (await t.rt.store.read.users.findByUsername('fg'))!.id;
  });
  afterAll(async () => t?.close());

  it('says who signed in, by name, in Dutch and English', async () => {
    const res = await get(`/api/audit?group=auth&actor=user:${fgId}&limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ entries: Entry[]; total: number }>();
    expect(page.total).toBeGreaterThanOrEqual(1);
    const login = page.entries.find((e) => e.action === 'auth.login')!;
    expect(login.sentence).toEqual({
      nl: 'Mr. Pieter Hoekstra (FG) heeft ingelogd',
      en: 'Mr. Pieter Hoekstra (FG) signed in',
    });
    expect(login.group).toBe('auth');
    expect(page.entries.every((e) => e.actor === `user:${fgId}` && e.group === 'auth')).toBe(true);
  });

  it('filters by what, and counts what the filter selects', async () => {
    const all = (await get('/api/audit?limit=1')).json<{ total: number }>().total;
    const registry = (await get('/api/audit?group=registry&limit=500')).json<{
      entries: Entry[];
      total: number;
    }>();
    expect(registry.total).toBeGreaterThan(0);
    expect(registry.total).toBeLessThan(all);
    expect(registry.entries.every((e) => e.group === 'registry')).toBe(true);
    expect(registry.entries.some((e) => e.sentence.nl.includes('heeft spreekkamer'))).toBe(true);
    // Nothing in the future: the period filter selects nothing.
    expect((await get('/api/audit?from=2999-01-01')).json<{ total: number }>().total).toBe(0);
  });

  it('gives the details as facts with names, never a raw id', async () => {
    const page = (await get('/api/audit?limit=500')).json<{ entries: Entry[] }>();
    // The demo's rooms were added with their site's id: the fact names the site.
    const room = page.entries.find((e) => e.action === 'room.create')!;
    expect(room.details['siteId']).toMatch(UUID);
    expect(room.facts['site']).toEqual({ nl: expect.any(String), en: expect.any(String) });
    expect(JSON.stringify(room.facts['site'])).not.toMatch(UUID);
    expect(page.entries.filter((e) => JSON.stringify(e.details).match(UUID)).length).toBeGreaterThan(0);
    for (const e of page.entries) expect(JSON.stringify(e.facts), e.action).not.toMatch(UUID);
    const csv = await get('/api/audit/export.csv');
    for (const line of csv.body.split('\r\n').slice(1))
      expect(line.split(';').at(-1) ?? '', line).not.toMatch(UUID);
  });

  it('exports CSV with a BOM and a header row in the chosen language', async () => {
    const nl = await get(`/api/audit/export.csv?actor=user:${fgId}`);
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(nl.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = nl.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '"Volgnummer";"Tijdstip (Europe/Amsterdam)";"Wie";"Wat";"Betreft";"Gebeurtenis";"Code";"Details"',
    );
    expect(nl.body).toContain('"Mr. Pieter Hoekstra (FG) heeft ingelogd"');
    const en = await get(`/api/audit/export.csv?lang=en&actor=user:${fgId}`);
    expect(en.body).toContain('"Sequence";');
    expect(en.body).toContain('"Mr. Pieter Hoekstra (FG) signed in"');
  });

  it.each([
    ['/api/audit?group=everything', 'group'],
    ['/api/audit?from=2026-03-02&to=2026-03-01', 'to'],
    ['/api/audit?from=gisteren', 'from'],
    ['/api/audit/export.csv?lang=de', 'lang'],
    ['/api/audit/export.csv?from=2026-03-02&to=2026-03-01', 'to'],
  ])('refuses %s with a 400 problem naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('REQUEST.INVALID');
    expect(res.body).toContain(field);
  });

  it('is for readers of the audit log only', async () => {
    const balie = (await loginAs(t.app, 'balie')).headers;
    expect((await get('/api/audit/export.csv', balie)).statusCode).toBe(403);
    expect((await get('/api/audit/people', balie)).statusCode).toBe(403);
    const auditor = (await loginAs(t.app, 'auditor')).headers;
    expect((await get('/api/audit/export.csv', auditor)).statusCode).toBe(200);
  });
});
