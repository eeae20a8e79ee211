import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { type AuditActor, recordAudit } from '../platform/audit';
import { Conflict, NotFound } from '../platform/errors';
import { activitySettings } from './catalog';
import { activitySourceKey, grantProduct } from './completion';
import { creditPoints, lockMemberPoints } from './ledger';

export interface ActivityReview {
  userActivityId: string;
  approve: boolean;
  /** Why: required of a rejection by the console's input, kept in the audit entry. */
  reason?: string;
}

/** A call from code rather than the console (tests, scripts): audited without an operator. */
const NO_OPERATOR: AuditActor = { userId: null, requestId: null };

/**
 * An operator's decision on a completion held for review (an X post, when the activity says so).
 * Approval awards the points of the campaign it was submitted in, once, through the ledger like any
 * completion; rejection awards nothing and changes nothing else. The decision and its reason go to
 * the audit log in the same transaction (docs/product/admin.md, "Reviewing activities").
 */
export function reviewActivityCompletion(
  deps: Pick<Deps, 'db' | 'clock'>,
  review: ActivityReview,
  actor: AuditActor = NO_OPERATOR,
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
    const audit = (status: 'completed' | 'rejected', pointsAwarded: number) =>
      recordAudit(deps, tx, actor, {
        action: review.approve ? 'activity.approved' : 'activity.rejected',
        targetType: 'user_activity',
        targetId: review.userActivityId,
        before: { status: 'pending_review', userId: row.userId, activityId: row.activityId, campaignId },
        after: { status, pointsAwarded, reason: review.reason ?? null },
      });
    if (!review.approve) {
      await audit('rejected', 0);
      return { status: 'rejected' as const, pointsAwarded: 0 };
    }
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
    const pointsAwarded = credited ? points : 0;
    await audit('completed', pointsAwarded);
    return { status: 'completed' as const, pointsAwarded };
  });
}
