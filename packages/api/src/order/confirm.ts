import { isTransientPaymentFailure } from '@puffy/chains';
import { type Database, lockRows } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { type PaymentUpdate, paymentByHash, updatePayment } from '../payment/record';
import { Conflict } from '../platform/errors';
import { giveBack } from './give-back';
import { checkOrderPayment, orderPaymentExpectation, solanaPayerOf } from './payment-check';
import { publishStatus, type TransitionRequest, transitionOrder } from './transition';

export type ConfirmOutcome = 'confirmed' | 'expired' | 'waiting' | 'skipped';

/** The order, or null; `q` is the open transaction's handle, or `deps.db.db` outside one. */
export async function orderById(deps: Deps, q: Database, orderId: string) {
  const o = deps.db.t.orders;
  const [row] = await q.select().from(o).where(eq(o.id, orderId)).limit(1);
  return row ?? null;
}

/**
 * Runs a status change only if the order is still where this run found it; a second worker that got
 * there first makes this one a no-op, never a double change.
 */
export async function moveIfStill(
  deps: Deps,
  req: TransitionRequest & { userId: string },
  alsoInTx: (tx: Database) => Promise<void>,
): Promise<boolean> {
  try {
    const event = await deps.db.withTransaction(async (tx) => {
      await lockRows(deps.db, tx, deps.db.t.orders, eq(deps.db.t.orders.id, req.orderId));
      const moved = await transitionOrder(deps, tx, req);
      await alsoInTx(tx);
      return moved;
    });
    await publishStatus(deps, event);
    return true;
  } catch (error) {
    if (error instanceof Conflict && error.options.reason === 'status_changed') return false;
    throw error;
  }
}

/**
 * The confirmation job's work, idempotent: a `paid` order whose transfer passes every check at
 * `finalized` becomes `confirmed` with its payment row in one transaction; one whose transfer fails, or
 * is still not final when the confirmation window ends, becomes `expired` and gives back its pass.
 */
export async function confirmOrderPayment(deps: Deps, orderId: string): Promise<ConfirmOutcome> {
  const order = await orderById(deps, deps.db.db, orderId);
  if (order?.status !== 'paid' || !order.paymentTxHash) return 'skipped';
  const hash = order.paymentTxHash;
  const payment = await paymentByHash(deps, deps.db.db, hash);
  const payer = await solanaPayerOf(deps, deps.db.db, order.userId);
  const verdict = await checkOrderPayment(
    deps,
    hash,
    orderPaymentExpectation(deps, order, payer, 'finalized'),
  );
  const now = deps.clock.now();
  const submittedAt = payment?.createdAt ?? order.updatedAt;
  const deadline = submittedAt.getTime() + deps.storefront.confirmationWindowSeconds * 1000;
  const base = { orderId, userId: order.userId, from: 'paid' as const, actor: 'system' };
  // Through the shared payments module, from the status read above: a payment another run already
  // settled rolls the order's move back too.
  const settlePayment = async (tx: Database, update: PaymentUpdate) => {
    if (!(await updatePayment(deps, tx, hash, payment?.status ?? 'pending', update))) {
      throw new Conflict('The payment was settled by another run.', 'status_changed');
    }
  };
  if (verdict.ok) {
    const moved = await moveIfStill(
      deps,
      { ...base, to: 'confirmed', reason: 'payment confirmed on-chain' },
      async (tx) => {
        await settlePayment(tx, {
          status: 'finalized',
          amount: verdict.amount,
          blockTime: verdict.blockTime,
        });
        await queueEmail(deps, tx, { kind: 'order_confirmed', userId: order.userId, orderId });
      },
    );
    return moved ? 'confirmed' : 'skipped';
  }
  if (isTransientPaymentFailure(verdict.reason) && now.getTime() < deadline) return 'waiting';
  const reason = isTransientPaymentFailure(verdict.reason)
    ? `The payment did not verify within the confirmation window: ${verdict.message}`
    : verdict.message;
  const moved = await moveIfStill(
    deps,
    { ...base, to: 'expired', reason, set: { cancelReason: reason } },
    async (tx) => {
      // A dropped transaction moved no money: nothing of it is left to refund.
      await settlePayment(tx, {
        status: 'rejected',
        reason,
        ...(verdict.reason === 'not_found' ? { amount: 0n } : {}),
      });
      await giveBack(deps, tx, order);
      await queueEmail(deps, tx, { kind: 'order_expired', userId: order.userId, orderId });
    },
  );
  return moved ? 'expired' : 'skipped';
}
