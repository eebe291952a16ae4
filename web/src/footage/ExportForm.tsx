/**
 * The requester's evidence export for the police (issue 10 §4): what the package holds, that it is
 * signed and recorded, how the police verify it; an optional age recipient; one POST whose answer
 * (the ZIP, or .zip.age) is saved as a file. The server checks the grant, the requester and the
 * recipient again.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { postForFile } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { TextField } from '../components/TextField.js';
import { NO_ERRORS, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { footageRefusal } from './errors.js';

export const EXPORT_RECIPIENT_ID = 'export-recipient';

/** An age public key starts with `age1` (the server checks the rest). */
export const looksLikeAgeRecipient = (s: string): boolean => /^age1[0-9a-z]+$/.test(s);

/** Saves bytes as a file the way a download link does. */
export const saveFile = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
};

export const ExportForm = ({
  grantId,
  onDone,
}: {
  readonly grantId: string;
  /** Called with the file name once the package is saved. */
  readonly onDone: (fileName: string) => void;
}) => {
  const { t } = useI18n();
  const f = t.footage;
  const [recipient, setRecipient] = useState('');
  const form = useFormState(
    { recipient: EXPORT_RECIPIENT_ID },
    { [EXPORT_RECIPIENT_ID]: f.exportRecipient },
    footageRefusal({ 'EVIDENCE.RECIPIENT_INVALID': EXPORT_RECIPIENT_ID }),
  );
  const submit = () => {
    const to = recipient.trim();
    const clientErrors =
      to === '' || looksLikeAgeRecipient(to)
        ? NO_ERRORS
        : { summary: undefined, fields: { [EXPORT_RECIPIENT_ID]: f.errors['EVIDENCE.RECIPIENT_INVALID']! } };
    let name = '';
    void form
      .submit(clientErrors, async () => {
        const file = await postForFile(
          `/api/footage/grants/${encodeURIComponent(grantId)}/export`,
          to === '' ? {} : { recipient: to },
        );
        name = file.fileName ?? `bewijsexport-${grantId}.zip`;
        saveFile(file.blob, name);
      })
      .then((ok) => {
        if (ok) onDone(name);
      });
  };
  return (
    <FormSection title={f.exportTitle} form={form} onSubmit={submit} submitLabel={f.exportButton}>
      {f.exportIntro.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      <TextField
        id={EXPORT_RECIPIENT_ID}
        label={f.exportRecipient}
        description={f.exportRecipientHint}
        autoComplete="off"
        value={recipient}
        onChange={setRecipient}
        error={form.errors.fields[EXPORT_RECIPIENT_ID]}
      />
    </FormSection>
  );
};
