import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  type RowData,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What a column tells the admin table beyond TanStack's own definition. */
export interface AdminColumnMeta {
  /** The column's name in the column chooser (its header may be an icon or empty). */
  label?: string;
  /** Hidden at first on a phone; the operator can still turn it on. */
  hideOnPhone?: boolean;
  align?: 'start' | 'end';
}

/**
 * The features every admin list has. Sorting and paging happen on the server (the table only keeps
 * their state), so no client row model is registered: rows are shown in the order the API gave.
 */
export const adminTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<AdminColumnMeta>(),
});
export type AdminTableFeatures = typeof adminTableFeatures;

/** The column helper for a list of `T`, typed against the admin features. */
export const adminColumns = <T extends RowData>() => createColumnHelper<AdminTableFeatures, T>();

// biome-ignore lint/suspicious/noExplicitAny: each column has its own value type; the table takes them all.
export type AdminColumn<T extends RowData> = ColumnDef<AdminTableFeatures, T, any>;

/**
 * A column's id, its heading and its name in the column chooser, which are the same words for most
 * columns: `col.accessor('name', { ...titled('name', t('groups.name')), cell })`. `alwaysShown` keeps
 * it out of the chooser: the column that names the row, or the row's actions.
 */
export const titled = (
  id: string,
  label: string,
  { alwaysShown, ...meta }: Omit<AdminColumnMeta, 'label'> & { alwaysShown?: true } = {},
) => ({
  id,
  header: label,
  meta: { label, ...meta },
  ...(alwaysShown && { enableHiding: false }),
});

/**
 * A list's columns, built once per language (and again when one of `deps` changes): the builder gets
 * the column helper for `T` and the admin catalog's `t`, and returns `col.columns([...])`.
 */
export function useAdminColumns<T extends RowData>(
  build: (col: ReturnType<typeof adminColumns<T>>, t: TFunction<'admin'>) => AdminColumn<T>[],
  deps: readonly unknown[] = [],
): AdminColumn<T>[] {
  const { t } = useTranslation('admin');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `build` is new each render; what it reads beyond `t` is in `deps`.
  return useMemo(() => build(adminColumns<T>(), t), [t, ...deps]);
}
