import { RadioButton } from '@utrecht/component-library-react';
import { ChoiceFieldset, type ChoiceGroupProps } from './ChoiceFieldset.js';
import { Field } from './Field.js';

/** The radio buttons' name is `idPrefix`. */
export interface RadioGroupProps<V extends string> extends ChoiceGroupProps<V> {
  readonly value: V | undefined;
  readonly onChange: (value: V) => void;
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
