import type { Database } from '@puffy/db';
import { recordActivityEvent } from '../activity/events';
import type { Deps } from '../deps';

/** What linking and verifying accounts tells the rest of the product. */
export type ProfileEvent = 'email_verified' | 'x_linked' | 'discord_linked';

/**
 * The one place profile changes announce themselves: automatic activities (docs/product/points.md: verified
 * email, linked X, linked Discord) are completed by the activity domain, inside the same transaction
 * as the change, so a rolled-back link awards nothing. Returns how many activities it completed, which
 * is what locks an X link ("it earned something").
 */
export async function emitProfileEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  params: { userId: string; event: ProfileEvent; tx: Database },
): Promise<number> {
  const completed = await recordActivityEvent(deps, params);
  return completed.length;
}
