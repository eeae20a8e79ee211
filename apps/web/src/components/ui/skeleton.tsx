import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/** A grey shape where content will be; hidden from screen readers (the wrapper says "Loading"). */
export function SkeletonBlock({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span
      data-slot="skeleton"
      aria-hidden="true"
      className={cn(
        'block animate-shimmer motion-reduce:animate-none rounded-md bg-[linear-gradient(90deg,var(--color-muted)_25%,var(--color-accent)_50%,var(--color-muted)_75%)] bg-size-[200%_100%]',
        className,
      )}
      {...props}
    />
  );
}
