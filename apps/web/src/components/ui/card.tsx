import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { slotted } from './slotted';

/** A surface that groups one thing: header (title, description, action), content, footer. */
export function Card({
  className,
  as: Tag = 'div',
  ...props
}: ComponentProps<'div'> & { as?: 'div' | 'section' }) {
  return (
    <Tag
      data-slot="card"
      className={cn(
        'flex min-w-0 flex-col gap-4 rounded-xl border bg-card p-5 text-card-foreground shadow-sm sm:p-6',
        className,
      )}
      {...props}
    />
  );
}

export const CardHeader = slotted('div', 'card-header', 'flex flex-col gap-1.5');

export const CardTitle = slotted('h2', 'card-title', 'font-semibold text-lg leading-tight');

export const CardDescription = slotted('p', 'card-description', 'text-muted-foreground text-sm');

export const CardContent = slotted('div', 'card-content', 'flex min-w-0 flex-col gap-3');

export const CardFooter = slotted('div', 'card-footer', 'flex flex-wrap items-center gap-2');
