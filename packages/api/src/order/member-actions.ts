import { verifyTokenPayment } from '@puffy/chains';
import type { TOrder, TShippingAddress } from '@puffy/contracts';
import { lockRows } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { paymentByHash } from '../payment/record';
import { recordReport } from '../payment/reports';
import { BadInput, Conflict, UpstreamUnavailable } from '../platform/errors';
import { giveBack } from './give-back';
import { paymentReportJob } from './jobs-definitions';
import { assertPayable, getOrder, loadOwnOrder } from './orders';
import { paidThisOrder, settleOrderTransaction } from './owner';
import { loadOrderTransaction, orderPaymentExpectation, solanaPayerOf } from './payment-check';
import { publishStatus, transitionOrder } from './transition';

/** The member cancels their own order while it is `new`; the pass and free device come back. */
export async function cancelOrder(deps: Deps, userId: string, input: { orderId: string }): Promise<TOrder> {
  const { orderId } = input;
  const event = await deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, deps.db.t.orders, eq(deps.db.t.orders.id, orderId));
    const order = await loadOwnOrder(deps, tx, { userId, orderId });
    const moved = await transitionOrder(deps, tx, {
      orderId,
      from: order.status,
      to: 'cancelled',
      reason: 'cancelled by the member',
      actor: userId,
      set: { cancelReason: 'cancelled by the member' },
    });
    await giveBack(deps, tx, order);
    await queueEmail(deps, tx, { kind: 'order_cancelled', userId, orderId });
    return moved;
  });
  await publishStatus(deps, event);
  return getOrder(deps, deps.db.db, { userId, orderId });
}

/** The member corrects the shipping address of their `new` order, within the country it was priced for. */
export async function updateAddress(
  deps: Deps,
  userId: string,
  input: { orderId: string; shippingAddress: TShippingAddress },
): Promise<TOrder> {
  const { orderId, shippingAddress } = input;
  const warnings = await deps.storefront.addressValidator.validate(shippingAddress);
  await deps.db.withTransaction(async (tx) => {
    const { t } = deps.db;
    await lockRows(deps.db, tx, t.orders, eq(t.orders.id, orderId));
    const order = await loadOwnOrder(deps, tx, { userId, orderId });
    if (order.status !== 'new') {
      throw new Conflict(
        `The address can only change while the order is new; it is ${order.status}.`,
        'order_not_new',
      );
    }
    const [current] = await tx
      .select({ country: t.shippingAddresses.country })
      .from(t.shippingAddresses)
      .where(eq(t.shippingAddresses.orderId, orderId));
    if (current && current.country !== shippingAddress.country) {
      throw new BadInput(
        'Shipping was priced for another country; cancel and order again to ship there.',
        { 'shippingAddress.country': [`Must stay ${current.country}`] },
        'address_country',
      );
    }
    await tx
      .update(t.shippingAddresses)
      .set({ ...shippingAddress, line2: shippingAddress.line2 ?? null, state: shippingAddress.state ?? null })
      .where(eq(t.shippingAddresses.orderId, orderId));
    await tx
      .update(t.orders)
      .set({ addressWarnings: warnings, updatedAt: deps.clock.now() })
      .where(eq(t.orders.id, orderId));
  });
  return getOrder(deps, deps.db.db, { userId, orderId });
}

/**
 * A hash counted before: the order's own is a harmless repeat, one refused for this order is refused
 * again with its reason, any other a replay.
 */
async function refuseReplay(deps: Deps, orderId: string, hash: string): Promise<boolean> {
  const known = await paymentByHash(deps, deps.db.db, hash);
  if (!known) return false;
  if (known.orderId === orderId && known.status !== 'rejected') return true;
  if (known.orderId === orderId && known.reason) {
    throw new BadInput(known.reason, { transactionHash: [known.reason] }, 'payment_rejected');
  }
  throw new Conflict('This transaction was already used to pay for something else.', 'payment_reused');
}

/**
 * Money sent for an order that no longer wants it (paid twice, or after it was cancelled) still goes on
 * the books for its refund; an RPC that does not answer only leaves that to a later report.
 */
async function recordUnwanted(deps: Deps, hash: string): Promise<void> {
  if (await paymentByHash(deps, deps.db.db, hash)) return;
  try {
    const tx = await loadOrderTransaction(deps, hash);
    if (tx) await settleOrderTransaction(deps, tx, { userId: null });
  } catch (error) {
    if (!(error instanceof UpstreamUnavailable)) throw error;
  }
}

/**
 * `order.submitPayment`: the member reports the transaction paying their `new` order. A transaction
 * the chain shows pays the order its memo and reference name, whoever reports it
 * (docs/product/payments.md): the member's own order moves to `paid` and a job confirms it at
 * `finalized`; anything else is refused with its reason and the order stays `new`. A hash the chain does
 * not show yet leaves the order `new` with the report pending (it reserves nothing); a job re-checks it,
 * and the search by reference at the end of the window still finds a payment made meanwhile.
 */
export async function submitPayment(
  deps: Deps,
  userId: string,
  input: { orderId: string; transactionHash: string },
): Promise<TOrder> {
  const { orderId, transactionHash: hash } = input;
  const order = await loadOwnOrder(deps, deps.db.db, { userId, orderId });
  if (order.status !== 'new') {
    if (order.paymentTxHash === hash) return getOrder(deps, deps.db.db, { userId, orderId });
    await recordUnwanted(deps, hash);
  }
  assertPayable(order);
  if (await refuseReplay(deps, orderId, hash)) return getOrder(deps, deps.db.db, { userId, orderId });
  const tx = await loadOrderTransaction(deps, hash);
  if (!tx) {
    await deps.db.withTransaction(async (db) => {
      await recordReport(deps, db, { purpose: 'order', hash, userId, orderId });
      const startAfter = new Date(
        deps.clock.now().getTime() + deps.storefront.confirmationRetrySeconds * 1000,
      );
      await deps.jobs.queue.enqueue(paymentReportJob, { orderId }, { tx: db, startAfter });
    });
    return getOrder(deps, deps.db.db, { userId, orderId });
  }
  const settled = await settleOrderTransaction(deps, tx, { userId });
  if (paidThisOrder(orderId, settled)) return getOrder(deps, deps.db.db, { userId, orderId });
  const payer = await solanaPayerOf(deps, deps.db.db, userId);
  const verdict = verifyTokenPayment(tx, orderPaymentExpectation(deps, order, payer, 'confirmed'));
  if (!verdict.ok) {
    throw new BadInput(verdict.message, { transactionHash: [verdict.message] }, verdict.reason);
  }
  // It pays this order, yet did not: another run paid, cancelled or counted it meanwhile.
  assertPayable(await loadOwnOrder(deps, deps.db.db, { userId, orderId }));
  throw new Conflict('This transaction was already used to pay for something else.', 'payment_reused');
}
