import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dossierJsonSchemaText } from './dossier-json-schema.js';
import {
  NO_COMPLAINTS_REGISTER,
  buildDossier,
  dossierPeriod,
  monthsOf,
  type DossierFacts,
} from './dossier.js';

const now = new Date('2026-06-15T10:00:00Z');
const H = 3_600_000;
const iso = (s: string, plusHours = 0) => new Date(Date.parse(s) + plusHours * H).toISOString();

const clip = (id: string, startedAt: string, retentionUntil: string, deletedAt: string | null) => ({
  id,
  roomId: 'r1',
  startedAt,
  createdAt: startedAt,
  retentionUntil,
  deletedAt,
});

const facts = (over: Partial<DossierFacts> = {}): DossierFacts => ({
  organisation: {
    name: 'Gemeente X',
    address: 'Plein 1',
    dpoName: 'FG',
    dpoEmail: 'fg@x.example',
    dpoPhone: '',
  },
  sites: [{ id: 's1', name: 'Stadhuis' }],
  rooms: [{ id: 'r1', name: 'Spreekkamer 1', siteId: 's1' }],
  conversationTypes: [{ id: 'c1', name: 'Schuldhulp' }],
  assessments: [],
  policyVersions: [],
  suspensions: [],
  objections: [],
  clips: [],
  plays: [],
  exports: [],
  holds: [],
  viewingRequests: [],
  subjectRequests: [],
  complaints: NO_COMPLAINTS_REGISTER,
  register: [],
  audit: {
    verifiedAt: now.toISOString(),
    ok: true,
    entriesChecked: 3,
    headHash: 'abc',
    problem: null,
    anchor: null,
  },
  ...over,
});

const period = { from: '2026-01-01', to: '2026-03-31' };

describe('dossierPeriod', () => {
  it('defaults to the twelve months up to today', () => {
    expect(dossierPeriod({}, '2026-06-15')).toEqual({
      ok: true,
      value: { from: '2025-06-16', to: '2026-06-15' },
    });
  });
  it('refuses a day that does not exist, a reversed or future period, naming the field', () => {
    const bad = (from: string, to: string) => {
      const r = dossierPeriod({ from, to }, '2026-06-15');
      return r.ok ? undefined : { code: r.error.code, field: r.error.details?.['field'] };
    };
    expect(bad('2026-02-30', '2026-03-01')).toEqual({ code: 'REQUEST.INVALID', field: 'from' });
    expect(bad('2026-03-02', '2026-03-01')).toEqual({ code: 'REQUEST.INVALID', field: 'from' });
    expect(bad('2026-03-02', '2026-07-01')).toEqual({ code: 'REQUEST.INVALID', field: 'to' });
    expect(bad('2000-01-01', '2026-01-01')).toEqual({ code: 'REQUEST.INVALID', field: 'from' });
  });
});

