import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/document-title';
import { networkName } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { PagedTable } from './paged-table';

const stateOf = (c: { isReady: boolean; isActive: boolean; archivedAt: string | null }) =>
  c.archivedAt ? 'archived' : !c.isReady ? 'draft' : c.isActive ? 'open' : 'paused';

/** Every campaign an operator can build on, newest first; archived ones behind a toggle. */
export default function CampaignListPage() {
  useDocumentTitle('Campaigns · Admin');
  const [archived, setArchived] = useState(false);
  const [query, setQuery] = useState('');
  const list = trpc.admin.campaigns.list.useInfiniteQuery(
    { archived, query: query.trim() || undefined },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <section className="card">
      <h1>Campaigns</h1>
      <p>
        <Link className="button" to="/admin/campaigns/new">
          New campaign
        </Link>
      </p>
      <label htmlFor="campaign-search">Search by name or slug</label>
      <input id="campaign-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <label>
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Archived
      </label>
      <PagedTable
        caption="Campaigns"
        columns={['Name', 'Network', 'State', 'Eligible', 'Gas fee (SOL)']}
        query={list}
        empty="No campaigns yet."
        row={(c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/admin/campaigns/${c.id}`}>{c.name}</Link>
            </td>
            <td>{networkName(c.network)}</td>
            <td>{stateOf(c)}</td>
            <td>
              {c.eligibleCount}
              {c.limit !== null ? ` / ${c.limit}` : ''}
            </td>
            <td>{c.nftGasFeeSol}</td>
          </tr>
        )}
      />
    </section>
  );
}
