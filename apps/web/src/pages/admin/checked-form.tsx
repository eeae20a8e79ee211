import type { ReactNode } from 'react';
import type { z } from 'zod';
import { checkWith, type FieldErrors } from './store-settings/form-errors';

/**
 * A form that checks what was typed with the schema the server applies before sending it: `read`
 * gathers the input, the problems by field (none once it passes) go to `show`, and only checked input
 * reaches `send`.
 */
export function CheckedForm<T extends z.ZodType>({
  label,
  schema,
  read,
  send,
  show,
  children,
}: {
  label: string;
  schema: T;
  read: () => unknown;
  send: (input: z.output<T>) => void;
  show: (problems: FieldErrors) => void;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={label}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkWith(schema, read());
        show(checked.ok ? {} : checked.errors);
        if (checked.ok) send(checked.data);
      }}
    >
      {children}
    </form>
  );
}
