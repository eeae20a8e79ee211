import type { Database } from '@puffy/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { activitySourceKey } from '../completion';
import { creditPoints, lockMemberPoints } from '../ledger';

/*
 * A checked task the service stops confirming (an undone follow, a deleted post) is revoked: it counts
 * nowhere, and the points it earned are taken back with negative ledger entries, one per campaign
 * that credited it, never by editing the old ones (docs/product/points.md). Verified again, it is
 * reinstated with a fresh credit. Each revocation has its number, so every entry has its own key and a
 * retried job or a second operator changes nothing twice.
 */

type StandingDeps = Pick<Deps, 'db' | 'clock'>;

/** The columns of a completion its standing changes read. */
export const completionColumns = (t: Deps['db']['t']) => ({
  id: t.userActivities.id,
  userId: t.userActivities.userId,
  activityId: t.userActivities.activityId,
  status: t.userActivities.status,
  data: t.userActivities.data,
});

export interface CompletionRow {
  id: string;
  userId: string;
  activityId: number;
  data: Record<string, unknown>;
}

const revocationsOf = (data: Record<string, unknown>) =>
  typeof data.revocations === 'number' ? data.revocations : 0;

/** Revokes a completed task and reverses what it earned; 0 when it was no longer completed. */
export async function revokeCompletion(
  deps: StandingDeps,
  tx: Database,
  row: CompletionRow,
): Promise<number> {
  const { t } = deps.db;
  await lockMemberPoints(deps, tx, row.userId);
  const revocation = revocationsOf(row.data) + 1;
  const changed = await tx
    .update(t.userActivities)
    .set({
      status: 'revoked',
      points: 0,
      data: { ...row.data, revocations: revocation, revokedAt: deps.clock.now().toISOString() },
    })
    .where(and(eq(t.userActivities.id, row.id), eq(t.userActivities.status, 'completed')))
    .returning({ id: t.userActivities.id });
  if (changed.length === 0) return 0;
  const reason = `activity:${row.activityId}`;
  const net = await tx
    .select({ campaignId: t.pointsLedger.campaignId, points: sql<number>`sum(${t.pointsLedger.points})` })
    .from(t.pointsLedger)
    .where(and(eq(t.pointsLedger.userId, row.userId), eq(t.pointsLedger.reason, reason)))
    .groupBy(t.pointsLedger.campaignId);
  let reversed = 0;
  for (const { campaignId, points } of net) {
    const owed = Number(points);
    if (campaignId === null || owed <= 0) continue;
    const credited = await creditPoints(deps, tx, {
      userId: row.userId,
      campaignId,
      points: -owed,
      reason,
      sourceKey: `${activitySourceKey(row.userId, row.activityId, campaignId)}:revoked:${revocation}`,
    });
    if (credited) reversed += owed;
  }
  return reversed;
}

/**
 * A revoked task verified again: completed once more and credited the campaign's points under the
 * revocation's own key. Null when it was not revoked any more (someone else got there first).
 */
export async function reinstateCompletion(
  deps: StandingDeps,
  tx: Database,
  row: CompletionRow,
  award: { campaignId: number; points: number; data: Record<string, unknown> },
): Promise<number | null> {
  const { t } = deps.db;
  await lockMemberPoints(deps, tx, row.userId);
  const now = deps.clock.now();
  const changed = await tx
    .update(t.userActivities)
    .set({
      status: 'completed',
      points: award.points,
      completedAt: now,
      data: { ...row.data, ...award.data, campaignId: award.campaignId },
    })
    .where(and(eq(t.userActivities.id, row.id), eq(t.userActivities.status, 'revoked')))
    .returning({ id: t.userActivities.id });
  if (changed.length === 0) return null;
  if (award.points === 0) return 0;
  const credited = await creditPoints(deps, tx, {
    userId: row.userId,
    campaignId: award.campaignId,
    points: award.points,
    reason: `activity:${row.activityId}`,
    sourceKey: `${activitySourceKey(row.userId, row.activityId, award.campaignId)}:reinstated:${revocationsOf(row.data)}`,
  });
  return credited ? award.points : 0;
}
