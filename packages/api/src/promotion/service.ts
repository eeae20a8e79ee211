import type { TAlreadyPaid } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { progressOf } from './progress';

const PAID = new Set(['paid', 'payment_confirmed', 'minted', 'mint_failed']);

/** `promotion.alreadyPaid`: has the member paid the gas fee for this promotion (and where it stands). */
export async function alreadyPaid(deps: Deps, userId: string, promotionId: number): Promise<TAlreadyPaid> {
  const n = deps.db.t.userNfts;
  const [nft] = await deps.db.db
    .select()
    .from(n)
    .where(and(eq(n.userId, userId), eq(n.promotionId, promotionId)))
    .limit(1);
  if (!nft) return { paid: false, nft: null };
  const [view] = await progressOf(deps, [nft]);
  return { paid: PAID.has(nft.status), nft: view ?? null };
}
