import { SkeletonBlock } from '../components/ui/skeleton';

/** Grey lines where a panel's content will be; says "loading what" once for screen readers. */
export function LoadingLines({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div className="grid gap-2" role="status" aria-busy="true">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, line) => (
        <SkeletonBlock
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity of their own
          key={line}
          className={line === lines - 1 && lines > 1 ? 'h-4 w-3/5' : 'h-4 w-full'}
        />
      ))}
    </div>
  );
}
