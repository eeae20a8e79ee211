import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps';
import { PreconditionFailed } from '../platform/errors';

/**
 * Only eligible members may claim: a recorded eligibility for the campaign (written by
 * `campaign.checkEligible`), and every activity the campaign marks required completed. The refusal names
 * what is missing so the SPA can send the member to it.
 */
export async function assertMayClaim(deps: Deps, userId: string, campaignId: number): Promise<void> {
  const { t, db } = deps.db;
  const [eligible] = await db
    .select({ id: t.userCampaignEligibles.id })
    .from(t.userCampaignEligibles)
    .where(
      and(eq(t.userCampaignEligibles.userId, userId), eq(t.userCampaignEligibles.campaignId, campaignId)),
    )
    .limit(1);
  if (!eligible) {
    throw new PreconditionFailed(
      'You are not eligible for this campaign yet: check your eligibility first.',
      'not_eligible',
    );
  }
  const required = await db
    .select({ activityId: t.campaignActivities.activityId, name: t.activities.name })
    .from(t.campaignActivities)
    .innerJoin(t.activities, eq(t.activities.id, t.campaignActivities.activityId))
    .where(and(eq(t.campaignActivities.campaignId, campaignId), eq(t.campaignActivities.required, true)));
  if (required.length === 0) return;
  const done = await db
    .select({ activityId: t.userActivities.activityId, campaignId: t.userActivities.campaignId })
    .from(t.userActivities)
    .where(
      and(
        eq(t.userActivities.userId, userId),
        eq(t.userActivities.status, 'completed'),
        inArray(
          t.userActivities.activityId,
          required.map((r) => r.activityId),
        ),
      ),
    );
  // A global activity (campaign null) counts for every campaign; a campaign one only for its own.
  const completed = new Set(
    done.filter((d) => d.campaignId === null || d.campaignId === campaignId).map((d) => d.activityId),
  );
  const missing = required.filter((r) => !completed.has(r.activityId)).map((r) => r.name);
  if (missing.length > 0) {
    throw new PreconditionFailed(
      `Complete the required activities first: ${missing.join(', ')}.`,
      'activities_missing',
    );
  }
}
