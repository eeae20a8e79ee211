import { cloneElement, type ReactElement, type ReactNode, useId } from 'react';
import { cn } from '../../lib/cn';
import { Label } from './label';

type ControlProps = {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-errormessage'?: string;
};

/**
 * Label, control, description and error message wired together: the control gets the id, is marked
 * invalid and described by the message, so a screen reader reads the error with the field. A server
 * field error goes in `error` the same way as one found in the browser.
 */
export function FormField({
  label,
  description,
  error,
  children,
  className,
  id: givenId,
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  children: ReactElement<ControlProps>;
  className?: string;
  id?: string;
}) {
  const generated = useId();
  const id = givenId ?? children.props.id ?? generated;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [description ? descriptionId : null, hasError ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div data-slot="form-field" className={cn('grid min-w-0 gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, {
        id,
        'aria-invalid': hasError || undefined,
        'aria-describedby': describedBy || undefined,
        'aria-errormessage': hasError ? errorId : undefined,
      })}
      {description && (
        <p id={descriptionId} className="text-muted-foreground text-xs">
          {description}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="font-medium text-destructive text-xs">
          {error}
        </p>
      )}
    </div>
  );
}
