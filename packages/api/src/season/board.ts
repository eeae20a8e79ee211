import type { TSeasonBoardInput, TSeasonBoardOutput } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import { scopeBoard } from '../activity/leaderboard';
import type { Deps } from '../deps';
import { shortWallet } from '../platform/short-wallet';
import { seasonScope } from './points';
import { frozenPage, seasonOut, seasonRow } from './seasons';

/**
 * `season.leaderboard`: an open season's live board (its totals in user_points, the same board as
 * the all-time one), or, once closed, its frozen standings in the order prizes go by.
 */
export async function seasonBoard(
  deps: Pick<Deps, 'db'>,
  userId: string | null,
  input: TSeasonBoardInput,
): Promise<TSeasonBoardOutput> {
  const season = await seasonRow(deps, deps.db.db, input.seasonId);
  if (season.status === 'open')
    return { season: seasonOut(season), ...(await scopeBoard(deps, userId, seasonScope(season.id), input)) };
  const { db, t } = deps.db;
  const ss = t.seasonStandings;
  const [page, mine] = await Promise.all([
    frozenPage(deps, season.id, input),
    userId === null
      ? Promise.resolve([])
      : db
          .select({ rank: ss.rank, points: ss.points })
          .from(ss)
          .where(and(eq(ss.seasonId, season.id), eq(ss.userId, userId)))
          .limit(1),
  ]);
  return {
    season: seasonOut(season),
    items: page.rows.map((row) => ({
      rank: row.rank,
      points: row.points,
      walletShort: shortWallet(row.walletAddress),
      name: row.name,
      isMe: row.userId === userId,
    })),
    nextCursor: page.nextCursor,
    me: userId === null ? null : (mine[0] ?? { rank: null, points: 0 }),
  };
}
