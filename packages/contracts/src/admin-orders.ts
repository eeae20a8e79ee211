import { z } from 'zod';
import { ZRowMember } from './admin';
import { ZSolanaSignature } from './auth';
import { ZNetwork, ZNftStatus, ZOrderStatus, ZPaymentPurpose, ZPaymentStatus } from './enums';
import { ZPageInput } from './pagination';
import { ZCountryCode, ZUsdtAmount } from './store';
import { text } from './text';
import { inputTime } from './time';
import { ZUserInfo } from './user';

/* The orders and members side of the admin console (docs/product/admin.md). */

const ZId = text().trim().min(1).max(64);
const ZReason = text().trim().min(3, 'Say why in a few words').max(500);

/** An operator's action on one record: which record, and why (the audit log keeps the reason). */
const operatorAction = <S extends z.ZodRawShape>(target: S) => z.object({ ...target, reason: ZReason });

export const ZAdminOrderSearch = ZPageInput.extend({
  query: text()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Order id, wallet address, email or payment transaction hash'),
  status: ZOrderStatus.optional(),
  productSku: text().trim().min(1).max(64).optional(),
  country: ZCountryCode.optional(),
  /** Orders created at or after this time. */
  from: inputTime().optional(),
  /** Orders created before this time. */
  to: inputTime().optional(),
  /** Only orders whose shipping address raised warnings. */
  addressWarnings: z.boolean().optional(),
});
export type TAdminOrderSearch = z.infer<typeof ZAdminOrderSearch>;

export const ZAdminOrderRow = z.object({
  id: z.string(),
  ...ZRowMember.shape,
  status: ZOrderStatus,
  total: ZUsdtAmount,
  skus: z.array(z.string()),
  name: z.string(),
  email: z.string(),
  country: z.string(),
  addressWarnings: z.array(z.string()),
  transactionHash: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TAdminOrderRow = z.infer<typeof ZAdminOrderRow>;

/** The statuses an operator may move orders to; payment states belong to the payment worker. */
export const ZAdminOrderTarget = z.enum(['processing', 'shipped', 'delivered', 'cancelled', 'refunded']);
export type TAdminOrderTarget = z.infer<typeof ZAdminOrderTarget>;

export const ZBulkOrderStatusInput = z
  .object({
    orderIds: z.array(ZId).min(1, 'Choose at least one order').max(100, 'At most 100 orders at a time'),
    to: ZAdminOrderTarget,
    reason: ZReason.optional(),
  })
  .refine((v) => (v.to !== 'refunded' && v.to !== 'cancelled') || v.reason !== undefined, {
    message: 'Refunds and cancellations need a reason',
    path: ['reason'],
  });
export type TBulkOrderStatusInput = z.infer<typeof ZBulkOrderStatusInput>;

export const ZBulkOrderStatusResult = z.object({
  changed: z.array(z.object({ orderId: z.string(), from: ZOrderStatus, to: ZOrderStatus })),
  refused: z.array(z.object({ orderId: z.string(), code: z.string(), message: z.string() })),
});
export type TBulkOrderStatusResult = z.infer<typeof ZBulkOrderStatusResult>;

export const ZRefundOrderInput = operatorAction({ orderId: ZId }).extend({
  /** The transaction that sent the money back, when it was already sent. */
  refundTransactionHash: ZSolanaSignature.optional(),
});

/** The NFT's own input, `{ nftId }`, is the promotion contract's `ZRetryMintInput`. */
export const ZRetryMintResult = z.object({
  nftId: z.number().int(),
  status: ZNftStatus,
  queued: z.boolean(),
});

export const ZTreasuryProblem = z.enum(['unmatched', 'orphaned', 'overpaid', 'underpaid']);
export type TTreasuryProblem = z.infer<typeof ZTreasuryProblem>;

export const ZTreasurySearch = ZPageInput.extend({
  purpose: ZPaymentPurpose.optional(),
  /** Also list payments already refunded. */
  includeRefunded: z.boolean().default(false),
});

/** How to settle a payment that paid wrong; amounts as in `ZTreasuryRow`. */
const ZTreasurySettlement = z.object({
  /** Send this much back to the payer to settle. */
  refundAmount: z.string(),
  /** Or, for an underpayment the member wants to keep, collect this much more. */
  shortfall: z.string(),
  refundTransactionHash: z.string().nullable(),
});

/** Amounts in the token's smallest unit (lamports for SOL, token units for USDT) as integer strings. */
export const ZTreasuryRow = z.object({
  id: z.string(),
  purpose: ZPaymentPurpose,
  network: ZNetwork,
  transactionHash: z.string(),
  payer: z.string(),
  recipient: z.string(),
  tokenMint: z.string().nullable(),
  /** `SOL` or `USDT`, for reading the amounts. */
  unit: z.enum(['SOL', 'USDT', 'token']),
  amount: z.string(),
  expectedAmount: z.string(),
  surplus: z.string(),
  status: ZPaymentStatus,
  orderId: z.string().nullable(),
  nftId: z.number().int().nullable(),
  problems: z.array(ZTreasuryProblem),
  /** Why it paid nothing, when it did not, in words for the operator. */
  reason: z.string().nullable(),
  ...ZTreasurySettlement.shape,
  createdAt: z.iso.datetime(),
});
export type TTreasuryRow = z.infer<typeof ZTreasuryRow>;

export const ZMarkRefundedInput = z.object({
  paymentId: ZId,
  refundTransactionHash: ZSolanaSignature,
  note: text().trim().max(500).optional(),
});

export const ZMemberLookup = z.object({
  query: text().trim().min(1).max(200).describe('Wallet address, email, X id or handle, or user id'),
});

export const ZMemberStanding = z.object({
  info: ZUserInfo,
  role: z.enum(['user', 'admin']),
  activeSessions: z.number().int(),
  orders: z.record(z.string(), z.number().int()),
  devicePasses: z.object({ active: z.number().int(), used: z.number().int(), revoked: z.number().int() }),
});
export type TMemberStanding = z.infer<typeof ZMemberStanding>;

export const ZMemberId = z.object({ userId: ZId });
export const ZAvatarLockInput = ZMemberId.extend({ locked: z.boolean() });
export const ZAvatarLockResult = z.object({ userId: z.string(), avatarLocked: z.boolean() });
export const ZRevokeSessionsResult = z.object({ userId: z.string(), sessionsEnded: z.number().int() });

export const ZAdminProduct = z.object({
  id: z.string(),
  userId: z.string(),
  productSku: z.string(),
  source: z.string(),
  grantedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  consumedOrderId: z.string().nullable(),
});
export type TAdminProduct = z.infer<typeof ZAdminProduct>;

export const ZAdminPass = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(['active', 'used', 'revoked']),
  source: z.string(),
  createdAt: z.iso.datetime(),
  usedOrderId: z.string().nullable(),
});
export type TAdminPass = z.infer<typeof ZAdminPass>;

export const ZMemberProducts = z.object({ products: z.array(ZAdminProduct), passes: z.array(ZAdminPass) });
export const ZGrantProductInput = operatorAction({ userId: ZId, productSku: text().trim().min(1).max(64) });
export const ZRevokeProductInput = operatorAction({ grantId: ZId });
export const ZGrantPassInput = operatorAction({ userId: ZId });
export const ZRevokePassInput = operatorAction({ passId: ZId });
