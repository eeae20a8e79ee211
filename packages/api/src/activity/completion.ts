import type { TActivityScope } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { PreconditionFailed } from '../platform/errors';
import { activityScopeKey } from './campaign-completions';
import { activitySettings } from './catalog';
import { creditPoints, lockMemberPoints } from './ledger';

export interface ActivityCompletion {
  userId: string;
  activityId: number;
  activityScope: TActivityScope;
  /** The campaign the completion happened in; its campaign_activities row sets the points. */
  campaignId: number;
  points: number;
  status: 'completed' | 'pending_review';
  data: Record<string, unknown>;
  /** rc_products.sku the activity entitles the member to, from the activity's `parameter`. */
  grantsProductSku: string | null;
}

export interface CompletionOutcome {
  /** The member's status on the activity after the call (`revoked`: a checked task its service no longer confirms). */
  status: 'completed' | 'pending_review' | 'rejected' | 'revoked';
  /** False when the activity had already been completed or submitted. */
  isNew: boolean;
  pointsAwarded: number;
}

/** A member's completion of a campaign's activity, as the activity's own settings say (review, product). */
export function memberCompletion(
  userId: string,
  at: { campaignId: number; activityId: number },
  activity: { scope: TActivityScope; points: number; parameter: unknown },
  data: Record<string, unknown>,
): ActivityCompletion {
  const settings = activitySettings(activity.parameter);
  return {
    userId,
    activityId: at.activityId,
    activityScope: activity.scope,
    campaignId: at.campaignId,
    points: activity.points,
    status: settings.review ? 'pending_review' : 'completed',
    data,
    grantsProductSku: settings.grantsProductSku ?? null,
  };
}

/** Refuses a member's new attempt at an activity an operator rejected (or that can no longer be completed). */
export const completionRejected = () =>
  new PreconditionFailed(
    'An operator rejected your earlier submission for this activity; contact support to reopen it.',
    'completion_rejected',
  );

export const activitySourceKey = (userId: string, activityId: number, campaignId: number) =>
  `activity:${activityId}:campaign:${campaignId}:user:${userId}`;

/** The user_activities row that records a completion; a submission for review awards nothing yet. */
function completionRow(completion: ActivityCompletion, scopeKey: string, now: Date) {
  const completed = completion.status === 'completed';
  return {
    id: crypto.randomUUID(),
    userId: completion.userId,
    activityId: completion.activityId,
    campaignId: completion.activityScope === 'global' ? null : completion.campaignId,
    scopeKey,
    status: completion.status,
    points: completed ? completion.points : 0,
    // A reviewer needs the campaign whose points to award, also for global activities.
    data: { ...completion.data, campaignId: completion.campaignId },
    completedAt: completed ? now : null,
    createdAt: now,
  };
}

/**
 * Records a completion and awards its points once per (member, activity, campaign), all in one
 * transaction. A global activity completes once per member, but earns the points of every
 * campaign that lists it: the ledger's source key carries the campaign.
 */
export function completeActivityOnce(
  deps: Pick<Deps, 'db' | 'clock'>,
  completion: ActivityCompletion,
): Promise<CompletionOutcome> {
  return deps.db.withTransaction((tx) => completeActivityIn(deps, tx, completion));
}

/** completeActivityOnce inside the caller's transaction, for a completion that commits with its own rows. */
export async function completeActivityIn(
  deps: Pick<Deps, 'db' | 'clock'>,
  tx: Database,
  completion: ActivityCompletion,
): Promise<CompletionOutcome> {
  const { t } = deps.db;
  await lockMemberPoints(deps, tx, completion.userId);
  const scopeKey = activityScopeKey(completion.activityScope, completion.campaignId);
  const [inserted] = await tx
    .insert(t.userActivities)
    .values(completionRow(completion, scopeKey, deps.clock.now()))
    .onConflictDoNothing()
    .returning({ id: t.userActivities.id });
  const status = inserted ? completion.status : await statusOf(deps, tx, completion, scopeKey);
  if (status !== 'completed') return { status, isNew: Boolean(inserted), pointsAwarded: 0 };
  const credited =
    completion.points !== 0 &&
    (await creditPoints(deps, tx, {
      userId: completion.userId,
      campaignId: completion.campaignId,
      points: completion.points,
      reason: `activity:${completion.activityId}`,
      sourceKey: activitySourceKey(completion.userId, completion.activityId, completion.campaignId),
    }));
  if (inserted && completion.grantsProductSku)
    await grantProduct(deps, tx, completion, completion.grantsProductSku);
  return { status, isNew: Boolean(inserted), pointsAwarded: credited ? completion.points : 0 };
}

async function statusOf(
  deps: Pick<Deps, 'db'>,
  tx: Database,
  completion: ActivityCompletion,
  scopeKey: string,
): Promise<CompletionOutcome['status']> {
  const { t } = deps.db;
  const [row] = await tx
    .select({ status: t.userActivities.status })
    .from(t.userActivities)
    .where(
      and(
        eq(t.userActivities.userId, completion.userId),
        eq(t.userActivities.activityId, completion.activityId),
        eq(t.userActivities.scopeKey, scopeKey),
      ),
    )
    .limit(1);
  if (!row) throw new Error('user_activities conflict without a row');
  return row.status;
}

export async function grantProduct(
  deps: Pick<Deps, 'db' | 'clock'>,
  tx: Database,
  completion: { userId: string },
  sku: string,
): Promise<void> {
  const { t } = deps.db;
  await tx.insert(t.userProducts).values({
    id: crypto.randomUUID(),
    userId: completion.userId,
    productSku: sku,
    source: 'activity',
    createdAt: deps.clock.now(),
  });
}
