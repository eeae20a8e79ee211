import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { trpc } from '../lib/trpc';

const TOP = 10;

/** The campaign's top members by points (`campaign.leaderboard`) and the member's own rank. */
export function Leaderboard({ campaignId }: { campaignId: number }) {
  const auth = useAuth();
  const board = trpc.campaign.leaderboard.useQuery({ campaignId, limit: TOP });
  return (
    <section className="card campaign-leaderboard" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">Leaderboard</h2>
      {board.isPending && <SkeletonText lines={5} label="Loading the leaderboard" />}
      {board.isError && <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && (
        <>
          <p data-testid="my-rank">
            {board.data.me
              ? board.data.me.rank === null
                ? 'You have no points yet: complete an activity to get on the board.'
                : `Your rank: #${board.data.me.rank} with ${board.data.me.points} points.`
              : auth.status === 'signedIn'
                ? null
                : 'Sign in to see your rank.'}
          </p>
          {board.data.items.length === 0 ? (
            <p className="muted" data-testid="leaderboard-empty">
              No one has points yet. Be the first.
            </p>
          ) : (
            <table className="table campaign-board">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Member</th>
                  <th scope="col">Points</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((entry) => (
                  <tr
                    key={`${entry.rank}-${entry.walletShort}`}
                    className={entry.isMe ? 'campaign-me' : undefined}
                    aria-current={entry.isMe ? 'true' : undefined}
                  >
                    <td>#{entry.rank}</td>
                    <td>
                      {entry.name ?? <span className="mono">{entry.walletShort}</span>}
                      {entry.isMe && <span className="badge">You</span>}
                    </td>
                    <td>{entry.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
