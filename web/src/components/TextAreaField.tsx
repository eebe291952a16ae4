import { Textarea } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { Field, type FieldProps } from './Field.js';

export interface TextAreaFieldProps extends FieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly rows?: number;
}

/** A multi-line field; an optional one says so after its label. */
export const TextAreaField = ({
  value,
  onChange,
  required,
  maxLength,
  rows = 4,
  ...field
}: TextAreaFieldProps) => {
  const { t } = useI18n();
  return (
    <Field {...field} type="text" labelSuffix={required ? undefined : t.optional}>
      {(control) => (
        <Textarea
          {...control}
          value={value}
          rows={rows}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
          required={required}
          maxLength={maxLength}
        />
      )}
    </Field>
  );
};
