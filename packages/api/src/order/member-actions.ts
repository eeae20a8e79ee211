import { isTransientPaymentFailure } from '@puffy/chains';
import { centsToTokenUnits, type TOrder, type TShippingAddress } from '@puffy/contracts';
import { type Database, lockRows } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { queueEmail } from '../notification/service';
import { recordPayment } from '../payment/record';
import { BadInput, Conflict } from '../platform/errors';
import { giveBack } from './give-back';
import { confirmPaymentJob } from './jobs-definitions';
import { getOrder, loadOwnOrder } from './orders';
import { checkOrderPayment, orderPaymentExpectation, solanaPayerOf } from './payment-check';
import { publishStatus, transitionOrder } from './transition';

/** The member cancels their own order while it is `new`; the pass and free device come back. */
export async function cancelOrder(deps: Deps, userId: string, orderId: string): Promise<TOrder> {
  const event = await deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, deps.db.t.orders, eq(deps.db.t.orders.id, orderId));
    const order = await loadOwnOrder(deps, userId, orderId, tx);
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
  return getOrder(deps, userId, orderId);
}

export async function updateAddress(
  deps: Deps,
  userId: string,
  orderId: string,
  address: TShippingAddress,
): Promise<TOrder> {
  const warnings = await deps.storefront.addressValidator.validate(address);
  await deps.db.withTransaction(async (tx) => {
    const { t } = deps.db;
    await lockRows(deps.db, tx, t.orders, eq(t.orders.id, orderId));
    const order = await loadOwnOrder(deps, userId, orderId, tx);
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
    if (current && current.country !== address.country) {
      throw new BadInput(
        'Shipping was priced for another country; cancel and order again to ship there.',
        { 'shippingAddress.country': [`Must stay ${current.country}`] },
        'address_country',
      );
    }
    await tx
      .update(t.shippingAddresses)
      .set({ ...address, line2: address.line2 ?? null, state: address.state ?? null })
      .where(eq(t.shippingAddresses.orderId, orderId));
    await tx
      .update(t.orders)
      .set({ addressWarnings: warnings, updatedAt: deps.clock.now() })
      .where(eq(t.orders.id, orderId));
  });
  return getOrder(deps, userId, orderId);
}

/**
 * The order's payment as the shared payments table keeps it (the NFT gas fee's too): the unique
 * transaction hash is what stops one transfer from paying twice, whichever instance records it first.
 * Recorded as `pending` with nothing counted yet; the confirmation job settles it at `finalized`.
 */
export function recordOrderPayment(
  deps: Deps,
  tx: Database,
  p: { orderId: string; hash: string; payer: string; expectedCents: bigint },
): Promise<unknown> {
  return recordPayment(deps, tx, {
    purpose: 'order',
    network: 'sol',
    transactionHash: p.hash,
    payer: p.payer,
    recipient: deps.storefront.treasuryAddress,
    tokenMint: deps.storefront.usdtMint,
    amount: 0n,
    expectedAmount: centsToTokenUnits(p.expectedCents),
    status: 'pending',
    orderId: p.orderId,
  });
}

/**
 * Moves a `new` order to `paid` with the reported transaction, after a first check at `confirmed` that
 * refuses a transaction that can never pay for it. The job confirms it at `finalized`.
 */
export async function submitPayment(
  deps: Deps,
  userId: string,
  orderId: string,
  hash: string,
): Promise<TOrder> {
  const order = await loadOwnOrder(deps, userId, orderId);
  if (order.status !== 'new') {
    if (order.paymentTxHash === hash) return getOrder(deps, userId, orderId);
    throw new Conflict(`Only a new order can be paid; this one is ${order.status}.`, 'order_not_new');
  }
  const payer = await solanaPayerOf(deps, userId);
  const verdict = await checkOrderPayment(
    deps,
    hash,
    orderPaymentExpectation(deps, order, payer, 'confirmed'),
  );
  if (!verdict.ok && !isTransientPaymentFailure(verdict.reason)) {
    throw new BadInput(verdict.message, { transactionHash: [verdict.message] }, verdict.reason);
  }
  const event = await deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, deps.db.t.orders, eq(deps.db.t.orders.id, orderId));
    await recordOrderPayment(deps, tx, { orderId, hash, payer, expectedCents: order.totalCents });
    const moved = await transitionOrder(deps, tx, {
      orderId,
      from: 'new',
      to: 'paid',
      reason: 'payment submitted',
      actor: userId,
      set: { paymentTxHash: hash },
    });
    await deps.jobs.queue.enqueue(
      confirmPaymentJob,
      { orderId },
      { tx, singletonKey: `order-confirm:${orderId}` },
    );
    await queueEmail(deps, tx, { kind: 'order_paid', userId, orderId });
    return moved;
  });
  await publishStatus(deps, event);
  return getOrder(deps, userId, orderId);
}
