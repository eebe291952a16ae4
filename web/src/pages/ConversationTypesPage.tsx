import { Alert, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type ConversationType } from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

interface TypeFormProps {
  readonly type: ConversationType | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

const ConversationTypeForm = ({ type, onDone, onCancel }: TypeFormProps) => {
  const { t } = useI18n();
  const [code, setCode] = useState(type?.code ?? '');
  const [nameNl, setNameNl] = useState(type?.nameNl ?? '');
  const [nameEn, setNameEn] = useState(type?.nameEn ?? '');
  const [sensitive, setSensitive] = useState(type?.sensitive ?? false);
  const form = useFormState(
    {
      code: 'ct-code',
      nameNl: 'ct-name-nl',
      nameEn: 'ct-name-en',
      sensitive: 'ct-sensitive',
    },
    {
      'ct-code': t.conversationTypes.code,
      'ct-name-nl': t.conversationTypes.nameNl,
      'ct-name-en': t.conversationTypes.nameEn,
      'ct-sensitive': t.conversationTypes.sensitiveLabel,
    },
  );
  const required: Record<string, string> = type
    ? { 'ct-name-nl': nameNl, 'ct-name-en': nameEn }
    : { 'ct-code': code, 'ct-name-nl': nameNl, 'ct-name-en': nameEn };
  const save = () =>
    void form
      .submit(requireFields(t, required), async () => {
        const body = { nameNl: nameNl.trim(), nameEn: nameEn.trim(), sensitive };
        if (type) await api.patch<ConversationType>(`/api/conversation-types/${type.id}`, body);
        else await api.post<ConversationType>('/api/conversation-types', { code: code.trim(), ...body });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={type ? t.conversationTypes.formEdit : t.conversationTypes.formNew}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
    >
      {type ? null : (
        <TextField
          id="ct-code"
          label={t.conversationTypes.code}
          description={t.conversationTypes.codeHint}
          value={code}
          onChange={setCode}
          required
          maxLength={48}
          autoComplete="off"
          error={form.errors.fields['ct-code']}
        />
      )}
      <TextField
        id="ct-name-nl"
        label={t.conversationTypes.nameNl}
        value={nameNl}
        onChange={setNameNl}
        required
        maxLength={100}
        error={form.errors.fields['ct-name-nl']}
      />
      <TextField
        id="ct-name-en"
        label={t.conversationTypes.nameEn}
        value={nameEn}
        onChange={setNameEn}
        required
        maxLength={100}
        error={form.errors.fields['ct-name-en']}
      />
      <CheckboxField
        id="ct-sensitive"
        label={t.conversationTypes.sensitiveLabel}
        description={t.conversationTypes.sensitiveExplain}
        checked={sensitive}
        onChange={setSensitive}
        error={form.errors.fields['ct-sensitive']}
      />
    </FormSection>
  );
};

export const ConversationTypesPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const writable = can('registry:write');
  const data = useLoad(() => api.get<ConversationType[]>('/api/conversation-types'), []);
  const editor = useEditor<ConversationType | 'new'>(data.reload);
  const { editing } = editor;
  const types = data.data ?? [];
  const nameOf = (ct: ConversationType) => (lang === 'nl' ? ct.nameNl : ct.nameEn);

  return (
    <ResourcePage
      title={t.conversationTypes.title}
      intro={t.conversationTypes.intro}
      aside={
        <Alert type="info">
          <Paragraph>{t.conversationTypes.sensitiveExplain}</Paragraph>
        </Alert>
      }
      load={data}
      notice={editor.notice}
      add={writable ? { label: t.conversationTypes.add, onClick: () => editor.open('new') } : undefined}
      form={
        writable && editing !== null ? (
          <ConversationTypeForm
            key={editing === 'new' ? 'new' : editing.id}
            type={editing === 'new' ? undefined : editing}
            {...editor.formProps(editing === 'new' ? t.created : t.saved)}
          />
        ) : null
      }
      empty={types.length === 0 ? t.conversationTypes.empty : undefined}
    >
      <ResourceTable
        caption={t.conversationTypes.caption}
        rows={types}
        rowKey={(ct) => ct.id}
        rowHeader={{
          header: lang === 'nl' ? t.conversationTypes.nameNl : t.conversationTypes.nameEn,
          cell: nameOf,
        }}
        columns={[
          { header: t.conversationTypes.code, cell: (ct) => <code className="pp-code">{ct.code}</code> },
          {
            header: t.conversationTypes.sensitive,
            cell: (ct) =>
              ct.sensitive ? (
                <StatusBadge status="warning">{t.conversationTypes.sensitive.toLowerCase()}</StatusBadge>
              ) : (
                t.no
              ),
          },
        ]}
        actions={
          writable ? (ct) => <EditButton name={nameOf(ct)} onClick={() => editor.open(ct)} /> : undefined
        }
      />
    </ResourcePage>
  );
};
