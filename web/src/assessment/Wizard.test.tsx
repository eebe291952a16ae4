import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Evaluation } from '../api.js';
import { mayLeave, RouterContext } from '../router.js';
import { routeForPath } from '../routes.js';
import { nl, renderPage, REGISTRY, serveApi, type Answers } from '../test/harness.js';
import { assessmentScreen, type WizardStep } from './paths.js';
import { dropDraft } from './wizard-draft.js';
import { EVALUATE_DEBOUNCE_MS, Wizard } from './Wizard.js';

const tu = nl.assessmentUi;

const registry = REGISTRY;

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
    {
      ruleId: 'TRN-1',
      title: { nl: 'Informatie in lagen', en: 'Layered notice' },
      outcome: 'condition',
      effectiveOutcome: 'condition',
      reasons: [{ nl: 'Nog niet compleet.', en: 'Not yet complete.' }],
      source: 'AVG art. 13',
    },
  ],
  pendingReviews: [],
  dpia: { required: true, apListItems: [], wp248Criteria: [], reasons: [] },
  conditions: [
    {
      kind: 'letter',
      ruleId: 'TRN-1',
      text: { nl: 'Vermelding in de uitnodigingsbrief.', en: 'Mention in the invitation letter.' },
    },
    { kind: 'dpo-advice', ruleId: 'DPIA-2', text: { nl: 'Advies van de FG.', en: 'DPO advice.' } },
  ],
  evidence: { source: 'register', incidents: [], unreported: 0 },
} as unknown as Evaluation;

/** The wizard under a router that moves between its steps as the app's does (same screen). */
const wizard = (answers: Answers = {}) => {
  const saved: string[] = [];
  const went: string[] = [];
  const sent = serveApi({
    'GET /api/organisation': null,
    'POST /api/assessments/evaluate': evaluation,
    'POST /api/assessments/compare': { rows: [], purposeKinds: [], conclusion: { nl: '', en: '' } },
    ...answers,
  });
  const Host = () => {
    const [step, setStep] = useState<WizardStep | undefined>(undefined);
    const navigate = (to: string) => {
      if (!mayLeave(to)) return;
      went.push(to);
      const match = routeForPath(to);
      const screen = match && assessmentScreen(match.pattern, match.params);
      if (screen?.kind === 'new') setStep(screen.step);
    };
    return (
      <RouterContext.Provider
        value={{ path: '/assessments/new', search: '', navigations: 0, flash: undefined, navigate }}
      >
        <Wizard
          registry={registry}
          step={step}
          onSaved={(id) => saved.push(id)}
          onCancel={() => navigate('/assessments')}
        />
      </RouterContext.Provider>
    );
  };
  renderPage(<Host />);
  return { sent, saved, went };
};

const verdictLine = () => document.querySelector('.pp-wizard__verdict');
const waitForFindings = { timeout: 10 * EVALUATE_DEBOUNCE_MS };
const label = (text: string) => screen.getByLabelText(new RegExp(`^${text.replace(/[?()]/g, '\\$&')}`));
const next = (step: WizardStep) =>
  userEvent.click(screen.getByRole('button', { name: tu.next(tu.steps[step]) }));
const chooseScope = async () => {
  await userEvent.click(
    within(screen.getByRole('group', { name: nl.wizard.rooms })).getByLabelText(/^Stadhuis/),
  );
  await userEvent.click(
    within(screen.getByRole('group', { name: nl.wizard.types })).getByLabelText(/^Bijstand/),
  );
};

afterEach(() => {
  dropDraft('new');
  vi.restoreAllMocks();
});

