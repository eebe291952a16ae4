/**
 * A row whose details are not valid JSON (a damaged disk, a hand edit) is a finding that names
 * the entry — in `audit verify` (exit 1), GET /api/audit/verify and the audit list — never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { cliAgainst, withoutAuditGuards } from './audit-helpers.js';

const dialects = await availableDialects();

describe.each(dialects)('a damaged audit row on %s', (dialect) => {
  let t: TestRuntime;
  let auditor: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true });
    auditor = await loginAs(t.app, 'auditor');
    await withoutAuditGuards(t.rt.database, (db) =>
      db.updateTable('audit_log').set({ details: '{"name":"Stadhuis' }).where('seq', '=', 5).execute(),
    );
  });
  afterAll(async () => t?.close());

  it('is named by the service and GET /api/audit/verify', async () => {
    const expected = {
      ok: false,
      checked: 4,
      problem: { kind: 'damaged', seq: 5, detail: 'entry 5 is damaged: details are not valid JSON' },
    };
    expect(await t.rt.services.audit.verify()).toMatchObject(expected);
    const res = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject(expected);
  });

  it('shows in the audit list as damaged, with its stored text', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit?before=7&limit=5',
      headers: auditor.headers,
    });
    expect(res.statusCode).toBe(200);
    const entries = res.json<{ entries: Array<{ seq: number; damage?: unknown; details: unknown }> }>()
      .entries;
    expect(entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2]);
    expect(entries.find((e) => e.seq === 5)).toMatchObject({
      details: {},
      damage: { reason: 'details are not valid JSON', raw: '{"name":"Stadhuis' },
    });
    expect(entries.find((e) => e.seq === 6)?.damage).toBeUndefined();
  });

  it('makes `audit verify` exit 1 naming the entry, not 70', async () => {
    const v = await cliAgainst(t, ['audit', 'verify']);
    expect(v.stderr).not.toMatch(/SyntaxError|INTERNAL/);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('AUDIT CHAIN BROKEN at entry 5 (damaged): entry 5 is damaged');
  });
});
