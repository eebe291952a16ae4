import { CheckboxField } from './CheckboxField.js';
import { ChoiceFieldset, type ChoiceGroupProps } from './ChoiceFieldset.js';

export interface CheckboxGroupProps<V extends string> extends ChoiceGroupProps<V> {
  readonly selected: readonly V[];
  /** The checked values, in the options' order. */
  readonly onChange: (selected: V[]) => void;
}

/** A set of checkboxes under one legend; the group's error is read with the legend's hint. */
export const CheckboxGroup = <V extends string>({
  idPrefix,
  legend,
  description,
  options,
  selected,
  onChange,
  error,
}: CheckboxGroupProps<V>) => {
  const toggle = (value: V, on: boolean) =>
    onChange(
      on
        ? options.map((o) => o.value).filter((v) => v === value || selected.includes(v))
        : selected.filter((v) => v !== value),
    );
  return (
    <ChoiceFieldset idPrefix={idPrefix} legend={legend} description={description} error={error}>
      {options.map((o) => (
        <CheckboxField
          key={o.value}
          id={`${idPrefix}-${o.value}`}
          label={o.label}
          description={o.description}
          checked={selected.includes(o.value)}
          onChange={(on) => toggle(o.value, on)}
        />
      ))}
    </ChoiceFieldset>
  );
};
