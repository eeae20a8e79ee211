import type { TLeaderboardInput, TLeaderboardOutput } from '@puffy/contracts';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { shortWallet } from '../platform/short-wallet';
import { visibleCampaign } from './catalog';
import { campaignScope, GLOBAL_SCOPE, pointsOf } from './ledger';

/**
 * Competition ranks over rows sorted by points, highest first: equal points share a rank, and the
 * next distinct score skips the shared places ("1, 2, 2, 4"). Only valid on a slice that starts at
 * the top.
 */
export function competitionRanks(points: number[]): number[] {
  const ranks: number[] = [];
  points.forEach((p, i) => {
    const previous = ranks[i - 1];
    ranks.push(i > 0 && previous !== undefined && points[i - 1] === p ? previous : i + 1);
  });
  return ranks;
}

/**
 * `campaign.leaderboard`: top N of a campaign (or of everything) from user_points, the aggregate the
 * ledger keeps in the same transaction. Both queries walk the (scope_key, points, user_id) index:
 * the top N is a backward scan of N entries; the caller's rank counts the entries above them.
 * Within a tie the order is by user id, descending, which is the index's own backward order.
 */
export async function leaderboard(
  deps: LeaderboardDeps,
  userId: string | null,
  input: TLeaderboardInput,
): Promise<TLeaderboardOutput> {
  if (input.campaignId !== undefined) await visibleCampaign(deps, input.campaignId);
  const scopeKey = input.campaignId === undefined ? GLOBAL_SCOPE : campaignScope(input.campaignId);
  const { db, t } = deps.db;
  const rows = await db
    .select({
      userId: t.userPoints.userId,
      points: t.userPoints.points,
      walletAddress: t.users.walletAddress,
      name: t.users.name,
    })
    .from(t.userPoints)
    .innerJoin(t.users, eq(t.users.id, t.userPoints.userId))
    .where(and(eq(t.userPoints.scopeKey, scopeKey), gt(t.userPoints.points, 0)))
    .orderBy(desc(t.userPoints.points), desc(t.userPoints.userId))
    .limit(input.limit);
  const ranks = competitionRanks(rows.map((r) => r.points));
  return {
    campaignId: input.campaignId ?? null,
    entries: rows.map((row, i) => ({
      rank: ranks[i] ?? i + 1,
      points: row.points,
      walletShort: shortWallet(row.walletAddress),
      name: row.name,
      isMe: row.userId === userId,
    })),
    me: userId === null ? null : await ownStanding(deps, userId, scopeKey),
  };
}

type LeaderboardDeps = Pick<Deps, 'db'>;

/**
 * One more than the number of members with strictly more points; null without points. The count
 * sums the buckets above the member's total in points_histogram (kept by triggers on user_points),
 * so it reads a few hundred index entries however far down the board the member is, and is exact.
 */
export async function ownStanding(deps: LeaderboardDeps, userId: string, scopeKey: string) {
  const points = await pointsOf(deps, userId, scopeKey);
  if (points <= 0) return { rank: null, points };
  const [above] = await membersAbove(deps, scopeKey, points);
  return { rank: (above?.n ?? 0) + 1, points };
}

/** The rank's statement, exported for its EXPLAIN test (a range of the histogram's primary key). */
export function membersAbove(deps: LeaderboardDeps, scopeKey: string, points: number) {
  const { db, t } = deps.db;
  return db
    .select({ n: sql<number>`coalesce(sum(${t.pointsHistogram.members}), 0)`.mapWith(Number) })
    .from(t.pointsHistogram)
    .where(and(eq(t.pointsHistogram.scopeKey, scopeKey), gt(t.pointsHistogram.points, points)));
}
