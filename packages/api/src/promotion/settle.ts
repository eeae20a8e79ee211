import { isTransientPaymentFailure } from '@puffy/chains';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { type PaymentRow, updatePayment } from '../payment/record';
import { AppError } from '../platform/errors';
import { acceptGasPayment } from './accept';
import { mintNftJob } from './jobs-definitions';
import { checkGasPayment, findGasPaymentByReference, gasExpectation } from './payment-check';
import { type NftRow, nftById, publishNftStatus } from './progress';
import { transitionNft } from './transitions';

/** `waiting`: look again later; `done`: nothing more for this job to do. */
export type SettleOutcome = 'waiting' | 'done';

async function paymentsOf(deps: Deps, nftId: number, status: PaymentRow['status']): Promise<PaymentRow[]> {
  const p = deps.db.t.payments;
  return deps.db.db
    .select()
    .from(p)
    .where(and(eq(p.nftId, nftId), eq(p.status, status)))
    .orderBy(p.createdAt);
}

const pastWindow = (deps: Deps, since: Date): boolean =>
  deps.clock.now().getTime() > since.getTime() + deps.promotion.confirmationWindowSeconds * 1000;

/**
 * Re-checks the claim's pending payments (reported before the RPC showed them): the first that verifies
 * pays the claim; one that can never count, or never appears within the confirmation window, is rejected.
 */
async function settlePending(deps: Deps, nft: NftRow): Promise<SettleOutcome> {
  const pending = await paymentsOf(deps, nft.id, 'pending');
  if (pending.length === 0) return 'done';
  const payer = await solanaWalletOf(deps, nft.userId);
  let waiting = false;
  for (const payment of pending) {
    const hash = payment.transactionHash;
    const verdict = await checkGasPayment(deps, nft, hash, gasExpectation(deps, nft, payer, 'confirmed'));
    if (verdict.ok) {
      await deps.db.withTransaction((tx) => acceptGasPayment(deps, tx, nft, verdict, { pending: true }));
      await publishNftStatus(deps, nft.id);
      return 'done';
    }
    if (isTransientPaymentFailure(verdict.reason) && !pastWindow(deps, payment.createdAt)) {
      waiting = true;
      continue;
    }
    const reason = isTransientPaymentFailure(verdict.reason)
      ? 'The reported transaction never appeared on the chain.'
      : verdict.message;
    await deps.db.withTransaction((tx) =>
      updatePayment(deps, tx, hash, 'pending', { status: 'rejected', reason }),
    );
    await publishNftStatus(deps, nft.id);
  }
  return waiting ? 'waiting' : 'done';
}

/** Expires an accepted payment's claim (`paid → payment_expired`), saying why. */
async function expirePaid(deps: Deps, nft: NftRow, payment: PaymentRow, reason: string): Promise<void> {
  await deps.db.withTransaction(async (tx) => {
    await updatePayment(deps, tx, payment.transactionHash, 'accepted', { status: 'rejected', reason });
    await transitionNft(deps, tx, { nftId: nft.id, from: 'paid', to: 'payment_expired', reason });
  });
  await publishNftStatus(deps, nft.id);
}

/** `paid → payment_confirmed` once the accepted payment is `finalized`, then the mint job. */
async function confirmPaid(deps: Deps, nft: NftRow): Promise<SettleOutcome> {
  const [payment] = await paymentsOf(deps, nft.id, 'accepted');
  if (!payment) return 'done';
  const payer = await solanaWalletOf(deps, nft.userId);
  const hash = payment.transactionHash;
  const verdict = await checkGasPayment(deps, nft, hash, gasExpectation(deps, nft, payer, 'finalized'));
  if (verdict.ok) {
    await deps.db.withTransaction(async (tx) => {
      await updatePayment(deps, tx, hash, 'accepted', { status: 'finalized', amount: verdict.amount });
      const moved = await transitionNft(deps, tx, { nftId: nft.id, from: 'paid', to: 'payment_confirmed' });
      if (moved) await deps.jobs.queue.enqueue(mintNftJob, { nftId: nft.id }, { tx });
    });
    await publishNftStatus(deps, nft.id);
    return 'done';
  }
  if (isTransientPaymentFailure(verdict.reason)) {
    if (!pastWindow(deps, payment.updatedAt)) return 'waiting';
    const why =
      verdict.reason === 'not_found'
        ? 'The payment was dropped by the network before it became final; nothing was charged.'
        : 'The payment did not become final within the confirmation window.';
    await expirePaid(deps, nft, payment, why);
    return 'done';
  }
  await expirePaid(deps, nft, payment, `The payment no longer verifies: ${verdict.message}`);
  return 'done';
}

/** The confirmation job: pending payments of a `new` claim, or finality of a `paid` one. */
export async function settleGasPayment(deps: Deps, nftId: number): Promise<SettleOutcome> {
  const nft = await nftById(deps, nftId);
  if (nft?.status === 'new') return settlePending(deps, nft);
  if (nft?.status === 'paid') return confirmPaid(deps, nft);
  return 'done';
}

/**
 * The expiry job, at the end of the payment window: pending payments first, then a search by the
 * claim's reference (a member who paid but never reported the hash). Only when nothing pays the claim
 * does it expire (`new → payment_expired`); its number is never reused.
 */
export async function expireUnpaidClaim(deps: Deps, nftId: number): Promise<SettleOutcome> {
  const found = await nftById(deps, nftId);
  if (found?.status !== 'new') return 'done';
  const pending = await settlePending(deps, found);
  const nft = await nftById(deps, nftId);
  if (nft?.status !== 'new') return 'done';
  const payer = await solanaWalletOf(deps, nft.userId);
  const verdict = await findGasPaymentByReference(deps, nft, gasExpectation(deps, nft, payer, 'confirmed'));
  if (verdict.ok) {
    try {
      await deps.db.withTransaction((tx) => acceptGasPayment(deps, tx, nft, verdict, { pending: false }));
      await publishNftStatus(deps, nft.id);
      return 'done';
    } catch (error) {
      // A transaction already counted for something else pays nothing here; keep looking until expiry.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  const payBefore = nft.payBefore ?? nft.createdAt;
  if (pending === 'waiting' || deps.clock.now().getTime() < payBefore.getTime()) return 'waiting';
  const reason = `No payment arrived before ${payBefore.toISOString()}.`;
  const moved = await deps.db.withTransaction((tx) =>
    transitionNft(deps, tx, { nftId, from: 'new', to: 'payment_expired', reason }),
  );
  if (moved) await publishNftStatus(deps, nftId);
  return 'done';
}
