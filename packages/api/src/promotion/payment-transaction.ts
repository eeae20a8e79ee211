import { nftMemo, solPaymentTransaction } from '@puffy/chains';
import { lamportsToSol, type TPaymentTransaction } from '@puffy/contracts';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { shortWallet } from '../platform/short-wallet';
import { assertPayable, ownNft } from './mint-gas';
import { networkOf } from './payment-check';

/** What the network charges for the one signature of a payment. */
const NETWORK_FEE_LAMPORTS = 5_000n;

/**
 * The one-click gas payment of a claim: the SOL transfer Solana Pay's request describes (memo, then a
 * transfer carrying the reference), built here unsigned for the member's wallet to sign and send, so a
 * desktop wallet that does not open `solana:` links pays without copying anything. Refuses up front
 * what would only fail later: a closed window, another payer, or too little SOL.
 */
export async function gasPaymentTransaction(
  deps: Deps,
  userId: string,
  input: { nftId: number; account: string },
): Promise<TPaymentTransaction> {
  const nft = await ownNft(deps, userId, input.nftId);
  assertPayable(nft);
  if (!nft.payBefore || deps.clock.now().getTime() >= nft.payBefore.getTime() || !nft.reference) {
    throw new PreconditionFailed('The payment window of this claim has closed.', 'payment_window_closed');
  }
  const payer = await solanaWalletOf(deps, deps.db.db, { userId });
  if (input.account !== payer) {
    throw new PreconditionFailed(
      `The gas fee is paid from your Solana wallet ${shortWallet(payer)}; connect that wallet to pay.`,
      'wrong_payer',
    );
  }
  const { rpc, treasuryAddress } = networkOf(deps, nft);
  let held: bigint;
  let recentBlockhash: string;
  try {
    held = await rpc.getBalance(payer);
    ({ blockhash: recentBlockhash } = await rpc.getLatestBlockhash({ commitment: 'confirmed' }));
  } catch (error) {
    deps.logger.warn({ err: error, nftId: nft.id }, 'svm rpc failed while preparing a gas payment');
    throw new UpstreamUnavailable(`The ${nft.network} network is not answering; try again in a moment.`);
  }
  const fee = lamportsToSol(nft.gasFeeLamports);
  if (held < nft.gasFeeLamports + NETWORK_FEE_LAMPORTS) {
    throw new PreconditionFailed(
      `Your wallet holds ${lamportsToSol(held)} SOL; the gas fee is ${fee} SOL plus the network fee.`,
      'insufficient_sol',
      { held: lamportsToSol(held), fee },
    );
  }
  const transaction = solPaymentTransaction({
    payer,
    recipient: treasuryAddress,
    lamports: nft.gasFeeLamports,
    reference: nft.reference,
    memo: nftMemo({ nftId: nft.id, userId: nft.userId }),
    recentBlockhash,
  });
  return {
    transaction: Buffer.from(transaction).toString('base64'),
    message: `Pay the ${fee} SOL gas fee for Puffy NFT #${nft.id}`,
  };
}
