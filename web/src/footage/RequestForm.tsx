/**
 * "Inzage aanvragen": a request to view one sealed clip, with a reason, a legal ground (each
 * explained), the police report number when the ground is a police report, and the purposes
 * (export only with a police report). Checked here first, then by the server.
 */
import { useState } from 'react';
import { api } from '../api.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { FormSection } from '../components/FormSection.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { NO_ERRORS, useFormState, type FormErrors } from '../hooks.js';
import { useI18n, type Dictionary } from '../i18n/index.js';
import { footageRefusal } from './errors.js';
import {
  LEGAL_GROUNDS,
  PURPOSES,
  REASON_MAX,
  REASON_MIN,
  type LegalGround,
  type Purpose,
  type ViewingRequest,
  type ViewingRequestBody,
} from './types.js';

export interface RequestDraft {
  readonly reason: string;
  readonly legalGround: LegalGround | undefined;
  readonly policeReport: string;
  readonly purposes: readonly Purpose[];
}

export const EMPTY_DRAFT: RequestDraft = {
  reason: '',
  legalGround: undefined,
  policeReport: '',
  purposes: ['view'],
};

/** The form's element ids, by the API's field names. */
const ids = (prefix: string) => ({
  reason: `${prefix}-reason`,
  legalGround: `${prefix}-ground-${LEGAL_GROUNDS[0]}`,
  policeReport: `${prefix}-police`,
  purposes: `${prefix}-purpose-${PURPOSES[0]}`,
});

/** What is wrong with a draft before it is sent, by element id. */
export const checkDraft = (t: Dictionary, d: RequestDraft, prefix: string): FormErrors => {
  const id = ids(prefix);
  const fields: Record<string, string> = {};
  const reason = d.reason.trim();
  if (reason === '') fields[id.reason] = t.required;
  else if (reason.length < REASON_MIN) fields[id.reason] = t.footage.reasonTooShort(REASON_MIN);
  if (!d.legalGround) fields[id.legalGround] = t.required;
  if (d.legalGround === 'police-report' && d.policeReport.trim() === '') fields[id.policeReport] = t.required;
  if (d.purposes.length === 0) fields[id.purposes] = t.footage.purposeRequired;
  else if (d.purposes.includes('export') && d.legalGround !== 'police-report')
    fields[id.purposes] = t.footage.exportNeedsPolice;
  return Object.keys(fields).length > 0 ? { summary: undefined, fields } : NO_ERRORS;
};

export const draftBody = (clipId: string, d: RequestDraft, ground: LegalGround): ViewingRequestBody => ({
  clipId,
  reason: d.reason.trim(),
  legalGround: ground,
  purposes: [...d.purposes],
  ...(ground === 'police-report' ? { policeReport: d.policeReport.trim() } : {}),
});

export interface RequestFormProps {
  readonly clipId: string;
  /** The clip's start, as the form's title names it. */
  readonly clipLabel: string;
  readonly onDone: (request: ViewingRequest) => void;
  readonly onCancel: () => void;
}

export const RequestForm = ({ clipId, clipLabel, onDone, onCancel }: RequestFormProps) => {
  const { t } = useI18n();
  const prefix = `request-${clipId}`;
  const id = ids(prefix);
  const [draft, setDraft] = useState<RequestDraft>(EMPTY_DRAFT);
  const form = useFormState(
    id,
    {
      [id.reason]: t.footage.reason,
      [id.legalGround]: t.footage.legalGroundLegend,
      [id.policeReport]: t.footage.policeReport,
      [id.purposes]: t.footage.purposesLegend,
    },
    footageRefusal({
      'FOOTAGE.POLICE_REPORT_REQUIRED': id.policeReport,
      'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT': id.purposes,
      'FOOTAGE.REASON_INVALID': id.reason,
    }),
  );
  const submit = () => {
    let created: ViewingRequest | undefined;
    void form
      .submit(checkDraft(t, draft, prefix), async () => {
        created = await api.post<ViewingRequest>(
          '/api/footage/requests',
          draftBody(clipId, draft, draft.legalGround ?? 'own-investigation'),
        );
      })
      .then((ok) => {
        if (ok && created) onDone(created);
      });
  };
  const police = draft.legalGround === 'police-report';
  return (
    <FormSection
      title={t.footage.requestTitle(clipLabel)}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t.footage.submitRequest}
    >
      <TextAreaField
        id={id.reason}
        label={t.footage.reason}
        description={t.footage.reasonHint}
        value={draft.reason}
        onChange={(reason) => setDraft({ ...draft, reason })}
        required
        maxLength={REASON_MAX}
        error={form.errors.fields[id.reason]}
      />
      <RadioGroup
        idPrefix={`${prefix}-ground`}
        legend={t.footage.legalGroundLegend}
        options={LEGAL_GROUNDS.map((g) => ({
          value: g,
          label: t.footage.grounds[g].label,
          description: t.footage.grounds[g].explain,
        }))}
        value={draft.legalGround}
        onChange={(legalGround) => setDraft({ ...draft, legalGround })}
        error={form.errors.fields[id.legalGround]}
      />
      {police ? (
        <TextField
          id={id.policeReport}
          label={t.footage.policeReport}
          description={t.footage.policeReportHint}
          value={draft.policeReport}
          onChange={(policeReport) => setDraft({ ...draft, policeReport })}
          required
          maxLength={64}
          autoComplete="off"
          error={form.errors.fields[id.policeReport]}
        />
      ) : null}
      <CheckboxGroup
        idPrefix={`${prefix}-purpose`}
        legend={t.footage.purposesLegend}
        options={PURPOSES.map((p) => ({
          value: p,
          label: t.footage.purposes[p].label,
          description: t.footage.purposes[p].explain,
        }))}
        selected={draft.purposes}
        onChange={(purposes) => setDraft({ ...draft, purposes })}
        error={form.errors.fields[id.purposes]}
      />
    </FormSection>
  );
};
