import type { TSeasonBoardInput, TSeasonBoardOutput } from '@puffy/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { scopeBoard } from '../activity/leaderboard';
import type { Deps } from '../deps';
import { decodeKeys, encodeKeys } from '../platform/cursor';
import { shortWallet } from '../platform/short-wallet';
import { seasonScope } from './points';
import { seasonOut, seasonRow } from './seasons';

const ZPlaceKey = z.tuple([z.number().int().positive()]);

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
  const after = input.cursor === undefined ? null : decodeKeys(ZPlaceKey, input.cursor);
  const [rows, mine] = await Promise.all([
    db
      .select({
        place: ss.place,
        rank: ss.rank,
        points: ss.points,
        userId: ss.userId,
        walletAddress: t.users.walletAddress,
        name: t.users.name,
      })
      .from(ss)
      .innerJoin(t.users, eq(t.users.id, ss.userId))
      .where(and(eq(ss.seasonId, season.id), after ? gt(ss.place, after[0]) : undefined))
      .orderBy(asc(ss.place))
      .limit(input.limit + 1),
    userId === null
      ? Promise.resolve([])
      : db
          .select({ rank: ss.rank, points: ss.points })
          .from(ss)
          .where(and(eq(ss.seasonId, season.id), eq(ss.userId, userId)))
          .limit(1),
  ]);
  const kept = rows.slice(0, input.limit);
  const last = kept.at(-1);
  return {
    season: seasonOut(season),
    items: kept.map((row) => ({
      rank: row.rank,
      points: row.points,
      walletShort: shortWallet(row.walletAddress),
      name: row.name,
      isMe: row.userId === userId,
    })),
    nextCursor: rows.length > input.limit && last ? encodeKeys([last.place]) : null,
    me: userId === null ? null : (mine[0] ?? { rank: null, points: 0 }),
  };
}
