import {
  findPaymentByReference,
  loadPaymentTransaction,
  orderMemoFields,
  type PaymentTransaction,
  type PaymentVerification,
  type TokenPaymentExpectation,
  verifyTokenPayment,
} from '@puffy/chains';
import { centsToTokenUnits, USDT_TOKEN_DECIMALS } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { solanaWalletOf } from '../payment/payer';
import { retryAfterSecondsOf } from '../payment/upstream';
import { UpstreamUnavailable } from '../platform/errors';

type OrderRow = typeof import('@puffy/db').pg.orders.$inferSelect;

/** The member's Solana wallet, which must sign and pay the USDT transfer (the same rule as gas fees). */
export const solanaPayerOf = (deps: Deps, q: Database, userId: string): Promise<string> =>
  solanaWalletOf(deps, q, {
    userId,
    whenMissing: 'Orders are paid in USDT on Solana; link a Solana wallet first.',
  });

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

function unavailable(deps: Deps, error: unknown): UpstreamUnavailable {
  deps.logger.warn({ err: error }, 'solana rpc failed while checking an order payment');
  return new UpstreamUnavailable(
    'The Solana network is not answering; try again in a moment.',
    retryAfterSecondsOf(error),
  );
}

/** Loads one transaction as the chain shows it at `confirmed` (null: not visible yet). */
export async function loadOrderTransaction(
  deps: Deps,
  signature: string,
): Promise<PaymentTransaction | null> {
  try {
    return await loadPaymentTransaction(deps.storefront.solanaRpc, signature);
  } catch (error) {
    throw unavailable(deps, error);
  }
}

/** Loads and checks a transaction; an unreachable RPC is a "try again", never a verdict. */
export async function checkOrderPayment(
  deps: Deps,
  signature: string,
  expected: TokenPaymentExpectation,
): Promise<PaymentVerification> {
  return verifyTokenPayment(await loadOrderTransaction(deps, signature), expected);
}

/** The transactions carrying the order's reference inside its window, oldest first. */
export async function orderPaymentCandidates(deps: Deps, order: OrderRow): Promise<string[]> {
  const window = { notBefore: order.createdAt, notAfter: order.payBefore };
  try {
    const found = await findPaymentByReference(deps.storefront.solanaRpc, order.reference, window);
    return found.map((c) => c.signature);
  } catch (error) {
    throw unavailable(deps, error);
  }
}
