import { findVerifiedPayment } from '@puffy/chains';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { Conflict, UpstreamUnavailable } from '../platform/errors';
import { type ConfirmOutcome, moveIfStill, orderById } from './confirm';
import { giveBack } from './give-back';
import { confirmPaymentJob } from './jobs-definitions';
import { recordOrderPayment } from './member-actions';
import { orderPaymentExpectation, solanaPayerOf } from './payment-check';

export type UnpaidOutcome = 'paid' | 'cancelled' | ConfirmOutcome;

export const NOT_PAID_IN_TIME = 'not paid in time';

/**
 * Past the payment window a `new` order is cancelled, but only after looking for its payment by the
 * order's reference: a member who paid from a phone or closed the tab is moved to `paid` instead.
 */
export async function settleUnpaidOrder(deps: Deps, orderId: string): Promise<UnpaidOutcome> {
  const order = await orderById(deps, orderId);
  if (order?.status !== 'new') return 'skipped';
  if (deps.clock.now().getTime() < order.payBefore.getTime()) return 'waiting';
  const payer = await solanaPayerOf(deps, order.userId);
  let verdict: Awaited<ReturnType<typeof findVerifiedPayment>>;
  try {
    verdict = await findVerifiedPayment(deps.storefront.solanaRpc, {
      kind: 'token',
      expected: orderPaymentExpectation(deps, order, payer, 'confirmed'),
    });
  } catch (error) {
    deps.logger.warn({ err: error, orderId }, 'solana rpc failed while looking for an order payment');
    throw new UpstreamUnavailable();
  }
  const base = { orderId, userId: order.userId, from: 'new' as const, actor: 'system' };
  if (verdict.ok) {
    try {
      const moved = await moveIfStill(
        deps,
        {
          ...base,
          to: 'paid',
          reason: 'payment found by reference',
          set: { paymentTxHash: verdict.signature },
        },
        async (tx) => {
          await recordOrderPayment(deps, tx, {
            orderId,
            hash: verdict.signature,
            payer,
            expectedCents: order.totalCents,
          });
          await deps.jobs.queue.enqueue(
            confirmPaymentJob,
            { orderId },
            { tx, singletonKey: `order-confirm:${orderId}` },
          );
          await queueEmail(deps, tx, { kind: 'order_paid', userId: order.userId, orderId });
        },
      );
      return moved ? 'paid' : 'skipped';
    } catch (error) {
      // The transfer already paid for something else: it does not pay for this order.
      if (!(error instanceof Conflict && error.options.reason === 'payment_reused')) throw error;
    }
  }
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
