import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../api.js';
import type { Registry } from '../registry.js';
import { nl, renderPage, ROOMS, serveApi, SITES, TYPES, type Answers } from '../test/harness.js';
import { EVALUATE_DEBOUNCE_MS, Wizard } from './Wizard.js';

const registry: Registry = {
  sites: SITES,
  rooms: ROOMS,
  types: TYPES,
  siteName: () => 'Stadhuis',
  roomName: () => 'Spreekkamer 1',
  roomLabel: () => 'Stadhuis — Spreekkamer 1',
  typeName: () => 'Bijstandsgesprek',
};

const evaluation = {
  verdict: 'not-permitted',
  findings: [
    {
      ruleId: 'LB-2',
      title: { nl: 'Wettelijke grondslag', en: 'Legal basis' },
      outcome: 'fail',
      effectiveOutcome: 'fail',
      reasons: [{ nl: 'Geen wettelijk voorschrift genoemd.', en: 'No provision of law named.' }],
      source: 'AVG art. 6 lid 3',
    },
  ],
  pendingReviews: [],
  dpia: { required: true, apListItems: [], wp248Criteria: [], reasons: [] },
  conditions: [],
  evidence: { source: 'register', incidents: [], unreported: 0 },
} as unknown as Evaluation;

const wizard = (answers: Answers = {}) => {
  const saved: string[] = [];
  const sent = serveApi({
    'GET /api/organisation': null,
    'POST /api/assessments/evaluate': evaluation,
    'POST /api/assessments/compare': { rows: [], purposeKinds: [], conclusion: { nl: '', en: '' } },
    ...answers,
  });
  renderPage(<Wizard registry={registry} onSaved={(id) => saved.push(id)} onCancel={() => undefined} />);
  return { sent, saved };
};

const verdictLine = () => document.querySelector('.pp-wizard__verdict');
const waitForFindings = { timeout: 10 * EVALUATE_DEBOUNCE_MS };

describe('Wizard', () => {
  it('until a room and a kind of conversation are chosen, the findings say what is missing', () => {
    wizard();
    expect(verdictLine()?.textContent).toBe(
      `${nl.wizard.incomplete} ${nl.wizard.rooms} / ${nl.wizard.types}`,
    );
  });

  it('saving without title, purpose or room names each in the summary and sends nothing', async () => {
    const { sent, saved } = wizard();
    await userEvent.click(screen.getByRole('button', { name: nl.wizard.save }));

    const links = screen.getAllByRole('link').map((l) => l.textContent);
    expect(links).toEqual([
      `${nl.wizard.titleLabel}: ${nl.required}`,
      `${nl.wizard.purposeText}: ${nl.required}`,
      `${nl.wizard.rooms}: ${nl.required}`,
    ]);
    expect(screen.getByLabelText(new RegExp(`^${nl.wizard.titleLabel}`)).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(sent.filter((s) => s.path === '/api/assessments')).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('a chosen room and kind of conversation are evaluated once typing stops, and the findings show', async () => {
    const { sent } = wizard();
    const rooms = screen.getByRole('group', { name: nl.wizard.rooms });
    await userEvent.click(within(rooms).getByLabelText('Stadhuis — Spreekkamer 1'));
    const types = screen.getByRole('group', { name: nl.wizard.types });
    await userEvent.click(within(types).getByLabelText(/^Bijstandsgesprek/));

    const findings = await screen.findByRole('table', { name: nl.wizard.findingsCaption }, waitForFindings);
    expect(within(findings).getByRole('row', { name: /^LB-2 / })).toBeTruthy();
    expect(verdictLine()?.textContent).toBe(
      nl.wizard.verdictLine(nl.assessments.verdicts['not-permitted']!, 1, 0, 0),
    );
    const evaluated = sent.filter((s) => s.path === '/api/assessments/evaluate').at(-1);
    expect(evaluated?.body).toMatchObject({
      scenario: {
        measure: { id: 'incident-recording' },
        scope: {
          rooms: [{ id: 'r-1', name: 'Spreekkamer 1' }],
          conversationTypes: [{ id: 'c-1', name: 'Bijstandsgesprek', sensitive: true }],
        },
      },
    });
  });

  it('a complete answer is saved as a new assessment and hands back its id', async () => {
    const { sent, saved } = wizard({ 'POST /api/assessments': { assessment: { id: 'as-1' } } });
    await userEvent.type(screen.getByLabelText(new RegExp(`^${nl.wizard.titleLabel}`)), 'Opname bij alarm');
    await userEvent.type(
      screen.getByLabelText(new RegExp(`^${nl.wizard.purposeText}`)),
      'Hulp halen en bewijs',
    );
    await userEvent.click(screen.getByLabelText('Stadhuis — Spreekkamer 1'));
    await userEvent.click(screen.getByRole('button', { name: nl.wizard.save }));

    await screen.findByRole('button', { name: nl.wizard.save });
    expect(saved).toEqual(['as-1']);
    const post = sent.find((s) => s.method === 'POST' && s.path === '/api/assessments');
    expect(post?.body).toMatchObject({
      scenario: { title: 'Opname bij alarm', purpose: { text: 'Hulp halen en bewijs', kinds: [] } },
    });
  });
});
