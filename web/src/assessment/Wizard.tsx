/**
 * The assessment wizard: asks only what the rules need, explains each question in plain Dutch
 * with its legal source, and shows the findings and the alternatives side by side as the user
 * answers (debounced POST /api/assessments/evaluate and /compare; the server adds the incident
 * evidence from the register).
 */
import { Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
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
import { FormSection } from '../components/FormSection.js';
import { SelectField, type SelectOptionItem } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField, type TextFieldProps } from '../components/TextField.js';
import { fieldProblemText, problemText, requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { ComparisonView, FindingsView, verdictSummary } from './Findings.js';
import {
  hasCamera,
  initialState,
  lighterThan,
  records,
  recordsAudio,
  toScenario,
  type Alternative,
  type WizardState,
} from './wizard-state.js';

export const EVALUATE_DEBOUNCE_MS = 500;

/** Who is affected: one checkbox each, in this order (the labels are t.wizard[key]). */
const PEOPLE = ['staff', 'residents', 'minors', 'vulnerable'] as const;

type KeysOf<V> = { [K in keyof WizardState]: WizardState[K] extends V ? K : never }[keyof WizardState];
/** A yes/no answer. */
type Flag = KeysOf<boolean>;
/** A free-text answer (not one picked from a list), labelled t.wizard[key]. */
type Answer = Exclude<
  { [K in keyof WizardState]: string extends WizardState[K] ? K : never }[keyof WizardState],
  'title' | 'measure' | 'purposeText'
>;
/** A question's element id: wiz-risk-only for riskOnly. */
const idOf = (k: keyof WizardState): string => `wiz-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

type Live =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | {
      readonly kind: 'ok';
      readonly evaluation: Evaluation;
      readonly comparison: Comparison | undefined;
      readonly busy?: boolean;
    }
  | { readonly kind: 'incomplete'; readonly messages: readonly string[] };

const Section = ({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) => (
  <Fieldset className="pp-fieldset pp-wizard__section" aria-labelledby={id}>
    <FieldsetLegend id={id}>{title}</FieldsetLegend>
    {children}
  </Fieldset>
);

export interface WizardProps {
  readonly registry: Registry;
  /** Editing an existing assessment: its id and the state from its latest scenario. */
  readonly existing?:
    { readonly id: string; readonly state: WizardState; readonly nextVersion: number } | undefined;
  readonly onSaved: (id: string) => void;
  readonly onCancel: () => void;
}

export const Wizard = ({ registry, existing, onSaved, onCancel }: WizardProps) => {
  const { t, lang } = useI18n();
  const [s, setS] = useState<WizardState>(existing?.state ?? initialState);
  const [live, setLive] = useState<Live>({ kind: 'idle' });
  const org = useLoad(() => api.get<Organisation | null>('/api/organisation'), []);
  const orgName = org.data?.name ?? '';
  // A missing room is reported on the first room's checkbox, the group's first control.
  const firstRoomId = `${idOf('rooms')}-${registry.rooms[0]?.id ?? ''}`;
  const form = useFormState(
    {
      title: idOf('title'),
      'scope.rooms': firstRoomId,
      'purpose.text': idOf('purposeText'),
    },
    {
      [idOf('title')]: t.wizard.titleLabel,
      [idOf('purposeText')]: t.wizard.purposeText,
      [firstRoomId]: t.wizard.rooms,
    },
  );
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
    let live = true;
    const timer = window.setTimeout(() => {
      setLive((prev) => (prev.kind === 'ok' ? { ...prev, busy: true } : { kind: 'busy' }));
      const scenario = toScenario(s, registry, orgName);
      Promise.all([
        api.post<Evaluation>('/api/assessments/evaluate', { scenario }),
        api.post<Comparison>('/api/assessments/compare', { scenario }).catch(() => undefined),
      ]).then(
        ([evaluation, comparison]) => {
          if (live) setLive({ kind: 'ok', evaluation, comparison });
        },
        (e: unknown) => {
          if (!live) return;
          const messages =
            e instanceof ApiError && e.problem.errors && e.problem.errors.length > 0
              ? e.problem.errors.map((x) => `${fieldProblemText(t, x)} (${x.field})`)
              : [problemText(t, e)];
          setLive({ kind: 'incomplete', messages });
        },
      );
    }, EVALUATE_DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [s, registry, orgName, t]);

  const save = () =>
    void form.submit(
      requireFields(t, {
        [idOf('title')]: s.title,
        [idOf('purposeText')]: s.purposeText,
        ...(s.rooms.length === 0 ? { [firstRoomId]: '' } : {}),
      }),
      async () => {
        const scenario = toScenario(s, registry, orgName);
        if (existing) {
          await api.put<{ version: AssessmentVersion }>(`/api/assessments/${existing.id}`, { scenario });
          onSaved(existing.id);
        } else {
          const r = await api.post<{ assessment: AssessmentHead }>('/api/assessments', { scenario });
          onSaved(r.assessment.id);
        }
      },
    );

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

  return (
    <div className="pp-wizard">
      <div className="pp-wizard__form">
        <FormSection
          title={existing ? t.wizard.titleEdit(existing.nextVersion) : t.wizard.titleNew}
          form={form}
          onSubmit={save}
          onCancel={onCancel}
          submitLabel={t.wizard.save}
        >
          <Paragraph>{t.wizard.intro}</Paragraph>
          <TextField
            {...bound('title')}
            label={t.wizard.titleLabel}
            description={t.wizard.titleHint}
            required
            maxLength={200}
          />
          <Section id="wiz-s1" title={t.wizard.sectionMeasure}>
            {choose(
              'measure',
              src(t.wizard.measureHint, t.wizard.measureSource),
              MEASURE_IDS.map((m, i) => ({ value: m, label: `${i + 1}. ${measureName(m)}` })),
            )}
            <CheckboxGroup
              {...choices('rooms')}
              legend={t.wizard.rooms}
              description={src(t.wizard.roomsHint, t.wizard.roomsSource)}
              options={registry.rooms.map((r) => ({ value: r.id, label: registry.roomLabel(r.id) }))}
              error={form.errors.fields[firstRoomId]}
            />
            <CheckboxGroup
              {...choices('types')}
              legend={t.wizard.types}
              description={src(t.wizard.typesHint, t.wizard.typesSource)}
              options={registry.types.map((c) => ({
                value: c.id,
                label: `${lang === 'nl' ? c.nameNl : c.nameEn}${c.sensitive ? ` (${t.conversationTypes.sensitive.toLowerCase()})` : ''}`,
              }))}
            />
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
          </Section>
          <Section id="wiz-s2" title={t.wizard.sectionPurpose}>
            <TextAreaField
              {...bound('purposeText')}
              label={t.wizard.purposeText}
              description={src(t.wizard.purposeTextHint, t.wizard.purposeSource)}
              required
              maxLength={2000}
              rows={3}
            />
            <CheckboxGroup
              {...choices('purposeKinds')}
              legend={t.wizard.purposeKinds}
              description={src(t.wizard.purposeKindsHint, t.wizard.purposeKindsSource)}
              options={PURPOSE_KINDS.map((k) => ({ value: k, label: t.assessments.purposeKinds[k] ?? k }))}
            />
          </Section>
          <Section id="wiz-s3" title={t.wizard.sectionBasis}>
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
          </Section>
          <Section id="wiz-s4" title={t.wizard.sectionEvidence}>
            <Paragraph>{src(t.wizard.evidenceHint, t.wizard.evidenceSource)}</Paragraph>
            {live.kind === 'ok' ? (
              <Paragraph>
                <strong>
                  {t.wizard.evidenceFromRegister(
                    live.evaluation.evidence.incidents.length,
                    live.evaluation.evidence.unreported,
                  )}
                </strong>
              </Paragraph>
            ) : null}
            {answer('danger', {
              description: t.wizard.dangerHint,
              maxLength: 4000,
            })}
            {s.danger.trim() ? answer('dangerDate', { type: 'date', required: true }) : null}
            {answer('statistics', { maxLength: 4000 })}
          </Section>
          {lighterThan(s.measure).length > 0 ? (
            <Section id="wiz-s5" title={t.wizard.sectionAlternatives}>
              <Paragraph>{src(t.wizard.alternativesHint, t.wizard.alternativesSource)}</Paragraph>
              {lighterThan(s.measure).map((m) => {
                const a = s.alternatives[m] ?? { status: '', reasons: '' };
                const update = (next: Alternative) =>
                  setS((prev) => ({ ...prev, alternatives: { ...prev.alternatives, [m]: next } }));
                return (
                  <div key={m} className="pp-wizard__alternative">
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
            </Section>
          ) : null}
          <Section id="wiz-s6" title={t.wizard.sectionSafeguards}>
            {camera ? (
              <>
                {flag('sign', src(t.wizard.signHint, t.wizard.signSource))}
                {flag('secondLayer')}
              </>
            ) : null}
            {date('worksCouncil', src(t.wizard.worksCouncilHint, t.wizard.worksCouncilSource))}
            {recording ? (
              <>
                {answer('retention', {
                  description: src(t.wizard.retentionHint, t.wizard.retentionSource),
                  type: 'number',
                })}
                {Number(s.retention) > 72
                  ? answer('retentionJustification', {
                      maxLength: 4000,
                    })
                  : null}
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
                {flag('objection', t.assessments.source(t.wizard.objectionSource))}
                {flag('noStaffUse', t.assessments.source(t.wizard.noStaffUseSource))}
              </>
            ) : null}
            {flag('rights', t.assessments.source(t.wizard.rightsSource))}
            {audio ? (
              <>
                {answer('audioJustification', {
                  maxLength: 4000,
                })}
                {answer('art9', { maxLength: 4000 })}
              </>
            ) : null}
            {date('reviewDate', src(t.wizard.reviewDateHint, t.wizard.reviewDateSource))}
          </Section>
          <Section id="wiz-s7" title={t.wizard.sectionDpia}>
            {date('dpiaDate', src(t.wizard.dpiaDateHint, t.wizard.dpiaSource))}
            {choose(
              'residualRisk',
              src(t.wizard.residualRiskHint, t.wizard.residualRiskSource),
              (['', 'low', 'medium', 'high'] as const).map((r) => ({
                value: r,
                label: t.wizard.risks[r] ?? r,
              })),
            )}
            <CheckboxGroup
              idPrefix="wiz-people"
              legend={t.wizard.people}
              description={t.assessments.source(t.wizard.peopleSource)}
              options={PEOPLE.map((k) => ({ value: k, label: t.wizard[k] }))}
              selected={PEOPLE.filter((k) => s[k])}
              onChange={(sel) =>
                setS((prev) => ({ ...prev, ...Object.fromEntries(PEOPLE.map((k) => [k, sel.includes(k)])) }))
              }
            />
            {flag('conditionsAccess', src(t.wizard.conditionsAccessHint, t.wizard.conditionsAccessSource))}
          </Section>
        </FormSection>
      </div>
      <section aria-labelledby="wiz-findings" className="pp-wizard__findings">
        <Heading2 id="wiz-findings">{t.wizard.findings}</Heading2>
        <Paragraph appearance="small">{t.wizard.findingsIntro}</Paragraph>
        {/* One polite sentence per update; the table itself is not a live region. */}
        <Paragraph role="status" className="pp-wizard__verdict">
          {live.kind === 'busy' || (live.kind === 'ok' && live.busy)
            ? t.wizard.evaluating
            : live.kind === 'ok'
              ? verdictSummary(t, live.evaluation)
              : live.kind === 'incomplete'
                ? `${t.wizard.incomplete} ${live.messages.join('; ')}`
                : ''}
        </Paragraph>
        {live.kind === 'ok' ? (
          <>
            <FindingsView evaluation={live.evaluation} />
            {live.comparison ? (
              <section aria-labelledby="wiz-comparison">
                <Heading2 id="wiz-comparison">{t.wizard.comparison}</Heading2>
                <ComparisonView comparison={live.comparison} />
              </section>
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
};
