import { and, eq } from 'drizzle-orm';
import { notCompletedIn, requiredActivitiesOf } from '../activity/campaign-completions';
import type { Deps } from '../deps';
import { PreconditionFailed } from '../platform/errors';

/**
 * Only eligible members may claim: a recorded eligibility for the campaign (written by
 * `campaign.checkEligible`), and every activity the campaign marks required completed. The refusal names
 * what is missing so the SPA can send the member to it.
 */
export async function assertMayClaim(
  deps: Pick<Deps, 'db'>,
  userId: string,
  campaignId: number,
): Promise<void> {
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
  const required = await requiredActivitiesOf(deps, db, [campaignId]);
  const missing = await notCompletedIn(deps, db, { userId, campaignId, activities: required });
  if (missing.length > 0) {
    throw new PreconditionFailed(
      `Complete the required activities first: ${missing.map((r) => r.name).join(', ')}.`,
      'activities_missing',
    );
  }
}
