import { type TSecurityEventType, ZSecurityEventType } from '@puffy/contracts';
import { useState } from 'react';
import { z } from 'zod';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { PagedTable, shortId, when } from './paged-table';

const ZEmpty = z.literal('');

/** Failed verifications, replays, refresh-token reuse, sign-outs everywhere and role changes. */
export default function SecurityEventsPage() {
  useDocumentTitle('Security events · Admin');
  const [type, setType] = useState<TSecurityEventType | ''>('');
  const events = trpc.admin.securityEvents.useInfiniteQuery(
    { type: type || undefined, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <section className="card">
      <h1>Security events</h1>
      <label htmlFor="event-type">Kind</label>{' '}
      <select
        id="event-type"
        value={type}
        onChange={(e) => setType(ZSecurityEventType.or(ZEmpty).parse(e.target.value))}
      >
        <option value="">All kinds</option>
        {ZSecurityEventType.options.map((t) => (
          <option key={t} value={t}>
            {t.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <PagedTable
        caption="Security events"
        columns={['When', 'Kind', 'Member', 'Request', 'Detail']}
        query={events}
        empty="Nothing recorded."
        row={(e) => (
          <tr key={e.id}>
            <td className="small">{when(e.createdAt)}</td>
            <td>{e.type.replaceAll('_', ' ')}</td>
            <td className="mono small">{shortId(e.userId)}</td>
            <td className="mono small">
              {shortId(e.requestId)} {e.ip ?? ''}
            </td>
            <td className="small">
              {Object.entries(e.detail)
                .map(([k, v]) => `${k}: ${String(v)}`)
                .join(', ')}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
