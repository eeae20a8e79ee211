import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { formatDateTime } from '../../lib/format';

interface Paged<T> {
  pages: { items: T[] }[];
}

interface PagedTableProps<T> {
  caption: string;
  columns: string[];
  query: {
    data: Paged<T> | undefined;
    error: unknown;
    isPending: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    refetch: () => unknown;
  };
  row: (item: T) => ReactNode;
  empty: string;
}

/** A server-paginated list (keyset cursors, 20 a page) with loading, empty, error and "more" states. */
export function PagedTable<T>({ caption, columns, query, row, empty }: PagedTableProps<T>) {
  if (query.isPending) return <SkeletonText lines={5} label={`Loading ${caption.toLowerCase()}`} />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{items.map(row)}</tbody>
      </table>
      {query.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </>
  );
}

export const shortId = (id: string | null) => (id ? `${id.slice(0, 8)}…` : '—');
export const when = (iso: string) => formatDateTime(iso);
