import { z } from 'zod';
import { ZSolanaAddress, ZSolanaSignature } from './auth';
import { ZNetwork, ZNftStatus } from './enums';
import { ZId } from './ids';

/** Lamports travel as integer strings: a float cannot hold every u64. */
export const ZLamports = z.string().regex(/^\d{1,20}$/, 'lamports are a non-negative integer string');

export const ZCompletePromotionInput = z.object({ campaignId: ZId, promotionId: ZId });
export type TCompletePromotionInput = z.infer<typeof ZCompletePromotionInput>;

/** What the SPA needs to build the Solana Pay transfer: memo, then a transfer carrying the reference. */
export const ZPromotionClaim = z.object({
  network: ZNetwork,
  name: z.string(),
  symbol: z.string(),
  nftId: ZId,
  /** The NFT's number within its promotion. */
  sequence: ZId,
  gasFee: ZLamports,
  status: ZNftStatus,
  treasuryAddress: ZSolanaAddress,
  /** The exact memo text: `{"nft_id":<int>,"user_id":"<id>"}`. */
  memo: z.string(),
  /** Solana Pay reference: a public key the transfer carries as an extra read-only account. */
  reference: ZSolanaAddress,
  payBefore: z.iso.datetime(),
});
export type TPromotionClaim = z.infer<typeof ZPromotionClaim>;

export const ZMintGasInput = z.object({ nftId: ZId, transactionHash: ZSolanaSignature });
export type TMintGasInput = z.infer<typeof ZMintGasInput>;

/** The wallet that will sign the gas payment: it must be the member's Solana wallet. */
export const ZGasTransactionInput = z.object({ nftId: ZId, account: ZSolanaAddress });

/** A member's NFT as its owner sees it: where the claim stands, payment and mint included. */
export const ZNftProgress = z.object({
  nftId: ZId,
  promotionId: ZId,
  campaignId: ZId,
  network: ZNetwork,
  sequence: ZId,
  status: ZNftStatus,
  /** The accepted (or pending) payment's transaction, null before one was reported or found. */
  transactionHash: ZSolanaSignature.nullable(),
  /** True while a reported payment is not visible on the chain yet and a job keeps checking it. */
  paymentPending: z.boolean(),
  /** Paid above the fee, recorded for a refund. */
  surplus: ZLamports,
  assetAddress: ZSolanaAddress.nullable(),
  mintSignature: ZSolanaSignature.nullable(),
  explorerUrl: z.url().nullable(),
  /** Why the claim expired or the mint failed, in words. */
  failureReason: z.string().nullable(),
  payBefore: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type TNftProgress = z.infer<typeof ZNftProgress>;

export const ZAlreadyPaidInput = z.object({ promotionId: ZId });
export const ZAlreadyPaid = z.object({ paid: z.boolean(), nft: ZNftProgress.nullable() });
export type TAlreadyPaid = z.infer<typeof ZAlreadyPaid>;

/** The status stream: the caller's NFTs now, then every change, each one validated by this schema. */
export const ZPromotionStatusInput = z.object({ nftId: ZId.optional() });
export const ZNftStatusEvent = ZNftProgress;
export type TNftStatusEvent = z.infer<typeof ZNftStatusEvent>;

/** The direct path: a mint the member made on-chain themself; `network` is where it happened (sol unless set). */
export const ZRecordMintInput = z.object({
  transactionHash: ZSolanaSignature,
  network: z.enum(['sol', 'soon']).optional(),
});
export type TRecordMintInput = z.infer<typeof ZRecordMintInput>;

export const ZRetryMintInput = z.object({ nftId: ZId });
