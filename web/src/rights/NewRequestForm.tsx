/**
 * A new resident's request: what they ask and how it came in, how identity was checked (a method
 * and a note; no upload, no copy of a document), the room or site and the time frame (Dutch
 * time), what to recognise them by, and where to send the answer. The server's field errors are
 * shown next to their fields, in words (errors.ts).
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import type { SubjectRequest } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, type FormErrors } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { rightsRefusal } from './errors.js';
import { REQUEST_KINDS, rightsHref } from './paths.js';
import { amsterdamIso, amsterdamLocal } from './time.js';

const CHANNELS = ['desk', 'post', 'email', 'phone', 'web'] as const;
const IDENTITY = ['document-shown', 'digid', 'known-contact', 'signature', 'callback', 'other'] as const;
/** The room select's choice for "the resident named only the site". */
const SITE_ONLY = 'site-only';

/** API field → element id. */
const IDS = {
  kind: 'rr-kind',
  channel: 'rr-channel',
  receivedAt: 'rr-received',
  identityMethod: 'rr-identity',
  identityNote: 'rr-identity-note',
  roomId: 'rr-room',
  siteId: 'rr-site',
  windowFrom: 'rr-from',
  windowTo: 'rr-to',
  recognition: 'rr-recognition',
  requesterName: 'rr-name',
  requesterContact: 'rr-contact',
  language: 'rr-language',
} as const;

