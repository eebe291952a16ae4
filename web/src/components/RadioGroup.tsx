import { RadioButton } from '@utrecht/component-library-react';
import { ChoiceFieldset } from './ChoiceFieldset.js';
import { Field } from './Field.js';

export interface RadioGroupProps<V extends string> {
  /** Prefix of the radio buttons' ids and their name: `${idPrefix}-${option.value}`. */
  readonly idPrefix: string;
  readonly legend: string;
  readonly description?: string | undefined;
  readonly options: readonly {
    readonly value: V;
    readonly label: string;
    readonly description?: string;
  }[];
  readonly value: V | undefined;
  readonly onChange: (value: V) => void;
  readonly error?: string | undefined;
}

/**
 * One choice of several under one legend, each option with its explanation read with it; the
 * group's error is read with the legend's hint (the error summary links to the first option).
 */
export const RadioGroup = <V extends string>({
  idPrefix,
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: RadioGroupProps<V>) => {
  return (
    <ChoiceFieldset idPrefix={idPrefix} legend={legend} description={description} error={error}>
      {options.map((o) => (
        <Field
          key={o.value}
          id={`${idPrefix}-${o.value}`}
          label={o.label}
          description={o.description}
          type="radio"
          checked={value === o.value}
        >
          {(control) => (
            <RadioButton
              {...control}
              name={idPrefix}
              value={o.value}
              checked={value === o.value}
              onChange={(e) => {
                if (e.target.checked) onChange(o.value);
              }}
            />
          )}
        </Field>
      ))}
    </ChoiceFieldset>
  );
};
