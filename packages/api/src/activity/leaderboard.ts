import type { TLeaderboardInput, TLeaderboardOutput, TPageInput } from '@puffy/contracts';
import { and, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { decodeKeys, encodeKeys } from '../platform/cursor';
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

/** A page's last entry: its points and its member, the board's sort keys. */
const ZBoardKey = z.tuple([z.number().int(), z.string().min(1).max(64)]);

/**
 * `campaign.leaderboard`: a campaign's board (or everything's) from user_points, the aggregate the
 * ledger keeps in the same transaction, a page at a time from the top. The page is a backward scan of
 * the (scope_key, points, user_id) index from the cursor's keys; the caller's rank counts the entries
 * above them. Within a tie the order is by user id, descending, which is the index's own backward order.
 */
export async function leaderboard(
  deps: LeaderboardDeps,
  userId: string | null,
  input: TLeaderboardInput,
): Promise<TLeaderboardOutput> {
  if (input.campaignId !== undefined) await visibleCampaign(deps, deps.db.db, input.campaignId);
  const scopeKey = input.campaignId === undefined ? GLOBAL_SCOPE : campaignScope(input.campaignId);
  return { campaignId: input.campaignId ?? null, ...(await scopeBoard(deps, userId, scopeKey, input)) };
}

/** One scope's live board (a campaign, everything, an open season) from user_points, a page at a time. */
export async function scopeBoard(
  deps: LeaderboardDeps,
  userId: string | null,
  scopeKey: string,
  input: TPageInput,
): Promise<Omit<TLeaderboardOutput, 'campaignId'>> {
  const { db, t } = deps.db;
  const up = t.userPoints;
  const after = input.cursor === undefined ? null : decodeKeys(ZBoardKey, input.cursor);
  const rows = await db
    .select({
      userId: up.userId,
      points: up.points,
      walletAddress: t.users.walletAddress,
      name: t.users.name,
    })
    .from(up)
    .innerJoin(t.users, eq(t.users.id, up.userId))
    .where(
      and(
        eq(up.scopeKey, scopeKey),
        gt(up.points, 0),
        after
          ? or(lt(up.points, after[0]), and(eq(up.points, after[0]), lt(up.userId, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(up.points), desc(up.userId))
    .limit(input.limit + 1);
  const kept = rows.slice(0, input.limit);
  const last = kept.at(-1);
  const ranks = await pageRanks(deps, scopeKey, kept, after !== null);
  return {
    items: kept.map((row, i) => ({
      rank: ranks[i] ?? i + 1,
      points: row.points,
      walletShort: shortWallet(row.walletAddress),
      name: row.name,
      isMe: row.userId === userId,
    })),
    nextCursor: rows.length > input.limit && last ? encodeKeys([last.points, last.userId]) : null,
    me: userId === null ? null : await ownStanding(deps, userId, scopeKey),
  };
}

/**
 * Competition ranks of a page's rows. The first page starts at the top; a later one starts where its
 * first row stands: after every member with more points and every one of its tie sorted before it.
 */
async function pageRanks(
  deps: LeaderboardDeps,
  scopeKey: string,
  rows: Array<{ userId: string; points: number }>,
  later: boolean,
): Promise<number[]> {
  const first = rows[0];
  if (!later || !first) return competitionRanks(rows.map((r) => r.points));
  const { db, t } = deps.db;
  const [[above], [tiedBefore]] = await Promise.all([
    membersAbove(deps, scopeKey, first.points),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(t.userPoints)
      .where(
        and(
          eq(t.userPoints.scopeKey, scopeKey),
          eq(t.userPoints.points, first.points),
          gt(t.userPoints.userId, first.userId),
        ),
      ),
  ]);
  const start = (above?.n ?? 0) + (tiedBefore?.n ?? 0);
  const ranks: number[] = [];
  rows.forEach((row, i) => {
    const previous = ranks[i - 1];
    if (i === 0) ranks.push((above?.n ?? 0) + 1);
    else ranks.push(previous !== undefined && rows[i - 1]?.points === row.points ? previous : start + i + 1);
  });
  return ranks;
}

type LeaderboardDeps = Pick<Deps, 'db'>;

/**
 * One more than the number of members with strictly more points; null without points. The count
 * sums the buckets above the member's total in points_histogram (kept by triggers on user_points),
 * so it reads a few hundred index entries however far down the board the member is, and is exact.
 */
export async function ownStanding(deps: LeaderboardDeps, userId: string, scopeKey: string) {
  const points = await pointsOf(deps, deps.db.db, { userId, scopeKey });
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
