import type { TEligibleProducts } from '@puffy/contracts';
import type { Deps } from '../deps';
import { passSummary } from '../device/passes';
import { allowedColorways } from '../device/pricing';
import { loadProducts } from './catalog';
import { whitelistBenefit } from './whitelist';

/**
 * What the member may buy or claim, by the same rules the quote applies: for `user.eligibleProducts`
 * (the user domain's router calls this).
 */
export async function eligibleProducts(deps: Deps, userId: string): Promise<TEligibleProducts> {
  const [products, whitelist, passes] = await Promise.all([
    loadProducts(deps, deps.db.db),
    whitelistBenefit(deps, deps.db.db, userId),
    passSummary(deps, userId),
  ]);
  const colorways: TEligibleProducts['colorways'] = {};
  for (const product of products) {
    if (product.kind !== 'device' || !product.variant) continue;
    colorways[product.variant] = allowedColorways(product, whitelist.holder);
  }
  return {
    whitelistHolder: whitelist.holder,
    // One benefit: once the NFT's pass is issued, the free first device is gone (and the other way round).
    freeDevice: whitelist.available,
    colorways,
    passesAvailable: passes.available,
  };
}
