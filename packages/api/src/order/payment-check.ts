import {
  loadPaymentTransaction,
  orderMemoFields,
  type PaymentVerification,
  type TokenPaymentExpectation,
  verifyTokenPayment,
} from '@puffy/chains';
import { centsToTokenUnits, USDT_TOKEN_DECIMALS } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { PreconditionFailed, UpstreamUnavailable } from '../platform/errors';

type OrderRow = typeof import('@puffy/db').pg.orders.$inferSelect;

/** The member's Solana wallet, which must sign and pay the USDT transfer. */
export async function solanaPayerOf(deps: Deps, userId: string, tx?: Database): Promise<string> {
  const { t } = deps.db;
  const q = tx ?? deps.db.db;
  const [user] = await q
    .select({ address: t.users.walletAddress, chain: t.users.walletChain })
    .from(t.users)
    .where(eq(t.users.id, userId))
    .limit(1);
  if (user?.chain === 'sol') return user.address;
  const [linked] = await q
    .select({ address: t.userWallets.address })
    .from(t.userWallets)
    .where(and(eq(t.userWallets.userId, userId), eq(t.userWallets.chain, 'sol')))
    .limit(1);
  if (!linked) {
    throw new PreconditionFailed(
      'Orders are paid in USDT on Solana; link a Solana wallet first.',
      'no_solana_wallet',
    );
  }
  return linked.address;
}

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
