import type { Database } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { NotFound } from '../../platform/errors';
import { findOrThrow } from '../../trpc/first-row';

/**
 * The console's refusal of a campaign id that names nothing, before it changes or lists what hangs
 * off the campaign. `q` is the open transaction's handle, or `deps.db.db` outside one.
 */
export async function assertCampaignExists(
  deps: Pick<Deps, 'db'>,
  q: Database,
  campaignId: number,
): Promise<void> {
  const c = deps.db.t.campaigns;
  await findOrThrow(
    q.select({ id: c.id }).from(c).where(eq(c.id, campaignId)),
    () => new NotFound('No campaign has this id.', 'campaign_not_found'),
  );
}
