import { type PaymentTransaction, verifyTokenPayment } from '@puffy/chains';
import type { Deps } from '../deps';
import { settlePendingReports } from '../payment/reports';
import { orderById } from './confirm';
import { paidThisOrder, settleOrderTransaction } from './owner';
import { loadOrderTransaction, orderPaymentExpectation, solanaPayerOf } from './payment-check';

/** Why a reported transaction paid nothing for the reporter's order, in the reporter's words. */
export async function orderRefusalFor(deps: Deps, orderId: string, tx: PaymentTransaction): Promise<string> {
  const order = await orderById(deps, deps.db.db, orderId);
  if (!order) return 'This transaction does not pay for this order.';
  const payer = await solanaPayerOf(deps, deps.db.db, order.userId);
  const verdict = verifyTokenPayment(tx, orderPaymentExpectation(deps, order, payer, 'confirmed'));
  return verdict.ok ? 'This transaction was already used to pay for something else.' : verdict.message;
}

/**
 * The report job's work: each hash reported for the order before the chain showed it. A transaction
 * that appears pays whatever its memo and reference name, whoever reported it, and the report closes;
 * one that never appears within the confirmation window is refused. `waiting`: look again later.
 */
export function settleOrderReports(deps: Deps, orderId: string): Promise<'waiting' | 'done'> {
  return settlePendingReports(
    deps,
    { orderId },
    {
      windowSeconds: deps.storefront.confirmationWindowSeconds,
      load: (hash) => loadOrderTransaction(deps, hash),
      settle: async (tx, report) => {
        const settled = await settleOrderTransaction(deps, tx, { userId: report.reportedBy });
        return paidThisOrder(orderId, settled) ? null : orderRefusalFor(deps, orderId, tx);
      },
    },
  );
}
