import { type TNetwork, ZNetwork } from '@puffy/contracts';
import { useSearchParams } from 'react-router-dom';
import { CampaignCard } from '../campaigns/campaign-card';
import { NETWORK_LABEL } from '../campaigns/words';
import { ErrorMessage } from '../components/error-message';
import { SkeletonCard } from '../components/skeleton';
import { useDocumentTitle } from '../lib/document-title';
import { trpc } from '../lib/trpc';

const TABS = [
  { phase: 'active', label: 'Active' },
  { phase: 'upcoming', label: 'Upcoming' },
  { phase: 'ended', label: 'Ended' },
] as const;
type Phase = (typeof TABS)[number]['phase'];

const PAGE_SIZE = 12;

const EMPTY: Record<Phase, string> = {
  active: 'No campaign is running right now. Look at the upcoming ones.',
  upcoming: 'No campaign is announced yet. Check back soon.',
  ended: 'No campaign has ended yet.',
};

/** Tab and network live in the address, so a filtered list can be shared and survives a reload. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const phase: Phase = TABS.find((t) => t.phase === params.get('phase'))?.phase ?? 'active';
  const parsed = ZNetwork.safeParse(params.get('network'));
  const network: TNetwork | undefined = parsed.success ? parsed.data : undefined;
  const set = (next: { phase?: Phase; network?: TNetwork | undefined }) => {
    const merged = { phase, network, ...next };
    const search = new URLSearchParams({ phase: merged.phase });
    if (merged.network) search.set('network', merged.network);
    setParams(search, { replace: true });
  };
  return { phase, network, set };
}

export default function CampaignsPage() {
  useDocumentTitle('Campaigns');
  const { phase, network, set } = useListFilters();
  const list = trpc.campaign.list.useInfiniteQuery(
    { phase, network, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const campaigns = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <h1>Campaigns</h1>
      <div className="campaign-filters">
        <div role="tablist" aria-label="Campaign phase" className="campaign-tabs">
          {TABS.map((tab) => (
            <button
              key={tab.phase}
              type="button"
              role="tab"
              aria-selected={tab.phase === phase}
              className="campaign-tab"
              onClick={() => set({ phase: tab.phase })}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <label className="campaign-network">
          Network{' '}
          <select
            value={network ?? ''}
            onChange={(e) => {
              const picked = ZNetwork.safeParse(e.target.value);
              set({ network: picked.success ? picked.data : undefined });
            }}
          >
            <option value="">All networks</option>
            {ZNetwork.options.map((n) => (
              <option key={n} value={n}>
                {NETWORK_LABEL[n]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section role="tabpanel" aria-label={`${TABS.find((t) => t.phase === phase)?.label} campaigns`}>
        {list.isPending && <SkeletonCard lines={3} label="Loading campaigns" />}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && campaigns.length === 0 && (
          <div className="card campaign-empty" data-testid="campaigns-empty">
            <p>{network ? `No ${phase} campaign on ${NETWORK_LABEL[network]}.` : EMPTY[phase]}</p>
          </div>
        )}
        {campaigns.length > 0 && (
          <ul className="campaign-grid">
            {campaigns.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="campaign-quiet"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
          </button>
        )}
      </section>
    </>
  );
}
