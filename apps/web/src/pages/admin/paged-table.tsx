import { ChevronsDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Button } from '../../components/ui/button';
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from '../../components/ui/table';
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

/**
 * A server-paginated list that grows with "Show more" (keyset cursors, 20 a page), for the sections
 * whose rows carry their own forms; the sortable, selectable lists use data-table/. The design
 * system's table scrolls inside its own box on a phone, so a wide row never widens the page.
 */
export function PagedTable<T>({ caption, columns, query, row, empty }: PagedTableProps<T>) {
  const { t } = useTranslation('admin');
  if (query.isPending) return <SkeletonText lines={5} label={t('table.loadingOf', { what: caption })} />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <p className="text-muted-foreground text-sm">{empty}</p>;
  return (
    <div className="flex min-w-0 flex-col gap-3 [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top [&_tr]:border-b">
      <StaticTable caption={caption} columns={columns}>
        {items.map(row)}
      </StaticTable>
      {query.hasNextPage && <MoreRows query={query} />}
    </div>
  );
}

/** A table whose rows the caller draws under fixed headings (an empty heading for a button column). */
export function StaticTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <Table>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            // Some columns have no heading (a checkbox, a button); their index keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the column list is fixed for the table's life.
            <TableHead key={`${i}-${c}`} scope="col">
              {c === '' ? null : c}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

/** "Show more": the next server page joins the rows above; busy (and saying so) while it loads. */
function MoreRows({
  query,
}: {
  query: Pick<PagedTableProps<unknown>['query'], 'isFetchingNextPage' | 'fetchNextPage'>;
}) {
  const { t } = useTranslation('admin');
  const loading = query.isFetchingNextPage;
  return (
    <Button
      variant="outline"
      className="self-start"
      aria-busy={loading || undefined}
      disabled={loading}
      onClick={() => query.fetchNextPage()}
    >
      <ChevronsDown aria-hidden="true" />
      {loading ? t('table.loading') : t('table.more')}
    </Button>
  );
}

/** An id's first characters, enough to tell rows apart and to search the logs by. */
export const shortId = (id: string | null) => (id ? `${id.slice(0, 8)}…` : '—');
export const when = (iso: string) => formatDateTime(iso);
