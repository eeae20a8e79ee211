import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardDescription, CardHeader } from '../../components/ui/card';
import { useDocumentTitle } from '../../lib/document-title';
import { DataTable, type DataTableProps } from './data-table/data-table';

interface FrameProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/**
 * The frame of an admin section: its heading (also the tab's title, after "Admin"), what it is for,
 * an action beside the heading (create, export), then the section's content, usually a table.
 */
export function AdminPage({ title, description, action, children }: FrameProps & { children: ReactNode }) {
  const { t } = useTranslation('admin');
  useDocumentTitle(`${title} · ${t('title')}`);
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h1 className="font-semibold text-2xl [overflow-wrap:anywhere]">{title}</h1>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {action}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * A section that is one server-paged list: the frame, then the data table, then whatever the list
 * opens (a dialog). Everything but the frame's props goes to the table.
 */
export function AdminListPage<T extends RowData>({
  title,
  description,
  action,
  children,
  ...table
}: FrameProps & DataTableProps<T> & { children?: ReactNode }) {
  return (
    <AdminPage title={title} description={description} action={action}>
      <DataTable {...table} />
      {children}
    </AdminPage>
  );
}
