import type { TAlreadyPaid, TNftProgress } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict, NotFound } from '../platform/errors';
import { mintNftJob } from './jobs-definitions';
import { nftById, progressOf, publishNftStatus } from './progress';

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

/** An operator retries a failed mint; the job stays idempotent, so a retry never mints twice. */
export async function retryMint(deps: Deps, nftId: number): Promise<TNftProgress> {
  const nft = await nftById(deps, nftId);
  if (!nft) throw new NotFound('No NFT with this id.', 'nft_not_found');
  if (nft.status !== 'mint_failed') {
    throw new Conflict(`Only a failed mint can be retried; this NFT is ${nft.status}.`, 'not_mint_failed');
  }
  await deps.jobs.queue.enqueue(mintNftJob, { nftId, retry: true }, { singletonKey: `mint:${nftId}` });
  await publishNftStatus(deps, nftId);
  const [view] = await progressOf(deps, [nft]);
  if (!view) throw new Error('progress lost');
  return view;
}
