import { Layers } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CAMPAIGN_GRID, CampaignCard } from '../../campaigns/campaign-card';
import { LoadingLines } from '../../campaigns/loading-lines';
import { ShowMore } from '../../campaigns/show-more';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { Eyebrow, PageHeader } from '../../components/page-header';
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
      <PageHeader
        eyebrow={<Eyebrow icon={Layers}>{t('group.title')}</Eyebrow>}
        title={first?.name}
        lead={first?.description}
      />
      {campaigns.length === 0 ? (
        <EmptyState boxed testId="group-empty">
          {t('group.empty')}
        </EmptyState>
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
