import { describe, expect, it } from 'vitest';
import type { IncidentReport } from './model.js';
import { checkAmendment, securityFloor, type ReportVersion } from './report-amend.js';

const security: IncidentReport = {
  kind: 'physical-violence',
  severity: 4,
  injury: true,
  policeReport: true,
  policeReference: 'PL0900-2026-1234',
  followUp: 'Gesprek met teamleider',
  narrative: 'Inwoner sloeg met een stoel.',
};

describe('checkAmendment: what security recorded is a floor for everyone else', () => {
  const cases: Array<[string, Partial<IncidentReport>, string | null]> = [
    ['the same report', {}, null],
    ['a higher severity', { severity: 5 }, null],
    [
      'an added sentence in the narrative',
      { narrative: `${security.narrative} Ik had een blauwe plek.` },
      null,
    ],
    ['an added line in the follow-up', { followUp: `${security.followUp}; nazorg via bedrijfsarts` }, null],
    ['a lower severity', { severity: 2 }, 'severity'],
    ['another kind', { kind: 'verbal-aggression' }, 'kind'],
    ['injury taken back', { injury: false }, 'injury'],
    ['police report taken back', { policeReport: false, policeReference: null }, 'policeReport'],
    ['police reference removed', { policeReference: null }, 'policeReference'],
    ['police reference shortened', { policeReference: 'PL0900' }, 'policeReference'],
    ['police reference changed', { policeReference: 'PL0900-2026-9999' }, 'policeReference'],
    ['narrative cleared', { narrative: null }, 'narrative'],
    ['narrative shortened', { narrative: 'Inwoner sloeg.' }, 'narrative'],
    ['narrative rewritten', { narrative: 'Er is niets gebeurd.' }, 'narrative'],
    ['follow-up cleared', { followUp: null }, 'followUp'],
  ];
  it.each(cases)('%s', (_name, change, field) => {
    const r = checkAmendment(security, { ...security, ...change });
    if (field === null) expect(r.ok).toBe(true);
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'INCIDENT.REPORT_LOWERED', details: { field } });
    }
  });

  it('leaves a report without any security version free', () => {
    expect(checkAmendment(undefined, { ...security, severity: 1, narrative: null }).ok).toBe(true);
  });

  it('fills what security left empty', () => {
    const sparse: IncidentReport = {
      ...security,
      injury: false,
      policeReport: false,
      policeReference: null,
      followUp: null,
      narrative: null,
    };
    expect(checkAmendment(sparse, security).ok).toBe(true);
  });
});

describe('securityFloor', () => {
  const v = (version: number, bySecurity: boolean, severity: number): ReportVersion => ({
    ...security,
    severity,
    version,
    bySecurity,
    reportedBy: bySecurity ? 'sec' : 'desk',
    reportedAt: `2026-01-0${version}T10:00:00Z`,
  });
  it('is the newest version security wrote', () => {
    expect(securityFloor([v(1, true, 4), v(2, false, 5), v(3, true, 3), v(4, false, 3)])?.version).toBe(3);
  });
  it('is undefined when security wrote none', () => {
    expect(securityFloor([v(1, false, 2)])).toBeUndefined();
  });
});
