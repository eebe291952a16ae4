/**
 * The regulator dossier (issue 12 §4, docs/dossier.md) on the demo municipality, on SQLite and
 * PostgreSQL: through HTTP and through the CLI in a child process. The ZIP opens (read in Node with
 * fflate, as the evidence export is), both PDFs read with pdftotext and carry the Dutch/English
 * headings and the same figures as dossier.json, the JSON validates against the published schema
 * with ajv, the export is audited, and nothing a resident gave (name, contact, recognition) is in
 * any file. Bad periods and the wrong roles are refused and audit nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipFiles } from '../../src/adapters/evidence/package.js';
import type { RightsModule } from '../../src/compose/rights.compose.js';
import type { Dossier } from '../../src/core/dossier/dossier.schema.js';
import { availableDialects } from '../support/databases.js';
import { runCliProcess } from '../support/cli-process.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';

const dialects = await availableDialects();
const hasPoppler = toolsAvailable('dossier PDF', 'pdftotext');
const SYSTEM = { kind: 'system', name: 'test' } as const;
/** What the resident gave the privacy officer: none of it may reach the regulator. */
const RESIDENT = {
  requesterName: 'Wilhelmina Testbewoner',
  requesterContact: 'wilhelmina@voorbeeld.example',
  recognition: 'groene regenjas met paraplu',
};
const COMPLAINANT = {
  name: 'Hendrik Klachtindiener',
  contact: 'klacht@voorbeeld.example',
  subject: 'Camera bij mevrouw Zonnebloem niet aangekondigd',
};

const schema = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../../docs/dossier.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

const pdfText = (bytes: Buffer): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdf-'));
  const file = path.join(dir, 'd.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const DAY = 86_400_000;
type Json = Record<string, unknown>;
const today = () => new Date().toISOString().slice(0, 10);

/** examples/incident-triggered-recording.json for a demo room (as in assessment-workflow.test.ts). */
const demoScenario = (roomId: string, typeId: string): Json => {
  const s = JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, '../../examples/incident-triggered-recording.json'),
      'utf8',
    ),
  ) as Json & { scope: Json; measure: Json; safeguards: Json; dpia: Json; evidence: Json };
  delete s.humanJudgements;
  delete s.safeguards.dpoAdviceDate;
  delete s.dpia.dataSubjectViews;
  delete s.evidence.incidents;
  s.title = 'Opname alleen bij alarm in Spreekkamer 2 (dossiertest)';
  s.assessedOn = today();
  s.controller = { name: 'Gemeente Lindewaard', publicAuthority: true };
  s.measure = { ...s.measure, startDate: today() };
  s.scope = {
    ...s.scope,
    rooms: [{ id: roomId, name: 'Spreekkamer 2' }],
    conversationTypes: [{ id: typeId, name: 'Bijstandsgesprek', sensitive: true }],
  };
  s.safeguards = {
    ...s.safeguards,
    reviewDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
  };
  s.dpia = { ...s.dpia, date: today() };
  return s;
};
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * DAY + minutes * 60_000).toISOString();
const dayAgo = (days: number) => ago(days).slice(0, 10);

