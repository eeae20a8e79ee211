import {
  findPaymentByReference,
  loadPaymentTransaction,
  nftMemoFields,
  type PaymentExpectation,
  type PaymentTransaction,
  type PaymentVerification,
  verifySolPayment,
} from '@puffy/chains';
import type { Deps } from '../deps';
import { retryAfterSecondsOf } from '../payment/upstream';
import { PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { isSvmNetwork, type SvmNetwork } from './config';
import type { NftRow } from './progress';

export function networkOf(deps: Deps, nft: NftRow): SvmNetwork {
  const svm = isSvmNetwork(nft.network) ? deps.promotion.networks[nft.network] : undefined;
  if (!svm) {
    throw new PreconditionFailed(
      `Claims on ${nft.network} are not configured on this server.`,
      'network_off',
      { network: nft.network },
    );
  }
  return svm;
}

/**
 * What the gas payment must be: at least the fee, from the member's wallet (fee payer and signer) to the
 * treasury, with this claim's memo and reference, made between the claim and the end of its window.
 */
export function gasExpectation(
  deps: Deps,
  nft: NftRow,
  payer: string,
  commitment: 'confirmed' | 'finalized',
): PaymentExpectation {
  return {
    payer,
    recipient: networkOf(deps, nft).treasuryAddress,
    minAmount: nft.gasFeeLamports,
    memo: nftMemoFields({ nftId: nft.id, userId: nft.userId }),
    reference: nft.reference ?? '',
    window: { notBefore: nft.createdAt, notAfter: nft.payBefore ?? nft.createdAt },
    commitment,
  };
}

function unavailable(deps: Deps, nft: NftRow, error: unknown): UpstreamUnavailable {
  deps.logger.warn({ err: error, nftId: nft.id }, 'svm rpc failed while checking a gas payment');
  return new UpstreamUnavailable(
    `The ${nft.network} network is not answering; try again in a moment.`,
    retryAfterSecondsOf(error),
  );
}

/** Loads one transaction as the claim's network shows it at `confirmed` (null: not visible yet). */
export async function loadGasTransaction(
  deps: Deps,
  nft: NftRow,
  signature: string,
): Promise<PaymentTransaction | null> {
  const { rpc } = networkOf(deps, nft);
  try {
    return await loadPaymentTransaction(rpc, signature);
  } catch (error) {
    throw unavailable(deps, nft, error);
  }
}

/** Loads and checks one transaction; an unreachable RPC is "try again", never a verdict. */
export async function checkGasPayment(
  deps: Deps,
  nft: NftRow,
  signature: string,
  expected: PaymentExpectation,
): Promise<PaymentVerification> {
  return verifySolPayment(await loadGasTransaction(deps, nft, signature), expected);
}

/**
 * The transactions carrying the claim's reference key inside its window, oldest first: how a payment
 * whose hash was never reported is found (paid by QR code, or the tab closed).
 */
export async function gasPaymentCandidates(deps: Deps, nft: NftRow): Promise<string[]> {
  const { rpc } = networkOf(deps, nft);
  if (!nft.reference) return [];
  const window = { notBefore: nft.createdAt, notAfter: nft.payBefore ?? nft.createdAt };
  try {
    const candidates = await findPaymentByReference(rpc, nft.reference, window);
    return candidates.map((c) => c.signature);
  } catch (error) {
    throw unavailable(deps, nft, error);
  }
}
