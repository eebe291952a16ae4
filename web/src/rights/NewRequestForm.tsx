/**
 * A new resident's request: what they ask and how it came in, how identity was checked (a method
 * and a note; no upload, no copy of a document), the room or site and the time frame (Dutch
 * time), what to recognise them by, and where to send the answer. The server's field errors are
 * shown next to their fields, in words (errors.ts).
 */
import { useState } from 'react';
import { api } from '../api.js';
import type { SubjectRequest } from '../api-types.js';
import { requireFields, useFormState, type FormErrors } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { EntryPage, submitThen } from '../registers/entry.js';
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
    submitThen(
      form,
      required,
      () =>
        api.post<SubjectRequest>('/api/rights/requests', {
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
        }),
      (created) => navigate(rightsHref({ kind: 'request', id: created.id }), f.saved),
    );
  };

  return (
    <EntryPage
      title={f.title}
      back={{ href: rightsHref({ kind: 'list' }), label: r.back }}
      intro={f.intro}
      section={f.request}
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
          options: REQUEST_KINDS.map((k) => ({ value: k, label: r.kindLabels[k] ?? k })),
        },
        {
          key: 'channel',
          control: 'select',
          label: f.channel,
          options: CHANNELS.map((c) => ({ value: c, label: r.channels[c] ?? c })),
        },
        {
          key: 'receivedAt',
          control: 'text',
          label: f.receivedAt,
          description: f.receivedAtHint,
          type: 'datetime-local',
          required: true,
        },
        {
          key: 'identityMethod',
          control: 'select',
          label: f.identityMethod,
          options: IDENTITY.map((m) => ({ value: m, label: r.identityMethods[m] ?? m })),
        },
        {
          key: 'identityNote',
          control: 'text',
          label: f.identityNote,
          description: f.identityNoteHint,
          maxLength: 500,
          noAutocomplete: true,
        },
        { note: f.whereHint },
        {
          key: 'roomId',
          control: 'select',
          label: f.room,
          placeholder: f.chooseRoomOption,
          options: [
            ...rooms.map((x) => ({ value: x.id, label: reg.registry.roomLabel(x.id) })),
            { value: SITE_ONLY, label: f.roomNone },
          ],
        },
        siteOnly && {
          key: 'siteId',
          control: 'select',
          label: f.site,
          placeholder: f.chooseSite,
          options: reg.registry.sites.map((s) => ({ value: s.id, label: s.name })),
        },
        { key: 'windowFrom', control: 'text', label: f.windowFrom, type: 'datetime-local', required: true },
        { key: 'windowTo', control: 'text', label: f.windowTo, type: 'datetime-local', required: true },
        {
          key: 'recognition',
          control: 'textarea',
          label: f.recognition,
          description: f.recognitionHint,
          maxLength: 1000,
          rows: 3,
        },
        { note: f.requesterHint },
        {
          key: 'requesterName',
          control: 'text',
          label: f.requesterName,
          maxLength: 200,
          noAutocomplete: true,
        },
        {
          key: 'requesterContact',
          control: 'textarea',
          label: f.requesterContact,
          required: true,
          maxLength: 300,
          rows: 2,
        },
        {
          key: 'language',
          control: 'select',
          label: f.language,
          options: [
            { value: 'nl', label: f.languages.nl ?? 'nl' },
            { value: 'en', label: f.languages.en ?? 'en' },
          ],
        },
      ]}
    />
  );
};
