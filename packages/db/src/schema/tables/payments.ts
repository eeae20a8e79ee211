import { ZNetwork, ZPaymentPurpose, ZPaymentStatus } from '@puffy/contracts';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { enumValues, paymentReportStatuses } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function paymentTables(
  k: ColumnKit,
  { users, userNfts, orders }: Parents<'users' | 'userNfts' | 'orders'>,
) {
  /**
   * The NFT claim or the order a payment pays, as its memo and reference name them (null for neither),
   * and its lookups from either: a payment or a report of one is found from what it pays for.
   */
  const paysFor = () => ({
    nftId: k.keepsSerial('nft_id', userNfts),
    orderId: k.keeps('order_id', orders),
  });
  const paysForIndexes = (table: string, t: { nftId: AnyPgColumn; orderId: AnyPgColumn }) => [
    k.index(`${table}_nft_idx`).on(t.nftId),
    k.index(`${table}_order_idx`).on(t.orderId),
  ];

  /**
   * Every treasury payment seen on the chain, for an NFT gas fee or an order, attached to the claim or
   * order its memo and reference name (null for neither), never to whoever reported it. The unique
   * transaction hash is what stops one payment from being counted twice, whichever server sees it
   * first. A payment that paid nothing keeps its row, `rejected` with the reason, for its refund.
   */
  const payments = k.table(
    'payments',
    {
      id: k.uuidId(),
      purpose: k.text('purpose', { enum: enumValues(ZPaymentPurpose) }).notNull(),
      network: k.text('network', { enum: enumValues(ZNetwork) }).notNull(),
      transactionHash: k.text('transaction_hash').notNull().unique(),
      payer: k.text('payer').notNull(),
      recipient: k.text('recipient').notNull(),
      /** Null for native SOL; the SPL mint (USDT) otherwise. */
      tokenMint: k.text('token_mint'),
      amount: k.money('amount').notNull(),
      expectedAmount: k.money('expected_amount').notNull(),
      /** Paid beyond the expected amount, listed in the treasury reconciliation for refund. */
      surplus: k.money('surplus').notNull().default(sql`0`),
      status: k.text('status', { enum: enumValues(ZPaymentStatus) }).notNull(),
      ...paysFor(),
      blockTime: k.time('block_time'),
      reason: k.text('reason'),
      refundTxHash: k.text('refund_tx_hash'),
      ...k.timestamps(),
    },
    (t) => [k.index('payments_status_idx').on(t.status), ...paysForIndexes('payments', t)],
  );

  /**
   * A member's word that a transaction pays for their claim or order, kept while the chain does not show
   * it yet. It reserves nothing: many reports may name one hash, and the transaction, once visible, pays
   * whatever its memo and reference name (docs/product/payments.md).
   */
  const paymentReports = k.table(
    'payment_reports',
    {
      id: k.uuidId(),
      purpose: k.text('purpose', { enum: enumValues(ZPaymentPurpose) }).notNull(),
      transactionHash: k.text('transaction_hash').notNull(),
      ...paysFor(),
      reportedBy: k.keeps('reported_by', users).notNull(),
      status: k.text('status', { enum: paymentReportStatuses }).notNull(),
      /** Why the report paid nothing, in words for the member. */
      reason: k.text('reason'),
      ...k.timestamps(),
    },
    (t) => [
      ...paysForIndexes('payment_reports', t),
      k.index('payment_reports_hash_idx').on(t.transactionHash),
    ],
  );

  return { payments, paymentReports };
}

export type PaymentTables = ReturnType<typeof paymentTables>;
