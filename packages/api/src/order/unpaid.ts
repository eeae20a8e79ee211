import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { paymentByHash } from '../payment/record';
import { type ConfirmOutcome, moveIfStill, orderById } from './confirm';
import { giveBack } from './give-back';
import { paidThisOrder, settleOrderTransaction } from './owner';
import { loadOrderTransaction, orderPaymentCandidates } from './payment-check';
import { settleOrderReports } from './reports';

export type UnpaidOutcome = 'paid' | 'cancelled' | ConfirmOutcome;

export const NOT_PAID_IN_TIME = 'not paid in time';

/**
 * Past the payment window a `new` order is cancelled, but only after its pending reports are settled and
 * every transaction carrying the order's reference is settled to what it names: a member who paid from
 * a phone or closed the tab is moved to `paid` instead, whoever else reported their hash.
 */
export async function settleUnpaidOrder(deps: Deps, orderId: string): Promise<UnpaidOutcome> {
  const order = await orderById(deps, deps.db.db, orderId);
  if (order?.status !== 'new') return 'skipped';
  if (deps.clock.now().getTime() < order.payBefore.getTime()) return 'waiting';
  const reports = await settleOrderReports(deps, orderId);
  for (const signature of await orderPaymentCandidates(deps, order)) {
    if (await paymentByHash(deps, deps.db.db, signature)) continue;
    const tx = await loadOrderTransaction(deps, signature);
    if (!tx) continue;
    if (paidThisOrder(orderId, await settleOrderTransaction(deps, tx, { userId: null }))) return 'paid';
  }
  const now = await orderById(deps, deps.db.db, orderId);
  if (now?.status === 'paid') return 'paid';
  if (now?.status !== 'new') return 'skipped';
  if (reports === 'waiting') return 'waiting';
  const base = { orderId, userId: order.userId, from: 'new' as const, actor: 'system' };
  const moved = await moveIfStill(
    deps,
    { ...base, to: 'cancelled', reason: NOT_PAID_IN_TIME, set: { cancelReason: NOT_PAID_IN_TIME } },
    async (tx) => {
      await giveBack(deps, tx, order);
      await queueEmail(deps, tx, { kind: 'order_cancelled', userId: order.userId, orderId });
    },
  );
  return moved ? 'cancelled' : 'skipped';
}
