import {
  feePayerOf,
  memosOf,
  type PaymentAccepted,
  type PaymentTransaction,
  receivedByTreasury,
  verifyTokenPayment,
} from '@puffy/chains';
import { centsToTokenUnits } from '@puffy/contracts';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { payFirstNamed } from '../payment/first-named';
import { type PaymentRow, recordPayment, recordRefusedPayment } from '../payment/record';
import { moveIfStill, orderById } from './confirm';
import { confirmPaymentJob } from './jobs-definitions';
import { orderPaymentExpectation } from './payment-check';

type OrderRow = typeof import('@puffy/db').pg.orders.$inferSelect;

/** What became of a visible transaction: it paid an order, was counted before, or paid nothing. */
export type OrderSettlement =
  | { kind: 'paid'; orderId: string }
  | { kind: 'known'; payment: PaymentRow }
  | { kind: 'refused'; orderId: string | null; reason: string };

export const paidThisOrder = (orderId: string, settled: OrderSettlement): boolean =>
  (settled.kind === 'paid' && settled.orderId === orderId) ||
  (settled.kind === 'known' && settled.payment.orderId === orderId && settled.payment.status !== 'rejected');

function namedOrder(memo: string): string | null {
  try {
    const parsed: unknown = JSON.parse(memo);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { order_id: orderId } = parsed as Record<string, unknown>;
    return typeof orderId === 'string' && orderId.length > 0 && orderId.length <= 128 ? orderId : null;
  } catch {
    // A memo that is not JSON names no order.
    return null;
  }
}

async function ordersNamedBy(deps: Deps, tx: PaymentTransaction): Promise<OrderRow[]> {
  const orders: OrderRow[] = [];
  for (const memo of memosOf(tx)) {
    const orderId = namedOrder(memo);
    if (!orderId || orders.some((o) => o.id === orderId)) continue;
    const order = await orderById(deps, deps.db.db, orderId);
    if (order) orders.push(order);
  }
  return orders;
}

/** Who moved the order: the member who reported their own payment, else the system that found it. */
export interface Finder {
  userId: string | null;
}

/**
 * `new → paid` with the payment counted (`accepted`, what arrived), the confirmation job and the
 * member's email, in one transaction; false when the order had already moved.
 */
async function acceptOrderPayment(
  deps: Deps,
  order: OrderRow,
  verdict: PaymentAccepted,
  finder: Finder,
): Promise<boolean> {
  const own = finder.userId === order.userId;
  return moveIfStill(
    deps,
    {
      orderId: order.id,
      userId: order.userId,
      from: 'new',
      to: 'paid',
      reason: own ? 'payment submitted' : 'payment found by reference',
      actor: own ? order.userId : 'system',
      set: { paymentTxHash: verdict.signature },
    },
    async (tx) => {
      await recordPayment(deps, tx, {
        purpose: 'order',
        network: 'sol',
        transactionHash: verdict.signature,
        payer: verdict.payer,
        recipient: verdict.recipient,
        tokenMint: verdict.mint,
        amount: verdict.amount,
        expectedAmount: centsToTokenUnits(order.totalCents),
        status: 'accepted',
        orderId: order.id,
        blockTime: verdict.blockTime,
      });
      await deps.jobs.queue.enqueue(
        confirmPaymentJob,
        { orderId: order.id },
        { tx, singletonKey: `order-confirm:${order.id}` },
      );
      await queueEmail(deps, tx, { kind: 'order_paid', userId: order.userId, orderId: order.id });
    },
  );
}

/**
 * Settles a transaction the chain shows at `confirmed` to the order its memo and reference name,
 * whoever reported it (docs/product/payments.md): the first named order it fully pays, while that order
 * is `new`, becomes `paid`. When it pays nothing, what reached the treasury is recorded `rejected` with
 * the reason, attached to the order it names (or to none), for refund.
 */
export async function settleOrderTransaction(
  deps: Deps,
  tx: PaymentTransaction,
  finder: Finder,
): Promise<OrderSettlement> {
  const found = await payFirstNamed(deps, tx, () => ordersNamedBy(deps, tx), {
    verify: (order, payer) =>
      verifyTokenPayment(tx, orderPaymentExpectation(deps, order, payer, 'confirmed')),
    accept: (order, verdict) => acceptOrderPayment(deps, order, verdict, finder),
    unpaid: async (order) => ({
      target: order,
      reason: 'Its order was already paid, or had ended, when it arrived.',
    }),
  });
  if ('paid' in found) return { kind: 'paid', orderId: found.paid.id };
  if ('counted' in found) return { kind: 'known', payment: found.counted };
  const { refusal } = found;
  const reason = refusal?.reason ?? 'Its memo names no order, so it pays for nothing.';
  const { treasuryAddress, usdtMint } = deps.storefront;
  const amount = receivedByTreasury(tx, treasuryAddress, usdtMint);
  const payer = feePayerOf(tx);
  if (payer && amount > 0n) {
    await deps.db.withTransaction((db) =>
      recordRefusedPayment(deps, db, {
        purpose: 'order',
        network: 'sol',
        transactionHash: tx.signature,
        payer,
        recipient: treasuryAddress,
        tokenMint: usdtMint,
        amount,
        expectedAmount: refusal ? centsToTokenUnits(refusal.target.totalCents) : 0n,
        orderId: refusal?.target.id ?? null,
        blockTime: tx.blockTime,
        reason,
      }),
    );
  }
  return { kind: 'refused', orderId: refusal?.target.id ?? null, reason };
}
