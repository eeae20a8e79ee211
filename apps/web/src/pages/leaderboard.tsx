import { Trophy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { BoardTable } from '../campaigns/leaderboard';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { PageHeader } from '../components/page-header';
import { SkeletonText } from '../components/skeleton';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { useDocumentTitle } from '../lib/document-title';
import { formatNumber } from '../lib/format';
import { trpc } from '../lib/trpc';

const PAGE_SIZE = 25;

/** The global board (`campaign.leaderboard` without a campaign): every campaign's points together. */
export default function LeaderboardPage() {
  const { t } = useTranslation('leaderboard');
  useDocumentTitle(t('title'));
  const auth = useAuth();
  const board = trpc.campaign.leaderboard.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const entries = board.data?.pages.flatMap((p) => p.items) ?? [];
  const me = board.data?.pages[0]?.me ?? null;
  return (
    <>
      <PageHeader icon={Trophy} title={t('title')} lead={t('lead')} />
      {board.data && (
        <Alert variant="info" data-testid="my-rank">
          <AlertDescription className="text-foreground">
            {me
              ? me.rank === null
                ? t('noPoints')
                : t('yourRank', { rank: formatNumber(me.rank), points: formatNumber(me.points) })
              : auth.status === 'signedIn'
                ? t('noPoints')
                : t('signIn')}
          </AlertDescription>
        </Alert>
      )}
      <Card className="p-2 sm:p-3">
        {board.isPending && <SkeletonText lines={8} label={t('loading')} />}
        {board.isError && <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />}
        {board.isSuccess && entries.length === 0 && (
          <EmptyState testId="leaderboard-empty" className="p-4 text-base">
            {t('empty')}
          </EmptyState>
        )}
        {entries.length > 0 && <BoardTable entries={entries} youLabel={t('you')} />}
      </Card>
      {board.hasNextPage && (
        <Button
          variant="secondary"
          className="justify-self-center"
          disabled={board.isFetchingNextPage}
          onClick={() => void board.fetchNextPage()}
        >
          {board.isFetchingNextPage ? t('loadingMore') : t('more')}
        </Button>
      )}
    </>
  );
}
