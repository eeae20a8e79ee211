import { verifySolPayment } from '@puffy/chains';
import type { TMintGasInput, TNftProgress } from '@puffy/contracts';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { paymentByHash } from '../payment/record';
import { recordReport } from '../payment/reports';
import { BadInput, Conflict, NotFound, PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { paymentConfirmJob } from './jobs-definitions';
import { settleGasTransaction } from './owner';
import { gasExpectation, loadGasTransaction } from './payment-check';
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

/**
 * A hash counted before: the same claim's is a harmless repeat, one refused for this claim is refused
 * again with its reason, any other a replay.
 */
async function refuseReplay(deps: Deps, nft: NftRow, hash: string): Promise<boolean> {
  const known = await paymentByHash(deps, deps.db.db, hash);
  if (!known) return false;
  if (known.nftId === nft.id && known.status !== 'rejected') return true;
  if (known.nftId === nft.id && known.reason) {
    throw new BadInput(known.reason, { transactionHash: [known.reason] }, 'payment_rejected');
  }
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
 * Money sent for a claim that no longer wants it (paid twice, or after it expired) still goes on the
 * books for its refund; an RPC that does not answer only leaves that to a later report.
 */
async function recordUnwanted(deps: Deps, nft: NftRow, hash: string): Promise<void> {
  try {
    const tx = await loadGasTransaction(deps, nft, hash);
    if (tx) await settleGasTransaction(deps, nft.network, tx);
  } catch (error) {
    if (!(error instanceof UpstreamUnavailable)) throw error;
  }
}

/**
 * `promotion.mintGas`: the member reports the gas payment's transaction. A transaction the chain shows
 * pays the claim its memo and reference name, whoever reports it (docs/product/payments.md): the
 * member's own claim moves to `paid` and a job confirms it at `finalized`; anything else is refused
 * with its reason, changing nothing of this claim. A transaction the RPC does not show yet is kept as a
 * pending report, which reserves nothing, and re-checked by a job.
 */
export async function mintGas(deps: Deps, userId: string, input: TMintGasInput): Promise<TNftProgress> {
  const nft = await ownNft(deps, userId, input.nftId);
  const hash = input.transactionHash;
  if (await refuseReplay(deps, nft, hash)) return progress(deps, nft.id);
  if (nft.status !== 'new') await recordUnwanted(deps, nft, hash);
  assertPayable(nft);
  const tx = await loadGasTransaction(deps, nft, hash);
  if (!tx) {
    await deps.db.withTransaction(async (db) => {
      await recordReport(deps, db, { purpose: 'nft_gas', hash, userId, nftId: nft.id });
      const startAfter = new Date(deps.clock.now().getTime() + deps.promotion.recheckSeconds * 1000);
      await deps.jobs.queue.enqueue(paymentConfirmJob, { nftId: nft.id }, { tx: db, startAfter });
    });
    await publishNftStatus(deps, nft.id);
    return progress(deps, nft.id);
  }
  const payer = await solanaWalletOf(deps, deps.db.db, { userId });
  const verdict = verifySolPayment(tx, gasExpectation(deps, nft, payer, 'confirmed'));
  const settled = await settleGasTransaction(deps, nft.network, tx);
  if (settled.kind === 'paid' && settled.nftId === nft.id) return progress(deps, nft.id);
  if (settled.kind === 'known' && (await refuseReplay(deps, nft, hash))) return progress(deps, nft.id);
  if (!verdict.ok) {
    throw new BadInput(verdict.message, { transactionHash: [verdict.message] }, verdict.reason);
  }
  // It pays this claim, yet did not: the claim was paid or expired by another run meanwhile.
  const now = await nftById(deps, nft.id);
  if (now) assertPayable(now);
  throw new Conflict('This transaction was already used to pay for something else.', 'payment_reused');
}
