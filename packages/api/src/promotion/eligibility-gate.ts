import { notCompletedIn, requiredActivitiesOf } from '../activity/campaign-completions';
import type { Deps } from '../deps';
import { findEligibility } from '../eligibility/record';
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
  if (!(await findEligibility(deps, userId, campaignId))) {
    throw new PreconditionFailed(
      'You are not eligible for this campaign yet: check your eligibility first.',
      'not_eligible',
    );
  }
  const { db } = deps.db;
  const required = await requiredActivitiesOf(deps, db, [campaignId]);
  const missing = await notCompletedIn(deps, db, { userId, campaignId, activities: required });
  if (missing.length > 0) {
    const activities = missing.map((r) => r.name).join(', ');
    throw new PreconditionFailed(
      `Complete the required activities first: ${activities}.`,
      'activities_missing',
      {
        activities,
      },
    );
  }
}
