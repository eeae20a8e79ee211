import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

/**
 * What a list says when it has nothing to show: quiet text inside a panel, or (`boxed`) a dashed box
 * standing where a page's grid of items would be.
 */
export function EmptyState({
  children,
  testId,
  boxed = false,
  className,
}: {
  children: ReactNode;
  testId?: string;
  boxed?: boolean;
  className?: string;
}) {
  return (
    <p
      className={cn(
        'text-muted-foreground',
        boxed ? 'rounded-xl border border-dashed p-8 text-center' : 'text-sm',
        className,
      )}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
