import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import type { ChangeEvent, HTMLInputAutoCompleteAttribute } from 'react';
import { useI18n } from '../i18n/index.js';

export interface TextFieldProps {
  /** Element id of the input; the error summary links here. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
  readonly type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'tel' | 'date' | 'datetime-local';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly required?: boolean;
  readonly maxLength?: number;
}

/** Label, hint, error and input wired together with explicit ids (WCAG 1.3.1, 3.3.1, 3.3.2). */
export const TextField = ({
  id,
  label,
  value,
  onChange,
  description,
  error,
  type = 'text',
  autoComplete,
  required,
  maxLength,
}: TextFieldProps) => {
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
        <Textbox
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
        />
      </div>
    </FormField>
  );
};
