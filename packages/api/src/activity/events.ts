import type { TActivityKind } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';
import { activitySettings, isRunning } from './catalog';
import { completeActivityOnce } from './completion';
import { campaignScope, lockMemberPoints } from './ledger';

/** Things that happen to a member elsewhere in the product and complete automatic activities. */
export type ActivityEvent = 'signed_in' | 'email_verified' | 'x_linked' | 'discord_linked' | 'referred';

const kindOfEvent: Record<ActivityEvent, TActivityKind> = {
  signed_in: 'sign_in',
  email_verified: 'verify_email',
  x_linked: 'link_x',
  discord_linked: 'link_discord',
  referred: 'refer_friends',
};

export interface RecordedCompletion {
  campaignId: number;
  activityId: number;
  pointsAwarded: number;
}

/**
 * Completes every automatic activity the event satisfies in the campaigns running now, awarding
 * their points once. Safe to call on every occurrence (each sign-in, each referral): repeats award
 * nothing. `tx` is the transaction of the event (`deps.db.withTransaction` when it has none of its
 * own), so the completions commit with it or not at all.
 * `referred` counts the member's referrals against each activity's `quantity`.
 */
export async function recordActivityEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  params: { userId: string; event: ActivityEvent; tx: Database },
): Promise<RecordedCompletion[]> {
  const { t } = deps.db;
  const { tx } = params;
  const candidates = await tx
    .select({
      campaignId: t.campaigns.id,
      isActive: t.campaigns.isActive,
      startAt: t.campaigns.startAt,
      endAt: t.campaigns.endAt,
      activityId: t.activities.id,
      scope: t.activities.scope,
      parameter: t.activities.parameter,
      points: t.campaignActivities.points,
      quantity: t.campaignActivities.quantity,
    })
    .from(t.activities)
    .innerJoin(t.campaignActivities, eq(t.campaignActivities.activityId, t.activities.id))
    .innerJoin(t.campaigns, eq(t.campaigns.id, t.campaignActivities.campaignId))
    .where(
      and(
        eq(t.activities.kind, kindOfEvent[params.event]),
        eq(t.activities.initiatedByUser, false),
        eq(t.campaigns.isReady, true),
        isNull(t.campaigns.archivedAt),
      ),
    );
  const now = deps.clock.now();
  const running = candidates.filter((c) => isRunning(c, now));
  // The member's points lock only when there is something to complete: most events (every sign-in
  // while no campaign runs a sign-in activity) find none, and then cost one read, not a lock too.
  if (running.length === 0) return [];
  await lockMemberPoints(deps, tx, params.userId);
  const done: RecordedCompletion[] = [];
  for (const c of running) {
    if (params.event === 'referred') {
      const referrals = await referralCount(
        deps,
        tx,
        params.userId,
        c.scope === 'global' ? null : c.campaignId,
      );
      if (referrals < c.quantity) continue;
    }
    const outcome = await completeActivityOnce(deps, {
      userId: params.userId,
      activityId: c.activityId,
      activityScope: c.scope,
      campaignId: c.campaignId,
      points: c.points,
      status: 'completed',
      data: { event: params.event },
      grantsProductSku: activitySettings(c.parameter).grantsProductSku ?? null,
    });
    if (outcome.isNew || outcome.pointsAwarded !== 0)
      done.push({
        campaignId: c.campaignId,
        activityId: c.activityId,
        pointsAwarded: outcome.pointsAwarded,
      });
  }
  return done;
}

/** Members the user referred: in one campaign, or anywhere when `campaignId` is null. */
async function referralCount(
  deps: Pick<Deps, 'db'>,
  tx: Database,
  userId: string,
  campaignId: number | null,
): Promise<number> {
  const { t } = deps.db;
  const byReferrer = eq(t.referralRelations.referrerUserId, userId);
  const [row] = await tx
    .select({ n: count() })
    .from(t.referralRelations)
    .where(
      campaignId === null
        ? byReferrer
        : and(byReferrer, eq(t.referralRelations.scopeKey, campaignScope(campaignId))),
    );
  return row?.n ?? 0;
}
