/**
 * Completing incident reports (after an alarm) and entering incidents that had no alarm. The
 * report fields are those of DOMAIN.md section 7; the account is free text that the server never
 * logs.
 */
import { Button } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { INCIDENT_KINDS, SEVERITIES, api, type Incident, type IncidentSummary } from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad, type FormErrors } from '../hooks.js';
import { formatDateTime, useI18n, type Dictionary } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';
import { useRouter } from '../router.js';

interface ReportValues {
  readonly kind: string;
  readonly severity: string;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly policeReference: string;
  readonly followUp: string;
  readonly narrative: string;
}

const EMPTY: ReportValues = {
  kind: '',
  severity: '',
  injury: false,
  policeReport: false,
  policeReference: '',
  followUp: '',
  narrative: '',
};

const FIELD_IDS = {
  kind: 'report-kind',
  severity: 'report-severity',
  injury: 'report-injury',
  policeReport: 'report-police',
  policeReference: 'report-police-reference',
  followUp: 'report-follow-up',
  narrative: 'report-narrative',
  roomId: 'report-room',
  conversationTypeId: 'report-type',
  occurredAt: 'report-occurred-at',
} as const;

const labelsOf = (t: Dictionary): Record<string, string> => ({
  [FIELD_IDS.kind]: t.incidents.kind,
  [FIELD_IDS.severity]: t.incidents.severity,
  [FIELD_IDS.injury]: t.report.injury,
  [FIELD_IDS.policeReport]: t.report.policeReport,
  [FIELD_IDS.policeReference]: t.incidents.policeReference,
  [FIELD_IDS.followUp]: t.incidents.followUp,
  [FIELD_IDS.narrative]: t.incidents.narrative,
  [FIELD_IDS.roomId]: t.incidents.room,
  [FIELD_IDS.conversationTypeId]: t.incidents.conversationType,
  [FIELD_IDS.occurredAt]: t.report.occurredAt,
});

const bodyOf = (v: ReportValues) => ({
  kind: v.kind,
  severity: Number(v.severity),
  injury: v.injury,
  policeReport: v.policeReport,
  policeReference: v.policeReport && v.policeReference.trim() ? v.policeReference.trim() : null,
  followUp: v.followUp.trim() || null,
  narrative: v.narrative.trim() || null,
});

const checkReport = (t: Dictionary, v: ReportValues): FormErrors =>
  requireFields(
    t,
    { [FIELD_IDS.kind]: v.kind, [FIELD_IDS.severity]: v.severity },
    { [FIELD_IDS.kind]: t.choose.kind, [FIELD_IDS.severity]: t.choose.severity },
  );

/** The report's own fields, shared by the alarm report and the manual incident. */
const ReportFields = ({
  values,
  onChange,
  errors,
}: {
  readonly values: ReportValues;
  readonly onChange: (v: ReportValues) => void;
  readonly errors: FormErrors;
}) => {
  const { t } = useI18n();
  const labels = labelsOf(t);
  const set =
    <K extends keyof ReportValues>(k: K) =>
    (x: ReportValues[K]) =>
      onChange({ ...values, [k]: x });
  // What ties a control to its value: element id, label, value, change and the error on it.
  const bound = <K extends 'kind' | 'severity' | 'policeReference' | 'followUp' | 'narrative'>(k: K) => ({
    id: FIELD_IDS[k],
    label: labels[FIELD_IDS[k]] ?? k,
    value: values[k],
    onChange: set(k),
    error: errors.fields[FIELD_IDS[k]],
  });
  const flag = (k: 'injury' | 'policeReport') => (
    <CheckboxField
      id={FIELD_IDS[k]}
      label={labels[FIELD_IDS[k]] ?? k}
      checked={values[k]}
      onChange={set(k)}
    />
  );
  return (
    <>
      <SelectField
        {...bound('kind')}
        description={t.report.kindHint}
        placeholder={t.choose.placeholder}
        options={INCIDENT_KINDS.map((k) => ({ value: k, label: t.incidents.kinds[k] ?? k }))}
      />
      <SelectField
        {...bound('severity')}
        description={t.report.severityHint}
        placeholder={t.choose.placeholder}
        options={SEVERITIES.map((s) => ({
          value: String(s),
          label: t.incidents.severities[String(s)] ?? String(s),
        }))}
      />
      {flag('injury')}
      {flag('policeReport')}
      {values.policeReport ? (
        <TextField
          {...bound('policeReference')}
          description={t.report.policeReferenceHint}
          maxLength={64}
          autoComplete="off"
        />
      ) : null}
      <TextAreaField {...bound('followUp')} description={t.report.followUpHint} maxLength={2000} rows={3} />
      <TextAreaField
        {...bound('narrative')}
        description={t.report.narrativeHint}
        maxLength={10_000}
        rows={5}
      />
    </>
  );
};

