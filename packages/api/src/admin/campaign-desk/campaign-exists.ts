import type { Database } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { NotFound } from '../../platform/errors';

/**
 * The console's refusal of a campaign id that names nothing, before it changes or lists what hangs
 * off the campaign. `q` is the open transaction's handle, or `deps.db.db` outside one.
 */
export async function assertCampaignExists(
  deps: Pick<Deps, 'db'>,
  q: Database,
  campaignId: number,
): Promise<void> {
  const { t } = deps.db;
  const [campaign] = await q
    .select({ id: t.campaigns.id })
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId))
    .limit(1);
  if (!campaign) throw new NotFound('No campaign has this id.', 'campaign_not_found');
}
