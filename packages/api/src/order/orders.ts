import { orderMemo } from '@puffy/chains';
import {
  centsToUsdt,
  type TOrder,
  type TOrderHistory,
  type TOrderListInput,
  type TPage,
} from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Deps } from '../deps';
import { newestPage } from '../platform/cursor';
import { Conflict, NotFound } from '../platform/errors';

type OrderRow = typeof import('@puffy/db').pg.orders.$inferSelect;
type ItemRow = typeof import('@puffy/db').pg.orderItems.$inferSelect;

/** Checkout writes the variant of every item (pods name the device they fit); a null is corrupt data. */
function variantOf(item: ItemRow): NonNullable<ItemRow['variant']> {
  if (!item.variant) throw new Error(`order item ${item.id} has no variant`);
  return item.variant;
}

/** Reads orders with their items and addresses in three queries, whatever the number of orders. */
async function hydrate(deps: Deps, q: Database, rows: OrderRow[]): Promise<TOrder[]> {
  if (rows.length === 0) return [];
  const { t } = deps.db;
  const ids = rows.map((r) => r.id);
  const [items, addresses] = await Promise.all([
    q
      .select({ item: t.orderItems, sku: t.rcProducts.sku })
      .from(t.orderItems)
      .innerJoin(t.rcProducts, eq(t.rcProducts.id, t.orderItems.productId))
      .where(inArray(t.orderItems.orderId, ids))
      .orderBy(asc(t.orderItems.id)),
    q.select().from(t.shippingAddresses).where(inArray(t.shippingAddresses.orderId, ids)),
  ]);
  const { usdtMint, treasuryAddress } = deps.storefront;
  return rows.map((row) => {
    const address = addresses.find((a) => a.orderId === row.id);
    if (!address) throw new Error(`order ${row.id} has no shipping address`);
    const memo = orderMemo({ orderId: row.id });
    const total = centsToUsdt(row.totalCents);
    const payUrl = new URL(`solana:${treasuryAddress}`);
    payUrl.searchParams.set('amount', total);
    payUrl.searchParams.set('spl-token', usdtMint);
    payUrl.searchParams.set('reference', row.reference);
    payUrl.searchParams.set('label', 'Puffy');
    payUrl.searchParams.set('memo', memo);
    return {
      id: row.id,
      status: row.status,
      lines: items
        .filter(({ item }) => item.orderId === row.id)
        .map(({ item, sku }) => ({
          sku,
          kind: item.kind,
          variant: variantOf(item),
          colorway: item.colorway,
          flavor: item.flavor,
          nicotine: item.nicotine,
          quantity: item.quantity,
          unitPrice: centsToUsdt(item.unitPriceCents),
          discount: centsToUsdt(item.discountCents),
          total: centsToUsdt(item.unitPriceCents * BigInt(item.quantity) - item.discountCents),
        })),
      subtotal: centsToUsdt(row.subtotalCents),
      discount: centsToUsdt(row.discountCents),
      shipping: centsToUsdt(row.shippingCents),
      total,
      shippingAddress: {
        name: address.name,
        email: address.email,
        phone: address.phone,
        line1: address.line1,
        line2: address.line2,
        city: address.city,
        state: address.state,
        postalCode: address.postalCode,
        country: address.country,
      },
      addressWarnings: row.addressWarnings,
      payment: {
        amount: total,
        mint: usdtMint,
        recipient: treasuryAddress,
        reference: row.reference,
        memo,
        payBefore: row.payBefore.toISOString(),
        solanaPayUrl: payUrl.toString(),
      },
      transactionHash: row.paymentTxHash,
      cancelReason: row.cancelReason,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** Which member asks for which order. */
export interface OwnOrder {
  userId: string;
  orderId: string;
}

/**
 * The member's own order; someone else's is "not found" so ids cannot be probed. `q` is the open
 * transaction's handle, or `deps.db.db` outside one.
 */
export async function loadOwnOrder(deps: Deps, q: Database, own: OwnOrder): Promise<OrderRow> {
  const { userId, orderId } = own;
  const o = deps.db.t.orders;
  const [row] = await q.select().from(o).where(eq(o.id, orderId)).limit(1);
  if (!row || row.userId !== userId)
    throw new NotFound('There is no such order of yours.', 'order_not_found');
  return row;
}

/** Only a `new` order can be paid (docs/product/payments.md); any later status refuses a payment. */
export function assertPayable(order: Pick<OrderRow, 'status'>): void {
  if (order.status !== 'new')
    throw new Conflict(`Only a new order can be paid; this one is ${order.status}.`, 'order_not_new');
}

export async function getOrder(deps: Deps, q: Database, own: OwnOrder): Promise<TOrder> {
  const row = await loadOwnOrder(deps, q, own);
  const [order] = await hydrate(deps, q, [row]);
  if (!order) throw new Error('order vanished while reading it');
  return order;
}

export async function listOrders(deps: Deps, userId: string, input: TOrderListInput): Promise<TPage<TOrder>> {
  const o = deps.db.t.orders;
  const filters = [
    eq(o.userId, userId),
    input.status ? eq(o.status, input.status) : undefined,
    input.from ? gte(o.createdAt, new Date(input.from)) : undefined,
    input.to ? lt(o.createdAt, new Date(input.to)) : undefined,
  ];
  const page = await newestPage(
    deps.db.db.select().from(o).$dynamic(),
    o,
    { ...input, filters },
    (row) => row,
  );
  return { items: await hydrate(deps, deps.db.db, page.items), nextCursor: page.nextCursor };
}

/** `order.get`: the member's own order. */
export function memberOrder(deps: Deps, userId: string, input: { orderId: string }): Promise<TOrder> {
  return getOrder(deps, deps.db.db, { userId, orderId: input.orderId });
}

/** The order's status history for its timeline: the member's own order only, oldest first. */
export async function orderHistory(
  deps: Deps,
  userId: string,
  input: { orderId: string },
): Promise<TOrderHistory> {
  const { orderId } = input;
  await loadOwnOrder(deps, deps.db.db, { userId, orderId });
  const h = deps.db.t.orderStatusHistory;
  const rows = await deps.db.db
    .select()
    .from(h)
    .where(eq(h.orderId, orderId))
    .orderBy(asc(h.createdAt), asc(h.id))
    .limit(100);
  return {
    events: rows.map((row) => ({
      orderId,
      status: row.toStatus,
      reason: row.reason,
      at: row.createdAt.toISOString(),
    })),
  };
}
