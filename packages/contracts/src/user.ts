import { z } from 'zod';
import { ZSignInProof } from './auth';
import { ZEligibilityMethod, ZNetwork, ZNftStatus, ZWalletChain } from './enums';
import { ZTelegramLink } from './social-tasks';
import { text } from './text';

/*
 * Profile and linked accounts (docs/product/profile.md). Lists inside `user.info` are bounded: each carries
 * at most USER_INFO_LIST_LIMIT items and says whether there are more (the paginated procedures of
 * their own domains list the rest).
 */

export const USER_INFO_LIST_LIMIT = 20;

const iso = z.iso.datetime({ offset: true });

/** A bounded list: the newest items and whether older ones exist. */
const bounded = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), hasMore: z.boolean() });

export const ZLinkedWallet = z.object({
  chain: ZWalletChain,
  address: z.string(),
  /** TON raw form `0:<hex>`; null for the other chains. */
  addressHex: z.string().nullable(),
  /** The wallet the member signed up with. */
  isPrimary: z.boolean(),
  linkedAt: iso,
});
export type TLinkedWallet = z.infer<typeof ZLinkedWallet>;

export const ZTwitterLink = z.object({
  id: z.string(),
  handle: z.string().nullable(),
  locked: z.boolean(),
});

export const ZDiscordLink = z.object({ id: z.string(), username: z.string().nullable() });

export const ZUserInfoActivity = z.object({
  activityId: z.number().int(),
  campaignId: z.number().int().nullable(),
  status: z.string(),
  points: z.number().int(),
  completedAt: iso.nullable(),
});

export const ZUserInfoReferral = z.object({
  refereeUserId: z.string(),
  campaignId: z.number().int().nullable(),
  createdAt: iso,
});

export const ZUserInfoNft = z.object({
  id: z.number().int(),
  promotionId: z.number().int(),
  campaignId: z.number().int(),
  network: ZNetwork,
  sequence: z.number().int(),
  status: ZNftStatus,
  assetAddress: z.string().nullable(),
});

export const ZUserInfoEligibility = z.object({
  campaignId: z.number().int(),
  method: ZEligibilityMethod,
  walletChain: ZWalletChain.nullable(),
  walletAddress: z.string().nullable(),
  createdAt: iso,
});

export const ZUserInfoProduct = z.object({
  id: z.string(),
  productSku: z.string(),
  source: z.string(),
  grantedAt: iso,
  /** Spent on an order (or revoked): no longer available. */
  available: z.boolean(),
});

export const ZUserInfo = z.object({
  id: z.string(),
  walletAddress: z.string(),
  walletAddressHex: z.string().nullable(),
  chain: ZWalletChain,
  /** Every wallet of the member, the primary one first. */
  wallets: z.array(ZLinkedWallet),
  evmWallets: z.array(z.string()),
  tonWallets: z.array(z.string()),
  twitter: ZTwitterLink.nullable(),
  name: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  avatarLocked: z.boolean(),
  /** Only a verified address; null until one is verified. */
  email: z.string().nullable(),
  discord: ZDiscordLink.nullable(),
  /** Linked through the Telegram Login Widget; null until linked. */
  telegram: ZTelegramLink.nullable(),
  points: z.number().int(),
  referralCode: z.string().nullable(),
  createdAt: iso,
  updatedAt: iso,
  /** Global activities the member completed or started. */
  activities: bounded(ZUserInfoActivity),
  /** Activities inside campaigns. */
  campaignActivities: bounded(ZUserInfoActivity),
  /** Members this member referred. */
  referrals: bounded(ZUserInfoReferral),
  nfts: bounded(ZUserInfoNft),
  eligibilities: bounded(ZUserInfoEligibility),
  products: bounded(ZUserInfoProduct),
});
export type TUserInfo = z.infer<typeof ZUserInfo>;

export const ZEmailAddress = z
  .email('Enter a valid email address')
  .max(254, 'An email address has at most 254 characters')
  .transform((email) => email.trim().toLowerCase());

export const ZEmailSendCodeInput = z.object({ email: ZEmailAddress });
export const ZEmailSendCodeOutput = z.object({ sentTo: z.string(), expiresAt: iso });
export type TEmailSendCodeOutput = z.infer<typeof ZEmailSendCodeOutput>;

export const ZEmailCode = z.string().regex(/^\d{6}$/, 'The code is the 6 digits from the email');
export const ZEmailVerifyCodeInput = z.object({ code: ZEmailCode });
/** The token of the one-click link `/auth/verify-email?token=…`. */
export const ZEmailVerifyLinkInput = z.object({
  token: text()
    .min(20, 'This verification link is incomplete')
    .max(128, 'This verification link is not valid'),
});
export const ZEmailVerified = z.object({ email: z.string() });
export type TEmailVerified = z.infer<typeof ZEmailVerified>;

export const ZTwitterStartOutput = z.object({ authorizeUrl: z.url(), expiresAt: iso });
export type TTwitterStartOutput = z.infer<typeof ZTwitterStartOutput>;

/** What the SPA's `/auth/oauth-callback` page read from its query string. */
export const ZTwitterCompleteInput = z.object({
  code: text().min(1, 'X did not return a code').max(2048),
  state: text().min(16, 'The sign-in state is missing').max(256),
});
export const ZTwitterLinked = z.object({ twitter: ZTwitterLink });

export const ZTwitterLockState = z.object({
  linked: z.boolean(),
  locked: z.boolean(),
  /** Why the link is locked, in words a member understands; null when not locked. */
  reason: z.string().nullable(),
});
export type TTwitterLockState = z.infer<typeof ZTwitterLockState>;

/** The wallet families that can be linked as extra wallets. */
export const ZLinkableChain = z.enum(['evm', 'ton']);

export const ZLinkWalletChallengeInput = z.object({
  chain: ZLinkableChain,
  address: text().min(1).max(128).optional(),
  chainId: z.number().int().positive().optional(),
});

const evmProof = ZSignInProof.options[1];
const tonProof = ZSignInProof.options[2];

export const ZLinkEvmWalletInput = z.object({ challengeId: text().min(8).max(64), proof: evmProof });
export const ZLinkTonWalletInput = z.object({ challengeId: text().min(8).max(64), proof: tonProof });
export const ZLinkWalletOutput = z.object({ wallet: ZLinkedWallet, wallets: z.array(ZLinkedWallet) });
export type TLinkWalletOutput = z.infer<typeof ZLinkWalletOutput>;
