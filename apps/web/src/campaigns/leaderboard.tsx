import type { TLeaderboardEntry } from '@puffy/contracts';
import { Crown, Trophy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { Badge } from '../components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/ui/table';
import { cn } from '../lib/cn';
import { formatNumber } from '../lib/format';
import { trpc } from '../lib/trpc';
import { LoadingLines } from './loading-lines';
import { Panel } from './panel';

const TOP = 10;

/** Ranked rows: the member's own row is marked (aria-current) and tinted; the top three get a crown. */
export function BoardTable({ entries, youLabel }: { entries: TLeaderboardEntry[]; youLabel?: string }) {
  const { t } = useTranslation('campaign');
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-20">{t('board.rank')}</TableHead>
          <TableHead>{t('board.member')}</TableHead>
          <TableHead className="text-right">{t('board.points')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow
            key={`${entry.rank}-${entry.walletShort}`}
            className={cn(entry.isMe && 'bg-primary/10 hover:bg-primary/15')}
            aria-current={entry.isMe ? 'true' : undefined}
          >
            <TableCell className="font-semibold tabular-nums">
              <span className="inline-flex items-center gap-1.5">
                {entry.rank <= 3 && <Crown className="size-4 text-warning" aria-hidden="true" />}#{entry.rank}
              </span>
            </TableCell>
            <TableCell>
              <span className="inline-flex flex-wrap items-center gap-2">
                {entry.name ?? <span className="font-mono text-xs">{entry.walletShort}</span>}
                {entry.isMe && <Badge variant="default">{youLabel ?? t('board.you')}</Badge>}
              </span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(entry.points)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The campaign's top members by points (`campaign.leaderboard`) and the member's own rank. */
export function Leaderboard({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('campaign');
  const auth = useAuth();
  const board = trpc.campaign.leaderboard.useQuery({ campaignId, limit: TOP });
  return (
    <Panel icon={Trophy} title={t('board.title')}>
      {board.isPending && <LoadingLines lines={5} label={t('board.loading')} />}
      {board.isError && <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && (
        <>
          <p data-testid="my-rank" className="text-sm">
            {board.data.me
              ? board.data.me.rank === null
                ? t('board.noPoints')
                : t('board.yourRank', {
                    rank: formatNumber(board.data.me.rank),
                    count: board.data.me.points,
                    points: formatNumber(board.data.me.points),
                  })
              : auth.status === 'signedIn'
                ? null
                : t('board.signIn')}
          </p>
          {board.data.items.length === 0 ? (
            <EmptyState testId="leaderboard-empty">{t('board.empty')}</EmptyState>
          ) : (
            <BoardTable entries={board.data.items} />
          )}
        </>
      )}
    </Panel>
  );
}
