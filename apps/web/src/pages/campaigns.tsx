import { type TNetwork, ZNetwork } from '@puffy/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CAMPAIGN_GRID, CampaignCard } from '../campaigns/campaign-card';
import { LoadingLines } from '../campaigns/loading-lines';
import { MultiCheck } from '../campaigns/multi-check';
import { ShowMore } from '../campaigns/show-more';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { PageHeader } from '../components/page-header';
import { Select } from '../components/ui/select';
import { cn } from '../lib/cn';
import { useDocumentTitle } from '../lib/document-title';
import { networkName } from '../lib/format';
import { trpc } from '../lib/trpc';

const PHASES = ['active', 'upcoming', 'ended'] as const;
type Phase = (typeof PHASES)[number];

const PAGE_SIZE = 12;

/** Tab and network live in the address, so a filtered list can be shared and survives a reload. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const phase: Phase = PHASES.find((p) => p === params.get('phase')) ?? 'active';
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
  const { t } = useTranslation('campaign');
  useDocumentTitle(t('list.title'));
  const { phase, network, set } = useListFilters();
  const list = trpc.campaign.list.useInfiniteQuery(
    { phase, network, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const campaigns = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('list.title')} lead={t('list.lead')} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="tablist"
          aria-label={t('list.phaseLabel')}
          className="inline-flex max-w-full items-center gap-1 overflow-x-auto rounded-xl bg-muted p-1"
        >
          {PHASES.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={tab === phase}
              data-slot="tab"
              className={cn(
                'cursor-pointer whitespace-nowrap rounded-lg px-3 py-1.5 font-medium text-muted-foreground text-sm transition-colors hover:text-foreground',
                tab === phase && 'bg-background text-foreground shadow-sm',
              )}
              onClick={() => set({ phase: tab })}
            >
              {t(`phase.${tab}`)}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 text-muted-foreground text-sm">
          <label htmlFor="campaign-network">{t('list.network')}</label>
          <Select
            id="campaign-network"
            className="w-44 text-foreground"
            value={network ?? ''}
            onChange={(e) => {
              const picked = ZNetwork.safeParse(e.target.value);
              set({ network: picked.success ? picked.data : undefined });
            }}
          >
            <option value="">{t('list.allNetworks')}</option>
            {ZNetwork.options.map((n) => (
              <option key={n} value={n}>
                {networkName(n)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <section className="grid gap-4" role="tabpanel" aria-label={t(`list.panel.${phase}`)}>
        {list.isPending && <LoadingLines lines={3} label={t('list.loading')} />}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && campaigns.length === 0 && (
          <EmptyState boxed testId="campaigns-empty">
            {network
              ? t(`list.emptyOn.${phase}`, { network: networkName(network) })
              : t(`list.empty.${phase}`)}
          </EmptyState>
        )}
        {campaigns.length > 0 && (
          <ul className={CAMPAIGN_GRID}>
            {campaigns.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </ul>
        )}
        {phase === 'active' && <MultiCheck campaigns={campaigns} />}
        <ShowMore list={list} label={t('showMore')} loadingLabel={t('loadingMore')} />
      </section>
    </>
  );
}
