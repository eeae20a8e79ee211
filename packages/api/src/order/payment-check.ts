import {
  loadPaymentTransaction,
  orderMemoFields,
  type PaymentVerification,
  type TokenPaymentExpectation,
  verifyTokenPayment,
} from '@puffy/chains';
import { centsToTokenUnits, USDT_TOKEN_DECIMALS } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { UpstreamUnavailable } from '../platform/errors';

type OrderRow = typeof import('@puffy/db').pg.orders.$inferSelect;

/** The member's Solana wallet, which must sign and pay the USDT transfer (the same rule as gas fees). */
export const solanaPayerOf = (deps: Deps, userId: string, tx?: Database): Promise<string> =>
  solanaWalletOf(deps, userId, tx, 'Orders are paid in USDT on Solana; link a Solana wallet first.');

/** What the order's payment must be: USDT of at least the total, to the treasury, with memo and reference. */
export function orderPaymentExpectation(
  deps: Deps,
  order: OrderRow,
  payer: string,
  commitment: 'confirmed' | 'finalized',
): TokenPaymentExpectation {
  return {
    payer,
    recipient: deps.storefront.treasuryAddress,
    minAmount: centsToTokenUnits(order.totalCents),
    memo: orderMemoFields({ orderId: order.id }),
    reference: order.reference,
    window: { notBefore: order.createdAt, notAfter: order.payBefore },
    commitment,
    mint: deps.storefront.usdtMint,
    decimals: USDT_TOKEN_DECIMALS,
    symbol: 'USDT',
  };
}

/** Loads and checks a transaction; an unreachable RPC is a "try again", never a verdict. */
export async function checkOrderPayment(
  deps: Deps,
  signature: string,
  expected: TokenPaymentExpectation,
): Promise<PaymentVerification> {
  try {
    const tx = await loadPaymentTransaction(deps.storefront.solanaRpc, signature);
    return verifyTokenPayment(tx, expected);
  } catch (error) {
    deps.logger.warn({ err: error }, 'solana rpc failed while checking an order payment');
    throw new UpstreamUnavailable('The Solana network is not answering; try again in a moment.');
  }
}
