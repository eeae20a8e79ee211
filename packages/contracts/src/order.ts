import { z } from 'zod';
import { ZSolanaAddress, ZSolanaSignature } from './auth';
import { ZOrderStatus } from './enums';
import { ZPageInput } from './pagination';
import { ZCountryCode, ZQuoteLine, ZUsdtAmount } from './store';
import { text } from './text';
import { inputTime } from './time';

/** Shipping address fields as docs/product/orders.md lists them; phone and postal code are checked as warnings. */
export const ZShippingAddress = z.object({
  name: text().trim().min(1).max(120),
  email: z.email().max(254),
  phone: text().trim().min(3).max(40),
  line1: text().trim().min(1).max(200),
  line2: text().trim().max(200).nullish(),
  city: text().trim().min(1).max(120),
  state: text().trim().max(120).nullish(),
  postalCode: text().trim().min(1).max(20),
  country: ZCountryCode,
});
export type TShippingAddress = z.infer<typeof ZShippingAddress>;

export const ZCheckoutInput = z.object({
  quoteId: text().min(1).max(64),
  shippingAddress: ZShippingAddress,
  /** The same key for every retry of one submit: a retried submit finds the first order. */
  idempotencyKey: text().min(8).max(100),
});
export type TCheckoutInput = z.infer<typeof ZCheckoutInput>;

export const ZOrderPayment = z.object({
  /** Decimal USDT the transfer must carry at least. */
  amount: ZUsdtAmount,
  mint: z.string(),
  /** The treasury wallet; the transfer goes to its associated token account. */
  recipient: z.string(),
  /** Solana Pay reference key the transfer must carry. */
  reference: z.string(),
  /** The exact memo text. */
  memo: z.string(),
  payBefore: z.iso.datetime(),
  /** A Solana Pay transfer request URL for the same payment (shown as a QR code). */
  solanaPayUrl: z.string(),
});

export const ZOrder = z.object({
  id: z.string(),
  status: ZOrderStatus,
  lines: z.array(ZQuoteLine),
  subtotal: ZUsdtAmount,
  discount: ZUsdtAmount,
  shipping: ZUsdtAmount,
  total: ZUsdtAmount,
  shippingAddress: ZShippingAddress,
  addressWarnings: z.array(z.string()),
  payment: ZOrderPayment,
  transactionHash: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZOrderSummary = ZOrder.pick({
  id: true,
  status: true,
  total: true,
  createdAt: true,
  updatedAt: true,
});

export const ZOrderListInput = ZPageInput.extend({
  status: ZOrderStatus.optional(),
  /** Orders created at or after this time. */
  from: inputTime().optional(),
  /** Orders created before this time. */
  to: inputTime().optional(),
});
export type TOrderListInput = z.infer<typeof ZOrderListInput>;

export const ZOrderId = z.object({ orderId: text().min(1).max(64) });

export const ZCancelOrderInput = ZOrderId;

export const ZUpdateAddressInput = ZOrderId.extend({ shippingAddress: ZShippingAddress });

export const ZSubmitPaymentInput = ZOrderId.extend({ transactionHash: ZSolanaSignature });

/** The wallet that will sign: it must be the member's Solana wallet, which the verifier requires. */
export const ZPaymentTransactionInput = ZOrderId.extend({ account: ZSolanaAddress });

/** One event of the order status stream. */
export const ZOrderStatusEvent = z.object({
  orderId: z.string(),
  status: ZOrderStatus,
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});
export type TOrderStatusEvent = z.infer<typeof ZOrderStatusEvent>;

/** Every status an order went through, oldest first (at most 100: the state machine has fewer steps). */
export const ZOrderHistory = z.object({ events: z.array(ZOrderStatusEvent).max(100) });
export type TOrderHistory = z.infer<typeof ZOrderHistory>;
