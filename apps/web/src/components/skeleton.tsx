import type { CSSProperties } from 'react';

interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  /** `round` for avatars and icons. */
  shape?: 'line' | 'block' | 'round';
}

/** A placeholder block in the shape of what is loading; hidden from screen readers (the wrapper speaks). */
export function Skeleton({ width = '100%', height = '1em', shape = 'line' }: SkeletonProps) {
  return <span className={`skeleton skeleton-${shape}`} style={{ width, height }} aria-hidden="true" />;
}

/** Announces "Loading" once for the whole placeholder instead of once per grey bar. */
function Loading({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className} role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}

export function SkeletonText({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <Loading label={label} className="skeleton-text">
      {Array.from({ length: lines }, (_, line) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity of their own
        <Skeleton key={line} width={line === lines - 1 && lines > 1 ? '60%' : '100%'} />
      ))}
    </Loading>
  );
}

export function SkeletonCard({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <Loading label={label} className="card skeleton-card">
      <Skeleton height="1.5em" width="40%" />
      {Array.from({ length: lines }, (_, line) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity of their own
        <Skeleton key={line} width={line === lines - 1 && lines > 1 ? '60%' : '100%'} />
      ))}
    </Loading>
  );
}

/** The Suspense fallback while a lazily loaded page arrives: a heading bar and two cards. */
export function PageSkeleton() {
  return (
    <Loading label="Loading page" className="page-skeleton">
      <Skeleton height="2.2em" width="50%" />
      <div className="card skeleton-card">
        <Skeleton height="1.5em" width="35%" />
        <Skeleton />
        <Skeleton width="80%" />
      </div>
      <div className="card skeleton-card">
        <Skeleton height="1.5em" width="30%" />
        <Skeleton />
      </div>
    </Loading>
  );
}