describe('buildDossier', () => {
  it('lists every month of the period, also across a year end', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('counts recordings per month of recording (Amsterdam day) and what became of them', () => {
    const d = buildDossier(
      facts({
        clips: [
          // 31 Dec 23:30 UTC is 1 January in Amsterdam.
          clip('a', '2025-12-31T23:30:00Z', '2026-01-03T23:30:00Z', '2026-01-03T23:31:00Z'),
          clip('b', '2026-01-10T10:00:00Z', '2026-01-13T10:00:00Z', iso('2026-01-13T10:00:00Z', 5)),
          clip('c', '2026-02-10T10:00:00Z', '2026-02-13T10:00:00Z', null),
          clip('d', '2026-02-11T10:00:00Z', '2026-02-14T10:00:00Z', '2026-04-01T10:00:00Z'),
          clip('outside', '2025-12-31T12:00:00Z', '2026-01-03T12:00:00Z', null),
        ],
        plays: [{ clipId: 'a', at: '2026-01-02T10:00:00Z' }],
        exports: [{ clipId: 'b', at: '2026-01-11T10:00:00Z', by: 'Sanne', roomId: 'r1' }],
        // The hold on d moved its deadline: deleted after it ended, on time.
        holds: [
          { clipId: 'd', placedAt: '2026-02-12T10:00:00Z', until: '2026-04-01T09:30:00Z', releasedAt: null },
        ],
      }),
      period,
      now,
    );
    expect(d.recordings.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(d.recordings.months[0]).toEqual({
      month: '2026-01',
      recorded: 2,
      viewed: 1,
      exported: 1,
      held: 0,
      deleted: 2,
      deletedOnTime: 1,
      deletedLate: 1,
      keptPastDeadline: 0,
    });
    expect(d.recordings.months[1]).toMatchObject({
      recorded: 2,
      held: 1,
      deleted: 1,
      deletedOnTime: 1,
      keptPastDeadline: 1,
    });
    expect(d.recordings.totals).toMatchObject({
      recorded: 4,
      deleted: 3,
      deletedLate: 1,
      keptPastDeadline: 1,
    });
    expect(d.footageAccess.exports).toEqual([
      { at: '2026-01-11T10:00:00Z', by: 'Sanne', room: 'Spreekkamer 1' },
    ]);
  });

  it("states each resident's request's timeliness with the register's deadline function", () => {
    const base = {
      kind: 'access',
      channel: 'post',
      siteId: 's1',
      status: 'sent',
      decision: 'granted',
      extensionNotifiedOn: null,
    };
    const d = buildDossier(
      facts({
        subjectRequests: [
          { ...base, receivedOn: '2026-01-05', answeredOn: '2026-02-05' },
          { ...base, receivedOn: '2026-01-06', answeredOn: '2026-03-01' },
          { ...base, receivedOn: '2026-01-07', extensionNotifiedOn: '2026-01-20', answeredOn: '2026-03-20' },
          { ...base, receivedOn: '2026-03-30', status: 'received', decision: null, answeredOn: null },
          { ...base, receivedOn: '2026-03-01', status: 'in-progress', decision: null, answeredOn: null },
          { ...base, receivedOn: '2025-12-31', answeredOn: '2026-01-02' },
        ],
      }),
      period,
      now,
    );
    expect(d.subjectRequests.items.map((r) => [r.receivedOn, r.timeliness, r.extended])).toEqual([
      ['2026-01-05', 'on-time', false],
      ['2026-01-06', 'late', false],
      ['2026-01-07', 'on-time', true],
      ['2026-03-01', 'overdue', false],
      ['2026-03-30', 'overdue', false],
    ]);
    expect(d.subjectRequests).toMatchObject({ count: 5, onTime: 2, late: 1, open: 0, overdue: 2 });
  });

  it('takes the policy in force at the start and the versions within the period, by name', () => {
    const pv = (seq: number, compiledAt: string) => ({
      seq,
      compiledAt,
      trigger: 'approval',
      cause: 'a1',
      hash: `h${seq}`,
      rooms: [
        {
          roomId: 'r1',
          entries: [
            {
              assessmentId: 'a1',
              measureId: 'camera-incident',
              conversationTypeId: 'c1',
              mode: { kind: 'incident-triggered' },
              audioAllowed: false,
              retentionHours: 72,
            },
          ],
        },
      ],
    });
    const d = buildDossier(
      facts({
        policyVersions: [
          pv(2, '2026-02-01T10:00:00Z'),
          pv(1, '2025-10-01T10:00:00Z'),
          pv(3, '2026-05-01T10:00:00Z'),
        ],
      }),
      period,
      now,
    );
    expect(d.policyHistory.inForceAtStart?.seq).toBe(1);
    expect(d.policyHistory.versions.map((v) => v.seq)).toEqual([2]);
    expect(d.policyHistory.versions[0]?.recording[0]).toMatchObject({
      room: 'Spreekkamer 1',
      site: 'Stadhuis',
      conversationType: 'Schuldhulp',
      mode: 'incident-triggered',
    });
  });

  it('says the complaints section is not available rather than reporting none', () => {
    const d = buildDossier(facts(), period, now);
    expect(d.complaints).toMatchObject({ available: false });
  });

  it('validates against the published schema (ajv), and the schema refuses an extra field', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(dossierJsonSchemaText()) as object);
    const d = buildDossier(
      facts({ clips: [clip('b', '2026-01-10T10:00:00Z', '2026-01-13T10:00:00Z', null)] }),
      period,
      now,
    );
    expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
    // A requester's name slipped into a request item: the schema refuses it.
    const withItem = {
      ...d,
      subjectRequests: {
        ...d.subjectRequests,
        items: [
          {
            receivedOn: '2026-01-05',
            kind: 'access',
            channel: 'post',
            site: 'Stadhuis',
            status: 'sent',
            decision: null,
            extended: false,
            dueOn: '2026-02-05',
            answeredOn: null,
            timeliness: 'open',
            requesterName: 'Jan Inwoner',
          },
        ],
      },
    };
    expect(validate(withItem)).toBe(false);
  });
});

describe('docs/dossier.schema.json', () => {
  it('is up to date with the TypeBox schema (run: npx tsx scripts/export-dossier-schema.ts)', () => {
    const published = readFileSync(
      fileURLToPath(new URL('../../../docs/dossier.schema.json', import.meta.url)),
      'utf8',
    );
    expect(published).toBe(dossierJsonSchemaText());
  });
});
