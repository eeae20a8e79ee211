import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

/** The small brand-coloured line above a heading that says what kind of page this is. */
export function Eyebrow({
  icon: Icon,
  className,
  children,
}: {
  icon: LucideIcon;
  className?: string;
  children: ReactNode;
}) {
  return (
    <p
      className={cn(
        'flex items-center gap-1.5 font-medium text-primary text-xs uppercase tracking-wider',
        className,
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {children}
    </p>
  );
}

/**
 * A page's own heading: an optional eyebrow, the title (with its icon), a line that says more, and on
 * the right the page's way onward (`action`, e.g. a button to the orders).
 */
export function PageHeader({
  title,
  icon: Icon,
  eyebrow,
  lead,
  action,
}: {
  title: ReactNode;
  icon?: LucideIcon;
  eyebrow?: ReactNode;
  lead?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="grid min-w-0 gap-2">
        {eyebrow}
        <h1 className="flex items-center gap-2 break-words font-bold text-3xl">
          {Icon && <Icon className="size-7 shrink-0 text-primary" aria-hidden="true" />}
          {title}
        </h1>
        {lead && <p className="max-w-2xl text-muted-foreground">{lead}</p>}
      </div>
      {action}
    </header>
  );
}
