import { CheckboxField } from './CheckboxField.js';
import { ChoiceFieldset } from './ChoiceFieldset.js';

export interface CheckboxGroupProps<V extends string> {
  /** Prefix of the checkbox ids: `${idPrefix}-${option.value}`. */
  readonly idPrefix: string;
  readonly legend: string;
  readonly description?: string | undefined;
  readonly options: readonly {
    readonly value: V;
    readonly label: string;
    readonly description?: string;
  }[];
  readonly selected: readonly V[];
  /** The checked values, in the options' order. */
  readonly onChange: (selected: V[]) => void;
  readonly error?: string | undefined;
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
