import { describe, expect, it } from 'vitest';
import type { AssessmentVersion } from '../../services/assessment-ports.js';
import { renderWorkflowMarkdown, reportWorkflow } from './workflow.js';

const draft = {
  assessmentId: 'a-1',
  version: 2,
  status: 'draft',
  humanJudgements: [],
  contributions: [],
  createdBy: 'u',
  createdAt: '2026-03-01T09:00:00.000Z',
} as unknown as AssessmentVersion;
const advice = {
  by: 'fg',
  name: 'J. Jansen',
  at: '2026-03-02T10:00:00.000Z',
  advice: 'Akkoord.',
  recommendation: 'approve-with-conditions',
} as const;
const decision = {
  by: 'sec',
  name: 'P. de Vries',
  at: '2026-03-04T09:00:00.000Z',
  outcome: 'approved',
  reasons: 'Conform advies.',
  verdict: 'permitted-with-conditions',
} as const;

describe('the workflow section of report.md, from a stored version', () => {
  it.each<[string, AssessmentVersion, string, string]>([
    [
      'a fresh draft: nothing recorded yet',
      draft,
      '## Besluitvorming (versie 2, draft)\n\n- Advies FG (AVG art. 35 lid 2): nog niet vastgelegd\n- Zienswijze betrokkenen (art. 35 lid 9): nog niet vastgelegd\n',
      '## Decision-making (version 2, draft)\n\n- DPO advice (GDPR Art. 35(2)): not yet recorded\n- Views of data subjects (Art. 35(9)): not yet recorded\n',
    ],
    [
      'submitted with advice and views from the client council',
      {
        ...draft,
        status: 'submitted',
        dpoAdvice: advice,
        dataSubjectViews: {
          by: 'u',
          at: '2026-03-03T08:00:00.000Z',
          sought: true,
          summary: 'Alleen bij alarm.',
          representatives: 'Cliëntenraad',
        },
      },
      '## Besluitvorming (versie 2, submitted)\n\n- Advies FG (AVG art. 35 lid 2): J. Jansen, 2026-03-02 — approve-with-conditions: Akkoord.\n- Zienswijze betrokkenen (art. 35 lid 9) (Cliëntenraad): Alleen bij alarm.\n',
      '## Decision-making (version 2, submitted)\n\n- DPO advice (GDPR Art. 35(2)): J. Jansen, 2026-03-02 — approve-with-conditions: Akkoord.\n- Views of data subjects (Art. 35(9)) (Cliëntenraad): Alleen bij alarm.\n',
    ],
    [
      'approved, in force, later withdrawn; views not sought',
      {
        ...draft,
        status: 'withdrawn',
        dpoAdvice: advice,
        dataSubjectViews: {
          by: 'u',
          at: '2026-03-03T08:00:00.000Z',
          sought: false,
          reasonNotSought: 'Geen raad.',
        },
        decision,
        validFrom: '2026-03-04T09:00:00.000Z',
        validUntil: '2027-03-03T23:00:00.000Z',
        withdrawal: { at: '2026-06-01T12:00:00.000Z', by: 'sec', reason: 'OR trok instemming in.' },
      },
      [
        '## Besluitvorming (versie 2, withdrawn)',
        '',
        '- Advies FG (AVG art. 35 lid 2): J. Jansen, 2026-03-02 — approve-with-conditions: Akkoord.',
        '- Zienswijze niet gevraagd, omdat: Geen raad.',
        '- Besluit: approved — P. de Vries, 2026-03-04: Conform advies.',
        '- Geldig: 2026-03-04T09:00:00.000Z — 2027-03-03T23:00:00.000Z',
        '- Ingetrokken: 2026-06-01 — OR trok instemming in.',
        '',
      ].join('\n'),
      [
        '## Decision-making (version 2, withdrawn)',
        '',
        '- DPO advice (GDPR Art. 35(2)): J. Jansen, 2026-03-02 — approve-with-conditions: Akkoord.',
        '- Views not sought, because: Geen raad.',
        '- Decision: approved — P. de Vries, 2026-03-04: Conform advies.',
        '- In force: 2026-03-04T09:00:00.000Z — 2027-03-03T23:00:00.000Z',
        '- Withdrawn: 2026-06-01 — OR trok instemming in.',
        '',
      ].join('\n'),
    ],
  ])('%s', (_name, version, nl, en) => {
    const w = reportWorkflow(version);
    expect(renderWorkflowMarkdown(w, 'nl')).toBe(nl);
    expect(renderWorkflowMarkdown(w, 'en')).toBe(en);
  });

  it('gives the DPIA document the decision with its dates, the advice and who was heard', () => {
    expect(
      reportWorkflow({
        ...draft,
        status: 'approved',
        dpoAdvice: advice,
        dataSubjectViews: { by: 'u', at: '2026-03-03T08:00:00.000Z', sought: true, summary: 'Gehoord.' },
        decision,
        validUntil: '2027-03-03T23:00:00.000Z',
      }),
    ).toEqual({
      version: 2,
      status: 'approved',
      dpoAdvice: {
        by: 'J. Jansen',
        date: '2026-03-02',
        advice: 'Akkoord.',
        recommendation: 'approve-with-conditions',
        response: 'approve-with-conditions',
      },
      dataSubjectViews: { sought: true, date: '2026-03-03', summary: 'Gehoord.' },
      decision: {
        by: 'P. de Vries',
        role: 'verantwoordelijke / accountable official',
        date: '2026-03-04',
        outcome: 'approved',
        reasons: 'Conform advies.',
        validUntil: '2027-03-03',
        inForce: { from: '2026-03-04T09:00:00.000Z', until: '2027-03-03T23:00:00.000Z' },
      },
    });
  });
});
