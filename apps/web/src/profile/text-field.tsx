import type { ComponentProps } from 'react';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';

/**
 * A labelled one-line input bound to a string: FormField wires the label and the message (the
 * schema's or the server's) to the input; `onValue` gets the text rather than the event.
 */
export function TextField({
  label,
  error,
  onValue,
  ...input
}: Omit<ComponentProps<typeof Input>, 'onChange'> & {
  label: string;
  error: string | null;
  onValue: (value: string) => void;
}) {
  return (
    <FormField label={label} error={error}>
      <Input {...input} onChange={(event) => onValue(event.target.value)} />
    </FormField>
  );
}
