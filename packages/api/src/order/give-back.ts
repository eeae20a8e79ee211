import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { releasePass } from '../device/passes';
import { releaseFreeDevice } from '../store/whitelist';

/** A cancelled or expired order gives back the pass and the free first device it used. */
export async function giveBack(
  deps: Deps,
  tx: Database,
  order: { id: string; userId: string },
): Promise<void> {
  await releasePass(deps, tx, { orderId: order.id, userId: order.userId });
  await releaseFreeDevice(deps, tx, order.id);
}
