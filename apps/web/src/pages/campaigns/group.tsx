import { Layers } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CAMPAIGN_GRID, CampaignCard } from '../../campaigns/campaign-card';
import { LoadingLines } from '../../campaigns/loading-lines';
import { ShowMore } from '../../campaigns/show-more';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';

const PAGE_SIZE = 12;

/** A campaign group (campaign.group): its name, what it is, and its campaigns. */
export default function CampaignGroupPage() {
  const { t } = useTranslation('campaign');
  const { slug = '' } = useParams();
  const group = trpc.campaign.group.useInfiniteQuery(
    { slug, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.campaigns.nextCursor ?? undefined },
  );
  const first = group.data?.pages[0]?.group;
  useDocumentTitle(first?.name ?? t('group.title'));
  const campaigns = group.data?.pages.flatMap((p) => p.campaigns.items) ?? [];
  if (group.isPending) return <LoadingLines lines={3} label={t('group.loading')} />;
  if (group.isError) return <ErrorMessage error={group.error} onRetry={() => void group.refetch()} />;
  return (
    <>
      <header className="grid gap-2">
        <p className="flex items-center gap-1.5 font-medium text-primary text-xs uppercase tracking-wider">
          <Layers className="size-3.5" aria-hidden="true" />
          {t('group.title')}
        </p>
        <h1 className="font-bold text-3xl">{first?.name}</h1>
        {first?.description && <p className="max-w-2xl text-muted-foreground">{first.description}</p>}
      </header>
      {campaigns.length === 0 ? (
        <p
          className="rounded-xl border border-dashed p-8 text-center text-muted-foreground"
          data-testid="group-empty"
        >
          {t('group.empty')}
        </p>
      ) : (
        <ul className={CAMPAIGN_GRID}>
          {campaigns.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </ul>
      )}
      <ShowMore list={group} label={t('showMore')} loadingLabel={t('loadingMore')} />
    </>
  );
}
