import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

interface ProgressProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The share done, 0–100. */
  value: number;
}

/**
 * A bar for a known share (0–100); `aria-label` or `aria-labelledby` says of what. The ARIA
 * progressbar Radix's Progress renders, written out: it is on the home page's campaign cards, where
 * Radix's primitive and its context helper cost 1.2 KB gzip of the first-load budget
 * (docs/design-system.md, "First load").
 */
export function Progress({ className, value, ...props }: ProgressProps) {
  const shown = Math.min(100, Math.max(0, value));
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      aria-valuetext={`${Math.round(shown)}%`}
      data-slot="progress"
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-muted', className)}
      {...props}
    >
      <div
        data-slot="progress-indicator"
        className="h-full w-full flex-1 rounded-full bg-primary transition-transform"
        style={{ transform: `translateX(-${100 - shown}%)` }}
      />
    </div>
  );
}
