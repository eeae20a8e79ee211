import { type Database, lockKey } from '@puffy/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { openSeasonAt, seasonScope } from '../season/points';

/** The user_points scope that sums every campaign: the global leaderboard. */
export const GLOBAL_SCOPE = 'global';

export const campaignScope = (campaignId: number) => String(campaignId);

/**
 * Serializes the point awards of one member (Postgres; SQLite transactions are serial already).
 * Awards touch several user_points rows, the global one included; without this, two awards of one
 * member that reach those rows in different orders could deadlock. Take it before the first write.
 */
export function lockMemberPoints(deps: Pick<Deps, 'db'>, tx: Database, userId: string): Promise<void> {
  return lockKey(deps.db, tx, `points:${userId}`);
}

export interface PointsCredit {
  userId: string;
  campaignId: number;
  /** Signed: a correction is a negative credit, never an edit of an old entry. */
  points: number;
  reason: string;
  /** Names what earned the points; a second credit with the same key changes nothing. */
  sourceKey: string;
}

/**
 * Writes one ledger entry and keeps the leaderboard aggregate (the campaign's, the global and, while a
 * season is open, that season's total) in step, inside the caller's transaction. Returns false when `sourceKey` was already credited:
 * that unique key, not a read before the write, is what makes retries and races award once.
 */
export async function creditPoints(deps: Pick<Deps, 'db' | 'clock'>, tx: Database, credit: PointsCredit) {
  const { t } = deps.db;
  await lockMemberPoints(deps, tx, credit.userId);
  const now = deps.clock.now();
  const scopeKey = campaignScope(credit.campaignId);
  const [entry] = await tx
    .insert(t.pointsLedger)
    .values({
      id: crypto.randomUUID(),
      userId: credit.userId,
      campaignId: credit.campaignId,
      scopeKey,
      points: credit.points,
      reason: credit.reason,
      sourceKey: credit.sourceKey,
      createdAt: now,
    })
    .onConflictDoNothing({ target: t.pointsLedger.sourceKey })
    .returning({ id: t.pointsLedger.id });
  if (!entry) return false;
  const season = await openSeasonAt(deps, tx, now);
  for (const scope of [scopeKey, GLOBAL_SCOPE, ...(season === null ? [] : [seasonScope(season)])]) {
    await tx
      .insert(t.userPoints)
      .values({ userId: credit.userId, scopeKey: scope, points: credit.points, updatedAt: now })
      .onConflictDoUpdate({
        target: [t.userPoints.userId, t.userPoints.scopeKey],
        set: { points: sql`${t.userPoints.points} + ${credit.points}`, updatedAt: now },
      });
  }
  return true;
}

/**
 * A member's points in a scope, from the aggregate (0 when they have none). `q` is the open
 * transaction's handle, or `deps.db.db` outside one.
 */
export async function pointsOf(
  deps: Pick<Deps, 'db'>,
  q: Database,
  member: { userId: string; scopeKey: string },
) {
  const { t } = deps.db;
  const { userId, scopeKey } = member;
  const [row] = await q
    .select({ points: t.userPoints.points })
    .from(t.userPoints)
    .where(and(eq(t.userPoints.userId, userId), eq(t.userPoints.scopeKey, scopeKey)))
    .limit(1);
  return row?.points ?? 0;
}
