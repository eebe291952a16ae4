import { Textbox } from '@utrecht/component-library-react';
import type { ChangeEvent, HTMLInputAutoCompleteAttribute } from 'react';
import { useI18n } from '../i18n/index.js';
import { Field, type FieldProps } from './Field.js';

export interface TextFieldProps extends FieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'tel' | 'date' | 'datetime-local';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly required?: boolean;
  readonly maxLength?: number;
  /** False when the label itself says when the field is needed (e.g. "nodig voor goedkeuring"). */
  readonly markOptional?: boolean;
}

/** A one-line field; an optional one says so after its label. */
export const TextField = ({
  value,
  onChange,
  type = 'text',
  autoComplete,
  required,
  maxLength,
  markOptional = true,
  ...field
}: TextFieldProps) => {
  const { t } = useI18n();
  return (
    <Field {...field} type="text" labelSuffix={required || !markOptional ? undefined : t.optional}>
      {(control) => (
        <Textbox
          {...control}
          type={type}
          value={value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
        />
      )}
    </Field>
  );
};
