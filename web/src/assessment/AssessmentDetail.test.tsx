import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AssessmentVersion, Evaluation } from '../api.js';
import { nl, renderPage, serveApi } from '../test/harness.js';
import { AssessmentDetail } from './AssessmentDetail.js';
import { editsInPlace } from './EditAssessment.js';

const tu = nl.assessmentUi;

const version = (over: Partial<AssessmentVersion> = {}): AssessmentVersion =>
  ({
    assessmentId: 'a-1',
    version: 1,
    scenario: {},
    status: 'submitted',
    dpoAdvice: undefined,
    dataSubjectViews: undefined,
    humanJudgements: [],
    decision: undefined,
    validFrom: undefined,
    validUntil: undefined,
    withdrawal: undefined,
    evidence: undefined,
    verdict: 'permitted-with-conditions',
    submittedAt: '2026-01-02T00:00:00.000Z',
    contributions: [],
    createdBy: 'u-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  }) as unknown as AssessmentVersion;

const evaluation = {
  verdict: 'permitted-with-conditions',
  findings: [],
  pendingReviews: [],
  dpia: { required: false, apListItems: [], wp248Criteria: [], reasons: [] },
  conditions: [],
  evidence: { source: 'register', incidents: [], unreported: 0 },
} as unknown as Evaluation;

const detail = (permissions: Parameters<typeof renderPage>[1] = {}) => {
  const sent = serveApi({
    'GET /api/assessments/a-1': {
      assessment: { id: 'a-1', title: 'Opname bij alarm', measure: 'incident-recording' },
      versions: [version()],
    },
    'GET /api/assessments/a-1/evaluation': evaluation,
    'POST /api/assessments/a-1/withdrawal': { versions: [version({ status: 'withdrawn' })] },
  });
  renderPage(<AssessmentDetail id="a-1" />, permissions);
  return sent;
};

describe('AssessmentDetail', () => {
  it('the decision maker reads the findings before the decision form', async () => {
    detail({ permissions: ['assessments:read', 'assessments:decide'] });
    const findings = await screen.findByRole('heading', { level: 2, name: nl.wizard.findings });
    const decision = screen.getByLabelText(new RegExp(`^${nl.workflow.decisionOutcome}`));
    expect(findings.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('withdrawal is closed behind a button, says what it stops, can be cancelled, and asks for a reason', async () => {
    const sent = detail({ permissions: ['assessments:read', 'assessments:withdraw'] });
    const open = await screen.findByRole('button', { name: tu.withdrawOpen });
    expect(screen.queryByLabelText(new RegExp(`^${nl.workflow.withdrawReason}`))).toBeNull();

    await userEvent.click(open);
    expect(screen.getByText(tu.withdrawWarning)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: tu.withdrawCancel }));
    expect(screen.queryByLabelText(new RegExp(`^${nl.workflow.withdrawReason}`))).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: tu.withdrawOpen }));
    await userEvent.click(screen.getByRole('button', { name: tu.withdrawConfirm }));
    expect(within(document.querySelector('.pp-error-summary')!).getByRole('link').textContent).toBe(
      `${nl.workflow.withdrawReason}: ${nl.required}`,
    );
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await userEvent.type(screen.getByLabelText(new RegExp(`^${nl.workflow.withdrawReason}`)), 'Camera weg');
    await userEvent.click(screen.getByRole('button', { name: tu.withdrawConfirm }));
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.body)).toEqual([{ reason: 'Camera weg' }]);
  });

  it('each version in the table links to its own address', async () => {
    detail({ permissions: ['assessments:read'] });
    const link = await screen.findByRole('link', { name: tu.version(1) });
    expect(link.getAttribute('href')).toBe('/assessments/a-1/versions/1');
  });

  it('the edit heading knows whether saving changes the draft or makes a new version', () => {
    expect(editsInPlace(version({ status: 'draft' }), 'u-1')).toBe(true);
    expect(editsInPlace(version({ status: 'draft' }), 'u-2')).toBe(false);
    expect(editsInPlace(version({ status: 'submitted' }), 'u-1')).toBe(false);
    expect(
      editsInPlace(
        version({ status: 'draft', dpoAdvice: { name: 'FG' } as AssessmentVersion['dpoAdvice'] }),
        'u-1',
      ),
    ).toBe(false);
  });
});
