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

/** What a group of choices (CheckboxGroup, RadioGroup) is given besides its value. */
export interface ChoiceGroupProps<V extends string> extends Omit<ChoiceFieldsetProps, 'children'> {
  /** Prefix of the controls' ids: `${idPrefix}-${option.value}`. */
  readonly idPrefix: string;
  readonly options: readonly {
    readonly value: V;
    readonly label: string;
    readonly description?: string;
  }[];
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
