import type { Database } from '@puffy/db';
import { isRunning, visibleCampaign } from '../activity/catalog';
import type { Deps } from '../deps';
import { PreconditionFailed } from '../platform/errors';

/**
 * A campaign's Discord codes work only while it runs, like every other way into a campaign (the
 * eligibility check, activities, claims): an archived or unready one is "not found", an ended, not yet
 * started or paused one says which. Both the bot's code requests and members' redemptions ask here.
 */
export async function requireOpenCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: Database,
  campaignId: number,
): Promise<void> {
  const campaign = await visibleCampaign(deps, q, campaignId);
  const now = deps.clock.now();
  if (isRunning(campaign, now)) return;
  if (campaign.startAt && campaign.startAt > now)
    throw new PreconditionFailed(
      `This campaign starts on ${campaign.startAt.toISOString()}; its Discord codes work from then.`,
      'campaign_not_started',
    );
  if (campaign.endAt && campaign.endAt <= now)
    throw new PreconditionFailed(
      'This campaign has ended; its Discord codes no longer work.',
      'campaign_ended',
    );
  throw new PreconditionFailed(
    'This campaign is paused; its Discord codes do not work right now.',
    'campaign_inactive',
  );
}