export const NewRequestForm = () => {
  const { t } = useI18n();
  const r = t.rights;
  const f = r.form;
  const { navigate } = useRouter();
  const reg = useRegistry();
  const [v, setV] = useState({
    kind: 'access',
    channel: 'desk',
    receivedAt: amsterdamLocal(Date.now()),
    identityMethod: 'document-shown',
    identityNote: '',
    roomId: '',
    siteId: '',
    windowFrom: '',
    windowTo: '',
    recognition: '',
    requesterName: '',
    requesterContact: '',
    language: 'nl',
  });
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const labels = {
    [IDS.kind]: f.kind,
    [IDS.channel]: f.channel,
    [IDS.receivedAt]: f.receivedAt,
    [IDS.identityMethod]: f.identityMethod,
    [IDS.identityNote]: f.identityNote,
    [IDS.roomId]: f.room,
    [IDS.siteId]: f.site,
    [IDS.windowFrom]: f.windowFrom,
    [IDS.windowTo]: f.windowTo,
    [IDS.recognition]: f.recognition,
    [IDS.requesterName]: f.requesterName,
    [IDS.requesterContact]: f.requesterContact,
    [IDS.language]: f.language,
  };
  const form = useFormState(IDS, labels, rightsRefusal(IDS));
  const rooms = reg.registry.rooms;
  const siteOnly = v.roomId === SITE_ONLY;

  const submit = () => {
    const required: FormErrors = requireFields(
      t,
      {
        [IDS.receivedAt]: v.receivedAt,
        [IDS.roomId]: v.roomId,
        [IDS.windowFrom]: v.windowFrom,
        [IDS.windowTo]: v.windowTo,
        [IDS.requesterContact]: v.requesterContact,
        ...(siteOnly ? { [IDS.siteId]: v.siteId } : {}),
      },
      { [IDS.roomId]: f.chooseRoom, [IDS.siteId]: f.chooseRoom },
    );
    let created: SubjectRequest | undefined;
    void form
      .submit(required, async () => {
        created = await api.post<SubjectRequest>('/api/rights/requests', {
          kind: v.kind,
          channel: v.channel,
          receivedAt: amsterdamIso(v.receivedAt),
          identityMethod: v.identityMethod,
          identityNote: v.identityNote.trim() || null,
          ...(siteOnly ? { siteId: v.siteId } : { roomId: v.roomId }),
          windowFrom: amsterdamIso(v.windowFrom),
          windowTo: amsterdamIso(v.windowTo),
          recognition: v.recognition.trim() || null,
          requesterName: v.requesterName.trim() || null,
          requesterContact: v.requesterContact.trim(),
          language: v.language,
        });
      })
      .then((ok) => {
        if (ok && created) navigate(rightsHref({ kind: 'request', id: created.id }), f.saved);
      });
  };

  return (
    <>
      <PageTitle>{f.title}</PageTitle>
      <Paragraph>
        <AppLink href={rightsHref({ kind: 'list' })}>{r.back}</AppLink>
      </Paragraph>
      <Paragraph>{f.intro}</Paragraph>
      <FormSection title={f.request} form={form} onSubmit={submit} submitLabel={f.submit}>
        <SelectField
          id={IDS.kind}
          label={f.kind}
          value={v.kind}
          onChange={set('kind')}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: r.kindLabels[k] ?? k }))}
          error={form.errors.fields[IDS.kind]}
        />
        <SelectField
          id={IDS.channel}
          label={f.channel}
          value={v.channel}
          onChange={set('channel')}
          options={CHANNELS.map((c) => ({ value: c, label: r.channels[c] ?? c }))}
          error={form.errors.fields[IDS.channel]}
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
        <SelectField
          id={IDS.identityMethod}
          label={f.identityMethod}
          value={v.identityMethod}
          onChange={set('identityMethod')}
          options={IDENTITY.map((m) => ({ value: m, label: r.identityMethods[m] ?? m }))}
          error={form.errors.fields[IDS.identityMethod]}
        />
        <TextField
          id={IDS.identityNote}
          label={f.identityNote}
          description={f.identityNoteHint}
          value={v.identityNote}
          onChange={set('identityNote')}
          maxLength={500}
          autoComplete="off"
          error={form.errors.fields[IDS.identityNote]}
        />
        <Paragraph>{f.whereHint}</Paragraph>
        <SelectField
          id={IDS.roomId}
          label={f.room}
          value={v.roomId}
          onChange={set('roomId')}
          placeholder={f.chooseRoomOption}
          options={[
            ...rooms.map((x) => ({ value: x.id, label: reg.registry.roomLabel(x.id) })),
            { value: SITE_ONLY, label: f.roomNone },
          ]}
          error={form.errors.fields[IDS.roomId]}
        />
        {siteOnly ? (
          <SelectField
            id={IDS.siteId}
            label={f.site}
            value={v.siteId}
            onChange={set('siteId')}
            placeholder={f.chooseSite}
            options={reg.registry.sites.map((s) => ({ value: s.id, label: s.name }))}
            error={form.errors.fields[IDS.siteId]}
          />
        ) : null}
        <TextField
          id={IDS.windowFrom}
          label={f.windowFrom}
          type="datetime-local"
          value={v.windowFrom}
          onChange={set('windowFrom')}
          required
          error={form.errors.fields[IDS.windowFrom]}
        />
        <TextField
          id={IDS.windowTo}
          label={f.windowTo}
          type="datetime-local"
          value={v.windowTo}
          onChange={set('windowTo')}
          required
          error={form.errors.fields[IDS.windowTo]}
        />
        <TextAreaField
          id={IDS.recognition}
          label={f.recognition}
          description={f.recognitionHint}
          value={v.recognition}
          onChange={set('recognition')}
          maxLength={1000}
          rows={3}
          error={form.errors.fields[IDS.recognition]}
        />
        <Paragraph>{f.requesterHint}</Paragraph>
        <TextField
          id={IDS.requesterName}
          label={f.requesterName}
          value={v.requesterName}
          onChange={set('requesterName')}
          maxLength={200}
          autoComplete="off"
          error={form.errors.fields[IDS.requesterName]}
        />
        <TextAreaField
          id={IDS.requesterContact}
          label={f.requesterContact}
          value={v.requesterContact}
          onChange={set('requesterContact')}
          required
          maxLength={300}
          rows={2}
          error={form.errors.fields[IDS.requesterContact]}
        />
        <SelectField
          id={IDS.language}
          label={f.language}
          value={v.language}
          onChange={set('language')}
          options={[
            { value: 'nl', label: f.languages.nl ?? 'nl' },
            { value: 'en', label: f.languages.en ?? 'en' },
          ]}
          error={form.errors.fields[IDS.language]}
        />
      </FormSection>
    </>
  );
};
