import {
  feePayerOf,
  memosOf,
  type PaymentTransaction,
  receivedByTreasury,
  verifySolPayment,
} from '@puffy/chains';
import type { TNetwork } from '@puffy/contracts';
import type { Deps } from '../deps';
import { acceptOrFindCounted } from '../payment/counted';
import { solanaWalletOf } from '../payment/payer';
import { type PaymentRow, paymentByHash, recordRefusedPayment } from '../payment/record';
import { AppError } from '../platform/errors';
import { acceptGasPayment } from './accept';
import { isSvmNetwork } from './config';
import { gasExpectation } from './payment-check';
import { type NftRow, nftById, publishNftStatus } from './progress';

/** What became of a visible transaction: it paid a claim, was counted before, or paid nothing. */
export type GasSettlement =
  | { kind: 'paid'; nftId: number }
  | { kind: 'known'; payment: PaymentRow }
  | { kind: 'refused'; nftId: number | null; reason: string };

function namedClaim(memo: string): { nftId: number; userId: string } | null {
  try {
    const parsed: unknown = JSON.parse(memo);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { nft_id: nftId, user_id: userId } = parsed as Record<string, unknown>;
    if (typeof nftId !== 'number' || !Number.isSafeInteger(nftId) || nftId < 1) return null;
    return typeof userId === 'string' ? { nftId, userId } : null;
  } catch {
    // A memo that is not JSON names no claim.
    return null;
  }
}

/** The claims on this network the transaction's memos name (claim and member both), in memo order. */
async function claimsNamedBy(deps: Deps, network: TNetwork, tx: PaymentTransaction): Promise<NftRow[]> {
  const claims: NftRow[] = [];
  for (const memo of memosOf(tx)) {
    const named = namedClaim(memo);
    if (!named || claims.some((c) => c.id === named.nftId)) continue;
    const nft = await nftById(deps, named.nftId);
    if (nft && nft.userId === named.userId && nft.network === network) claims.push(nft);
  }
  return claims;
}

const notPayableReason = (nft: NftRow): string =>
  nft.status === 'payment_expired'
    ? 'This payment arrived after its claim had expired.'
    : 'Its claim was already paid by another transaction.';

/**
 * Settles a transaction the chain shows at `confirmed` to the claim its memo and reference name,
 * whoever reported it (docs/product/payments.md): the first named claim it fully pays, while that claim
 * is `new`, becomes `paid`. When it pays nothing, what reached the treasury is recorded `rejected` with
 * the reason, attached to the claim it names (or to none), for refund.
 */
export async function settleGasTransaction(
  deps: Deps,
  network: TNetwork,
  tx: PaymentTransaction,
): Promise<GasSettlement> {
  const known = await paymentByHash(deps, deps.db.db, tx.signature);
  if (known) return { kind: 'known', payment: known };
  let refusal: { nft: NftRow; reason: string } | null = null;
  for (const named of await claimsNamedBy(deps, network, tx)) {
    if (!named.reference) continue;
    let payer: string;
    try {
      payer = await solanaWalletOf(deps, deps.db.db, { userId: named.userId });
    } catch (error) {
      if (error instanceof AppError) continue;
      throw error;
    }
    const verdict = verifySolPayment(tx, gasExpectation(deps, named, payer, 'confirmed'));
    if (!verdict.ok) {
      refusal ??= { nft: named, reason: verdict.message };
      continue;
    }
    // acceptGasPayment throws CONFLICT when the claim was paid or expired since it was read.
    const outcome = await acceptOrFindCounted(deps, tx.signature, named.status === 'new', async () => {
      await deps.db.withTransaction((db) => acceptGasPayment(deps, db, named, verdict, { pending: false }));
      await publishNftStatus(deps, named.id);
      return true;
    });
    if (outcome === 'accepted') return { kind: 'paid', nftId: named.id };
    if (outcome) return { kind: 'known', payment: outcome };
    const now = (await nftById(deps, named.id)) ?? named;
    refusal ??= { nft: now, reason: notPayableReason(now) };
  }
  const reason = refusal?.reason ?? 'Its memo names no claim, so it pays for nothing.';
  const treasury = isSvmNetwork(network) ? deps.promotion.networks[network]?.treasuryAddress : undefined;
  const amount = treasury ? receivedByTreasury(tx, treasury, null) : 0n;
  const payer = feePayerOf(tx);
  if (treasury && payer && amount > 0n) {
    await deps.db.withTransaction((db) =>
      recordRefusedPayment(deps, db, {
        purpose: 'nft_gas',
        network,
        transactionHash: tx.signature,
        payer,
        recipient: treasury,
        tokenMint: null,
        amount,
        expectedAmount: refusal?.nft.gasFeeLamports ?? 0n,
        nftId: refusal?.nft.id ?? null,
        blockTime: tx.blockTime,
        reason,
      }),
    );
  }
  return { kind: 'refused', nftId: refusal?.nft.id ?? null, reason };
}
