import {
  feePayerOf,
  memosOf,
  type PaymentTransaction,
  receivedByTreasury,
  verifySolPayment,
} from '@puffy/chains';
import type { TNetwork } from '@puffy/contracts';
import type { Deps } from '../deps';
import { payFirstNamed } from '../payment/first-named';
import { type PaymentRow, recordRefusedPayment } from '../payment/record';
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
  // A claim without a reference cannot be paid by transfer (it was minted directly).
  const named = async () => (await claimsNamedBy(deps, network, tx)).filter((nft) => nft.reference);
  const found = await payFirstNamed(deps, tx, named, {
    verify: (nft, payer) => verifySolPayment(tx, gasExpectation(deps, nft, payer, 'confirmed')),
    // acceptGasPayment throws CONFLICT when the claim was paid or expired since it was read.
    accept: async (nft, verdict) => {
      await deps.db.withTransaction((db) => acceptGasPayment(deps, db, nft, verdict, { pending: false }));
      await publishNftStatus(deps, nft.id);
      return true;
    },
    unpaid: async (nft) => {
      const now = (await nftById(deps, nft.id)) ?? nft;
      return { target: now, reason: notPayableReason(now) };
    },
  });
  if ('paid' in found) return { kind: 'paid', nftId: found.paid.id };
  if ('counted' in found) return { kind: 'known', payment: found.counted };
  const { refusal } = found;
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
        expectedAmount: refusal?.target.gasFeeLamports ?? 0n,
        nftId: refusal?.target.id ?? null,
        blockTime: tx.blockTime,
        reason,
      }),
    );
  }
  return { kind: 'refused', nftId: refusal?.target.id ?? null, reason };
}
