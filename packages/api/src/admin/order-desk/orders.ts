import { centsToUsdt, type TAdminOrderRow, type TAdminOrderSearch, type TPage } from '@puffy/contracts';
import { containsInsensitive } from '@puffy/db';
import { and, asc, eq, gte, inArray, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { afterCursor, newestFirst, toPage } from '../../platform/cursor';

/** The WHERE of the orders desk: the search text and every filter, shared by the view and its export. */
function orderFilters(deps: Pick<Deps, 'db'>, input: TAdminOrderSearch): SQL | undefined {
  const { t } = deps.db;
  const o = t.orders;
  const filters: Array<SQL | undefined> = [afterCursor(input.cursor, o.createdAt, o.id)];
  if (input.status) filters.push(eq(o.status, input.status));
  if (input.country) filters.push(eq(t.shippingAddresses.country, input.country));
  if (input.from) filters.push(gte(o.createdAt, new Date(input.from)));
  if (input.to) filters.push(lt(o.createdAt, new Date(input.to)));
  // The column's own JSON encoding of an empty list, so both dialects compare like for like.
  if (input.addressWarnings !== undefined)
    filters.push(input.addressWarnings ? ne(o.addressWarnings, []) : eq(o.addressWarnings, []));
  if (input.productSku) {
    const withProduct = deps.db.db
      .select({ id: t.orderItems.orderId })
      .from(t.orderItems)
      .innerJoin(t.rcProducts, eq(t.rcProducts.id, t.orderItems.productId))
      .where(eq(t.rcProducts.sku, input.productSku));
    filters.push(inArray(o.id, withProduct));
  }
  if (input.query) {
    const q = input.query;
    const paidWith = deps.db.db
      .select({ id: t.payments.orderId })
      .from(t.payments)
      .where(eq(t.payments.transactionHash, q));
    filters.push(
      or(
        eq(o.id, q),
        eq(o.paymentTxHash, q),
        inArray(o.id, paidWith),
        eq(t.users.walletAddress, q),
        containsInsensitive(deps.db, t.shippingAddresses.email, q),
        containsInsensitive(deps.db, t.users.email, q),
      ),
    );
  }
  return and(...filters);
}

/** The orders desk: every member's orders, newest first, searched and filtered. */
export async function searchOrders(
  deps: Pick<Deps, 'db'>,
  input: TAdminOrderSearch,
): Promise<TPage<TAdminOrderRow>> {
  const { db, t } = deps.db;
  const o = t.orders;
  const rows = await db
    .select({ order: o, address: t.shippingAddresses, walletAddress: t.users.walletAddress })
    .from(o)
    .innerJoin(t.users, eq(t.users.id, o.userId))
    .innerJoin(t.shippingAddresses, eq(t.shippingAddresses.orderId, o.id))
    .where(orderFilters(deps, input))
    .orderBy(...newestFirst(o.createdAt, o.id))
    .limit(input.limit + 1);
  const page = toPage(
    rows.map((r) => ({ ...r, id: r.order.id, createdAt: r.order.createdAt })),
    input.limit,
    (r) => r,
  );
  const ids = page.items.map((r) => r.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .select({ orderId: t.orderItems.orderId, sku: t.rcProducts.sku })
          .from(t.orderItems)
          .innerJoin(t.rcProducts, eq(t.rcProducts.id, t.orderItems.productId))
          .where(inArray(t.orderItems.orderId, ids))
          .orderBy(asc(t.orderItems.id));
  return {
    items: page.items.map(({ order, address, walletAddress }) => ({
      id: order.id,
      userId: order.userId,
      walletAddress,
      status: order.status,
      total: centsToUsdt(order.totalCents),
      skus: items.filter((i) => i.orderId === order.id).map((i) => i.sku),
      name: address.name,
      email: address.email,
      country: address.country,
      addressWarnings: order.addressWarnings,
      transactionHash: order.paymentTxHash,
      cancelReason: order.cancelReason,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
