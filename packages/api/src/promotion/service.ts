import type { TAlreadyPaid } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { type NftRow, progressOf } from './progress';

const PAID = new Set(['paid', 'payment_confirmed', 'minted', 'mint_failed']);

/** The member's claim on a promotion (a member claims each promotion once), or null before they claim. */
export async function memberClaim(deps: Deps, userId: string, promotionId: number): Promise<NftRow | null> {
  const n = deps.db.t.userNfts;
  const [row] = await deps.db.db
    .select()
    .from(n)
    .where(and(eq(n.userId, userId), eq(n.promotionId, promotionId)))
    .limit(1);
  return row ?? null;
}

/** `promotion.alreadyPaid`: has the member paid the gas fee for this promotion (and where it stands). */
export async function alreadyPaid(
  deps: Deps,
  userId: string,
  input: { promotionId: number },
): Promise<TAlreadyPaid> {
  const nft = await memberClaim(deps, userId, input.promotionId);
  if (!nft) return { paid: false, nft: null };
  const [view] = await progressOf(deps, [nft]);
  return { paid: PAID.has(nft.status), nft: view ?? null };
}
