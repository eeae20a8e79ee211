import type { PaymentAccepted } from '@puffy/chains';
import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { recordPayment, updatePayment } from '../payment/record';
import { Conflict } from '../platform/errors';
import { paymentConfirmJob } from './jobs-definitions';
import type { NftRow } from './progress';
import { transitionNft } from './transitions';

/**
 * `new → paid` with its payment, in one transaction: the payment row is written first (its unique hash
 * refuses a replay on another claim or order, and the loser of a race rolls back), then the NFT moves,
 * then the finality check is scheduled. `pendingHash`: the payment was recorded as pending earlier.
 */
export async function acceptGasPayment(
  deps: Deps,
  tx: Database,
  nft: NftRow,
  verdict: PaymentAccepted,
  options: { pending: boolean },
): Promise<void> {
  if (options.pending) {
    const moved = await updatePayment(deps, tx, verdict.signature, 'pending', {
      status: 'accepted',
      amount: verdict.amount,
      blockTime: verdict.blockTime,
    });
    if (!moved) throw new Conflict('This payment was already settled.', 'payment_settled');
  } else {
    await recordPayment(deps, tx, {
      purpose: 'nft_gas',
      network: nft.network,
      transactionHash: verdict.signature,
      payer: verdict.payer,
      recipient: verdict.recipient,
      tokenMint: null,
      amount: verdict.amount,
      expectedAmount: nft.gasFeeLamports,
      status: 'accepted',
      nftId: nft.id,
      blockTime: verdict.blockTime,
    });
  }
  const moved = await transitionNft(deps, tx, { nftId: nft.id, from: 'new', to: 'paid' });
  if (!moved) throw new Conflict('This claim was already paid or has expired.', 'claim_not_new');
  const startAfter = new Date(deps.clock.now().getTime() + deps.promotion.recheckSeconds * 1000);
  await deps.jobs.queue.enqueue(paymentConfirmJob, { nftId: nft.id }, { tx, startAfter });
}
