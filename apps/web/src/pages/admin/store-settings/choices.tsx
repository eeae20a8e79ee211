import { Checkbox } from '../../../components/ui/checkbox';
import { Label } from '../../../components/ui/label';

/**
 * A set of checkboxes for choosing some of a fixed list (colorways, flavours, nicotine levels), as a
 * fieldset whose legend names it and whose error is read with it.
 */
export function Choices<T extends string>({
  legend,
  hint,
  options,
  label,
  chosen,
  onChange,
  error,
  idPrefix,
}: {
  legend: string;
  hint?: string;
  options: readonly T[];
  /** An option's name for people. */
  label: (option: T) => string;
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  idPrefix: string;
}) {
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset
      className="grid min-w-0 gap-2"
      aria-invalid={error ? true : undefined}
      aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
    >
      <legend className="mb-1 font-medium text-sm">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-muted-foreground text-xs">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => {
          const id = `${idPrefix}-${option}`;
          return (
            <div key={option} className="flex items-center gap-2">
              <Checkbox
                id={id}
                checked={chosen.includes(option)}
                onCheckedChange={(checked) =>
                  onChange(
                    checked === true
                      ? options.filter((o) => o === option || chosen.includes(o))
                      : chosen.filter((o) => o !== option),
                  )
                }
              />
              <Label htmlFor={id} className="font-normal">
                {label(option)}
              </Label>
            </div>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="font-medium text-destructive text-xs">
          {error}
        </p>
      )}
    </fieldset>
  );
}