const AlarmReportForm = ({
  incident,
  registry,
  onDone,
  onCancel,
}: {
  readonly incident: IncidentSummary;
  readonly registry: Registry;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<ReportValues>({
    ...EMPTY,
    kind: incident.kind ?? '',
    severity: incident.severity === null ? '' : String(incident.severity),
    injury: incident.injury,
    policeReport: incident.policeReport,
    policeReference: incident.policeReference ?? '',
    followUp: incident.followUp ?? '',
  });
  const form = useFormState(FIELD_IDS, labelsOf(t));
  const save = () =>
    void form
      .submit(checkReport(t, values), async () => {
        await api.put<Incident>(`/api/incidents/${incident.id}/report`, bodyOf(values));
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={t.report.formTitle(
        registry.roomLabel(incident.roomId),
        formatDateTime(lang, incident.occurredAt),
      )}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
    >
      <ReportFields values={values} onChange={setValues} errors={form.errors} />
    </FormSection>
  );
};

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
const localNow = (): string => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

const ManualIncidentForm = ({
  registry,
  onDone,
  onCancel,
}: {
  readonly registry: Registry;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t, lang } = useI18n();
  const [roomId, setRoomId] = useState(registry.rooms[0]?.id ?? '');
  const [typeId, setTypeId] = useState('');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [values, setValues] = useState<ReportValues>(EMPTY);
  const form = useFormState(FIELD_IDS, labelsOf(t));
  const clientErrors = (): FormErrors => {
    const e = checkReport(t, values);
    const when = Date.parse(occurredAt);
    return Number.isNaN(when)
      ? { summary: undefined, fields: { ...e.fields, [FIELD_IDS.occurredAt]: t.required } }
      : e;
  };
  const save = () =>
    void form
      .submit(clientErrors(), async () => {
        await api.post<Incident>('/api/incidents', {
          roomId,
          ...(typeId ? { conversationTypeId: typeId } : {}),
          occurredAt: new Date(occurredAt).toISOString(),
          ...bodyOf(values),
        });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection title={t.report.manualTitle} form={form} onSubmit={save} onCancel={onCancel}>
      <SelectField
        id={FIELD_IDS.roomId}
        label={t.incidents.room}
        value={roomId}
        onChange={setRoomId}
        options={registry.rooms.map((r) => ({ value: r.id, label: registry.roomLabel(r.id) }))}
        error={form.errors.fields[FIELD_IDS.roomId]}
      />
      <SelectField
        id={FIELD_IDS.conversationTypeId}
        label={`${t.incidents.conversationType} ${t.optional}`}
        value={typeId}
        onChange={setTypeId}
        options={[
          { value: '', label: t.report.noType },
          ...registry.types.map((c) => ({ value: c.id, label: lang === 'nl' ? c.nameNl : c.nameEn })),
        ]}
        error={form.errors.fields[FIELD_IDS.conversationTypeId]}
      />
      <TextField
        id={FIELD_IDS.occurredAt}
        label={t.report.occurredAt}
        description={t.report.occurredAtHint}
        value={occurredAt}
        onChange={setOccurredAt}
        type="datetime-local"
        required
        error={form.errors.fields[FIELD_IDS.occurredAt]}
      />
      <ReportFields values={values} onChange={setValues} errors={form.errors} />
    </FormSection>
  );
};

type Editing = { kind: 'report'; incident: IncidentSummary } | { kind: 'manual' };

export const ReportPage = () => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const toReport = useLoad(() => api.get<IncidentSummary[]>('/api/incidents/to-report'), []);
  const editor = useEditor<Editing>(toReport.reload);
  const { editing } = editor;
  const list = toReport.data ?? [];
  // "?incident=<id>" (the start page's and the register's "nog invullen" links): open that report's form once.
  const { search } = useRouter();
  const wanted = new URLSearchParams(search).get('incident');
  const opened = useRef(false);
  const { open } = editor;
  useEffect(() => {
    const incident = toReport.data?.find((i) => i.id === wanted);
    if (opened.current || incident === undefined) return;
    opened.current = true;
    open({ kind: 'report', incident });
  }, [toReport.data, wanted, open]);
  const when = (i: IncidentSummary) => formatDateTime(lang, i.occurredAt);

  const form =
    editing === null || !reg.data ? null : editing.kind === 'report' ? (
      <AlarmReportForm
        key={editing.incident.id}
        incident={editing.incident}
        registry={reg.registry}
        {...editor.formProps(t.report.saved)}
      />
    ) : (
      <ManualIncidentForm registry={reg.registry} {...editor.formProps(t.report.saved)} />
    );

  return (
    <ResourcePage
      title={t.report.title}
      intro={t.report.intro}
      load={toReport}
      notice={editor.notice}
      add={reg.data ? { label: t.report.manual, onClick: () => editor.open({ kind: 'manual' }) } : undefined}
      form={form}
      heading={t.report.toReport}
      empty={list.length === 0 ? t.report.nothing : undefined}
    >
      <ResourceTable
        caption={t.report.toReportCaption}
        rows={list}
        rowKey={(i) => i.id}
        rowHeader={{ header: t.incidents.occurredAt, cell: when }}
        columns={[
          { header: t.incidents.room, cell: (i) => reg.registry.roomLabel(i.roomId) },
          {
            header: t.incidents.conversationType,
            cell: (i) =>
              i.conversationTypeId ? reg.registry.typeName(i.conversationTypeId) : t.incidents.none,
          },
          { header: t.incidents.source, cell: (i) => t.incidents.sources[i.source] },
        ]}
        actions={(i) => (
          <Button
            appearance="subtle-button"
            aria-label={t.report.fillFor(reg.registry.roomLabel(i.roomId), when(i))}
            onClick={() => editor.open({ kind: 'report', incident: i })}
          >
            {t.report.fill}
          </Button>
        )}
      />
    </ResourcePage>
  );
};
