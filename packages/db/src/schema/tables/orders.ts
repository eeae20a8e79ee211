import {
  ZColorway,
  ZDeviceVariant,
  ZNicotine,
  ZOrderStatus,
  ZPodFlavor,
  ZProductKind,
} from '@puffy/contracts';
import { sql } from 'drizzle-orm';
import { enumValues, rawCheck } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function orderTables(k: ColumnKit, { rcProducts, users }: Parents<'rcProducts' | 'users'>) {
  /** A priced offer with an expiry; checkout refuses one that expired or no longer matches the rules. */
  const quotes = k.table(
    'quotes',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      payload: k.json<Record<string, unknown>>('payload').notNull(),
      totalCents: k.money('total_cents').notNull(),
      rulesHash: k.text('rules_hash').notNull(),
      passCode: k.text('pass_code'),
      expiresAt: k.time('expires_at').notNull(),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('quotes_user_idx').on(t.userId)],
  );

  const orders = k.table(
    'orders',
    {
      id: k.uuidId(),
      userId: k.keeps('user_id', users).notNull(),
      status: k
        .text('status', { enum: enumValues(ZOrderStatus) })
        .notNull()
        .default('new'),
      quoteId: k.keeps('quote_id', quotes).notNull(),
      subtotalCents: k.money('subtotal_cents').notNull(),
      discountCents: k.money('discount_cents').notNull(),
      shippingCents: k.money('shipping_cents').notNull(),
      totalCents: k.money('total_cents').notNull(),
      /** The Solana Pay reference the USDT payment carries. */
      reference: k.text('reference').notNull().unique(),
      /** A retried submit carries the same key and finds the order it already made. */
      idempotencyKey: k.text('idempotency_key').notNull(),
      requestHash: k.text('request_hash').notNull(),
      payBefore: k.time('pay_before').notNull(),
      paymentTxHash: k.text('payment_tx_hash'),
      cancelReason: k.text('cancel_reason'),
      addressWarnings: k.json<string[]>('address_warnings').notNull().default([]),
      ...k.timestamps(),
    },
    (t) => [
      k.unique('orders_idempotency_unique').on(t.userId, t.idempotencyKey),
      k.index('orders_user_created_idx').on(t.userId, t.createdAt),
      k.index('orders_status_idx').on(t.status, t.createdAt),
    ],
  );

  const orderItems = k.table(
    'order_items',
    {
      id: k.uuidId(),
      orderId: k.partOf('order_id', orders),
      productId: k.keepsSerial('product_id', rcProducts).notNull(),
      kind: k.text('kind', { enum: enumValues(ZProductKind) }).notNull(),
      variant: k.text('variant', { enum: enumValues(ZDeviceVariant) }),
      colorway: k.text('colorway', { enum: enumValues(ZColorway) }),
      flavor: k.text('flavor', { enum: enumValues(ZPodFlavor) }),
      nicotine: k.text('nicotine', { enum: enumValues(ZNicotine) }),
      quantity: k.integer('quantity').notNull(),
      unitPriceCents: k.money('unit_price_cents').notNull(),
      discountCents: k.money('discount_cents').notNull().default(sql`0`),
    },
    (t) => [
      k.index('order_items_order_idx').on(t.orderId),
      k.check('order_items_quantity_check', rawCheck('"quantity" > 0')),
    ],
  );

  const shippingAddresses = k.table('shipping_addresses', {
    id: k.uuidId(),
    orderId: k.partOf('order_id', orders).unique(),
    name: k.text('name').notNull(),
    email: k.text('email').notNull(),
    phone: k.text('phone').notNull(),
    line1: k.text('line1').notNull(),
    line2: k.text('line2'),
    city: k.text('city').notNull(),
    state: k.text('state'),
    postalCode: k.text('postal_code').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: k.text('country').notNull(),
  });

  const orderStatusHistory = k.table(
    'order_status_history',
    {
      id: k.uuidId(),
      orderId: k.partOf('order_id', orders),
      fromStatus: k.text('from_status', { enum: enumValues(ZOrderStatus) }),
      toStatus: k.text('to_status', { enum: enumValues(ZOrderStatus) }).notNull(),
      reason: k.text('reason'),
      /** A user id, or 'system' for jobs. */
      actor: k.text('actor').notNull(),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('order_status_history_order_idx').on(t.orderId, t.createdAt)],
    // Named for the transition's two ends before the rule named checks for their columns.
    { fromStatus: 'from', toStatus: 'to' },
  );

  return { quotes, orders, orderItems, shippingAddresses, orderStatusHistory };
}

export type OrderTables = ReturnType<typeof orderTables>;
