import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';

export interface CheckboxFieldProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
}

/** One checkbox with its label to the right and an optional one-line explanation below. */
export const CheckboxField = ({ id, label, checked, onChange, description, error }: CheckboxFieldProps) => {
  const descId = `${id}-description`;
  const errId = `${id}-error`;
  const describedBy = [description ? descId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField type="checkbox" invalid={Boolean(error)}>
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy}
          invalid={Boolean(error)}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
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
    </FormField>
  );
};
