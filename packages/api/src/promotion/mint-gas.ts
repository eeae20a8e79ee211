import type { TMintGasInput, TNftProgress } from '@puffy/contracts';
import { violatedConstraint } from '@puffy/db';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { paymentByHash, recordPayment } from '../payment/record';
import { BadInput, Conflict, NotFound, PreconditionFailed } from '../platform/errors';
import { acceptGasPayment } from './accept';
import { paymentConfirmJob } from './jobs-definitions';
import { checkGasPayment, gasExpectation } from './payment-check';
import { type NftRow, nftById, progressOf, publishNftStatus } from './progress';

export async function ownNft(deps: Deps, userId: string, nftId: number): Promise<NftRow> {
  const nft = await nftById(deps, nftId);
  // Someone else's NFT answers exactly like a missing one: ids are guessable, ownership is private.
  if (!nft || nft.userId !== userId)
    throw new NotFound('You have no NFT claim with this id.', 'nft_not_found');
  return nft;
}

async function progress(deps: Deps, nftId: number): Promise<TNftProgress> {
  const nft = await nftById(deps, nftId);
  if (!nft) throw new NotFound('You have no NFT claim with this id.', 'nft_not_found');
  const [view] = await progressOf(deps, [nft]);
  if (!view) throw new Error('progress lost');
  return view;
}

/** A hash recorded before: the same claim's is a harmless repeat, any other claim's or order's a replay. */
async function refuseReplay(deps: Deps, nft: NftRow, hash: string): Promise<boolean> {
  const known = await paymentByHash(deps, hash);
  if (!known) return false;
  if (known.nftId === nft.id && known.status !== 'rejected') return true;
  throw new Conflict('This transaction was already used to pay for something else.', 'payment_reused');
}

export function assertPayable(nft: NftRow): void {
  if (nft.status === 'payment_expired') {
    throw new PreconditionFailed(
      nft.failureReason ?? 'This claim expired before its payment arrived.',
      'claim_expired',
    );
  }
  if (nft.status !== 'new') {
    throw new Conflict('This claim is already paid with another transaction.', 'claim_already_paid');
  }
}

/**
 * `promotion.mintGas`: the member reports the gas payment's transaction. It is checked on the chain
 * before anything changes (each failed check refuses with its own reason and changes nothing). A
 * transaction the RPC does not show yet is recorded as pending and re-checked by a job; an accepted one
 * moves the claim to `paid`, and a job confirms it at `finalized`.
 */
export async function mintGas(deps: Deps, userId: string, input: TMintGasInput): Promise<TNftProgress> {
  const nft = await ownNft(deps, userId, input.nftId);
  const hash = input.transactionHash;
  if (await refuseReplay(deps, nft, hash)) return progress(deps, nft.id);
  assertPayable(nft);
  const payer = await solanaWalletOf(deps, userId);
  const verdict = await checkGasPayment(deps, nft, hash, gasExpectation(deps, nft, payer, 'confirmed'));
  if (!verdict.ok && verdict.reason !== 'not_found') {
    throw new BadInput(verdict.message, { transactionHash: [verdict.message] }, verdict.reason);
  }
  try {
    await deps.db.withTransaction(async (tx) => {
      if (verdict.ok) {
        await acceptGasPayment(deps, tx, nft, verdict, { pending: false });
        return;
      }
      await recordPayment(deps, tx, {
        purpose: 'nft_gas',
        network: nft.network,
        transactionHash: hash,
        payer,
        recipient: gasExpectation(deps, nft, payer, 'confirmed').recipient,
        tokenMint: null,
        amount: 0n,
        expectedAmount: nft.gasFeeLamports,
        status: 'pending',
        nftId: nft.id,
      });
      const startAfter = new Date(deps.clock.now().getTime() + deps.promotion.recheckSeconds * 1000);
      await deps.jobs.queue.enqueue(paymentConfirmJob, { nftId: nft.id }, { tx, startAfter });
    });
  } catch (error) {
    // Two instances racing on one hash: the loser rolled back; if the winner paid this claim, all is well.
    const raced =
      violatedConstraint(error)?.kind === 'unique' ||
      (error instanceof Conflict && error.options.reason === 'payment_reused');
    if (!raced || !(await refuseReplay(deps, nft, hash))) throw error;
  }
  await publishNftStatus(deps, nft.id);
  return progress(deps, nft.id);
}
