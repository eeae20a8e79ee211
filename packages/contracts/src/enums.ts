import { z } from 'zod';
import {
  activityCompletedBy,
  eligibilityMethodKinds,
  funnelStepCounts,
  keysOf,
  nftStatusMoves,
  orderStatusMoves,
} from './lifecycles';

/** The wallet family a member signs in with (JWT `chain` claim, `user.info.chain`). */
export const ZWalletChain = z.enum(['sol', 'evm', 'ton']);
export type TWalletChain = z.infer<typeof ZWalletChain>;

/** The network a campaign or an asset lives on. Never a third spelling of a chain. */
export const ZNetwork = z.enum(['sol', 'eth', 'ton', 'soon', 'berachain']);
export type TNetwork = z.infer<typeof ZNetwork>;

export const ZVmType = z.enum(['svm', 'evm', 'tvm']);
export type TVmType = z.infer<typeof ZVmType>;

/** Each network runs on exactly one VM; the pairing is data, not scattered conditionals. */
export const networkVm: Record<TNetwork, TVmType> = {
  sol: 'svm',
  soon: 'svm',
  eth: 'evm',
  berachain: 'evm',
  ton: 'tvm',
};

export const ZEligibilityMethod = z.enum(keysOf(eligibilityMethodKinds));
export type TEligibilityMethod = z.infer<typeof ZEligibilityMethod>;

export const ZActivityScope = z.enum(['global', 'campaign']);
export type TActivityScope = z.infer<typeof ZActivityScope>;

/** Events that complete automatic activities; `manual` ones are completed through `activity.complete`. */
export const ZActivityKind = z.enum(keysOf(activityCompletedBy));
export type TActivityKind = z.infer<typeof ZActivityKind>;

export const ZReferralCodeType = z.enum(['limited', 'unlimited', 'gunlimited']);
export type TReferralCodeType = z.infer<typeof ZReferralCodeType>;

export const ZNftStatus = z.enum(keysOf(nftStatusMoves));
export type TNftStatus = z.infer<typeof ZNftStatus>;

export const ZOrderStatus = z.enum(keysOf(orderStatusMoves));
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

export const ZRole = z.enum(['user', 'admin']);
export type TRole = z.infer<typeof ZRole>;

export const ZAdminScope = z.enum(['campaigns', 'orders', 'users', 'settings']);
export type TAdminScope = z.infer<typeof ZAdminScope>;

export const ZProcedureKind = z.enum(['public', 'authed', 'admin', 'selfOrAdmin']);
export type TProcedureKind = z.infer<typeof ZProcedureKind>;

export const ZDeviceVariant = z.enum(['vape', 'fresh']);
export type TDeviceVariant = z.infer<typeof ZDeviceVariant>;

export const ZColorway = z.enum(['community', 'black', 'white', 'silver']);
export type TColorway = z.infer<typeof ZColorway>;

export const ZPodFlavor = z.enum(['peach_oolong', 'mint_ice', 'watermelon_ice']);
export type TPodFlavor = z.infer<typeof ZPodFlavor>;

export const ZNicotine = z.enum(['0', '2']);
export type TNicotine = z.infer<typeof ZNicotine>;

export const ZProductKind = z.enum(['device', 'pods']);
export type TProductKind = z.infer<typeof ZProductKind>;

/** What a treasury payment was for: an NFT gas fee in SOL or an order in USDT. */
export const ZPaymentPurpose = z.enum(['nft_gas', 'order']);
export type TPaymentPurpose = z.infer<typeof ZPaymentPurpose>;

export const ZPaymentStatus = z.enum(['pending', 'accepted', 'finalized', 'rejected', 'refunded']);
export type TPaymentStatus = z.infer<typeof ZPaymentStatus>;

export const ZDevicePassStatus = z.enum(['active', 'used', 'revoked']);
export type TDevicePassStatus = z.infer<typeof ZDevicePassStatus>;

export const ZSnapshotStatus = z.enum(['importing', 'active', 'superseded', 'failed']);
export type TSnapshotStatus = z.infer<typeof ZSnapshotStatus>;

export const ZAnalyticsEvent = z.enum(keysOf(funnelStepCounts));
export type TAnalyticsEvent = z.infer<typeof ZAnalyticsEvent>;

export const ZSecurityEventType = z.enum([
  'verify_failed',
  'challenge_replayed',
  'refresh_reuse',
  'logout_all',
  'role_changed',
  'csrf_refused',
]);
export type TSecurityEventType = z.infer<typeof ZSecurityEventType>;

export const ZJobStatus = z.enum(['queued', 'running', 'done', 'failed', 'dead']);
export type TJobStatus = z.infer<typeof ZJobStatus>;
