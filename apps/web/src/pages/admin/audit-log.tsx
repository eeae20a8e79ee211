import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { PagedTable, shortId, when } from './paged-table';

/** Every admin action, newest first, with what it changed; the log cannot be edited by anyone. */
export default function AuditLogPage() {
  useDocumentTitle('Audit log · Admin');
  const entries = trpc.admin.auditLog.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <section className="card">
      <h1>Audit log</h1>
      <PagedTable
        caption="Audit log"
        columns={['When', 'Who', 'Action', 'Target', 'Change']}
        query={entries}
        empty="No admin actions yet."
        row={(e) => (
          <tr key={e.id}>
            <td className="small">{when(e.createdAt)}</td>
            <td className="mono small">{e.actorUserId ? shortId(e.actorUserId) : 'command line'}</td>
            <td>{e.action}</td>
            <td className="small">
              {e.targetType} {shortId(e.targetId)}
            </td>
            <td>
              <details>
                <summary className="small">before → after</summary>
                <pre className="small">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                <p className="small muted">request {e.requestId ?? '—'}</p>
              </details>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
