import { type TNetwork, ZNetwork } from '@puffy/contracts';
import { useSearchParams } from 'react-router-dom';
import { CAMPAIGN_GRID, CampaignCard } from '../campaigns/campaign-card';
import { MultiCheck } from '../campaigns/multi-check';
import { NETWORK_LABEL } from '../campaigns/words';
import { ErrorMessage } from '../components/error-message';
import { SkeletonCard } from '../components/skeleton';
import { Button } from '../components/ui/button';
import { Select } from '../components/ui/select';
import { cn } from '../lib/cn';
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
      <h1 className="font-bold text-3xl">Campaigns</h1>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="tablist"
          aria-label="Campaign phase"
          className="inline-flex max-w-full items-center gap-1 overflow-x-auto rounded-xl bg-muted p-1"
        >
          {TABS.map((tab) => (
            <button
              key={tab.phase}
              type="button"
              role="tab"
              aria-selected={tab.phase === phase}
              data-slot="tab"
              className={cn(
                'cursor-pointer whitespace-nowrap rounded-lg px-3 py-1.5 font-medium text-muted-foreground text-sm transition-colors hover:text-foreground',
                tab.phase === phase && 'bg-background text-foreground shadow-sm',
              )}
              onClick={() => set({ phase: tab.phase })}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 text-muted-foreground text-sm">
          <label htmlFor="campaign-network">Network</label>
          <Select
            id="campaign-network"
            className="w-44 text-foreground"
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
          </Select>
        </div>
      </div>
      <section
        className="grid gap-4"
        role="tabpanel"
        aria-label={`${TABS.find((t) => t.phase === phase)?.label} campaigns`}
      >
        {list.isPending && <SkeletonCard lines={3} label="Loading campaigns" />}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && campaigns.length === 0 && (
          <div
            className="rounded-xl border border-dashed p-8 text-center text-muted-foreground"
            data-testid="campaigns-empty"
          >
            <p>{network ? `No ${phase} campaign on ${NETWORK_LABEL[network]}.` : EMPTY[phase]}</p>
          </div>
        )}
        {campaigns.length > 0 && (
          <ul className={CAMPAIGN_GRID}>
            {campaigns.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </ul>
        )}
        {phase === 'active' && <MultiCheck campaigns={campaigns} />}
        {list.hasNextPage && (
          <Button
            variant="secondary"
            className="justify-self-center"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
          </Button>
        )}
      </section>
    </>
  );
}
