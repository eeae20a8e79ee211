import { CircleAlert, CircleCheck, Loader2, LogIn } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card } from '../../components/ui/card';
import { cn } from '../../lib/cn';

type Tone = 'success' | 'error' | 'waiting' | 'signIn';

const ICON = { success: CircleCheck, error: CircleAlert, waiting: Loader2, signIn: LogIn } as const;
const RING: Record<Tone, string> = {
  success: 'bg-success/12 text-success',
  error: 'bg-destructive/12 text-destructive',
  waiting: 'bg-primary/12 text-primary',
  signIn: 'bg-primary/12 text-primary',
};

/**
 * Where a link from outside (an email, X) lands: one icon, one heading, what happened and what to do
 * next. A failure is an alert, news a status, so a screen reader says it once it changes.
 */
export function Outcome({
  tone,
  title,
  children,
  actions,
  testId,
}: {
  tone: Tone;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  const Icon = ICON[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      className="flex flex-col items-center gap-3 py-4 text-center"
    >
      <span className={cn('grid size-14 place-items-center rounded-full', RING[tone])}>
        <Icon
          className={cn('size-7', tone === 'waiting' && 'animate-spin motion-reduce:animate-none')}
          aria-hidden="true"
        />
      </span>
      <h2 className="font-semibold text-xl">{title}</h2>
      {children && <div className="grid max-w-md gap-2 text-muted-foreground text-sm">{children}</div>}
      {actions && <div className="mt-2 flex flex-wrap items-center justify-center gap-3">{actions}</div>}
    </div>
  );
}

/** The frame of both pages: a page heading and one centred card. */
export function OutcomePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto grid w-full max-w-xl gap-6">
      <h1 className="text-center font-bold text-3xl">{title}</h1>
      <Card as="section" aria-live="polite" aria-label={title} className="sm:p-8">
        {children}
      </Card>
    </div>
  );
}
