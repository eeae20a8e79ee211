import type { JobContext } from '@puffy/jobs';
import { eq } from 'drizzle-orm';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { solanaWalletOf } from '../payment/payer';
import type { MintAssetRequest, MintedAsset } from './config';
import { mintNftJob } from './jobs-definitions';
import { type NftRow, nftById, publishNftStatus } from './progress';
import { transitionNft } from './transitions';

/**
 * The asset's identity: the minter turns this into the asset keypair with its own secret, so the same
 * NFT record always names the same asset (a resend after a crash can only re-create what exists) and
 * nobody outside the server can compute the keypair to take the address first.
 */
export const assetSeedOf = (nft: Pick<NftRow, 'id' | 'network' | 'promotionId'>): Uint8Array =>
  new TextEncoder().encode(`puffy-nft-asset:v1:${nft.network}:${nft.promotionId}:${nft.id}`);

async function mintRequest(deps: Deps, nft: NftRow): Promise<MintAssetRequest> {
  const p = deps.db.t.promotions;
  const [promotion] = await deps.db.db.select().from(p).where(eq(p.id, nft.promotionId)).limit(1);
  if (!promotion) throw new Error(`promotion ${nft.promotionId} of nft ${nft.id} is missing`);
  if (nft.network !== 'sol' && nft.network !== 'soon')
    throw new Error(`nft ${nft.id} is not on an SVM network`);
  return {
    network: nft.network,
    assetSeed: assetSeedOf(nft),
    owner: await solanaWalletOf(deps, deps.db.db, { userId: nft.userId }),
    collection: promotion.collectionAddress,
    name: `${promotion.name} #${nft.sequence}`,
    uri: `${deps.config.publicOrigin}/nft/${nft.id}/metadata.json`,
    royaltyBps: promotion.royaltyBps,
  };
}

export type MintOutcome = 'minted' | 'retrying' | 'failed' | 'skipped';

/**
 * The mint job: a `payment_confirmed` NFT (or a `mint_failed` one an operator retries) becomes a
 * Metaplex Core asset owned by the member. Looks on the chain first, so a crash between sending and
 * saving finds the asset instead of creating a second one. A failure is retried by the job with backoff;
 * the last attempt moves the NFT to `mint_failed` with the reason.
 */
export async function mintNft(
  deps: Deps,
  payload: { nftId: number; retry?: boolean },
  ctx: Pick<JobContext, 'attempt'>,
): Promise<MintOutcome> {
  const nft = await nftById(deps, payload.nftId);
  if (!nft) return 'skipped';
  const from = nft.status;
  if (from !== 'payment_confirmed' && !(from === 'mint_failed' && payload.retry)) return 'skipped';
  const n = deps.db.t.userNfts;
  let minted: MintedAsset;
  try {
    const request = await mintRequest(deps, nft);
    minted = (await deps.promotion.minter.findMinted(request)) ?? (await deps.promotion.minter.mint(request));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn({ err: error, nftId: nft.id, attempt: ctx.attempt }, 'nft mint attempt failed');
    const last = ctx.attempt > (mintNftJob.retryLimit ?? 0);
    await deps.db.withTransaction(async (tx) => {
      if (last && from === 'payment_confirmed') {
        await transitionNft(deps, tx, {
          nftId: nft.id,
          from,
          to: 'mint_failed',
          reason: `The mint failed: ${reason}`,
          set: { mintAttempts: nft.mintAttempts + 1 },
        });
      } else {
        await tx
          .update(n)
          .set({ mintAttempts: nft.mintAttempts + 1, failureReason: `The mint failed: ${reason}` })
          .where(eq(n.id, nft.id));
      }
    });
    await publishNftStatus(deps, nft.id);
    if (last) return 'failed';
    throw error;
  }
  await deps.db.withTransaction(async (tx) => {
    await transitionNft(deps, tx, {
      nftId: nft.id,
      from,
      to: 'minted',
      set: {
        assetAddress: minted.assetAddress,
        mintSignature: minted.signature,
        mintAttempts: nft.mintAttempts + 1,
      },
    });
    // The member hears of it once (the email job is keyed by the NFT), and the funnel counts it.
    await queueEmail(deps, tx, { kind: 'nft_minted', userId: nft.userId, nftId: nft.id });
    await recordFunnelStep(deps, tx, { name: 'minted', userId: nft.userId, campaignId: nft.campaignId });
  });
  await publishNftStatus(deps, nft.id);
  return 'minted';
}

export { mintNftJob };
