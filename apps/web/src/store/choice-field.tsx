import { FormField } from '../components/ui/form-field';
import { Select } from '../components/ui/select';

/**
 * One labelled picker over a fixed list (the catalog's choices, the member's rules, the running
 * campaigns): a native select, so phones show their own picker.
 */
export function ChoiceField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <FormField label={label}>
      <Select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
