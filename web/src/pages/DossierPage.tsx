/**
 * The regulator dossier (issue 12 §4, docs/dossier.md): what it holds, a period and a language,
 * and one button that saves the ZIP (PDF nl/en + dossier.json). The server checks the period
 * again, audits the export and names a wrong day by its field.
 */
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getForFile, query } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { saveFile } from '../footage/ExportForm.js';
import { NO_ERRORS, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

const FROM_ID = 'dossier-from';
const TO_ID = 'dossier-to';
const LANG_ID = 'dossier-lang';
type LangChoice = 'both' | 'nl' | 'en';

export const DossierPage = () => {
  const { t } = useI18n();
  const d = t.dossier;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [lang, setLang] = useState<LangChoice>('both');
  const [saved, setSaved] = useState<string | undefined>();
  const form = useFormState(
    { from: FROM_ID, to: TO_ID, lang: LANG_ID },
    { [FROM_ID]: d.from, [TO_ID]: d.to },
  );
  const submit = () => {
    const clientErrors =
      from !== '' && to !== '' && from > to
        ? { summary: undefined, fields: { [FROM_ID]: d.fromAfterTo } }
        : NO_ERRORS;
    let name = '';
    setSaved(undefined);
    void form
      .submit(clientErrors, async () => {
        const file = await getForFile(
          `/api/dossier${query({ from: from || undefined, to: to || undefined, lang: lang === 'both' ? undefined : lang })}`,
        );
        name = file.fileName ?? 'dossier.zip';
        saveFile(file.blob, name);
      })
      .then((ok) => {
        if (ok) setSaved(d.done(name));
      });
  };
  return (
    <>
      <PageTitle>{d.title}</PageTitle>
      <Paragraph>{d.intro}</Paragraph>
      <UnorderedList>
        {d.contents.map((c) => (
          <UnorderedListItem key={c}>{c}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Notice text={saved} />
      <FormSection title={d.formTitle} form={form} onSubmit={submit} submitLabel={d.button}>
        <TextField
          id={FROM_ID}
          type="date"
          label={d.from}
          description={d.fromHint}
          value={from}
          onChange={setFrom}
          error={form.errors.fields[FROM_ID]}
        />
        <TextField
          id={TO_ID}
          type="date"
          label={d.to}
          description={d.toHint}
          value={to}
          onChange={setTo}
          error={form.errors.fields[TO_ID]}
        />
        <SelectField
          id={LANG_ID}
          label={d.language}
          value={lang}
          options={(['both', 'nl', 'en'] as const).map((value) => ({ value, label: d.languages[value] }))}
          onChange={setLang}
        />
      </FormSection>
    </>
  );
};
