import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
} from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.js';

export interface TextAreaFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly rows?: number;
}

/** A multi-line field wired like TextField: label, hint and error tied to the textarea. */
export const TextAreaField = ({
  id,
  label,
  value,
  onChange,
  description,
  error,
  required,
  maxLength,
  rows = 4,
}: TextAreaFieldProps) => {
  const { t } = useI18n();
  const descId = `${id}-description`;
  const errId = `${id}-error`;
  const describedBy = [description ? descId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {required ? '' : ` ${t.optional}`}
        </FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={descId} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={id}
          value={value}
          rows={rows}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          required={required}
          maxLength={maxLength}
        />
      </div>
    </FormField>
  );
};
