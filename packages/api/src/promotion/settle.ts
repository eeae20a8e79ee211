import { isTransientPaymentFailure, type PaymentTransaction, verifySolPayment } from '@puffy/chains';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { type PaymentRow, paymentByHash, updatePayment } from '../payment/record';
import { settlePendingReports } from '../payment/reports';
import { mintNftJob } from './jobs-definitions';
import { type GasSettlement, settleGasTransaction } from './owner';
import { checkGasPayment, gasExpectation, gasPaymentCandidates, loadGasTransaction } from './payment-check';
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

/** Why a reported transaction paid nothing for the reporter's claim, in the reporter's words. */
async function refusalFor(deps: Deps, nft: NftRow, tx: PaymentTransaction): Promise<string> {
  const payer = await solanaWalletOf(deps, deps.db.db, { userId: nft.userId });
  const verdict = verifySolPayment(tx, gasExpectation(deps, nft, payer, 'confirmed'));
  return verdict.ok ? 'This transaction was already used to pay for something else.' : verdict.message;
}

const paidThis = (nft: NftRow, settled: GasSettlement): boolean =>
  (settled.kind === 'paid' && settled.nftId === nft.id) ||
  (settled.kind === 'known' && settled.payment.nftId === nft.id && settled.payment.status !== 'rejected');

/**
 * Re-checks the claim's pending reports (hashes reported before the RPC showed them). A transaction
 * that appears pays whatever its memo and reference name, whoever reported it; the report is closed
 * either way. One that never appears within the confirmation window is refused.
 */
function settleReports(deps: Deps, nft: NftRow): Promise<SettleOutcome> {
  return settlePendingReports(
    deps,
    { nftId: nft.id },
    {
      windowSeconds: deps.promotion.confirmationWindowSeconds,
      load: (hash) => loadGasTransaction(deps, nft, hash),
      settle: async (tx) => {
        const settled = await settleGasTransaction(deps, nft.network, tx);
        return paidThis(nft, settled) ? null : refusalFor(deps, nft, tx);
      },
      closed: () => publishNftStatus(deps, nft.id),
    },
  );
}

/** Expires an accepted payment's claim (`paid → payment_expired`), saying why. */
async function expirePaid(
  deps: Deps,
  nft: NftRow,
  payment: PaymentRow,
  reason: string,
  dropped = false,
): Promise<void> {
  await deps.db.withTransaction(async (tx) => {
    // A dropped transaction moved no money: nothing of it is left to refund.
    await updatePayment(deps, tx, payment.transactionHash, 'accepted', {
      status: 'rejected',
      reason,
      ...(dropped ? { amount: 0n } : {}),
    });
    await transitionNft(deps, tx, { nftId: nft.id, from: 'paid', to: 'payment_expired', reason });
  });
  await publishNftStatus(deps, nft.id);
}

/** `paid → payment_confirmed` once the accepted payment is `finalized`, then the mint job. */
async function confirmPaid(deps: Deps, nft: NftRow): Promise<SettleOutcome> {
  const [payment] = await paymentsOf(deps, nft.id, 'accepted');
  if (!payment) return 'done';
  const payer = await solanaWalletOf(deps, deps.db.db, { userId: nft.userId });
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
    await expirePaid(deps, nft, payment, why, verdict.reason === 'not_found');
    return 'done';
  }
  await expirePaid(deps, nft, payment, `The payment no longer verifies: ${verdict.message}`);
  return 'done';
}

/** The confirmation job: the claim's pending reports, then finality of a `paid` claim's payment. */
export async function settleGasPayment(deps: Deps, nftId: number): Promise<SettleOutcome> {
  const nft = await nftById(deps, nftId);
  if (!nft) return 'done';
  const reports = await settleReports(deps, nft);
  const confirmed = nft.status === 'paid' ? await confirmPaid(deps, nft) : 'done';
  return reports === 'waiting' || confirmed === 'waiting' ? 'waiting' : 'done';
}

/**
 * The expiry job, at the end of the payment window: pending reports first, then every transaction
 * carrying the claim's reference (a member who paid by QR code or never reported the hash), each
 * settled to what it names. Only when nothing pays the claim does it expire
 * (`new → payment_expired`); its number is never reused.
 */
export async function expireUnpaidClaim(deps: Deps, nftId: number): Promise<SettleOutcome> {
  const found = await nftById(deps, nftId);
  if (found?.status !== 'new') return 'done';
  const reports = await settleReports(deps, found);
  for (const signature of await gasPaymentCandidates(deps, found)) {
    if (await paymentByHash(deps, deps.db.db, signature)) continue;
    const tx = await loadGasTransaction(deps, found, signature);
    if (!tx) continue;
    if (paidThis(found, await settleGasTransaction(deps, found.network, tx))) return 'done';
  }
  const nft = await nftById(deps, nftId);
  if (nft?.status !== 'new') return 'done';
  const payBefore = nft.payBefore ?? nft.createdAt;
  if (reports === 'waiting' || deps.clock.now().getTime() < payBefore.getTime()) return 'waiting';
  const reason = `No payment arrived before ${payBefore.toISOString()}.`;
  const moved = await deps.db.withTransaction((tx) =>
    transitionNft(deps, tx, { nftId, from: 'new', to: 'payment_expired', reason }),
  );
  if (moved) await publishNftStatus(deps, nftId);
  return 'done';
}
