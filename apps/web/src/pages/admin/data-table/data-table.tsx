import {
  type ColumnVisibilityState,
  type RowData,
  type RowSelectionState,
  type SortingState,
  useTable,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from 'lucide-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Select } from '../../../components/ui/select';
import { SkeletonBlock } from '../../../components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { cn } from '../../../lib/cn';
import { RowAction } from '../controls';
import { ColumnChooser } from './column-chooser';
import { type CursorPaging, PAGE_SIZES } from './cursor-paging';
import { type AdminColumn, adminColumns, adminTableFeatures } from './features';

/** A list query's state; its data is one server page, rows and the cursor of the next. */
export interface DataTableQuery<T> {
  data: { items: T[]; nextCursor: string | null } | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface DataTableProps<T extends RowData> {
  /** Names the table for assistive technology and for the column chooser. */
  caption: string;
  columns: AdminColumn<T>[];
  /** The current page exactly as the server answered it (its rows keep their reference). */
  query: DataTableQuery<T>;
  paging: CursorPaging;
  getRowId: (row: T) => string;
  /** Server-side sorting: given, the sortable columns' headers change it and the caller refetches. */
  sorting?: { state: SortingState; onChange: (next: SortingState) => void };
  /** Bulk selection: a checkbox column, and `actions` for the selected ids above the table. */
  selection?: {
    state: RowSelectionState;
    onChange: (next: RowSelectionState) => void;
    actions: (selectedIds: string[]) => ReactNode;
    /** What a row's checkbox is called for assistive technology ("Select order 1a2b…"). */
    rowLabel?: (row: T) => string;
  };
  /** Filters and other controls shown above the table. */
  toolbar?: ReactNode;
  empty: string;
}

const NO_ROWS: never[] = [];
const NO_SORTING: SortingState = [];

const isPhone = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 639px)').matches;

/**
 * The admin list: TanStack Table over one server page at a time, with server-side sorting and paging,
 * column choice (fewer columns at first on a phone) and bulk selection by row id, which survives
 * paging. Markup is the design system's table, which scrolls inside its own box on a narrow screen.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { caption, paging, query, selection, sorting } = props;
  const rows = query.data?.items;
  const nextCursor = query.data?.nextCursor;
  const { t } = useTranslation('admin');
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(() =>
    isPhone()
      ? Object.fromEntries(
          props.columns.filter((c) => c.meta?.hideOnPhone && c.id).map((c) => [c.id as string, false]),
        )
      : {},
  );
  const pageSizeId = useId();
  const selectable = selection !== undefined;
  const rowLabel = selection?.rowLabel;
  const columns = useMemo(
    () =>
      selectable
        ? [selectColumn<T>(t('table.selectAll'), rowLabel ?? (() => t('table.selectRow'))), ...props.columns]
        : props.columns,
    [selectable, rowLabel, props.columns, t],
  );
  const table = useTable({
    features: adminTableFeatures,
    columns,
    data: rows ?? NO_ROWS,
    getRowId: props.getRowId,
    manualSorting: true,
    enableSortingRemoval: false,
    defaultColumn: { enableSorting: false },
    state: {
      sorting: sorting?.state ?? NO_SORTING,
      rowSelection: selection?.state ?? {},
      columnVisibility: visibility,
    },
    onSortingChange: (updater) => {
      if (!sorting) return;
      sorting.onChange(typeof updater === 'function' ? updater(sorting.state) : updater);
      paging.reset();
    },
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      selection.onChange(typeof updater === 'function' ? updater(selection.state) : updater);
    },
    onColumnVisibilityChange: setVisibility,
  });
  const selectedIds = Object.keys(selection?.state ?? {}).filter((id) => selection?.state[id]);

  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="data-table">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex min-w-0 flex-1 flex-wrap items-end gap-3">{props.toolbar}</div>
        <ColumnChooser table={table} label={t('table.columns')} />
      </div>
      {selection && selectedIds.length > 0 && (
        <section
          aria-label={t('table.bulkActions')}
          className="flex flex-wrap items-center gap-3 rounded-lg border border-primary/40 bg-primary/5 p-3"
        >
          <span className="font-medium text-sm" role="status">
            {t('table.selected', { count: selectedIds.length })}
          </span>
          {selection.actions(selectedIds)}
          <Button variant="ghost" size="sm" onClick={() => selection.onChange({})}>
            {t('table.clearSelection')}
          </Button>
        </section>
      )}
      {query.error ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table aria-busy={query.isFetching || undefined}>
          <TableCaption className="sr-only">{caption}</TableCaption>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <TableHead
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                      className={cn(header.column.columnDef.meta?.align === 'end' && 'text-right')}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="-ml-2 h-7 px-2 font-medium text-muted-foreground text-xs uppercase tracking-wide"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          {sorted === 'asc' ? (
                            <ArrowUp aria-hidden="true" className="size-3.5" />
                          ) : sorted === 'desc' ? (
                            <ArrowDown aria-hidden="true" className="size-3.5" />
                          ) : (
                            <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-50" />
                          )}
                        </Button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {query.isPending ? (
              <LoadingRows columns={table.getVisibleLeafColumns().length} label={t('table.loading')} />
            ) : table.getRowModel().rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={table.getVisibleLeafColumns().length} className="py-8 text-center">
                  <span className="text-muted-foreground">{props.empty}</span>
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <TableRow key={row.id} data-state={row.getIsSelected() ? 'selected' : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={cn(cell.column.columnDef.meta?.align === 'end' && 'text-right')}
                    >
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      )}
      <nav
        aria-label={t('table.pages')}
        className="flex flex-wrap items-center justify-between gap-3 text-sm"
      >
        <div className="flex items-center gap-2 whitespace-nowrap text-muted-foreground">
          <label htmlFor={pageSizeId}>{t('table.pageSize')}</label>
          <span className="w-20">
            <Select
              id={pageSizeId}
              className="h-8 py-0"
              value={paging.pageSize}
              onChange={(e) => paging.setPageSize(Number(e.target.value))}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </span>
        </div>
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground">{t('table.page', { page: paging.pageIndex + 1 })}</span>
          <RowAction
            variant="outline"
            icon={ChevronLeft}
            label={t('table.previous')}
            disabled={paging.pageIndex === 0}
            onClick={paging.previous}
          />
          <RowAction
            variant="outline"
            icon={ChevronRight}
            iconAfter
            label={t('table.next')}
            disabled={!nextCursor || query.isFetching}
            onClick={() => paging.next(nextCursor)}
          />
        </div>
      </nav>
    </div>
  );
}

function LoadingRows({ columns, label }: { columns: number; label: string }) {
  return (
    <>
      {[0, 1, 2, 3, 4].map((i) => (
        <TableRow key={i} aria-hidden={i > 0 || undefined}>
          <TableCell colSpan={columns}>
            {i === 0 && <span className="sr-only">{label}</span>}
            <SkeletonBlock className="h-5 w-full" />
          </TableCell>
        </TableRow>
      ))}
    </>
  );
}

/** The bulk-select column: the header selects the page shown, each row itself. */
function selectColumn<T extends RowData>(allLabel: string, rowLabel: (row: T) => string): AdminColumn<T> {
  return adminColumns<T>().display({
    id: 'select',
    meta: { label: allLabel },
    enableHiding: false,
    header: ({ table }) => (
      <Checkbox
        aria-label={allLabel}
        checked={
          table.getIsAllPageRowsSelected()
            ? true
            : table.getIsSomePageRowsSelected()
              ? 'indeterminate'
              : false
        }
        onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={rowLabel(row.original)}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onCheckedChange={(value) => row.toggleSelected(value === true)}
      />
    ),
  });
}
