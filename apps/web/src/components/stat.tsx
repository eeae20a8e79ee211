import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

/**
 * One figure in a <dl> of figures: its label above, the value below in even-width digits. `large` for
 * the few figures a page is about (the home page's points and rank).
 */
interface StatProps {
  label: string;
  children: ReactNode;
  testId?: string;
  large?: boolean;
}

export function Stat({ label, children, testId, large = false }: StatProps) {
  return (
    <div className={cn('grid gap-0.5 rounded-lg bg-muted', large ? 'px-4 py-3' : 'px-3 py-2')}>
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className={cn('font-semibold tabular-nums', large && 'text-2xl')} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
