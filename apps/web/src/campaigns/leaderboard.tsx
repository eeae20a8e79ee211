import type { TLeaderboardEntry } from '@puffy/contracts';
import { Crown } from 'lucide-react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { Badge } from '../components/ui/badge';
import { Card, CardHeader, CardTitle } from '../components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/ui/table';
import { cn } from '../lib/cn';
import { formatNumber } from '../lib/format';
import { trpc } from '../lib/trpc';

const TOP = 10;

/** Ranked rows: the member's own row is marked (aria-current) and tinted; the top three get a crown. */
export function BoardTable({
  entries,
  youLabel = 'You',
}: {
  entries: TLeaderboardEntry[];
  youLabel?: string;
}) {
  return (
    <Table className="campaign-board">
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="w-20">
            Rank
          </TableHead>
          <TableHead scope="col">Member</TableHead>
          <TableHead scope="col" className="text-right">
            Points
          </TableHead>
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
                {entry.isMe && <Badge variant="default">{youLabel}</Badge>}
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
  const auth = useAuth();
  const board = trpc.campaign.leaderboard.useQuery({ campaignId, limit: TOP });
  return (
    <Card as="section" className="campaign-leaderboard" aria-labelledby="leaderboard-title">
      <CardHeader>
        <CardTitle id="leaderboard-title">Leaderboard</CardTitle>
      </CardHeader>
      {board.isPending && <SkeletonText lines={5} label="Loading the leaderboard" />}
      {board.isError && <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && (
        <>
          <p data-testid="my-rank" className="text-sm">
            {board.data.me
              ? board.data.me.rank === null
                ? 'You have no points yet: complete an activity to get on the board.'
                : `Your rank: #${board.data.me.rank} with ${formatNumber(board.data.me.points)} points.`
              : auth.status === 'signedIn'
                ? null
                : 'Sign in to see your rank.'}
          </p>
          {board.data.items.length === 0 ? (
            <p className="text-muted-foreground text-sm" data-testid="leaderboard-empty">
              No one has points yet. Be the first.
            </p>
          ) : (
            <BoardTable entries={board.data.items} />
          )}
        </>
      )}
    </Card>
  );
}
