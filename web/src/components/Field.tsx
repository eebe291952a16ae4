import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** What every field shows besides its control. */
export interface FieldProps {
  /** Element id of the control; the error summary links here. */
  readonly id: string;
  readonly label: string;
  /** A hint, or a short list (the password rules); read with the control. */
  readonly description?: ReactNode;
  readonly error?: string | undefined;
}

/** What the control carries so that its label, hint and error are read with it. */
export interface ControlProps {
  readonly id: string;
  readonly name: string;
  readonly invalid: boolean;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

export interface FieldFrameProps extends FieldProps {
  /** A checkbox or radio button stands before its label; every other control below its label, hint and error. */
  readonly type?: 'text' | 'checkbox' | 'radio' | undefined;
  /** After the label, e.g. "(niet verplicht)". */
  readonly labelSuffix?: string | undefined;
  /** For a checkbox or radio button: the label shows the state too. */
  readonly checked?: boolean | undefined;
  readonly children: (control: ControlProps) => ReactNode;
}

/**
 * Label, hint, error and control wired together with explicit ids, once for every kind of field
 * (WCAG 1.3.1, 3.3.1, 3.3.2): the hint and the error describe the control, an error marks it invalid.
 */
export const Field = ({
  id,
  label,
  description,
  error,
  type,
  labelSuffix,
  checked,
  children,
}: FieldFrameProps) => {
  const descId = `${id}-description`;
  const errId = `${id}-error`;
  const control: ControlProps = {
    id,
    name: id,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby':
      [description ? descId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined,
  };
  const beside = type === 'checkbox' || type === 'radio';
  const labelBlock = (
    <div className="utrecht-form-field__label">
      {beside ? (
        <FormLabel htmlFor={id} type={type} checked={checked}>
          {label}
        </FormLabel>
      ) : (
        <FormLabel htmlFor={id}>
          {label}
          {labelSuffix ? ` ${labelSuffix}` : ''}
        </FormLabel>
      )}
    </div>
  );
  const messages = (
    <>
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
    </>
  );
  const input = <div className="utrecht-form-field__input">{children(control)}</div>;
  return (
    <FormField invalid={Boolean(error)} type={type}>
      {beside ? (
        <>
          {input}
          {labelBlock}
          {messages}
        </>
      ) : (
        <>
          {labelBlock}
          {messages}
          {input}
        </>
      )}
    </FormField>
  );
};
