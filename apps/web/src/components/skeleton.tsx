import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';
import { Card } from './ui/card';
import { SkeletonBlock } from './ui/skeleton';

/** Announces "Loading" once for the whole placeholder instead of once per grey bar. */
function Loading({
  label,
  className,
  children,
}: {
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={cn('grid gap-2', className)} role="status" aria-busy="true">
      <span className="sr-only">{label ?? t('loading')}</span>
      {children}
    </div>
  );
}

/** Grey lines of text; the last one is shorter, as a paragraph ends. */
function Lines({ count }: { count: number }) {
  return Array.from({ length: count }, (_, line) => (
    <SkeletonBlock
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity of their own
      key={line}
      className={cn('h-4', line === count - 1 && count > 1 ? 'w-3/5' : 'w-full')}
    />
  ));
}

export function SkeletonText({ lines = 3, label }: { lines?: number; label?: string }) {
  return (
    <Loading label={label}>
      <Lines count={lines} />
    </Loading>
  );
}

/** A card with a title bar (`titleWidth`, a Tailwind width) and lines. */
function CardLines({ lines, titleWidth }: { lines: number; titleWidth: string }) {
  return (
    <Card className="gap-2.5">
      <SkeletonBlock className={cn('mb-1 h-6', titleWidth)} />
      <Lines count={lines} />
    </Card>
  );
}

/** Where a whole card is loading. */
export function SkeletonCard({ lines = 3, label }: { lines?: number; label?: string }) {
  return (
    <Loading label={label}>
      <CardLines lines={lines} titleWidth="w-2/5" />
    </Loading>
  );
}

/** The Suspense fallback while a lazily loaded page arrives: a heading bar and two cards. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Loading label={t('loadingPage')} className="gap-5">
      <SkeletonBlock className="h-9 w-1/2" />
      <CardLines lines={2} titleWidth="w-1/3" />
      <CardLines lines={1} titleWidth="w-1/4" />
    </Loading>
  );
}