describe('Wizard', () => {
  it('until a room and a kind of conversation are chosen, the summary says what is missing', () => {
    wizard();
    expect(verdictLine()?.textContent).toBe(
      `${nl.wizard.incomplete} ${nl.wizard.rooms} / ${nl.wizard.types}`,
    );
  });

  it('shows one step at a time, marks it in the step list, and Next and Back move between them', async () => {
    const { went } = wizard();
    const steps = screen.getByRole('navigation', { name: tu.stepsNav });
    const current = () =>
      within(steps)
        .getAllByRole('link')
        .filter((l) => l.getAttribute('aria-current') === 'step');
    expect(current().map((l) => l.textContent)).toEqual([`1${tu.steps.measure}`]);
    expect(screen.getByRole('heading', { name: new RegExp(tu.steps.measure) })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: new RegExp(`${tu.steps.purpose}$`) })).toBeNull();

    await next('purpose');
    expect(went).toEqual(['/assessments/new/purpose']);
    expect(current().map((l) => l.textContent)).toEqual([`2${tu.steps.purpose}`]);
    expect(document.activeElement?.id).toBe('wiz-step-purpose');
    await userEvent.click(screen.getByRole('button', { name: tu.back(tu.steps.measure) }));
    expect(went.at(-1)).toBe('/assessments/new');
  });

  it('saving without title, purpose, room or the refusal answer names each in the summary and sends nothing', async () => {
    const { sent, saved } = wizard();
    await userEvent.click(screen.getByRole('button', { name: nl.wizard.save }));

    const summary = document.querySelector('.pp-error-summary')!;
    expect(
      within(summary as HTMLElement)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      `${nl.wizard.titleLabel}: ${nl.required}`,
      `${nl.wizard.purposeText}: ${nl.required}`,
      `${nl.wizard.rooms}: ${nl.required}`,
      `${tu.conditionsAccess}: ${nl.required}`,
    ]);
    expect(label(nl.wizard.titleLabel).getAttribute('aria-invalid')).toBe('true');
    expect(sent.filter((s) => s.path === '/api/assessments')).toEqual([]);
    expect(saved).toEqual([]);

    // The summary's link to a question on another step opens that step and focuses it.
    await userEvent.click(
      within(summary as HTMLElement).getByRole('link', { name: new RegExp(`^${tu.conditionsAccess}`) }),
    );
    expect(document.activeElement?.id).toBe('wiz-conditions-access-yes');
  });

  it('a chosen scope is evaluated once typing stops; what blocks it links to the question that changes it', async () => {
    const { sent, went } = wizard();
    await chooseScope();

    const blocking = await screen.findByRole('list', { name: tu.blocking }, waitForFindings);
    expect(verdictLine()?.textContent).toBe(
      nl.wizard.verdictLine(nl.assessments.verdicts['not-permitted']!, 1, 1, 0),
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

    // LB-2 blocks: its link opens the legal-basis step at the provision of law.
    expect(within(blocking).getByText(`(${tu.inStep(tu.steps.basis)})`)).toBeTruthy();
    await userEvent.click(within(blocking).getByRole('link', { name: 'LB-2 Wettelijke grondslag' }));
    expect(went.at(-1)).toBe('/assessments/new/basis');
    expect(document.activeElement?.id).toBe('wiz-provision');

    // The open conditions: the letter is a question in the safeguards step; the DPO's advice comes after saving.
    const open = screen.getByRole('list', { name: tu.open });
    await userEvent.click(
      within(open).getByRole('link', { name: /^TRN-1: Vermelding in de uitnodigingsbrief/ }),
    );
    expect(went.at(-1)).toBe('/assessments/new/safeguards');
    expect(document.activeElement?.id).toBe('wiz-letter');
    expect(within(open).queryByRole('link', { name: /^DPIA-2/ })).toBeNull();
    expect(within(open).getByText(/^DPIA-2: Advies van de FG\./).textContent).toContain(tu.afterSaving);
    // The refusal question is open until answered.
    expect(within(open).getByRole('link', { name: `${tu.conditionsAccess} ${tu.unanswered}` })).toBeTruthy();
  });

  it('the refusal question has no answer until one is picked, and both answers are explicit', async () => {
    const { sent } = wizard();
    await chooseScope();
    await screen.findByRole('list', { name: tu.blocking }, waitForFindings);
    const last = () =>
      (
        sent.filter((s) => s.path === '/api/assessments/evaluate').at(-1)?.body as {
          scenario: { conditionsAccessToService: boolean };
        }
      ).scenario.conditionsAccessToService;
    expect(last()).toBe(false);

    await userEvent.click(screen.getByRole('link', { name: new RegExp(`^${tu.conditionsAccess}`) }));
    const question = screen.getByRole('group', { name: tu.conditionsAccess });
    const yes = within(question).getByLabelText<HTMLInputElement>(tu.conditionsAccessYes);
    const no = within(question).getByLabelText<HTMLInputElement>(tu.conditionsAccessNo);
    expect([yes.checked, no.checked]).toEqual([false, false]);
    await userEvent.click(yes);
    await act(() => new Promise((r) => setTimeout(r, 2 * EVALUATE_DEBOUNCE_MS)));
    expect(last()).toBe(true);
  });

  it('a complete answer is saved as a new assessment, with the letter, and hands back its id', async () => {
    const { sent, saved } = wizard({ 'POST /api/assessments': { assessment: { id: 'as-1' } } });
    await userEvent.type(label(nl.wizard.titleLabel), 'Opname bij alarm');
    await userEvent.click(screen.getByLabelText('Stadhuis — Spreekkamer 1'));
    await next('purpose');
    await userEvent.type(label(nl.wizard.purposeText), 'Hulp halen en bewijs');
    for (const s of ['basis', 'evidence', 'alternatives', 'safeguards'] as const) await next(s);
    await userEvent.type(label(tu.letter), 'Camera bij alarm.');
    await next('dpia');
    await userEvent.click(screen.getByLabelText(tu.conditionsAccessNo));
    await next('review');
    await userEvent.click(screen.getByRole('button', { name: nl.wizard.save }));

    await screen.findByRole('button', { name: nl.wizard.save });
    expect(saved).toEqual(['as-1']);
    const post = sent.find((s) => s.method === 'POST' && s.path === '/api/assessments');
    expect(post?.body).toMatchObject({
      scenario: {
        title: 'Opname bij alarm',
        purpose: { text: 'Hulp halen en bewijs', kinds: [] },
        safeguards: { transparency: { letterText: 'Camera bij alarm.' } },
        conditionsAccessToService: false,
      },
    });
  });

  it('leaving unsaved answers asks first; moving between steps does not', async () => {
    const { went } = wizard();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    expect(mayLeave('/')).toBe(true);
    expect(confirm).not.toHaveBeenCalled();

    await userEvent.type(label(nl.wizard.titleLabel), 'Opname');
    expect(mayLeave('/assessments/new/purpose')).toBe(true);
    expect(mayLeave('/')).toBe(false);
    expect(confirm).toHaveBeenCalledWith(tu.leave);
    await userEvent.click(screen.getByRole('button', { name: nl.cancel }));
    expect(went).toEqual([]);

    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: nl.cancel }));
    expect(went).toEqual(['/assessments']);
  });

  it('the review date says approval needs it, and is not marked optional', () => {
    wizard();
    const field = screen.getByLabelText(tu.reviewDate);
    expect(field.getAttribute('type')).toBe('date');
  });
});
