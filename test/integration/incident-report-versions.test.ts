/**
 * Incident reports are versioned: every filing and amendment is kept (who, when, what), and the
 * employee who raised the alarm can add to what security recorded but not lower it. The register's
 * readers (list, statistics) see the current version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

describe.each(dialects)('versioned incident reports on %s', (dialect) => {
  let t: TestRuntime;
  let balie: Record<string, string>;
  let security: Record<string, string>;
  let incidentId: string;
  let roomId: string;
  const narrative = 'Inwoner gooide een stoel; collega liep een blauwe plek op.';
  const securityReport = {
    kind: 'physical-violence',
    severity: 4,
    injury: true,
    policeReport: true,
    policeReference: 'PL0900-2026-1234',
    narrative,
  };

  const put = (headers: Record<string, string>, payload: object, id = incidentId) =>
    t.app.inject({ method: 'PUT', url: `/api/incidents/${id}/report`, headers, payload });
  const get = (headers: Record<string, string>, id = incidentId) =>
    t.app.inject({ method: 'GET', url: `/api/incidents/${id}`, headers });

  /** An alarm raised by the employee, closed by security, who files the report: version 1. */
  const filedIncident = async (): Promise<string> => {
    const raised = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie,
      payload: { roomId },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const alarm = raised.json<{ alarm: { id: string; incidentId: string } }>().alarm;
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      headers: security,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const filed = await put(security, securityReport, alarm.incidentId);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ reportVersion: 1 });
    return alarm.incidentId;
  };
  /** Version 2: the employee added to the security report. */
  const amendedByEmployee = `${narrative} Ik heb daarna een uur pauze genomen.`;
  const amend = (id: string) =>
    put(balie, { ...securityReport, severity: 5, narrative: amendedByEmployee }, id);
  /** Version 3: security corrected its own record. */
  const correct = (id: string) =>
    put(security, { ...securityReport, severity: 3, narrative: 'Gecorrigeerd verslag.' }, id);

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, loginAttemptsPerMinute: 1000 });
    balie = (await loginAs(t.app, 'balie')).headers;
    security = (await loginAs(t.app, 'beveiliging')).headers;
    roomId = (await t.rt.store.read.rooms.list())[0]!.id;
    // The refusals below change nothing, so they share this one; every test that adds a version files its own.
    incidentId = await filedIncident();
  });
  afterAll(async () => t?.close());

  it.each([
    [
      'clears the narrative and the police reference',
      { ...securityReport, narrative: null, policeReference: null },
      'policeReference',
    ],
    ['shortens the narrative', { ...securityReport, narrative: 'Inwoner gooide een stoel.' }, 'narrative'],
    ['lowers the severity', { ...securityReport, severity: 1 }, 'severity'],
    [
      'takes back the police report',
      { ...securityReport, policeReport: false, policeReference: null },
      'policeReport',
    ],
    ['changes the kind', { ...securityReport, kind: 'verbal-aggression' }, 'kind'],
  ])('the employee who raised the alarm %s: 409, nothing changed', async (_name, payload, field) => {
    const audit = await t.rt.store.read.audit.count();
    const res = await put(balie, payload);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INCIDENT.REPORT_LOWERED', errors: [{ field }] });
    expect(await t.rt.store.read.audit.count()).toBe(audit);
    const now = (await get(security)).json<{
      narrative: string;
      policeReference: string;
      reportVersion: number;
    }>();
    expect(now).toMatchObject({
      narrative,
      policeReference: 'PL0900-2026-1234',
      severity: 4,
      reportVersion: 1,
    });
  });

  it('the employee may add to it: a new version, the earlier one kept with who and when', async () => {
    const id = await filedIncident();
    const added = amendedByEmployee;
    const res = await amend(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reportVersion: 2, narrative: added, severity: 5 });
    const detail = (await get(security, id)).json<{
      reportVersion: number;
      history: Array<{
        version: number;
        narrative: string;
        reportedBy: string;
        bySecurity: boolean;
        reportedAt: string;
      }>;
    }>();
    const users = t.rt.store.read.users;
    const beveiligingId = (await users.findByUsername('beveiliging'))!.id;
    const balieId = (await users.findByUsername('balie'))!.id;
    expect(detail.reportVersion).toBe(2);
    expect(detail.history).toMatchObject([
      {
        version: 1,
        narrative,
        reportedBy: beveiligingId,
        bySecurity: true,
        policeReference: 'PL0900-2026-1234',
      },
      { version: 2, narrative: added, reportedBy: balieId, bySecurity: false, severity: 5 },
    ]);
    expect(detail.history[0]!.reportedAt <= detail.history[1]!.reportedAt).toBe(true);
    const [entry] = await t.rt.store.read.audit.page({ limit: 1 });
    expect(entry).toMatchObject({ action: 'incident.amend', details: { version: 2 } });
    expect(JSON.stringify(entry)).not.toContain('pauze');
  });

  it('security may correct its own record; the register and statistics read the current version', async () => {
    const id = await filedIncident();
    expect((await amend(id)).statusCode).toBe(200);
    const res = await correct(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reportVersion: 3 });
    const auditor = (await loginAs(t.app, 'auditor')).headers;
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/incidents?roomId=${roomId}&limit=5000`,
      headers: auditor,
    });
    expect(list.json<Array<{ id: string; severity: number }>>().find((i) => i.id === id)).toMatchObject({
      severity: 3,
    });
    const stats = await t.app.inject({
      method: 'GET',
      url: `/api/incidents/stats?groupBy=room&roomId=${roomId}`,
      headers: auditor,
    });
    expect(stats.statusCode).toBe(200);
    expect(
      stats.json<{ total: { bySeverity: Record<string, number> } }>().total.bySeverity['3'],
    ).toBeGreaterThan(0);
  });

  it('the history holds narratives: readers without them see neither', async () => {
    const id = await filedIncident();
    expect((await amend(id)).statusCode).toBe(200);
    expect((await correct(id)).statusCode).toBe(200);
    const auditor = (await loginAs(t.app, 'auditor')).headers;
    const res = (await get(auditor, id)).json<{
      history: unknown;
      narrative: unknown;
      reportVersion: number;
    }>();
    expect(res).toMatchObject({ history: null, narrative: null, reportVersion: 3 });
    expect(JSON.stringify(res)).not.toContain('stoel');
  });

  it('an incident entered by hand starts at version 1, written as security', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: security,
      payload: { roomId, occurredAt: '2026-02-01T10:00:00Z', ...securityReport },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reportVersion: 1 });
    const id = res.json<{ id: string }>().id;
    const detail = await t.app.inject({ method: 'GET', url: `/api/incidents/${id}`, headers: security });
    expect(detail.json()).toMatchObject({
      reportVersion: 1,
      history: [{ version: 1, bySecurity: true, narrative }],
    });
  });

  it('a report from before versioning (the demo history) becomes version 1 when first amended', async () => {
    const old = (await t.rt.store.read.incidents.list({ limit: 5000 })).find((i) => i.reportedBy === 'demo')!;
    const before = await t.app.inject({ method: 'GET', url: `/api/incidents/${old.id}`, headers: security });
    expect(before.json()).toMatchObject({ reportVersion: 1, history: [{ version: 1, reportedBy: 'demo' }] });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/incidents/${old.id}/report`,
      headers: security,
      payload: {
        kind: old.kind,
        severity: old.severity,
        injury: old.injury,
        policeReport: false,
        narrative: 'Aangevuld.',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: `/api/incidents/${old.id}`, headers: security });
    expect(after.json()).toMatchObject({
      reportVersion: 2,
      history: [
        { version: 1, reportedBy: 'demo', narrative: null, severity: old.severity },
        { version: 2, narrative: 'Aangevuld.', bySecurity: true },
      ],
    });
  });

  it('the stored versions cannot be changed or deleted', async () => {
    const { sql } = await import('kysely');
    await expect(
      sql`UPDATE incident_report_versions SET narrative = 'weg' WHERE incident_id = ${incidentId}`.execute(
        t.rt.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM incident_report_versions WHERE incident_id = ${incidentId}`.execute(t.rt.database.db),
    ).rejects.toThrow(/append-only/);
  });
});
