import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { PagedTable, shortId, when } from './paged-table';

/** Every admin action, newest first, with what it changed; the log cannot be edited by anyone. */
export default function AuditLogPage() {
  const { t } = useTranslation('admin');
  const entries = trpc.admin.auditLog.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <AdminPage title={t('sections.audit')} description={t('audit.description')}>
      <PagedTable
        caption={t('sections.audit')}
        columns={[t('audit.when'), t('audit.who'), t('audit.action'), t('audit.target'), t('audit.change')]}
        query={entries}
        empty={t('audit.empty')}
        row={(e) => (
          <tr key={e.id}>
            <td className="whitespace-nowrap text-sm">{when(e.createdAt)}</td>
            <td className="font-mono text-xs">
              {e.actorUserId ? shortId(e.actorUserId) : t('audit.commandLine')}
            </td>
            <td className="font-mono text-xs">{e.action}</td>
            <td className="text-sm">
              {e.targetType} <span className="font-mono text-xs">{shortId(e.targetId)}</span>
            </td>
            <td className="min-w-48">
              <details>
                <summary className="cursor-pointer text-sm">{t('audit.beforeAfter')}</summary>
                <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all text-xs">
                  {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                </pre>
                {e.requestId && (
                  <p className="text-muted-foreground text-xs">{t('audit.request', { id: e.requestId })}</p>
                )}
              </details>
            </td>
          </tr>
        )}
      />
    </AdminPage>
  );
}
