import {
  ZColorway,
  ZDeviceVariant,
  ZNicotine,
  ZOrderStatus,
  ZPodFlavor,
  ZProductKind,
} from '@puffy/contracts';
import { sql } from 'drizzle-orm';
import { enumCheck, enumValues, rawCheck } from '../enums';
import type { CatalogTables } from './catalog';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export function orderTables(
  {
    belongsToMember,
    check,
    createdAt,
    index,
    integer,
    json,
    money,
    partOf,
    table,
    text,
    time,
    timestamps,
    unique,
    uuidId,
  }: ColumnKit,
  { rcProducts, users }: Pick<CatalogTables, 'rcProducts'> & Pick<IdentityTables, 'users'>,
) {
  /** A priced offer with an expiry; checkout refuses one that expired or no longer matches the rules. */
  const quotes = table(
    'quotes',
    {
      id: uuidId(),
      ...belongsToMember(users),
      payload: json<Record<string, unknown>>('payload').notNull(),
      totalCents: money('total_cents').notNull(),
      rulesHash: text('rules_hash').notNull(),
      passCode: text('pass_code'),
      expiresAt: time('expires_at').notNull(),
      createdAt: createdAt(),
    },
    (t) => [index('quotes_user_idx').on(t.userId)],
  );

  const orders = table(
    'orders',
    {
      id: uuidId(),
      userId: text('user_id')
        .notNull()
        .references(() => users.id),
      status: text('status', { enum: enumValues(ZOrderStatus) })
        .notNull()
        .default('new'),
      quoteId: text('quote_id')
        .notNull()
        .references(() => quotes.id),
      subtotalCents: money('subtotal_cents').notNull(),
      discountCents: money('discount_cents').notNull(),
      shippingCents: money('shipping_cents').notNull(),
      totalCents: money('total_cents').notNull(),
      /** The Solana Pay reference the USDT payment carries. */
      reference: text('reference').notNull().unique(),
      /** A retried submit carries the same key and finds the order it already made. */
      idempotencyKey: text('idempotency_key').notNull(),
      requestHash: text('request_hash').notNull(),
      payBefore: time('pay_before').notNull(),
      paymentTxHash: text('payment_tx_hash'),
      cancelReason: text('cancel_reason'),
      addressWarnings: json<string[]>('address_warnings').notNull().default([]),
      ...timestamps(),
    },
    (t) => [
      unique('orders_idempotency_unique').on(t.userId, t.idempotencyKey),
      index('orders_user_created_idx').on(t.userId, t.createdAt),
      index('orders_status_idx').on(t.status, t.createdAt),
      check('orders_status_check', enumCheck(t.status, enumValues(ZOrderStatus))),
    ],
  );

  const orderItems = table(
    'order_items',
    {
      id: uuidId(),
      orderId: partOf('order_id', orders),
      productId: integer('product_id')
        .notNull()
        .references(() => rcProducts.id),
      kind: text('kind', { enum: enumValues(ZProductKind) }).notNull(),
      variant: text('variant', { enum: enumValues(ZDeviceVariant) }),
      colorway: text('colorway', { enum: enumValues(ZColorway) }),
      flavor: text('flavor', { enum: enumValues(ZPodFlavor) }),
      nicotine: text('nicotine', { enum: enumValues(ZNicotine) }),
      quantity: integer('quantity').notNull(),
      unitPriceCents: money('unit_price_cents').notNull(),
      discountCents: money('discount_cents').notNull().default(sql`0`),
    },
    (t) => [
      index('order_items_order_idx').on(t.orderId),
      check('order_items_kind_check', enumCheck(t.kind, enumValues(ZProductKind))),
      check('order_items_variant_check', enumCheck(t.variant, enumValues(ZDeviceVariant))),
      check('order_items_colorway_check', enumCheck(t.colorway, enumValues(ZColorway))),
      check('order_items_flavor_check', enumCheck(t.flavor, enumValues(ZPodFlavor))),
      check('order_items_nicotine_check', enumCheck(t.nicotine, enumValues(ZNicotine))),
      check('order_items_quantity_check', rawCheck('"quantity" > 0')),
    ],
  );

  const shippingAddresses = table('shipping_addresses', {
    id: uuidId(),
    orderId: partOf('order_id', orders).unique(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    state: text('state'),
    postalCode: text('postal_code').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
  });

  const orderStatusHistory = table(
    'order_status_history',
    {
      id: uuidId(),
      orderId: partOf('order_id', orders),
      fromStatus: text('from_status', { enum: enumValues(ZOrderStatus) }),
      toStatus: text('to_status', { enum: enumValues(ZOrderStatus) }).notNull(),
      reason: text('reason'),
      /** A user id, or 'system' for jobs. */
      actor: text('actor').notNull(),
      createdAt: createdAt(),
    },
    (t) => [
      index('order_status_history_order_idx').on(t.orderId, t.createdAt),
      check('order_status_history_from_check', enumCheck(t.fromStatus, enumValues(ZOrderStatus))),
      check('order_status_history_to_check', enumCheck(t.toStatus, enumValues(ZOrderStatus))),
    ],
  );

  return { quotes, orders, orderItems, shippingAddresses, orderStatusHistory };
}

export type OrderTables = ReturnType<typeof orderTables>;
