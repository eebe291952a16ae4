import { Checkbox } from '@utrecht/component-library-react';
import { Field, type FieldProps } from './Field.js';

export interface CheckboxFieldProps extends FieldProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** One checkbox with its label to the right and an optional one-line explanation below. */
export const CheckboxField = ({ checked, onChange, ...field }: CheckboxFieldProps) => (
  <Field {...field} type="checkbox" checked={checked}>
    {(control) => <Checkbox {...control} checked={checked} onChange={(e) => onChange(e.target.checked)} />}
  </Field>
);
