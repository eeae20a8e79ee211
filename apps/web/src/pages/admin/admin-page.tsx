import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardDescription, CardHeader } from '../../components/ui/card';
import { useDocumentTitle } from '../../lib/document-title';

/**
 * The frame of an admin section: its heading (also the tab's title, after "Admin"), what it is for,
 * an action beside the heading (create, export), then the section's content, usually a table.
 */
export function AdminPage({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  useDocumentTitle(`${title} · ${t('title')}`);
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h1 className="font-semibold text-2xl">{title}</h1>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {action}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
