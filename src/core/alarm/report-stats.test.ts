import { describe, expect, it } from 'vitest';
import { validateReport, validateRisk } from './report.js';
import { bucketKey, incidentStatistics, percentile, type StatRow } from './statistics.js';

describe('incident report validation', () => {
  const base = { kind: 'verbal-aggression', severity: 2, injury: false, policeReport: false };
  it.each([
    ['a minimal report', base, undefined],
    ['unknown kind', { ...base, kind: 'rudeness' }, 'kind'],
    ['severity 0', { ...base, severity: 0 }, 'severity'],
    ['severity 2.5', { ...base, severity: 2.5 }, 'severity'],
    ['reference without aangifte', { ...base, policeReference: 'PL0900-2026' }, 'policeReference'],
    [
      'reference with aangifte',
      { ...base, policeReport: true, policeReference: 'PL0900-2026-123' },
      undefined,
    ],
    ['hostile reference', { ...base, policeReport: true, policeReference: '<script>' }, 'policeReference'],
    ['control characters in follow-up', { ...base, followUp: 'a\u0007b' }, 'followUp'],
    ['oversized narrative', { ...base, narrative: 'x'.repeat(10_001) }, 'narrative'],
  ])('%s', (_n, input, field) => {
    const r = validateReport(input);
    if (field === undefined) expect(r.ok).toBe(true);
    else expect(!r.ok && [r.error.code, r.error.details?.field]).toEqual(['INCIDENT.INVALID', field]);
  });

  it('blank texts become null', () => {
    const r = validateReport({ ...base, followUp: '  ', narrative: '' });
    expect(r.ok && [r.value.followUp, r.value.narrative]).toEqual([null, null]);
  });

  it.each([
    [false, undefined, true],
    [true, 'eerder dreigend geweest', true],
    [true, ' ', false],
    [false, 'reden zonder vlag', false],
  ])('risk flag %s with reason %j → ok %s', (flag, reason, ok) =>
    expect(validateRisk(flag, reason).ok).toBe(ok),
  );
});

describe('statistics', () => {
  const row = (over: Partial<StatRow>): StatRow => ({
    siteId: 's1',
    roomId: 'r1',
    conversationTypeId: 'bijstand',
    occurredAt: '2026-01-15T10:00:00.000Z',
    source: 'alarm',
    kind: 'verbal-aggression',
    severity: 2,
    injury: false,
    policeReport: false,
    reportedAt: '2026-01-15T12:00:00.000Z',
    responseMs: 30_000,
    ...over,
  });
  const rows = [
    row({}),
    row({
      roomId: 'r2',
      kind: 'physical-violence',
      severity: 5,
      injury: true,
      policeReport: true,
      responseMs: 60_000,
    }),
    row({
      occurredAt: '2026-04-01T00:00:00.000Z',
      kind: null,
      severity: null,
      reportedAt: null,
      responseMs: null,
      source: 'manual',
    }),
  ];

  it('totals', () => {
    const s = incidentStatistics(rows, 'room');
    expect(s.total).toMatchObject({ count: 3, injuries: 1, policeReports: 1, fromAlarm: 2, unreported: 1 });
    expect(s.total.byKind).toMatchObject({ 'verbal-aggression': 1, 'physical-violence': 1, none: 1 });
    expect(s.total.bySeverity).toMatchObject({ '2': 1, '5': 1, none: 1 });
    expect(s.total.responseTimes).toEqual({ count: 2, medianMs: 30_000, p90Ms: 60_000, maxMs: 60_000 });
  });

  it.each([
    ['room', ['r1', 'r2']],
    ['month', ['2026-01', '2026-04']],
    ['quarter', ['2026-Q1', '2026-Q2']],
    ['kind', ['none', 'physical-violence', 'verbal-aggression']],
    ['conversationType', ['bijstand']],
  ] as const)('groups by %s', (by, keys) => {
    expect(incidentStatistics(rows, by).groups.map((g) => g.key)).toEqual(keys);
  });

  it('periods are UTC', () =>
    expect(bucketKey(row({ occurredAt: '2025-12-31T23:30:00.000Z' }), 'year')).toBe('2025'));
  it.each([
    [[], 50, null],
    [[1], 99, 1],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 90, 4],
  ])('percentile(%j, %s) = %s', (v, p, e) => expect(percentile(v, p)).toBe(e));
});
