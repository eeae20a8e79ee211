import { type Database, lockKey } from '@puffy/db';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * A whitelist holder is a member whose promotional (WL) NFT is minted. `q` is the open transaction's
 * handle, or `deps.db.db` outside one.
 */
export async function isWhitelistHolder(deps: Deps, q: Database, userId: string): Promise<boolean> {
  const n = deps.db.t.userNfts;
  const [row] = await q
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.userId, userId), eq(n.status, 'minted')))
    .limit(1);
  return row !== undefined;
}

/**
 * The whitelist NFT gives one free device in total (docs/product/store-rules.md), taken one of two
 * ways: as the free first device of an order (a `user_products` row of source `wl_nft` consumed by
 * that order) or as the transferable device pass it lets the member issue (a `device_passes` row of
 * source `wl_nft`, whatever became of it since). Either way taken, the other is gone.
 */
export interface WhitelistBenefit {
  holder: boolean;
  /** An order of the member's took the free first device (given back if that order is cancelled). */
  freeDeviceClaimed: boolean;
  /** The member issued the NFT's device pass. */
  passIssued: boolean;
  /** Neither yet: the member may still take the free device one way or the other. */
  available: boolean;
}

export async function whitelistBenefit(deps: Deps, q: Database, userId: string): Promise<WhitelistBenefit> {
  const up = deps.db.t.userProducts;
  const d = deps.db.t.devicePasses;
  const [holder, [claimed], [issued]] = await Promise.all([
    isWhitelistHolder(deps, q, userId),
    q
      .select({ n: count() })
      .from(up)
      .where(
        and(
          eq(up.userId, userId),
          eq(up.source, 'wl_nft'),
          isNotNull(up.consumedOrderId),
          isNull(up.revokedAt),
        ),
      ),
    q
      .select({ n: count() })
      .from(d)
      .where(and(eq(d.ownerUserId, userId), eq(d.source, 'wl_nft'))),
  ]);
  const freeDeviceClaimed = (claimed?.n ?? 0) > 0;
  const passIssued = (issued?.n ?? 0) > 0;
  return { holder, freeDeviceClaimed, passIssued, available: holder && !freeDeviceClaimed && !passIssued };
}

/**
 * Serialises everything that takes the whitelist benefit for one member (a checkout claiming the free
 * device, issuing the NFT's pass), so two of them at once cannot both see it untaken.
 */
export const lockWhitelistBenefit = (deps: Deps, tx: Database, userId: string): Promise<void> =>
  lockKey(deps.db, tx, `wl-benefit:${userId}`);

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
