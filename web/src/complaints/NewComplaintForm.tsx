/**
 * A new complaint or regulator inquiry: its kind and where it came from, when it came in (Dutch
 * time), the site or the whole organisation, who sent it (an organisation's name, or a person's
 * name and an address to answer to), the subject, a summary, a reference, and for an inquiry the
 * date the regulator set. The server's field errors are shown next to their fields, in words
 * (errors.ts).
 */
import { useState } from 'react';
import { api } from '../api.js';
import type { Complaint } from '../api-types.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { EntryPage, submitThen } from '../registers/entry.js';
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
    submitThen(
      form,
      required,
      () =>
        api.post<Complaint>('/api/complaints', {
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
        }),
      (created) => navigate(complaintsHref({ kind: 'complaint', id: created.id }), f.saved),
    );
  };

  return (
    <EntryPage
      title={f.title}
      back={{ href: complaintsHref({ kind: 'list' }), label: c.back }}
      intro={f.intro}
      section={f.section}
      submitLabel={f.submit}
      form={form}
      onSubmit={submit}
      ids={IDS}
      values={v}
      onChange={set}
      fields={[
        {
          key: 'kind',
          control: 'select',
          label: f.kind,
          options: COMPLAINT_KINDS.map((k) => ({ value: k, label: c.kinds[k] ?? k })),
        },
        {
          key: 'source',
          control: 'select',
          label: f.source,
          description: f.sourceHint,
          options: COMPLAINT_SOURCES.map((x) => ({ value: x, label: c.sources[x] ?? x })),
        },
        {
          key: 'receivedAt',
          control: 'text',
          label: f.receivedAt,
          description: f.receivedAtHint,
          type: 'datetime-local',
          required: true,
        },
        inquiry && {
          key: 'regulatorDueOn',
          control: 'text',
          label: f.regulatorDueOn,
          description: f.regulatorDueOnHint,
          type: 'date',
          required: true,
        },
        {
          key: 'siteId',
          control: 'select',
          label: f.site,
          description: f.siteHint,
          placeholder: f.chooseSite,
          options: [
            ...reg.registry.sites.map((x) => ({ value: x.id, label: x.name })),
            { value: WHOLE, label: f.wholeOrganisation },
          ],
        },
        {
          key: 'fromName',
          control: 'text',
          label: f.fromName,
          description: f.fromNameHint,
          maxLength: 200,
          noAutocomplete: true,
        },
        {
          key: 'fromContact',
          control: 'textarea',
          label: f.fromContact,
          description: f.fromContactHint,
          maxLength: 300,
          rows: 2,
        },
        {
          key: 'subject',
          control: 'text',
          label: f.subject,
          required: true,
          maxLength: 300,
          noAutocomplete: true,
        },
        { key: 'summary', control: 'textarea', label: f.summary, maxLength: 4000, rows: 4 },
        {
          key: 'reference',
          control: 'text',
          label: f.reference,
          description: f.referenceHint,
          maxLength: 100,
          noAutocomplete: true,
        },
      ]}
    />
  );
};
