import { randomBytes } from 'node:crypto';
import { nftMemo } from '@puffy/chains';
import type { TCompletePromotionInput, TPromotionClaim } from '@puffy/contracts';
import { violatedConstraint } from '@puffy/db';
import bs58 from 'bs58';
import { and, eq } from 'drizzle-orm';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { Conflict, NotFound, PreconditionFailed } from '../platform/errors';
import { isSvmNetwork, type SvmNetwork } from './config';
import { assertMayClaim } from './eligibility-gate';
import { claimExpiryJob } from './jobs-definitions';
import { insertNft, takeNftNumber } from './numbering';
import { type NftRow, publishNewClaimStatus } from './progress';
import { memberClaim } from './service';

type CampaignRow = typeof import('@puffy/db').pg.campaigns.$inferSelect;
type PromotionRow = typeof import('@puffy/db').pg.promotions.$inferSelect;

export interface ClaimContext {
  campaign: CampaignRow;
  promotion: PromotionRow;
  network: 'sol' | 'soon';
  svm: SvmNetwork;
}

/** The campaign and promotion of a claim, linked, and the gas-fee network they use. */
export async function loadClaimContext(
  deps: Deps,
  campaignId: number,
  promotionId: number,
): Promise<ClaimContext> {
  const { t, db } = deps.db;
  const [row] = await db
    .select({ campaign: t.campaigns, promotion: t.promotions })
    .from(t.campaignPromotions)
    .innerJoin(t.campaigns, eq(t.campaigns.id, t.campaignPromotions.campaignId))
    .innerJoin(t.promotions, eq(t.promotions.id, t.campaignPromotions.promotionId))
    .where(
      and(eq(t.campaignPromotions.campaignId, campaignId), eq(t.campaignPromotions.promotionId, promotionId)),
    )
    .limit(1);
  if (!row) throw new NotFound('This campaign has no such promotion.', 'promotion_not_found');
  const network = row.promotion.network;
  if (!isSvmNetwork(network)) {
    throw new PreconditionFailed(
      `The gas-fee claim runs on sol and soon; this promotion is on ${network}.`,
      'network_unsupported',
      { network },
    );
  }
  const svm = deps.promotion.networks[network];
  if (!svm) {
    throw new PreconditionFailed(`Claims on ${network} are not configured on this server.`, 'network_off', {
      network,
    });
  }
  return { ...row, network, svm };
}

function assertCampaignOpen(campaign: CampaignRow, now: Date): void {
  const started = !campaign.startAt || campaign.startAt.getTime() <= now.getTime();
  const notEnded = !campaign.endAt || campaign.endAt.getTime() > now.getTime();
  if (!campaign.isReady || !campaign.isActive || !started || !notEnded || campaign.archivedAt) {
    throw new PreconditionFailed('This campaign is not accepting claims now.', 'campaign_closed');
  }
  if (campaign.nftGasFeeLamports <= 0n) {
    throw new PreconditionFailed('This campaign has no gas fee set; an operator must set it.', 'no_gas_fee');
  }
}

export function claimOf(ctx: ClaimContext, nft: NftRow): TPromotionClaim {
  return {
    network: ctx.network,
    name: ctx.promotion.name,
    symbol: ctx.promotion.symbol,
    nftId: nft.id,
    sequence: nft.sequence,
    gasFee: nft.gasFeeLamports.toString(),
    status: nft.status,
    treasuryAddress: ctx.svm.treasuryAddress,
    memo: nftMemo({ nftId: nft.id, userId: nft.userId }),
    reference: nft.reference ?? '',
    payBefore: (nft.payBefore ?? nft.createdAt).toISOString(),
  };
}

/**
 * `promotion.complete`: the member's claim on the promotion's NFT. The first call takes the promotion's
 * next number (raised in the same statement that reads it, so concurrent claims never share one),
 * creates the record (`new`) with a fresh Solana Pay reference, and schedules the expiry check at the
 * end of the payment window; later calls return the same record.
 */
export async function completePromotion(
  deps: Deps,
  userId: string,
  input: TCompletePromotionInput,
): Promise<TPromotionClaim> {
  // Independent reads go out together (docs/architecture.md, "Statement budgets"); a refusal is
  // still the first one in the rule's order, whichever read answered first.
  const [ctx, existing] = await Promise.all([
    loadClaimContext(deps, input.campaignId, input.promotionId),
    memberClaim(deps, userId, input.promotionId),
  ]);
  if (existing?.reference === null) {
    throw new Conflict('You already hold this NFT: you minted it directly.', 'already_holds');
  }
  if (existing) return claimOf(ctx, existing);
  assertCampaignOpen(ctx.campaign, deps.clock.now());
  const checks = await Promise.allSettled([
    assertMayClaim(deps, userId, input.campaignId),
    solanaWalletOf(deps, deps.db.db, { userId }),
  ]);
  for (const check of checks) if (check.status === 'rejected') throw check.reason;
  try {
    // The number is taken outside the claim's transaction, so 500 claims at once do not queue behind
    // each other's whole transactions.
    const sequence = await takeNftNumber(deps, deps.db.db, ctx.promotion);
    const nft = await deps.db.withTransaction(async (tx) => {
      const now = deps.clock.now();
      const row = await insertNft(deps, tx, now, {
        userId,
        promotionId: input.promotionId,
        campaignId: input.campaignId,
        network: ctx.network,
        sequence,
        status: 'new',
        mintPath: 'gas',
        reference: bs58.encode(randomBytes(32)),
        gasFeeLamports: ctx.campaign.nftGasFeeLamports,
        payBefore: new Date(now.getTime() + deps.promotion.paymentWindowSeconds * 1000),
      });
      // No singleton key: the row was created by this transaction, so no other expiry check for it
      // can exist, and a key would cost a lock and a look-up per claim (docs/architecture.md).
      await deps.jobs.queue.enqueue(
        claimExpiryJob,
        { nftId: row.id },
        { tx, startAfter: row.payBefore ?? now },
      );
      await recordFunnelStep(deps, tx, { name: 'claimed', userId, campaignId: input.campaignId });
      return row;
    });
    await publishNewClaimStatus(deps, nft);
    return claimOf(ctx, nft);
  } catch (error) {
    // The same member claiming twice at once: the loser's transaction rolled back; both see one record.
    if (violatedConstraint(error)?.kind === 'unique') {
      const winner = await memberClaim(deps, userId, input.promotionId);
      if (winner) return claimOf(ctx, winner);
      throw new Conflict('Your claim is being created; try again.', 'claim_in_progress');
    }
    throw error;
  }
}
