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

/** The catalog blocks of the list sections; each has its `title`, `description`, `caption` and `empty`. */
type ListWords = 'campaignList' | 'groups' | 'orders' | 'reviews';

/**
 * A section that is one server-paged list: the frame, then the data table, then whatever the list
 * opens (a dialog). Its words come from its catalog block; everything else goes to the table.
 */
export function AdminListPage<T extends RowData>({
  words,
  action,
  children,
  ...table
}: Omit<DataTableProps<T>, 'caption' | 'empty'> & {
  words: ListWords;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t(`${words}.title`)} description={t(`${words}.description`)} action={action}>
      <DataTable caption={t(`${words}.caption`)} empty={t(`${words}.empty`)} {...table} />
      {children}
    </AdminPage>
  );
}
