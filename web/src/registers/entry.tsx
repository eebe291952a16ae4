/**
 * The parts of a register's forms (a new entry and the steps on one): the fields as data, the
 * page of a new entry, and a submit that hands the server's answer on once it is stored.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import type { FormErrors, FormState } from '../hooks.js';

interface FieldBase<K extends string> {
  /** The value's key, which is the API's field (its element id comes from `ids`). */
  readonly key: K;
  readonly label: string;
  readonly description?: string | undefined;
}

/** One field of a register's form, a line of text between fields, or nothing (`false`, not shown now). */
export type EntryField<K extends string> =
  | (FieldBase<K> & {
      readonly control: 'select';
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly placeholder?: string;
    })
  | (FieldBase<K> & {
      readonly control: 'text' | 'textarea';
      readonly type?: 'date' | 'datetime-local';
      readonly required?: boolean;
      readonly maxLength?: number;
      readonly rows?: number;
      /** Names and references are not the browser's to suggest. */
      readonly noAutocomplete?: boolean;
    })
  | { readonly note: string }
  | false;

export interface EntryFieldsProps<K extends string> {
  readonly fields: readonly EntryField<K>[];
  /** API field → element id. */
  readonly ids: Readonly<Record<K, string>>;
  readonly values: Readonly<Record<K, string>>;
  readonly onChange: (key: K) => (value: string) => void;
  readonly errors: FormErrors;
}

export const EntryFields = <K extends string>({
  fields,
  ids,
  values,
  onChange,
  errors,
}: EntryFieldsProps<K>) =>
  fields.map((f, i) => {
    if (f === false) return null;
    if ('note' in f) return <Paragraph key={`note-${i}`}>{f.note}</Paragraph>;
    const id = ids[f.key];
    const common = {
      id,
      label: f.label,
      description: f.description,
      value: values[f.key],
      onChange: onChange(f.key),
      error: errors.fields[id],
    };
    if (f.control === 'select')
      return <SelectField key={id} {...common} placeholder={f.placeholder} options={f.options} />;
    const text = {
      required: f.required,
      maxLength: f.maxLength,
    };
    return f.control === 'text' ? (
      <TextField
        key={id}
        {...common}
        {...text}
        type={f.type}
        autoComplete={f.noAutocomplete ? 'off' : undefined}
      />
    ) : (
      <TextAreaField key={id} {...common} {...text} rows={f.rows} />
    );
  });

export interface EntryPageProps<K extends string> extends Omit<EntryFieldsProps<K>, 'errors'> {
  readonly title: string;
  readonly back: { readonly href: string; readonly label: string };
  readonly intro: string;
  readonly section: string;
  readonly submitLabel: string;
  readonly form: FormState;
  readonly onSubmit: () => void;
}

/** A new entry's page: its title, the way back to the register, a word on what to note, the form. */
export const EntryPage = <K extends string>({
  title,
  back,
  intro,
  section,
  submitLabel,
  form,
  onSubmit,
  ...fields
}: EntryPageProps<K>) => (
  <>
    <PageTitle>{title}</PageTitle>
    <Paragraph>
      <AppLink href={back.href}>{back.label}</AppLink>
    </Paragraph>
    <Paragraph>{intro}</Paragraph>
    <FormSection title={section} form={form} onSubmit={onSubmit} submitLabel={submitLabel}>
      <EntryFields {...fields} errors={form.errors} />
    </FormSection>
  </>
);

/**
 * Submits a form: the checks found here first, else `send`; once the server stored it, `done`
 * gets its answer (a refusal stays on the form, see useFormState).
 */
export const submitThen = <T,>(
  form: Pick<FormState, 'submit'>,
  checked: FormErrors,
  send: () => Promise<T>,
  done: (answer: T) => void,
): void => {
  let answer: { readonly value: T } | undefined;
  void form
    .submit(checked, async () => {
      answer = { value: await send() };
    })
    .then((ok) => {
      if (ok && answer) done(answer.value);
    });
};

/** One step on an entry: POST `<base>/<id>/<step>`, answering what the server answers. */
export const postStep = <T,>(base: string, id: string, step: string, body: object): Promise<T> =>
  api.post<T>(`${base}/${encodeURIComponent(id)}/${step}`, body);
