import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict, NotFound } from '../platform/errors';
import { activitySettings } from './catalog';
import { activitySourceKey, grantProduct } from './completion';
import { creditPoints, lockMemberPoints } from './ledger';

export interface ActivityReview {
  userActivityId: string;
  approve: boolean;
}

/**
 * An operator's decision on a completion held for review (an X post, when the activity says so).
 * Approval awards the points of the campaign it was submitted in, once, through the ledger like any
 * completion; rejection awards nothing. The admin console mounts this.
 */
export function reviewActivityCompletion(
  deps: Pick<Deps, 'db' | 'clock'>,
  review: ActivityReview,
): Promise<{ status: 'completed' | 'rejected'; pointsAwarded: number }> {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: t.userActivities.userId,
        activityId: t.userActivities.activityId,
        data: t.userActivities.data,
        parameter: t.activities.parameter,
      })
      .from(t.userActivities)
      .innerJoin(t.activities, eq(t.activities.id, t.userActivities.activityId))
      .where(eq(t.userActivities.id, review.userActivityId))
      .limit(1);
    if (!row) throw new NotFound('There is no such activity completion.', 'completion_not_found');
    await lockMemberPoints(deps, tx, row.userId);
    const campaignId = typeof row.data.campaignId === 'number' ? row.data.campaignId : null;
    const [link] =
      campaignId === null
        ? []
        : await tx
            .select({ points: t.campaignActivities.points })
            .from(t.campaignActivities)
            .where(
              and(
                eq(t.campaignActivities.campaignId, campaignId),
                eq(t.campaignActivities.activityId, row.activityId),
              ),
            )
            .limit(1);
    const points = review.approve ? (link?.points ?? 0) : 0;
    const now = deps.clock.now();
    const decided = await tx
      .update(t.userActivities)
      .set(
        review.approve
          ? { status: 'completed', points, completedAt: now }
          : { status: 'rejected', points: 0 },
      )
      .where(
        and(eq(t.userActivities.id, review.userActivityId), eq(t.userActivities.status, 'pending_review')),
      )
      .returning({ id: t.userActivities.id });
    if (decided.length === 0)
      throw new Conflict('This completion has already been reviewed.', 'already_reviewed');
    if (!review.approve) return { status: 'rejected' as const, pointsAwarded: 0 };
    const credited =
      campaignId !== null &&
      points !== 0 &&
      (await creditPoints(deps, tx, {
        userId: row.userId,
        campaignId,
        points,
        reason: `activity:${row.activityId}`,
        sourceKey: activitySourceKey(row.userId, row.activityId, campaignId),
      }));
    const sku = activitySettings(row.parameter).grantsProductSku;
    if (sku) await grantProduct(deps, tx, row, sku);
    return { status: 'completed' as const, pointsAwarded: credited ? points : 0 };
  });
}
