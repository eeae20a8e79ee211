import type { Database } from '@puffy/db';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/** A whitelist holder is a member whose promotional (WL) NFT is minted. */
export async function isWhitelistHolder(deps: Deps, userId: string, tx?: Database): Promise<boolean> {
  const { db } = deps;
  const n = db.t.userNfts;
  const [row] = await (tx ?? db.db)
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.userId, userId), eq(n.status, 'minted')))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a whitelist holder's free first device is still unclaimed. Claiming it is a `user_products`
 * row consumed by the order, so a cancelled or expired order can give it back by deleting that row.
 */
export async function freeDeviceAvailable(deps: Deps, userId: string, tx?: Database): Promise<boolean> {
  const { db } = deps;
  const up = db.t.userProducts;
  const [row] = await (tx ?? db.db)
    .select({ n: count() })
    .from(up)
    .where(
      and(
        eq(up.userId, userId),
        eq(up.source, 'wl_nft'),
        isNotNull(up.consumedOrderId),
        isNull(up.revokedAt),
      ),
    );
  return (row?.n ?? 0) === 0;
}

export async function claimFreeDevice(
  deps: Deps,
  tx: Database,
  claim: { userId: string; sku: string; orderId: string },
): Promise<void> {
  await tx.insert(deps.db.t.userProducts).values({
    userId: claim.userId,
    productSku: claim.sku,
    source: 'wl_nft',
    consumedOrderId: claim.orderId,
  });
}

/** Gives back the free device an order claimed; nothing happens when it claimed none. */
export async function releaseFreeDevice(deps: Deps, tx: Database, orderId: string): Promise<void> {
  const up = deps.db.t.userProducts;
  await tx.delete(up).where(and(eq(up.consumedOrderId, orderId), eq(up.source, 'wl_nft')));
}
