import { associatedTokenAddress, orderMemo, tokenPaymentTransaction } from '@puffy/chains';
import {
  centsToTokenUnits,
  centsToUsdt,
  type TPaymentTransaction,
  USDT_TOKEN_DECIMALS,
  unitsToDecimal,
} from '@puffy/contracts';
import type { Deps } from '../deps';
import { PreconditionFailed, UpstreamUnavailable } from '../platform/errors';
import { shortWallet } from '../platform/short-wallet';
import { assertPayable, loadOwnOrder } from './orders';
import { solanaPayerOf } from './payment-check';

/**
 * The one-click payment of a `new` order: the USDT transfer Solana Pay's request describes, built here
 * as an unsigned transaction for the member's connected wallet to sign and send (a wallet that cannot
 * build SPL transfers itself, and the SPA, which does not ship web3.js, both need it). Refuses what
 * would only fail later: another wallet than the one the verifier requires, or too little USDT.
 */
export async function orderPaymentTransaction(
  deps: Deps,
  userId: string,
  input: { orderId: string; account: string },
): Promise<TPaymentTransaction> {
  const order = await loadOwnOrder(deps, deps.db.db, { userId, orderId: input.orderId });
  assertPayable(order);
  if (deps.clock.now().getTime() >= order.payBefore.getTime()) {
    throw new PreconditionFailed('The payment window of this order has closed.', 'payment_window_closed');
  }
  const payer = await solanaPayerOf(deps, deps.db.db, userId);
  if (input.account !== payer) {
    throw new PreconditionFailed(
      `This order is paid from your Solana wallet ${shortWallet(payer)}; connect that wallet to pay.`,
      'wrong_payer',
    );
  }
  const { solanaRpc, usdtMint, treasuryAddress } = deps.storefront;
  const amount = centsToTokenUnits(order.totalCents);
  const total = centsToUsdt(order.totalCents);
  let held: bigint | null;
  let recentBlockhash: string;
  try {
    held = await solanaRpc.getTokenAccountBalance(associatedTokenAddress(payer, usdtMint));
    ({ blockhash: recentBlockhash } = await solanaRpc.getLatestBlockhash({ commitment: 'confirmed' }));
  } catch (error) {
    deps.logger.warn({ err: error, orderId: order.id }, 'solana rpc failed while preparing an order payment');
    throw new UpstreamUnavailable('The Solana network is not answering; try again in a moment.');
  }
  if (held === null || held < amount) {
    const has = unitsToDecimal(held ?? 0n, USDT_TOKEN_DECIMALS, 2);
    throw new PreconditionFailed(
      `Your wallet holds ${has} USDT; this order needs ${total} USDT (plus a little SOL for the network fee).`,
      'insufficient_usdt',
      { has, total },
    );
  }
  const transaction = tokenPaymentTransaction({
    payer,
    recipient: treasuryAddress,
    mint: usdtMint,
    decimals: USDT_TOKEN_DECIMALS,
    amount,
    reference: order.reference,
    memo: orderMemo({ orderId: order.id }),
    recentBlockhash,
  });
  return {
    transaction: Buffer.from(transaction).toString('base64'),
    message: `Pay ${total} USDT for Puffy order ${order.id}`,
  };
}
