/**
 * A new complaint or regulator inquiry: its kind and where it came from, when it came in (Dutch
 * time), the site or the whole organisation, who sent it (an organisation's name, or a person's
 * name and an address to answer to), the subject, a summary, a reference, and for an inquiry the
 * date the regulator set. The server's field errors are shown next to their fields, in words
 * (errors.ts).
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import type { Complaint } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { amsterdamIso, amsterdamLocal } from '../rights/time.js';
import { complaintRefusal } from './errors.js';
import { COMPLAINT_KINDS, COMPLAINT_SOURCES, complaintsHref } from './paths.js';

/** The site select's choice for "the organisation as a whole". */
const WHOLE = 'whole-organisation';

/** API field → element id. */
const IDS = {
  kind: 'cp-kind',
  source: 'cp-source',
  receivedAt: 'cp-received',
  siteId: 'cp-site',
  fromName: 'cp-from-name',
  fromContact: 'cp-from-contact',
  subject: 'cp-subject',
  summary: 'cp-summary',
  reference: 'cp-reference',
  regulatorDueOn: 'cp-due',
} as const;

export const NewComplaintForm = () => {
  const { t } = useI18n();
  const c = t.complaints;
  const f = c.form;
  const { navigate } = useRouter();
  const reg = useRegistry();
  const [v, setV] = useState({
    kind: 'complaint',
    source: 'resident',
    receivedAt: amsterdamLocal(Date.now()),
    siteId: '',
    fromName: '',
    fromContact: '',
    subject: '',
    summary: '',
    reference: '',
    regulatorDueOn: '',
  });
  const set = (k: keyof typeof v) => (x: string) =>
    setV((o) => {
      const next = { ...o, [k]: x };
      // An inquiry comes from the regulator, and the regulator sends inquiries: keep them together.
      if (k === 'kind') next.source = x === 'regulator-inquiry' ? 'regulator' : 'resident';
      if (k === 'source' && x === 'regulator') next.kind = 'regulator-inquiry';
      if (k === 'source' && x !== 'regulator' && o.kind === 'regulator-inquiry') next.kind = 'complaint';
      return next;
    });
  const labels = {
    [IDS.kind]: f.kind,
    [IDS.source]: f.source,
    [IDS.receivedAt]: f.receivedAt,
    [IDS.siteId]: f.site,
    [IDS.fromName]: f.fromName,
    [IDS.fromContact]: f.fromContact,
    [IDS.subject]: f.subject,
    [IDS.summary]: f.summary,
    [IDS.reference]: f.reference,
    [IDS.regulatorDueOn]: f.regulatorDueOn,
  };
  const form = useFormState(IDS, labels, complaintRefusal(IDS));
  const inquiry = v.kind === 'regulator-inquiry';

  const submit = () => {
    const required = requireFields(
      t,
      {
        [IDS.receivedAt]: v.receivedAt,
        [IDS.siteId]: v.siteId,
        [IDS.subject]: v.subject,
        ...(inquiry ? { [IDS.regulatorDueOn]: v.regulatorDueOn } : {}),
      },
      { [IDS.siteId]: f.chooseSite },
    );
    const text = (x: string) => x.trim() || null;
    let created: Complaint | undefined;
    void form
      .submit(required, async () => {
        created = await api.post<Complaint>('/api/complaints', {
          kind: v.kind,
          source: v.source,
          receivedAt: amsterdamIso(v.receivedAt),
          siteId: v.siteId === WHOLE ? null : v.siteId,
          fromName: text(v.fromName),
          fromContact: text(v.fromContact),
          subject: v.subject.trim(),
          summary: text(v.summary),
          reference: text(v.reference),
          regulatorDueOn: inquiry ? v.regulatorDueOn : null,
        });
      })
      .then((ok) => {
        if (ok && created) navigate(complaintsHref({ kind: 'complaint', id: created.id }), f.saved);
      });
  };

  return (
    <>
      <PageTitle>{f.title}</PageTitle>
      <Paragraph>
        <AppLink href={complaintsHref({ kind: 'list' })}>{c.back}</AppLink>
      </Paragraph>
      <Paragraph>{f.intro}</Paragraph>
      <FormSection title={f.section} form={form} onSubmit={submit} submitLabel={f.submit}>
        <SelectField
          id={IDS.kind}
          label={f.kind}
          value={v.kind}
          onChange={set('kind')}
          options={COMPLAINT_KINDS.map((k) => ({ value: k, label: c.kinds[k] ?? k }))}
          error={form.errors.fields[IDS.kind]}
        />
        <SelectField
          id={IDS.source}
          label={f.source}
          description={f.sourceHint}
          value={v.source}
          onChange={set('source')}
          options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: c.sources[s] ?? s }))}
          error={form.errors.fields[IDS.source]}
        />
        <TextField
          id={IDS.receivedAt}
          label={f.receivedAt}
          description={f.receivedAtHint}
          type="datetime-local"
          value={v.receivedAt}
          onChange={set('receivedAt')}
          required
          error={form.errors.fields[IDS.receivedAt]}
        />
        {inquiry ? (
          <TextField
            id={IDS.regulatorDueOn}
            label={f.regulatorDueOn}
            description={f.regulatorDueOnHint}
            type="date"
            value={v.regulatorDueOn}
            onChange={set('regulatorDueOn')}
            required
            error={form.errors.fields[IDS.regulatorDueOn]}
          />
        ) : null}
        <SelectField
          id={IDS.siteId}
          label={f.site}
          description={f.siteHint}
          value={v.siteId}
          onChange={set('siteId')}
          placeholder={f.chooseSite}
          options={[
            ...reg.registry.sites.map((s) => ({ value: s.id, label: s.name })),
            { value: WHOLE, label: f.wholeOrganisation },
          ]}
          error={form.errors.fields[IDS.siteId]}
        />
        <TextField
          id={IDS.fromName}
          label={f.fromName}
          description={f.fromNameHint}
          value={v.fromName}
          onChange={set('fromName')}
          maxLength={200}
          autoComplete="off"
          error={form.errors.fields[IDS.fromName]}
        />
        <TextAreaField
          id={IDS.fromContact}
          label={f.fromContact}
          description={f.fromContactHint}
          value={v.fromContact}
          onChange={set('fromContact')}
          maxLength={300}
          rows={2}
          error={form.errors.fields[IDS.fromContact]}
        />
        <TextField
          id={IDS.subject}
          label={f.subject}
          value={v.subject}
          onChange={set('subject')}
          required
          maxLength={300}
          autoComplete="off"
          error={form.errors.fields[IDS.subject]}
        />
        <TextAreaField
          id={IDS.summary}
          label={f.summary}
          value={v.summary}
          onChange={set('summary')}
          maxLength={4000}
          rows={4}
          error={form.errors.fields[IDS.summary]}
        />
        <TextField
          id={IDS.reference}
          label={f.reference}
          description={f.referenceHint}
          value={v.reference}
          onChange={set('reference')}
          maxLength={100}
          autoComplete="off"
          error={form.errors.fields[IDS.reference]}
        />
      </FormSection>
    </>
  );
};
