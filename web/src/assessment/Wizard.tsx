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
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { problemText, requireFields, useFormState, useLoad } from '../hooks.js';
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
  const firstRoom = registry.rooms[0]?.id ?? '';
  const form = useFormState({
    title: 'wiz-title',
    'scope.rooms': `wiz-room-${firstRoom}`,
    'purpose.text': 'wiz-purpose',
  });
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
              ? e.problem.errors.map((x) => `${x.field}: ${x.message}`)
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
        'wiz-title': s.title,
        'wiz-purpose': s.purposeText,
        ...(s.rooms.length === 0 ? { [`wiz-room-${firstRoom}`]: '' } : {}),
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

  return (
    <div className="pp-wizard">
      <div className="pp-wizard__form">
        <FormSection
          title={existing ? t.wizard.titleEdit(existing.nextVersion) : t.wizard.titleNew}
          errors={form.errors}
          labels={{
            'wiz-title': t.wizard.titleLabel,
            'wiz-purpose': t.wizard.purposeText,
            [`wiz-room-${firstRoom}`]: t.wizard.rooms,
          }}
          busy={form.busy}
          onSubmit={save}
          onCancel={onCancel}
          submitLabel={t.wizard.save}
        >
          <Paragraph>{t.wizard.intro}</Paragraph>
          <TextField
            id="wiz-title"
            label={t.wizard.titleLabel}
            description={t.wizard.titleHint}
            value={s.title}
            onChange={set('title')}
            required
            maxLength={200}
            error={form.errors.fields['wiz-title']}
          />
          <Section id="wiz-s1" title={t.wizard.sectionMeasure}>
            <SelectField
              id="wiz-measure"
              label={t.wizard.measure}
              description={src(t.wizard.measureHint, t.wizard.measureSource)}
              value={s.measure}
              onChange={set('measure')}
              options={MEASURE_IDS.map((m, i) => ({ value: m, label: `${i + 1}. ${measureName(m)}` }))}
            />
            <CheckboxGroup
              idPrefix="wiz-room"
              legend={t.wizard.rooms}
              description={src(t.wizard.roomsHint, t.wizard.roomsSource)}
              options={registry.rooms.map((r) => ({ value: r.id, label: registry.roomLabel(r.id) }))}
              selected={s.rooms}
              onChange={set('rooms')}
              error={form.errors.fields[`wiz-room-${firstRoom}`]}
            />
            <CheckboxGroup
              idPrefix="wiz-type"
              legend={t.wizard.types}
              description={src(t.wizard.typesHint, t.wizard.typesSource)}
              options={registry.types.map((c) => ({
                value: c.id,
                label: `${lang === 'nl' ? c.nameNl : c.nameEn}${c.sensitive ? ` (${t.conversationTypes.sensitive.toLowerCase()})` : ''}`,
              }))}
              selected={s.types}
              onChange={set('types')}
            />
            <CheckboxField
              id="wiz-risk-only"
              label={t.wizard.riskOnly}
              description={src(t.wizard.riskOnlyHint, t.wizard.roomsSource)}
              checked={s.riskOnly}
              onChange={set('riskOnly')}
            />
            <CheckboxField
              id="wiz-hours"
              label={t.wizard.workHours}
              description={t.wizard.workHoursHint}
              checked={s.workHours}
              onChange={set('workHours')}
            />
            {s.workHours ? (
              <>
                <TextField
                  id="wiz-from"
                  label={t.wizard.from}
                  value={s.from}
                  onChange={set('from')}
                  required
                  maxLength={5}
                />
                <TextField
                  id="wiz-to"
                  label={t.wizard.to}
                  value={s.to}
                  onChange={set('to')}
                  required
                  maxLength={5}
                />
              </>
            ) : null}
            {s.measure === 'incident-recording' ? (
              <>
                <TextField
                  id="wiz-pre-roll"
                  label={t.wizard.preRoll}
                  description={t.wizard.preRollHint}
                  type="number"
                  value={s.preRoll}
                  onChange={set('preRoll')}
                  required
                />
                <TextField
                  id="wiz-post-roll"
                  label={t.wizard.postRoll}
                  type="number"
                  value={s.postRoll}
                  onChange={set('postRoll')}
                  required
                />
              </>
            ) : null}
            {camera && s.measure !== 'audio-recording' ? (
              <CheckboxField
                id="wiz-audio"
                label={t.wizard.audio}
                description={src(t.wizard.audioHint, t.wizard.audioSource)}
                checked={s.audio}
                onChange={set('audio')}
              />
            ) : null}
            {camera ? (
              <CheckboxField
                id="wiz-public"
                label={t.wizard.publiclyAccessible}
                description={t.wizard.publiclyAccessibleHint}
                checked={s.publiclyAccessible}
                onChange={set('publiclyAccessible')}
              />
            ) : null}
          </Section>
          <Section id="wiz-s2" title={t.wizard.sectionPurpose}>
            <TextAreaField
              id="wiz-purpose"
              label={t.wizard.purposeText}
              description={src(t.wizard.purposeTextHint, t.wizard.purposeSource)}
              value={s.purposeText}
              onChange={set('purposeText')}
              required
              maxLength={2000}
              rows={3}
              error={form.errors.fields['wiz-purpose']}
            />
            <CheckboxGroup
              idPrefix="wiz-kind"
              legend={t.wizard.purposeKinds}
              description={src(t.wizard.purposeKindsHint, t.wizard.purposeKindsSource)}
              options={PURPOSE_KINDS.map((k) => ({ value: k, label: t.assessments.purposeKinds[k] ?? k }))}
              selected={s.purposeKinds}
              onChange={set('purposeKinds')}
            />
          </Section>
          <Section id="wiz-s3" title={t.wizard.sectionBasis}>
            <CheckboxField
              id="wiz-public-authority"
              label={t.wizard.publicAuthority}
              description={src(t.wizard.publicAuthorityHint, t.wizard.publicAuthoritySource)}
              checked={s.publicAuthority}
              onChange={set('publicAuthority')}
            />
            <SelectField
              id="wiz-article"
              label={t.wizard.article}
              description={t.assessments.source(t.wizard.articleSource)}
              value={s.article}
              onChange={set('article')}
              options={LEGAL_BASES.map((a) => ({
                value: a,
                label: t.wizard.articles[a] ?? a,
              }))}
            />
            {s.article === 'c' || s.article === 'e' ? (
              <TextField
                id="wiz-provision"
                label={t.wizard.provision}
                description={src(t.wizard.provisionHint, t.wizard.provisionSource)}
                value={s.provision}
                onChange={set('provision')}
                maxLength={1000}
              />
            ) : null}
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
            <TextField
              id="wiz-danger"
              label={t.wizard.danger}
              description={t.wizard.dangerHint}
              value={s.danger}
              onChange={set('danger')}
              maxLength={4000}
            />
            {s.danger.trim() ? (
              <TextField
                id="wiz-danger-date"
                label={t.wizard.dangerDate}
                type="date"
                value={s.dangerDate}
                onChange={set('dangerDate')}
                required
              />
            ) : null}
            <TextField
              id="wiz-statistics"
              label={t.wizard.statistics}
              value={s.statistics}
              onChange={set('statistics')}
              maxLength={4000}
            />
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
                <CheckboxField
                  id="wiz-sign"
                  label={t.wizard.sign}
                  description={src(t.wizard.signHint, t.wizard.signSource)}
                  checked={s.sign}
                  onChange={set('sign')}
                />
                <CheckboxField
                  id="wiz-second-layer"
                  label={t.wizard.secondLayer}
                  checked={s.secondLayer}
                  onChange={set('secondLayer')}
                />
              </>
            ) : null}
            <TextField
              id="wiz-works-council"
              label={t.wizard.worksCouncil}
              description={src(t.wizard.worksCouncilHint, t.wizard.worksCouncilSource)}
              type="date"
              value={s.worksCouncil}
              onChange={set('worksCouncil')}
            />
            {recording ? (
              <>
                <TextField
                  id="wiz-retention"
                  label={t.wizard.retention}
                  description={src(t.wizard.retentionHint, t.wizard.retentionSource)}
                  type="number"
                  value={s.retention}
                  onChange={set('retention')}
                />
                {Number(s.retention) > 72 ? (
                  <TextField
                    id="wiz-retention-why"
                    label={t.wizard.retentionJustification}
                    value={s.retentionJustification}
                    onChange={set('retentionJustification')}
                    maxLength={4000}
                  />
                ) : null}
                <CheckboxField
                  id="wiz-auto-delete"
                  label={t.wizard.automaticDeletion}
                  checked={s.automaticDeletion}
                  onChange={set('automaticDeletion')}
                />
              </>
            ) : null}
            {camera ? (
              <>
                <TextField
                  id="wiz-access-roles"
                  label={t.wizard.accessRoles}
                  description={t.assessments.source(t.wizard.accessSource)}
                  value={s.accessRoles}
                  onChange={set('accessRoles')}
                  maxLength={500}
                />
                <CheckboxField
                  id="wiz-four-eyes"
                  label={t.wizard.fourEyes}
                  checked={s.fourEyes}
                  onChange={set('fourEyes')}
                />
                <CheckboxField
                  id="wiz-logged"
                  label={t.wizard.logged}
                  checked={s.logged}
                  onChange={set('logged')}
                />
                <CheckboxField
                  id="wiz-encrypted"
                  label={t.wizard.encrypted}
                  checked={s.encrypted}
                  onChange={set('encrypted')}
                />
                <CheckboxField
                  id="wiz-objection"
                  label={t.wizard.objection}
                  description={t.assessments.source(t.wizard.objectionSource)}
                  checked={s.objection}
                  onChange={set('objection')}
                />
                <CheckboxField
                  id="wiz-no-staff-use"
                  label={t.wizard.noStaffUse}
                  description={t.assessments.source(t.wizard.noStaffUseSource)}
                  checked={s.noStaffUse}
                  onChange={set('noStaffUse')}
                />
              </>
            ) : null}
            <CheckboxField
              id="wiz-rights"
              label={t.wizard.rights}
              description={t.assessments.source(t.wizard.rightsSource)}
              checked={s.rights}
              onChange={set('rights')}
            />
            {audio ? (
              <>
                <TextField
                  id="wiz-audio-why"
                  label={t.wizard.audioJustification}
                  value={s.audioJustification}
                  onChange={set('audioJustification')}
                  maxLength={4000}
                />
                <TextField
                  id="wiz-art9"
                  label={t.wizard.art9}
                  value={s.art9}
                  onChange={set('art9')}
                  maxLength={4000}
                />
              </>
            ) : null}
            <TextField
              id="wiz-review-date"
              label={t.wizard.reviewDate}
              description={src(t.wizard.reviewDateHint, t.wizard.reviewDateSource)}
              type="date"
              value={s.reviewDate}
              onChange={set('reviewDate')}
            />
          </Section>
          <Section id="wiz-s7" title={t.wizard.sectionDpia}>
            <TextField
              id="wiz-dpia-date"
              label={t.wizard.dpiaDate}
              description={src(t.wizard.dpiaDateHint, t.wizard.dpiaSource)}
              type="date"
              value={s.dpiaDate}
              onChange={set('dpiaDate')}
            />
            <SelectField
              id="wiz-residual-risk"
              label={t.wizard.residualRisk}
              description={src(t.wizard.residualRiskHint, t.wizard.residualRiskSource)}
              value={s.residualRisk}
              onChange={set('residualRisk')}
              options={(['', 'low', 'medium', 'high'] as const).map((r) => ({
                value: r,
                label: t.wizard.risks[r] ?? r,
              }))}
            />
            <CheckboxGroup
              idPrefix="wiz-people"
              legend={t.wizard.people}
              description={t.assessments.source(t.wizard.peopleSource)}
              options={[
                { value: 'staff', label: t.wizard.staff },
                { value: 'residents', label: t.wizard.residents },
                { value: 'minors', label: t.wizard.minors },
                { value: 'vulnerable', label: t.wizard.vulnerable },
              ]}
              selected={(['staff', 'residents', 'minors', 'vulnerable'] as const).filter((k) => s[k])}
              onChange={(sel) =>
                setS((prev) => ({
                  ...prev,
                  staff: sel.includes('staff'),
                  residents: sel.includes('residents'),
                  minors: sel.includes('minors'),
                  vulnerable: sel.includes('vulnerable'),
                }))
              }
            />
            <CheckboxField
              id="wiz-conditions-access"
              label={t.wizard.conditionsAccess}
              description={src(t.wizard.conditionsAccessHint, t.wizard.conditionsAccessSource)}
              checked={s.conditionsAccess}
              onChange={set('conditionsAccess')}
            />
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
