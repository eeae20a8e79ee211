import { ZNetwork, ZPaymentPurpose, ZPaymentStatus } from '@puffy/contracts';
import { sql } from 'drizzle-orm';
import { enumCheck, enumValues, paymentReportStatuses } from '../enums';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';
import type { NftTables } from './nfts';
import type { OrderTables } from './orders';

export function paymentTables(
  { check, index, integer, money, table, text, time, timestamps, uuidId }: ColumnKit,
  {
    users,
    userNfts,
    orders,
  }: Pick<IdentityTables, 'users'> & Pick<NftTables, 'userNfts'> & Pick<OrderTables, 'orders'>,
) {
  /**
   * Every treasury payment seen on the chain, for an NFT gas fee or an order, attached to the claim or
   * order its memo and reference name (null for neither), never to whoever reported it. The unique
   * transaction hash is what stops one payment from being counted twice, whichever server sees it
   * first. A payment that paid nothing keeps its row, `rejected` with the reason, for its refund.
   */
  const payments = table(
    'payments',
    {
      id: uuidId(),
      purpose: text('purpose', { enum: enumValues(ZPaymentPurpose) }).notNull(),
      network: text('network', { enum: enumValues(ZNetwork) }).notNull(),
      transactionHash: text('transaction_hash').notNull().unique(),
      payer: text('payer').notNull(),
      recipient: text('recipient').notNull(),
      /** Null for native SOL; the SPL mint (USDT) otherwise. */
      tokenMint: text('token_mint'),
      amount: money('amount').notNull(),
      expectedAmount: money('expected_amount').notNull(),
      /** Paid beyond the expected amount, listed in the treasury reconciliation for refund. */
      surplus: money('surplus').notNull().default(sql`0`),
      status: text('status', { enum: enumValues(ZPaymentStatus) }).notNull(),
      nftId: integer('nft_id').references(() => userNfts.id),
      orderId: text('order_id').references(() => orders.id),
      blockTime: time('block_time'),
      reason: text('reason'),
      refundTxHash: text('refund_tx_hash'),
      ...timestamps(),
    },
    (t) => [
      index('payments_status_idx').on(t.status),
      index('payments_nft_idx').on(t.nftId),
      index('payments_order_idx').on(t.orderId),
      check('payments_purpose_check', enumCheck(t.purpose, enumValues(ZPaymentPurpose))),
      check('payments_network_check', enumCheck(t.network, enumValues(ZNetwork))),
      check('payments_status_check', enumCheck(t.status, enumValues(ZPaymentStatus))),
    ],
  );

  /**
   * A member's word that a transaction pays for their claim or order, kept while the chain does not show
   * it yet. It reserves nothing: many reports may name one hash, and the transaction, once visible, pays
   * whatever its memo and reference name (docs/product/payments.md).
   */
  const paymentReports = table(
    'payment_reports',
    {
      id: uuidId(),
      purpose: text('purpose', { enum: enumValues(ZPaymentPurpose) }).notNull(),
      transactionHash: text('transaction_hash').notNull(),
      nftId: integer('nft_id').references(() => userNfts.id),
      orderId: text('order_id').references(() => orders.id),
      reportedBy: text('reported_by')
        .notNull()
        .references(() => users.id),
      status: text('status', { enum: paymentReportStatuses }).notNull(),
      /** Why the report paid nothing, in words for the member. */
      reason: text('reason'),
      ...timestamps(),
    },
    (t) => [
      index('payment_reports_nft_idx').on(t.nftId),
      index('payment_reports_order_idx').on(t.orderId),
      index('payment_reports_hash_idx').on(t.transactionHash),
      check('payment_reports_purpose_check', enumCheck(t.purpose, enumValues(ZPaymentPurpose))),
      check('payment_reports_status_check', enumCheck(t.status, paymentReportStatuses)),
    ],
  );

  return { payments, paymentReports };
}

export type PaymentTables = ReturnType<typeof paymentTables>;
