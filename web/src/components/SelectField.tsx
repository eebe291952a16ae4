import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

export interface SelectFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
}

export const SelectField = ({
  id,
  label,
  value,
  options,
  onChange,
  description,
  error,
}: SelectFieldProps) => {
  const descId = `${id}-description`;
  const errId = `${id}-error`;
  const describedBy = [description ? descId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
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
        <Select
          id={id}
          name={id}
          value={value}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
          invalid={Boolean(error)}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
};
