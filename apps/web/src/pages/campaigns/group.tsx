import { Layers } from 'lucide-react';
import { useParams } from 'react-router-dom';
import { CAMPAIGN_GRID, CampaignCard } from '../../campaigns/campaign-card';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { Button } from '../../components/ui/button';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';

const PAGE_SIZE = 12;

/** A campaign group (campaign.group): its name, what it is, and its campaigns. */
export default function CampaignGroupPage() {
  const { slug = '' } = useParams();
  const group = trpc.campaign.group.useInfiniteQuery(
    { slug, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.campaigns.nextCursor ?? undefined },
  );
  const first = group.data?.pages[0]?.group;
  useDocumentTitle(first?.name ?? 'Campaign group');
  const campaigns = group.data?.pages.flatMap((p) => p.campaigns.items) ?? [];
  if (group.isPending) return <SkeletonCard lines={3} label="Loading the campaign group" />;
  if (group.isError) return <ErrorMessage error={group.error} onRetry={() => void group.refetch()} />;
  return (
    <>
      <header className="grid gap-2">
        <p className="flex items-center gap-1.5 font-medium text-primary text-xs uppercase tracking-wider">
          <Layers className="size-3.5" aria-hidden="true" />
          Campaign group
        </p>
        <h1 className="font-bold text-3xl">{first?.name}</h1>
        {first?.description && <p className="max-w-2xl text-muted-foreground">{first.description}</p>}
      </header>
      {campaigns.length === 0 ? (
        <p
          className="rounded-xl border border-dashed p-8 text-center text-muted-foreground"
          data-testid="group-empty"
        >
          This group has no campaign yet.
        </p>
      ) : (
        <ul className={CAMPAIGN_GRID}>
          {campaigns.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </ul>
      )}
      {group.hasNextPage && (
        <Button
          variant="secondary"
          className="justify-self-center"
          disabled={group.isFetchingNextPage}
          onClick={() => void group.fetchNextPage()}
        >
          {group.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </Button>
      )}
    </>
  );
}
