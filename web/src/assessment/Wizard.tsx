/**
 * The assessment wizard: asks only what the rules need, one step at a time in the order of
 * DOMAIN.md (measure and scope → purpose → basis → evidence → alternatives → safeguards → DPIA,
 * then check and save), each step its own address. Every question says why it is asked and its
 * legal source. A summary beside the form (a bar under it on a phone) keeps the live verdict in
 * view and links what blocks it to the question that would change it (debounced POST
 * /api/assessments/evaluate and /compare; the server adds the incident evidence from the register).
 * Unsaved answers survive moving between steps and Back; leaving them asks first.
 */
import {
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SubtleButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  ALTERNATIVE_STATUSES,
  LEGAL_BASES,
  ApiError,
  MEASURE_IDS,
  PURPOSE_KINDS,
  api,
  type AssessmentHead,
  type AssessmentVersion,
  type Comparison,
  type Evaluation,
  type Organisation,
} from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { SelectField, type SelectOptionItem } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField, type TextFieldProps } from '../components/TextField.js';
import { fieldProblemText, problemText, requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n, type Dictionary } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { guardLeaving, useRouter } from '../router.js';
import { ALTERNATIVES_ID, answerFor, fieldId as idOf } from './field-map.js';
import { ComparisonView, FindingsView } from './Findings.js';
import { assessmentHref, WIZARD_STEPS, type WizardStep } from './paths.js';
import { WizardSummary, type Live } from './WizardSummary.js';
import { dropDraft, loadDraft, saveDraft } from './wizard-draft.js';
import {
  hasCamera,
  initialState,
  lighterThan,
  records,
  recordsAudio,
  toScenario,
  type Alternative,
  type WizardState,
  type YesNo,
} from './wizard-state.js';
import './wizard.css';

export const EVALUATE_DEBOUNCE_MS = 500;

/** Who is affected: one checkbox each, in this order (the labels are t.wizard[key]). */
const PEOPLE = ['staff', 'residents', 'minors', 'vulnerable'] as const;

type KeysOf<V> = { [K in keyof WizardState]: WizardState[K] extends V ? K : never }[keyof WizardState];
/** A yes/no answer. */
type Flag = KeysOf<boolean>;
/** A free-text answer (not one picked from a list), labelled t.wizard[key]. */
type Answer = Exclude<
  { [K in keyof WizardState]: string extends WizardState[K] ? K : never }[keyof WizardState],
  'title' | 'measure' | 'purposeText' | 'letter' | 'priorConsultation' | 'reviewDate'
>;

export interface WizardProps {
  readonly registry: Registry;
  /**
   * Editing an existing assessment: its id, the state from its latest scenario, the version saving
   * makes, and whether saving changes the draft in place (an untouched draft of the same author).
   */
  readonly existing?:
    | {
        readonly id: string;
        readonly state: WizardState;
        readonly nextVersion: number;
        readonly inPlace: boolean;
      }
    | undefined;
  /** The step on screen (from the address). */
  readonly step?: WizardStep;
  readonly onSaved: (id: string) => void;
  readonly onCancel: () => void;
}

/** The label of the wizard answer behind a field the API names: the user never reads the field's path. */
export const answerLabel = (t: Dictionary, path: string): string | undefined => {
  const answer = answerFor(path);
  if (answer === undefined) return undefined;
  const tu = t.assessmentUi;
  const own: Readonly<Record<string, string>> = {
    title: t.wizard.titleLabel,
    letter: tu.letter,
    reviewDate: tu.reviewDate,
    priorConsultation: tu.priorConsultation,
    alternatives: tu.steps.alternatives,
  };
  const label = own[answer] ?? (t.wizard as Readonly<Record<string, unknown>>)[answer];
  return typeof label === 'string' ? label : undefined;
};

