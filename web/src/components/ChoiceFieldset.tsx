import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export interface ChoiceFieldsetProps {
  /** Prefix of the hint's and the error's ids. */
  readonly idPrefix: string;
  readonly legend: string;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
  readonly children: ReactNode;
}

/** A group of checkboxes or radio buttons under one legend; the group's error is read with the legend's hint. */
export const ChoiceFieldset = ({ idPrefix, legend, description, error, children }: ChoiceFieldsetProps) => {
  const descId = `${idPrefix}-description`;
  const errId = `${idPrefix}-error`;
  const describedBy = [description ? descId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset aria-describedby={describedBy} invalid={Boolean(error)} className="pp-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
      {children}
    </Fieldset>
  );
};
