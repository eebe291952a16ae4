import { Select, SelectOption } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';
import { Field, type FieldProps } from './Field.js';

export interface SelectOptionItem<V extends string> {
  readonly value: V;
  readonly label: string;
}

export interface SelectFieldProps<V extends string> extends FieldProps {
  readonly value: V;
  readonly options: readonly SelectOptionItem<V>[];
  /** Called with the chosen option's value, so a select over a union hands back that union. */
  readonly onChange: (value: V) => void;
  /**
   * A first, empty choice ("Kies een ruimte") when nothing may be chosen for the user; the value
   * is then '' until they choose.
   */
  readonly placeholder?: string;
}

export const SelectField = <V extends string>({
  value,
  options,
  onChange,
  placeholder,
  ...field
}: SelectFieldProps<V>) => (
  <Field {...field}>
    {(control) => (
      <Select
        {...control}
        value={value}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {placeholder !== undefined ? (
          <SelectOption value="" disabled>
            {placeholder}
          </SelectOption>
        ) : null}
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    )}
  </Field>
);