export const Wizard = ({ registry, existing, step = 'measure', onSaved, onCancel }: WizardProps) => {
  const { t, lang } = useI18n();
  const tu = t.assessmentUi;
  const router = useRouter();
  const draftKey = existing?.id ?? 'new';
  const base = existing?.state ?? initialState();
  const [s, setS] = useState<WizardState>(() => {
    const draft = loadDraft(draftKey);
    return draft ? { ...base, ...draft } : base;
  });
  const [live, setLive] = useState<Live>({ kind: 'idle' });
  const org = useLoad(() => api.get<Organisation | null>('/api/organisation'), []);
  const orgName = org.data?.name ?? '';
  const headingId = useId();
  // A missing room is reported on the first room's checkbox, the group's first control.
  const firstRoomId = `${idOf('rooms')}-${registry.rooms[0]?.id ?? ''}`;
  const conditionsAccessId = `${idOf('conditionsAccess')}-yes`;
  const form = useFormState(
    {
      title: idOf('title'),
      'scope.rooms': firstRoomId,
      'purpose.text': idOf('purposeText'),
      'safeguards.reviewDate': idOf('reviewDate'),
    },
    {
      [idOf('title')]: t.wizard.titleLabel,
      [idOf('purposeText')]: t.wizard.purposeText,
      [firstRoomId]: t.wizard.rooms,
      [conditionsAccessId]: tu.conditionsAccess,
    },
  );

  // Unsaved answers: kept as a draft for Back and reloads; leaving them asks first.
  const dirty = JSON.stringify(s) !== JSON.stringify(base);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (dirty) saveDraft(draftKey, s);
    else dropDraft(draftKey);
  }, [s, dirty, draftKey]);
  const wizardPath = existing
    ? assessmentHref({ kind: 'edit', id: existing.id })
    : assessmentHref({ kind: 'new' });
  useEffect(
    () =>
      guardLeaving((to) => {
        if (to === wizardPath || to.startsWith(`${wizardPath}/`) || !dirtyRef.current) return true;
        if (!window.confirm(tu.leave)) return false;
        dirtyRef.current = false;
        dropDraft(draftKey);
        return true;
      }),
    [wizardPath, draftKey, tu.leave],
  );
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Moving between steps: focus goes to the step's heading, or to the field a summary link named.
  const focusNext = useRef<string | undefined>(undefined);
  const firstRender = useRef(true);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (firstRender.current && target === undefined) {
      firstRender.current = false;
      return;
    }
    firstRender.current = false;
    const el = target === undefined ? undefined : document.getElementById(target);
    const control =
      el && !el.matches('input, select, textarea')
        ? el.querySelector<HTMLElement>('input, select, textarea')
        : el;
    (control ?? document.getElementById(`wiz-step-${step}`))?.focus();
  }, [step]);
  const stepHref = (to: WizardStep) =>
    existing
      ? assessmentHref({ kind: 'edit', id: existing.id, step: to })
      : assessmentHref({ kind: 'new', step: to });
  const goTo = (to: WizardStep, focus?: string) => {
    focusNext.current = focus;
    if (to === step) {
      // Same step: the effect above does not run again.
      const el = focus ? document.getElementById(focus) : null;
      (el?.matches('input, select, textarea')
        ? el
        : el?.querySelector<HTMLElement>('input, select, textarea')
      )?.focus();
      focusNext.current = undefined;
      return;
    }
    router.navigate(stepHref(to), undefined, { sameScreen: true });
  };
  /** The step that holds an element (every step is in the page; only the current one is shown). */
  const stepOf = (id: string): WizardStep | undefined => {
    const holder = document.getElementById(id)?.closest<HTMLElement>('[data-step]')?.dataset.step;
    return WIZARD_STEPS.find((x) => x === holder);
  };
  /** Jumps to the first of these fields that is there for the current answers. */
  const jump = (ids: readonly string[]): void => {
    const id = ids.find((x) => stepOf(x) !== undefined);
    const to = id === undefined ? undefined : stepOf(id);
    if (id !== undefined && to !== undefined) goTo(to, id);
  };
  const canJump = (ids: readonly string[]): WizardStep | undefined => {
    const id = ids.find((x) => stepOf(x) !== undefined);
    return id === undefined ? undefined : stepOf(id);
  };

  const set =
    <K extends keyof WizardState>(k: K) =>
    (v: WizardState[K]) =>
      setS((prev) => ({ ...prev, [k]: v }));
  const src = (hint: string, source: string) => `${hint} ${t.assessments.source(source)}`;

  // Live findings: evaluate the scenario shortly after the user stops typing.
  useEffect(() => {
    if (s.rooms.length === 0 || s.types.length === 0) {
      setLive({ kind: 'incomplete', messages: [`${t.wizard.rooms} / ${t.wizard.types}`] });
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      setLive((prev) => (prev.kind === 'ok' ? { ...prev, busy: true } : { kind: 'busy' }));
      const scenario = toScenario(s, registry, orgName);
      Promise.all([
        api.post<Evaluation>('/api/assessments/evaluate', { scenario }),
        api.post<Comparison>('/api/assessments/compare', { scenario }).catch(() => undefined),
      ]).then(
        ([evaluation, comparison]) => {
          if (current) setLive({ kind: 'ok', evaluation, comparison });
        },
        (e: unknown) => {
          if (!current) return;
          const messages =
            e instanceof ApiError && e.problem.errors && e.problem.errors.length > 0
              ? e.problem.errors.map((x) => fieldProblemText(t, x, undefined, answerLabel(t, x.field)))
              : [problemText(t, e)];
          setLive({ kind: 'incomplete', messages });
        },
      );
    }, EVALUATE_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [s, registry, orgName, t]);

  const save = () =>
    void form
      .submit(
        requireFields(t, {
          [idOf('title')]: s.title,
          [idOf('purposeText')]: s.purposeText,
          ...(s.rooms.length === 0 ? { [firstRoomId]: '' } : {}),
          [conditionsAccessId]: s.conditionsAccess,
        }),
        async () => {
          const scenario = toScenario(s, registry, orgName);
          const id = existing
            ? (await api.put<{ version: AssessmentVersion }>(`/api/assessments/${existing.id}`, { scenario }),
              existing.id)
            : (await api.post<{ assessment: AssessmentHead }>('/api/assessments', { scenario })).assessment
                .id;
          dirtyRef.current = false;
          dropDraft(draftKey);
          onSaved(id);
        },
      )
      .then((ok) => {
        if (!ok) window.setTimeout(() => document.querySelector<HTMLElement>('.pp-error-summary')?.focus());
      });
  const cancel = () => onCancel();

  const camera = hasCamera(s.measure);
  const recording = records(s.measure);
  const audio = recordsAudio(s);
  const measureName = (m: string) => t.assessments.measures[m] ?? m;
  // One line per question: the answer it edits (which names its element id and its label) and its hint.
  const flag = (k: Flag, description?: string) => (
    <CheckboxField
      id={idOf(k)}
      label={t.wizard[k]}
      description={description}
      checked={s[k]}
      onChange={set(k)}
    />
  );
  const answer = (k: Answer, more: Partial<TextFieldProps> = {}) => (
    <TextField id={idOf(k)} label={t.wizard[k]} value={s[k]} onChange={set(k)} {...more} />
  );
  const date = (k: Answer, description?: string) => answer(k, { type: 'date', description });
  /** What ties a control to its answer: element id, value, change and the error on it. */
  const bound = <K extends keyof WizardState>(k: K) => ({
    id: idOf(k),
    value: s[k],
    onChange: set(k),
    error: form.errors.fields[idOf(k)],
  });
  const choose = <K extends 'measure' | 'article' | 'residualRisk'>(
    k: K,
    description: string,
    options: readonly SelectOptionItem<WizardState[K]>[],
  ) => <SelectField {...bound(k)} label={t.wizard[k]} description={description} options={options} />;
  const choices = <K extends 'rooms' | 'types' | 'purposeKinds'>(k: K) => ({
    idPrefix: idOf(k),
    selected: s[k],
    onChange: set(k),
  });
  /** A plain question with both answers spelled out and none picked beforehand. */
  const yesNo = (
    k: 'conditionsAccess' | 'objection',
    legend: string,
    description: string,
    yes: string,
    no: string,
  ) => (
    <div id={idOf(k)}>
      <RadioGroup<YesNo>
        idPrefix={idOf(k)}
        legend={legend}
        description={description}
        options={[
          { value: 'yes', label: yes },
          { value: 'no', label: no },
        ]}
        value={s[k] === '' ? undefined : s[k]}
        onChange={set(k)}
        error={form.errors.fields[`${idOf(k)}-yes`]}
      />
    </div>
  );

  const index = WIZARD_STEPS.indexOf(step);
  const previous = WIZARD_STEPS[index - 1];
  const next = WIZARD_STEPS[index + 1];
  // A function, not a component: a component made here would be new on every render and lose focus.
  const stepSection = (id: WizardStep, children: ReactNode) => (
    <section
      data-step={id}
      hidden={id !== step}
      aria-labelledby={`wiz-step-${id}`}
      className="pp-wizard-step"
    >
      <Heading3 id={`wiz-step-${id}`} tabIndex={-1} className="pp-wizard-step__title">
        <span className="pp-wizard-step__count">
          {tu.stepOf(WIZARD_STEPS.indexOf(id) + 1, WIZARD_STEPS.length)}
        </span>{' '}
        {tu.steps[id]}
      </Heading3>
      {children}
    </section>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Enter in a field moves on; only the last step saves by itself.
    if (next) goTo(next);
    else save();
  };
  const lighter = lighterThan(s.measure);
  const evaluation = live.kind === 'ok' ? live.evaluation : undefined;

  return (
    <div className="pp-wizard2">
      <div className="pp-wizard2__head">
        <Heading2 id={headingId}>
          {existing
            ? existing.inPlace
              ? tu.titleEditDraft(existing.nextVersion - 1)
              : tu.titleEditNew(existing.nextVersion)
            : t.wizard.titleNew}
        </Heading2>
        <Paragraph>{t.wizard.intro}</Paragraph>
        <nav aria-label={tu.stepsNav} className="pp-steps">
          <ol className="pp-steps__list">
            {WIZARD_STEPS.map((x, i) => (
              <li key={x} className={`pp-steps__item${x === step ? ' pp-steps__item--current' : ''}`}>
                <a
                  href={stepHref(x)}
                  aria-current={x === step ? 'step' : undefined}
                  className="pp-steps__link"
                  onClick={(e) => {
                    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                    e.preventDefault();
                    goTo(x);
                  }}
                >
                  <span className="pp-steps__n" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="pp-steps__name">{tu.steps[x]}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <section aria-labelledby={headingId} className="pp-wizard2__form">
        <div
          onClickCapture={(e) => {
            // The error summary links to fields on other steps: go to the step first.
            const link = (e.target as HTMLElement).closest<HTMLAnchorElement>(
              '.pp-error-summary a[href^="#"]',
            );
            const id = link?.getAttribute('href')?.slice(1);
            if (id) {
              e.preventDefault();
              e.stopPropagation();
              jump([id]);
            }
          }}
        >
          <ErrorSummary errors={form.errors} labels={form.labels} />
        </div>
        <form onSubmit={submit} noValidate className="pp-form" aria-labelledby={headingId}>
          {stepSection(
            'measure',
            <>
              <TextField
                {...bound('title')}
                label={t.wizard.titleLabel}
                description={t.wizard.titleHint}
                required
                maxLength={200}
              />
              {choose(
                'measure',
                src(t.wizard.measureHint, t.wizard.measureSource),
                MEASURE_IDS.map((m, i) => ({ value: m, label: `${i + 1}. ${measureName(m)}` })),
              )}
              <div id={idOf('rooms')}>
                <CheckboxGroup
                  {...choices('rooms')}
                  legend={t.wizard.rooms}
                  description={src(t.wizard.roomsHint, t.wizard.roomsSource)}
                  options={registry.rooms.map((r) => ({ value: r.id, label: registry.roomLabel(r.id) }))}
                  error={form.errors.fields[firstRoomId]}
                />
              </div>
              <div id={idOf('types')}>
                <CheckboxGroup
                  {...choices('types')}
                  legend={t.wizard.types}
                  description={src(t.wizard.typesHint, t.wizard.typesSource)}
                  options={registry.types.map((c) => ({
                    value: c.id,
                    label: `${lang === 'nl' ? c.nameNl : c.nameEn}${c.sensitive ? ` (${t.conversationTypes.sensitive.toLowerCase()})` : ''}`,
                  }))}
                />
              </div>
              {flag('riskOnly', src(t.wizard.riskOnlyHint, t.wizard.roomsSource))}
              {flag('workHours', t.wizard.workHoursHint)}
              {s.workHours ? (
                <>
                  {answer('from', { required: true, maxLength: 5 })}
                  {answer('to', { required: true, maxLength: 5 })}
                </>
              ) : null}
              {s.measure === 'incident-recording' ? (
                <>
                  {answer('preRoll', {
                    description: t.wizard.preRollHint,
                    type: 'number',
                    required: true,
                  })}
                  {answer('postRoll', { type: 'number', required: true })}
                </>
              ) : null}
              {camera && s.measure !== 'audio-recording'
                ? flag('audio', src(t.wizard.audioHint, t.wizard.audioSource))
                : null}
              {camera ? flag('publiclyAccessible', t.wizard.publiclyAccessibleHint) : null}
            </>,
          )}
          {stepSection(
            'purpose',
            <>
              <TextAreaField
                {...bound('purposeText')}
                label={t.wizard.purposeText}
                description={src(t.wizard.purposeTextHint, t.wizard.purposeSource)}
                required
                maxLength={2000}
                rows={3}
              />
              <div id={idOf('purposeKinds')}>
                <CheckboxGroup
                  {...choices('purposeKinds')}
                  legend={t.wizard.purposeKinds}
                  description={src(t.wizard.purposeKindsHint, t.wizard.purposeKindsSource)}
                  options={PURPOSE_KINDS.map((k) => ({
                    value: k,
                    label: t.assessments.purposeKinds[k] ?? k,
                  }))}
                />
              </div>
            </>,
          )}
          {stepSection(
            'basis',
            <>
              {flag('publicAuthority', src(t.wizard.publicAuthorityHint, t.wizard.publicAuthoritySource))}
              {choose(
                'article',
                t.assessments.source(t.wizard.articleSource),
                LEGAL_BASES.map((a) => ({ value: a, label: t.wizard.articles[a] ?? a })),
              )}
              {s.article === 'c' || s.article === 'e'
                ? answer('provision', {
                    description: src(t.wizard.provisionHint, t.wizard.provisionSource),
                    maxLength: 1000,
                  })
                : null}
            </>,
          )}
          {stepSection(
            'evidence',
            <>
              <Paragraph>{src(t.wizard.evidenceHint, t.wizard.evidenceSource)}</Paragraph>
              {evaluation ? (
                <Paragraph>
                  <strong>
                    {t.wizard.evidenceFromRegister(
                      evaluation.evidence.incidents.length,
                      evaluation.evidence.unreported,
                    )}
                  </strong>
                </Paragraph>
              ) : null}
              {answer('danger', { description: t.wizard.dangerHint, maxLength: 4000 })}
              {s.danger.trim() ? answer('dangerDate', { type: 'date', required: true }) : null}
              {answer('statistics', { maxLength: 4000 })}
            </>,
          )}
          {stepSection(
            'alternatives',
            <>
              {lighter.length > 0 ? (
                <div id={ALTERNATIVES_ID}>
                  <Paragraph>{src(t.wizard.alternativesHint, t.wizard.alternativesSource)}</Paragraph>
                  {lighter.map((m) => {
                    const a = s.alternatives[m] ?? { status: '', reasons: '' };
                    const update = (nextAlt: Alternative) =>
                      setS((prev) => ({ ...prev, alternatives: { ...prev.alternatives, [m]: nextAlt } }));
                    return (
                      <div key={m} className="pp-wizard2__alternative">
                        <SelectField
                          id={`wiz-alt-${m}`}
                          label={t.wizard.alternativeStatus(measureName(m))}
                          value={a.status}
                          onChange={(v) => update({ ...a, status: v })}
                          options={[
                            { value: '', label: '—' },
                            ...ALTERNATIVE_STATUSES.map((x) => ({
                              value: x,
                              label: t.assessments.alternativeStatuses[x] ?? x,
                            })),
                          ]}
                        />
                        {a.status ? (
                          <TextField
                            id={`wiz-alt-${m}-reasons`}
                            label={t.wizard.alternativeReasons(measureName(m))}
                            value={a.reasons}
                            onChange={(v) => update({ ...a, reasons: v })}
                            required
                            maxLength={4000}
                          />
                        ) : null}
                      </div>
                    );
                  })}
                </div>
              ) : (
                <Paragraph>{tu.noLighter}</Paragraph>
              )}
            </>,
          )}
          {stepSection(
            'safeguards',
            <>
              {camera ? (
                <>
                  {flag('sign', src(t.wizard.signHint, t.wizard.signSource))}
                  {flag('secondLayer')}
                  <TextAreaField
                    id={idOf('letter')}
                    label={tu.letter}
                    description={src(tu.letterHint, tu.letterSource)}
                    value={s.letter}
                    onChange={set('letter')}
                    maxLength={4000}
                    rows={3}
                  />
                </>
              ) : null}
              {date('worksCouncil', src(t.wizard.worksCouncilHint, t.wizard.worksCouncilSource))}
              {recording ? (
                <>
                  {answer('retention', {
                    description: src(t.wizard.retentionHint, t.wizard.retentionSource),
                    type: 'number',
                  })}
                  {Number(s.retention) > 72 ? answer('retentionJustification', { maxLength: 4000 }) : null}
                  {flag('automaticDeletion')}
                </>
              ) : null}
              {camera ? (
                <>
                  {answer('accessRoles', {
                    description: t.assessments.source(t.wizard.accessSource),
                    maxLength: 500,
                  })}
                  {flag('fourEyes')}
                  {flag('logged')}
                  {flag('encrypted')}
                  {yesNo(
                    'objection',
                    tu.objection,
                    src(tu.objectionHint, t.wizard.objectionSource),
                    tu.objectionYes,
                    tu.objectionNo,
                  )}
                  {flag('noStaffUse', t.assessments.source(t.wizard.noStaffUseSource))}
                </>
              ) : null}
              {flag('rights', t.assessments.source(t.wizard.rightsSource))}
              {audio ? (
                <>
                  {answer('audioJustification', { maxLength: 4000 })}
                  {answer('art9', { maxLength: 4000 })}
                </>
              ) : null}
              <TextField
                {...bound('reviewDate')}
                type="date"
                label={tu.reviewDate}
                description={src(tu.reviewDateHint, t.wizard.reviewDateSource)}
                markOptional={false}
              />
            </>,
          )}
          {stepSection(
            'dpia',
            <>
              {date('dpiaDate', src(t.wizard.dpiaDateHint, t.wizard.dpiaSource))}
              {choose(
                'residualRisk',
                src(t.wizard.residualRiskHint, t.wizard.residualRiskSource),
                (['', 'low', 'medium', 'high'] as const).map((r) => ({
                  value: r,
                  label: t.wizard.risks[r] ?? r,
                })),
              )}
              {s.residualRisk === 'high' ? (
                <TextField
                  id={idOf('priorConsultation')}
                  type="date"
                  label={tu.priorConsultation}
                  description={src(tu.priorConsultationHint, t.wizard.residualRiskSource)}
                  value={s.priorConsultation}
                  onChange={set('priorConsultation')}
                />
              ) : null}
              <CheckboxGroup
                idPrefix="wiz-people"
                legend={t.wizard.people}
                description={t.assessments.source(t.wizard.peopleSource)}
                options={PEOPLE.map((k) => ({ value: k, label: t.wizard[k] }))}
                selected={PEOPLE.filter((k) => s[k])}
                onChange={(sel) =>
                  setS((prev) => ({
                    ...prev,
                    ...Object.fromEntries(PEOPLE.map((k) => [k, sel.includes(k)])),
                  }))
                }
              />
              {yesNo(
                'conditionsAccess',
                tu.conditionsAccess,
                src(tu.conditionsAccessHint, t.wizard.conditionsAccessSource),
                tu.conditionsAccessYes,
                tu.conditionsAccessNo,
              )}
            </>,
          )}
          {stepSection(
            'review',
            <>
              <Paragraph>{tu.reviewIntro}</Paragraph>
              {evaluation ? (
                <section aria-labelledby="wiz-findings">
                  <Heading3 id="wiz-findings">{t.wizard.findings}</Heading3>
                  <FindingsView evaluation={evaluation} />
                  {live.kind === 'ok' && live.comparison ? (
                    <section aria-labelledby="wiz-comparison">
                      <Heading3 id="wiz-comparison">{t.wizard.comparison}</Heading3>
                      <ComparisonView comparison={live.comparison} />
                    </section>
                  ) : null}
                </section>
              ) : null}
            </>,
          )}
          <ButtonGroup className="pp-wizard2__buttons">
            {next ? (
              <PrimaryActionButton type="submit">{tu.next(tu.steps[next])}</PrimaryActionButton>
            ) : (
              <PrimaryActionButton type="submit" busy={form.busy} disabled={form.busy}>
                {t.wizard.save}
              </PrimaryActionButton>
            )}
            {previous ? (
              <SecondaryActionButton type="button" onClick={() => goTo(previous)}>
                {tu.back(tu.steps[previous])}
              </SecondaryActionButton>
            ) : null}
            {next ? (
              <SecondaryActionButton type="button" onClick={save} busy={form.busy} disabled={form.busy}>
                {t.wizard.save}
              </SecondaryActionButton>
            ) : null}
            <SubtleButton type="button" onClick={cancel}>
              {t.cancel}
            </SubtleButton>
          </ButtonGroup>
        </form>
      </section>
      <WizardSummary
        live={live}
        unanswered={
          s.conditionsAccess === '' ? [{ label: tu.conditionsAccess, ids: [conditionsAccessId] }] : []
        }
        stepFor={canJump}
        onJump={jump}
      />
    </div>
  );
};