describe.runIf(hasPoppler).each(dialects)('regulator dossier on %s', (dialect) => {
  let t: TestRuntime;
  let fg: Record<string, string>;
  let tokens: { fg: string; balie: string; auditor: string };

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    fg = (await loginAs(t.app, 'fg')).headers;
    const tokenFor = async (user: string) => {
      const s = await loginAs(t.app, user);
      return t.app
        .inject({ method: 'POST', url: '/api/auth/tokens', headers: s.headers, payload: { name: 'cli' } })
        .then((r) => r.json<{ token: string }>().token);
    };
    tokens = { fg: await tokenFor('fg'), balie: await tokenFor('balie'), auditor: await tokenFor('auditor') };

    // Facts the demo has no history of: an approved measure, a resident's request, a suspension, three clips.
    const secretaris = (await loginAs(t.app, 'secretaris')).headers;
    const post = (url: string, headers: Record<string, string>, payload?: Json) =>
      t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
    const room2 = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!.id;
    const typeId = (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id;
    const created = await post('/api/assessments', fg, { scenario: demoScenario(room2, typeId) });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ assessment: { id: string } }>().assessment.id;
    expect(
      (
        await post(`/api/assessments/${id}/dpo-advice`, fg, {
          advice: 'Akkoord onder voorwaarden.',
          recommendation: 'approve-with-conditions',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(`/api/assessments/${id}/views`, fg, {
          sought: false,
          reasonNotSought: 'De cliëntenraad wordt opnieuw ingesteld.',
        })
      ).statusCode,
    ).toBe(200);
    const evaluation = await t.app.inject({
      method: 'GET',
      url: `/api/assessments/${id}/evaluation`,
      headers: fg,
    });
    for (const ruleId of evaluation.json<{ pendingReviews?: string[] }>().pendingReviews ?? [])
      expect(
        (
          await post(`/api/assessments/${id}/judgements`, fg, {
            ruleId,
            outcome: 'pass',
            reasons: 'Gewogen: ernstige incidenten in deze kamer.',
          })
        ).statusCode,
      ).toBe(200);
    expect((await post(`/api/assessments/${id}/submit`, fg)).statusCode).toBe(200);
    const decision = await post(`/api/assessments/${id}/decision`, secretaris, {
      outcome: 'approved',
      reasons: 'Akkoord.',
    });
    expect(decision.statusCode, decision.body).toBe(200);

    const camera = (await t.rt.store.read.cameras.list())[0]!;
    const room = (await t.rt.store.read.rooms.get(camera.roomId))!;
    const rights = t.rt.modules.find((m) => m.name === 'rights') as RightsModule;
    const req = await rights.service.create(SYSTEM, {
      kind: 'access',
      channel: 'post',
      receivedAt: ago(3),
      roomId: room.id,
      windowFrom: ago(5),
      windowTo: ago(5, 60),
      identityMethod: 'signature',
      ...RESIDENT,
    });
    if (!req.ok) throw new Error(req.error.message);
    // A resident's complaint: in the dossier by category, dates and timeliness, never by name or subject.
    const complaint = await post('/api/complaints', fg, {
      kind: 'complaint',
      source: 'resident',
      receivedAt: ago(4),
      siteId: room.siteId,
      fromName: COMPLAINANT.name,
      fromContact: COMPLAINANT.contact,
      subject: COMPLAINANT.subject,
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    const susp = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: fg,
      payload: { scope: 'organisation', reason: 'storing in de kluis' },
    });
    expect(susp.statusCode, susp.body).toBe(201);
    const clip = (
      id: string,
      startedDaysAgo: number,
      retentionDaysAgo: number,
      deletedAt: string | null,
    ) => ({
      id,
      camera_id: camera.id,
      room_id: room.id,
      site_id: room.siteId,
      alarm_ids: '[]',
      incident_ids: '[]',
      mode: 'incident',
      assessment_ids: '[]',
      status: deletedAt === null ? 'sealed' : 'deleted',
      started_at: ago(startedDaysAgo),
      ended_at: ago(startedDaysAgo, 3),
      retention_hours: 72,
      retention_until: ago(retentionDaysAgo),
      created_at: ago(startedDaysAgo),
      deleted_at: deletedAt,
      deleted_reason: deletedAt === null ? null : 'retention',
    });
    await t.rt.database.db
      .insertInto('clips')
      .values([
        clip('dossier-clip-on-time', 10, 7, ago(7, 10)),
        clip('dossier-clip-kept', 20, 17, null),
        clip('dossier-clip-fresh', 1, -2, null),
      ])
      .execute();
  }, 180_000);
  afterAll(async () => {
    for (const m of t.rt.modules) await m.stop();
    await t.close();
  });

  const period = () => ({ from: dayAgo(40), to: dayAgo(0) });
  const audited = () =>
    t.rt.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'dossier.exported').execute();

  const check = (files: Map<string, Buffer>, langs: readonly ('nl' | 'en')[]) => {
    expect([...files.keys()].sort()).toEqual(
      [...langs.map((l) => `dossier-${l}.pdf`), 'dossier.json'].sort(),
    );
    const json = files.get('dossier.json')!.toString('utf8');
    const d = JSON.parse(json) as Dossier;
    expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
    expect(d.period).toEqual({ ...period(), timeZone: 'Europe/Amsterdam' });
    expect(d.organisation?.name).toBe('Gemeente Lindewaard');
    expect(d.recordings.totals).toMatchObject({
      recorded: 3,
      deleted: 1,
      deletedOnTime: 1,
      keptPastDeadline: 1,
    });
    expect(d.subjectRequests).toMatchObject({ count: 1, open: 1 });
    expect(d.suspensions.count).toBe(1);
    expect(d.audit.ok).toBe(true);
    expect(d.complaints).toMatchObject({
      available: true,
      count: 1,
      items: [{ kind: 'complaint', from: 'resident', answeredOn: null, onTime: null, outcome: null }],
    });
    // Nothing the resident gave, in any file, in any form.
    for (const [name, bytes] of files) {
      const text = name.endsWith('.pdf') ? pdfText(bytes) : bytes.toString('utf8');
      for (const v of [...Object.values(RESIDENT), ...Object.values(COMPLAINANT)])
        expect(text, name).not.toContain(v);
      expect(text, name).not.toContain('Testbewoner');
    }
    if (langs.includes('nl')) {
      const nl = pdfText(files.get('dossier-nl.pdf')!);
      for (const heading of [
        'Dossier voor de toezichthouder',
        '1. Organisatie en functionaris gegevensbescherming',
        '2. Maatregelen per ruimte en soort gesprek',
        '3. Geschiedenis van het opnamebeleid',
        '4. Opschortingen en bezwaren',
        '5. Opnamen per maand',
        '6. Toegang tot beelden',
        '7. Verzoeken van betrokkenen',
        '8. Klachten en vragen van de toezichthouder',
        '9. Register van verwerkingsactiviteiten (AVG art. 30)',
        '10. Controle van het auditlog',
      ])
        expect(nl).toContain(heading);
      expect(nl).toContain('Gemeente Lindewaard');
      expect(nl).toContain(`Opschortingen van de opname: ${d.suspensions.count}.`);
      expect(nl).toContain(`Bezwaren ter plekke (opname direct uit): ${d.objections.count}.`);
      const s = d.subjectRequests;
      expect(nl).toContain(
        `hun tijdigheid: ${s.count} — op tijd ${s.onTime}, te laat ${s.late}, loopt ${s.open}, termijn verstreken ${s.overdue}.`,
      );
      const r = d.recordings.totals;
      expect(nl).toContain(
        `Totaal ${[r.recorded, r.viewed, r.exported, r.held, r.deletedOnTime, r.deletedLate, r.keptPastDeadline].join(' ')}`,
      );
      expect(nl).toContain(`${d.audit.entriesChecked} regels`);
      expect(nl).toContain('keten intact');
      for (const m of d.measures) expect(nl).toContain(m.title);
      for (const e of d.register) expect(nl).toContain(e.name.nl);
      expect(nl).toContain('alleen bij alarm');
    }
    if (langs.includes('en')) {
      const en = pdfText(files.get('dossier-en.pdf')!);
      expect(en).toContain('Dossier for the regulator');
      expect(en).toContain('7. Data subject requests');
      expect(en).toContain('chain intact');
    }
    return d;
  };

  it('over HTTP: the privacy officer and the auditor get the ZIP; it reads, validates and is audited', async () => {
    const before = (await audited()).length;
    const q = new URLSearchParams(period()).toString();
    const res = await t.app.inject({ method: 'GET', url: `/api/dossier?${q}`, headers: fg });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`dossier-${period().from}-${period().to}.zip`);
    const files = unzipFiles(res.rawPayload);
    expect(files).toBeDefined();
    const d = check(files!, ['nl', 'en']);
    expect(d.measures).toHaveLength(1);
    expect(d.measures[0]).toMatchObject({ inForce: true, rooms: ['Spreekkamer 2'] });
    expect(d.measures[0]?.versions[0]?.dpoAdvice?.recommendation).toBe('approve-with-conditions');
    expect(d.measures[0]?.versions[0]?.decision?.outcome).toBe('approved');
    expect(d.register).toHaveLength(1);
    expect(d.policyHistory.versions.length).toBeGreaterThan(0);
    expect(d.policyHistory.versions.at(-1)?.recording[0]).toMatchObject({
      room: 'Spreekkamer 2',
      mode: 'incident-triggered',
    });
    expect((await audited()).length).toBe(before + 1);

    const auditor = await t.app.inject({
      method: 'GET',
      url: `/api/dossier?${q}&lang=en`,
      headers: { authorization: `Bearer ${tokens.auditor}` },
    });
    expect(auditor.statusCode, auditor.body).toBe(200);
    check(unzipFiles(auditor.rawPayload)!, ['en']);
  });

  it('refuses the front desk, a bad period and unknown parameters, and audits none of it', async () => {
    const before = (await audited()).length;
    const balie = await t.app.inject({
      method: 'GET',
      url: '/api/dossier',
      headers: { authorization: `Bearer ${tokens.balie}` },
    });
    expect(balie.statusCode).toBe(403);
    expect(balie.json<{ code: string }>().code).toBe('AUTH.FORBIDDEN');
    for (const [query, field] of [
      ['from=2026-02-30&to=2026-03-01', 'from'],
      [`from=${dayAgo(1)}&to=${dayAgo(2)}`, 'from'],
      ['from=2020-01-01&to=2099-01-01', 'to'],
    ] as const) {
      const r = await t.app.inject({ method: 'GET', url: `/api/dossier?${query}`, headers: fg });
      expect(r.statusCode, query).toBe(400);
      const p = r.json<{ code: string; errors?: { field: string }[] }>();
      expect(p.code).toBe('REQUEST.INVALID');
      expect(p.errors?.[0]?.field).toBe(field);
    }
    for (const query of ['from=yesterday', 'lang=de', 'format=csv', `from=${'9'.repeat(5000)}`]) {
      const r = await t.app.inject({ method: 'GET', url: `/api/dossier?${query}`, headers: fg });
      expect(r.statusCode, query).toBe(400);
    }
    expect((await audited()).length).toBe(before);
  });

  it('through the CLI: writes the ZIP, never over an existing file, with clear errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-'));
    try {
      const out = path.join(dir, 'dossier.zip');
      const conn = ['--url', t.url!, '--token', tokens.fg];
      const ok = await runCliProcess([
        'dossier',
        '--out',
        out,
        '--from',
        period().from,
        '--to',
        period().to,
        ...conn,
      ]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(out);
      check(unzipFiles(fs.readFileSync(out))!, ['nl', 'en']);

      const again = await runCliProcess(['dossier', '--out', out, ...conn]);
      expect(again.code).toBe(73);
      expect(again.stderr).toContain('already exists');

      const other = path.join(dir, 'other.zip');
      const badDay = await runCliProcess(['dossier', '--out', other, '--from', '1-1-2026', ...conn]);
      expect(badDay.code).toBe(65);
      expect(badDay.stderr).toContain('REQUEST.INVALID');
      const reversed = await runCliProcess([
        'dossier',
        '--out',
        other,
        '--from',
        dayAgo(1),
        '--to',
        dayAgo(3),
        ...conn,
      ]);
      expect(reversed.code).toBe(65);
      expect(reversed.stderr).toContain('REQUEST.INVALID');
      const notZip = await runCliProcess(['dossier', '--out', path.join(dir, 'x.pdf'), ...conn]);
      expect(notZip.code).toBe(65);
      const noOut = await runCliProcess(['dossier', ...conn]);
      expect(noOut.code).toBe(64);
      const balie = await runCliProcess([
        'dossier',
        '--out',
        other,
        '--url',
        t.url!,
        '--token',
        tokens.balie,
      ]);
      expect(balie.code).toBe(77);
      expect(balie.stderr).toContain('AUTH.FORBIDDEN');
      expect(fs.existsSync(other)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
