import type { Dispatch, SetStateAction } from 'react';
import { FormField } from '../../components/ui/form-field';
import { Input, Textarea } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { Select } from '../../components/ui/select';
import { cn } from '../../lib/cn';

/** One field of a table-driven form: which value it edits and how it is typed. */
export interface FieldRow<K extends string> {
  key: K;
  label: string;
  /** `text` (default), `long` (several lines), `datetime` (datetime-local, UTC), `search` or a number. */
  kind?: 'text' | 'long' | 'datetime' | 'number' | 'search';
  options?: readonly { value: string; label: string }[];
  description?: string;
  /** Spans both columns on a wide screen (long texts, addresses). */
  wide?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** The field's width in a row of filters. */
  className?: string;
}

/**
 * The admin forms' fields from a table of rows: one FormField each, its error beside it, two columns
 * from 640 px (or, as `row`, side by side like a filter bar). Forms differ in their rows and their
 * state, not in how a field is drawn.
 */
export function FieldTable<K extends string, V extends Record<K, string>>({
  idPrefix,
  rows,
  state: [values, setValues],
  problems,
  layout = 'columns',
}: {
  layout?: 'columns' | 'row';
  idPrefix: string;
  rows: readonly FieldRow<K>[];
  /** The form's state and its setter: each field edits its own key. */
  state: readonly [V, Dispatch<SetStateAction<V>>];
  problems?: Partial<Record<string, string>>;
}) {
  return (
    <div className={layout === 'row' ? 'contents' : 'grid items-start gap-4 sm:grid-cols-2'}>
      {rows.map((row) => {
        const common = {
          id: `${idPrefix}-${row.key}`,
          value: values[row.key],
          maxLength: row.maxLength,
          onChange: (e: { target: { value: string } }) =>
            setValues((current) => ({ ...current, [row.key]: e.target.value })),
        };
        return (
          <FormField
            key={row.key}
            label={row.label}
            description={row.description}
            error={announced(problems?.[row.key])}
            className={cn((row.wide || row.kind === 'long') && 'sm:col-span-2', row.className)}
          >
            {row.options ? (
              <Select {...common}>
                {row.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ) : row.kind === 'long' ? (
              <Textarea rows={3} {...common} />
            ) : (
              <Input
                type={row.kind === 'datetime' ? 'datetime-local' : row.kind === 'search' ? 'search' : 'text'}
                placeholder={row.placeholder}
                inputMode={row.kind === 'number' ? 'decimal' : undefined}
                {...common}
              />
            )}
          </FormField>
        );
      })}
    </div>
  );
}

/** A problem found in the browser, announced as it appears (the field also names it as its error). */
export const announced = (problem: string | null | undefined) =>
  problem ? <span role="alert">{problem}</span> : undefined;

/**
 * A checkbox inside a form, with its label. Native: inside a form Radix's checkbox mirrors itself into
 * a hidden input that it measures, which costs a ResizeObserver per box for nothing a form needs.
 */
export function FormCheckbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="flex min-h-10 items-center gap-2">
      <input
        id={props.id}
        type="checkbox"
        className="size-4 shrink-0 accent-primary"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <Label htmlFor={props.id}>{props.label}</Label>
    </div>
  );
}
