import {
  findVerifiedPayment,
  loadPaymentTransaction,
  nftMemoFields,
  type PaymentExpectation,
  type PaymentVerification,
  verifySolPayment,
} from '@puffy/chains';
import type { Deps } from '../deps';
import { PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { isSvmNetwork, type SvmNetwork } from './config';
import type { NftRow } from './progress';

export function networkOf(deps: Deps, nft: NftRow): SvmNetwork {
  const svm = isSvmNetwork(nft.network) ? deps.promotion.networks[nft.network] : undefined;
  if (!svm) {
    throw new PreconditionFailed(
      `Claims on ${nft.network} are not configured on this server.`,
      'network_off',
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
  return new UpstreamUnavailable(`The ${nft.network} network is not answering; try again in a moment.`);
}

/** Loads and checks one transaction; an unreachable RPC is "try again", never a verdict. */
export async function checkGasPayment(
  deps: Deps,
  nft: NftRow,
  signature: string,
  expected: PaymentExpectation,
): Promise<PaymentVerification> {
  const { rpc } = networkOf(deps, nft);
  try {
    return verifySolPayment(await loadPaymentTransaction(rpc, signature), expected);
  } catch (error) {
    throw unavailable(deps, nft, error);
  }
}

/** Looks for the claim's payment by its reference key (a member who paid but never reported the hash). */
export async function findGasPaymentByReference(
  deps: Deps,
  nft: NftRow,
  expected: PaymentExpectation,
): Promise<PaymentVerification> {
  const { rpc } = networkOf(deps, nft);
  try {
    return await findVerifiedPayment(rpc, { kind: 'sol', expected });
  } catch (error) {
    throw unavailable(deps, nft, error);
  }
}
