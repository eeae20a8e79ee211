import { findCoreCreate, loadPaymentTransaction, type PaymentTransaction } from '@puffy/chains';
import type { TErrorReason, TNftProgress, TRecordMintInput } from '@puffy/contracts';
import { violatedConstraint } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { BadInput, Conflict, PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { insertNft, takeNftNumber } from './numbering';
import { nftById, progressOf, publishNftStatus } from './progress';

async function loadMint(
  deps: Deps,
  network: 'sol' | 'soon',
  hash: string,
): Promise<PaymentTransaction | null> {
  const svm = deps.promotion.networks[network];
  if (!svm)
    throw new PreconditionFailed(`Mints on ${network} are not configured on this server.`, 'network_off', {
      network,
    });
  try {
    return await loadPaymentTransaction(svm.rpc, hash);
  } catch (error) {
    deps.logger.warn({ err: error }, 'svm rpc failed while checking a direct mint');
    throw new UpstreamUnavailable(`The ${network} network is not answering; try again in a moment.`);
  }
}

const refuse = (message: string, reason: TErrorReason) =>
  new BadInput(message, { transactionHash: [message] }, reason);

/** The promotion whose collection the asset joined, and the campaign it belongs to (an eligible one first). */
async function promotionOfCollection(
  deps: Deps,
  userId: string,
  network: 'sol' | 'soon',
  collection: string,
) {
  const { t, db } = deps.db;
  const rows = await db
    .select({
      promotion: t.promotions,
      campaignId: t.campaignPromotions.campaignId,
      eligible: t.userCampaignEligibles.id,
    })
    .from(t.promotions)
    .innerJoin(t.campaignPromotions, eq(t.campaignPromotions.promotionId, t.promotions.id))
    .leftJoin(
      t.userCampaignEligibles,
      and(
        eq(t.userCampaignEligibles.campaignId, t.campaignPromotions.campaignId),
        eq(t.userCampaignEligibles.userId, userId),
      ),
    )
    .where(and(eq(t.promotions.collectionAddress, collection), eq(t.promotions.network, network)));
  const [best] = [...rows].sort((a, b) => Number(b.eligible !== null) - Number(a.eligible !== null));
  if (!best)
    throw refuse(
      'This asset was minted into a collection that belongs to no promotion here.',
      'unknown_collection',
    );
  return best;
}

/**
 * `promotion.recordMint`: the direct path. The member minted the asset on-chain themself; the server
 * checks that transaction (it succeeded, the member's wallet paid and signed it, it is an mpl-core create
 * into a promotion's collection, the asset is owned by the member) and records the NFT as `minted`. A
 * member holds one NFT per promotion and an asset is recorded once: both are unique keys in the table.
 */
export async function recordDirectMint(
  deps: Deps,
  userId: string,
  input: TRecordMintInput,
): Promise<TNftProgress> {
  const network = input.network ?? 'sol';
  const wallet = await solanaWalletOf(deps, deps.db.db, { userId });
  const tx = await loadMint(deps, network, input.transactionHash);
  if (!tx)
    throw refuse(
      'This transaction is not on the chain yet (or not confirmed); try again shortly.',
      'not_found',
    );
  if (tx.err !== null) throw refuse('This transaction failed on the chain, so it minted nothing.', 'failed');
  const feePayer = tx.accountKeys[0];
  if (feePayer?.address !== wallet || !feePayer.signer) {
    throw refuse('This mint was signed and paid by another wallet than yours.', 'wrong_payer');
  }
  const create = findCoreCreate(tx);
  if (!create) throw refuse('This transaction creates no Metaplex Core asset.', 'not_a_core_mint');
  if (create.owner !== wallet)
    throw refuse('The minted asset is owned by another wallet than yours.', 'wrong_owner');
  if (!create.collection) throw refuse('The minted asset belongs to no collection.', 'unknown_collection');
  const { promotion, campaignId } = await promotionOfCollection(deps, userId, network, create.collection);
  try {
    const nft = await deps.db.withTransaction(async (tx2) => {
      const sequence = await takeNftNumber(deps, tx2, promotion);
      return insertNft(deps, tx2, deps.clock.now(), {
        userId,
        promotionId: promotion.id,
        campaignId,
        network,
        sequence,
        status: 'minted',
        mintPath: 'direct',
        gasFeeLamports: 0n,
        assetAddress: create.asset,
        mintSignature: tx.signature,
      });
    });
    await publishNftStatus(deps, nft.id);
    const saved = await nftById(deps, nft.id);
    const [view] = await progressOf(deps, saved ? [saved] : []);
    if (!view) throw new Error('progress lost');
    return view;
  } catch (error) {
    const violation = violatedConstraint(error);
    if (violation?.kind === 'unique') {
      const asset = String(violation.constraint ?? '').includes('asset');
      throw new Conflict(
        asset
          ? 'This asset is already recorded.'
          : 'You already hold (or have claimed) an NFT of this promotion; a member holds one per promotion.',
        asset ? 'asset_recorded' : 'already_holds',
      );
    }
    throw error;
  }
}
