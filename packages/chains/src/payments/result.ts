import { z } from 'zod';
import { type Refusal, refusal } from '../refusal';

/** Why a payment transaction does not pay for a claim or an order, one reason per check. */
export const ZPaymentFailureReason = z.enum([
  'not_found',
  'failed',
  'not_finalized',
  'wrong_payer',
  'transfer_missing',
  'wrong_recipient',
  'wrong_mint',
  'amount_too_small',
  'reference_missing',
  'memo_missing',
  'memo_mismatch',
  'outside_window',
]);
export type TPaymentFailureReason = z.infer<typeof ZPaymentFailureReason>;

/**
 * Reasons that may clear by themselves: the transaction is not visible yet, or not final yet. A job
 * re-checks these later; every other reason is final for that transaction.
 */
export const isTransientPaymentFailure = (reason: TPaymentFailureReason): boolean =>
  reason === 'not_found' || reason === 'not_finalized';

export interface PaymentAccepted {
  ok: true;
  signature: string;
  /** What certainly left the payer and reached the treasury, in lamports or token base units. */
  amount: bigint;
  /** `amount - minAmount`, recorded for the treasury reconciliation's refunds. */
  surplus: bigint;
  blockTime: Date;
  slot: number;
  payer: string;
  recipient: string;
  /** The SPL mint for token payments, null for SOL. */
  mint: string | null;
}

export type PaymentRefused = Refusal<TPaymentFailureReason>;

export type PaymentVerification = PaymentAccepted | PaymentRefused;

export const refuse: (reason: TPaymentFailureReason, message: string) => PaymentRefused = refusal;
