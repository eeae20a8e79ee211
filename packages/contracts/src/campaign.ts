import { z } from 'zod';
import {
  ZActivityKind,
  ZEligibilityMethod,
  ZNetwork,
  ZNftStatus,
  ZSnapshotStatus,
  ZVmType,
  ZWalletChain,
} from './enums';
import { ZId } from './ids';
import { pageOf, ZPageInput } from './pagination';
import { text } from './text';

/** Where a campaign stands in time, computed from is_active and its start/end window. */
export const ZCampaignPhase = z.enum(['upcoming', 'active', 'ended', 'paused']);
export type TCampaignPhase = z.infer<typeof ZCampaignPhase>;

export const ZCampaignMedia = z.object({
  image: text().optional(),
  video: text().optional(),
  banner: text().optional(),
});

/** How a campaign and a campaign group are addressed (by id or by slug) and introduced. */
const ZCampaignHeading = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
});

/**
 * What members and operators both see of a campaign; each view extends it (ZCampaign here,
 * ZAdminCampaign for the campaign desk), and one mapper fills it for both.
 */
export const ZCampaignBase = ZCampaignHeading.extend({
  edition: z.string().nullable(),
  requirement: z.string().nullable(),
  collectionAddress: z.string().nullable(),
  collectionName: z.string().nullable(),
  network: ZNetwork,
  startAt: z.string().nullable(),
  endAt: z.string().nullable(),
  /** The most members who can become eligible; null: no limit. */
  limit: z.number().int().nullable(),
  eligibleCount: z.number().int(),
  media: ZCampaignMedia,
  /** Integer lamports as a string. */
  nftGasFeeLamports: z.string(),
  xPostUrl: z.string().nullable(),
  isActive: z.boolean(),
  groupId: z.number().int().nullable(),
});
export type TCampaignBase = z.infer<typeof ZCampaignBase>;

/** A campaign as members see it: where it stands in time, and the methods by name only. */
export const ZCampaign = ZCampaignBase.extend({
  vmType: ZVmType,
  phase: ZCampaignPhase,
  /** Any one of these makes a member eligible (plus the required activities). */
  methods: z.array(ZEligibilityMethod),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCampaignListInput = ZPageInput.extend({
  phase: z.enum(['active', 'upcoming', 'ended']).optional(),
  network: ZNetwork.optional(),
});
export type TCampaignListInput = z.infer<typeof ZCampaignListInput>;

export const ZCampaignPage = pageOf(ZCampaign);
export type TCampaignPage = z.infer<typeof ZCampaignPage>;

export const ZCampaignGetInput = z
  .object({
    id: ZId.optional(),
    slug: text().trim().min(1).max(200).optional(),
  })
  .refine((v) => (v.id === undefined) !== (v.slug === undefined), {
    message: 'Give either the campaign id or its slug',
    path: ['id'],
  });
export type TCampaignGetInput = z.infer<typeof ZCampaignGetInput>;

export const ZCampaignGroupInput = ZPageInput.extend({ slug: text().trim().min(1).max(200) });
export const ZCampaignGroupOutput = z.object({
  group: ZCampaignHeading,
  campaigns: ZCampaignPage,
});
export type TCampaignGroupOutput = z.infer<typeof ZCampaignGroupOutput>;

export const ZPromotion = z.object({
  id: z.number().int(),
  name: z.string(),
  symbol: z.string(),
  description: z.string().nullable(),
  metadataUrl: z.string().nullable(),
  collectionAddress: z.string().nullable(),
  media: ZCampaignMedia,
  network: ZNetwork,
});
export type TPromotion = z.infer<typeof ZPromotion>;

export const ZCampaignPromotionsInput = ZPageInput.extend({ campaignId: ZId });
export const ZPromotionPage = pageOf(ZPromotion);
export type TPromotionPage = z.infer<typeof ZPromotionPage>;

export const ZCampaignInfoInput = z.object({ campaignId: ZId });

export const ZStandingActivity = z.object({
  activityId: z.number().int(),
  name: z.string(),
  kind: ZActivityKind,
  points: z.number().int(),
  quantity: z.number().int(),
  required: z.boolean(),
  status: z.enum(['open', 'completed', 'pending_review', 'rejected', 'revoked']),
  completedAt: z.string().nullable(),
});

/** A signed-in member's standing in one campaign, read straight from the tables of each domain. */
export const ZCampaignInfo = z.object({
  campaignId: z.number().int(),
  eligibility: z.object({
    eligible: z.boolean(),
    method: ZEligibilityMethod.nullable(),
    wallet: z.object({ chain: ZWalletChain.nullable(), address: z.string().nullable() }).nullable(),
    since: z.string().nullable(),
  }),
  activities: z.array(ZStandingActivity),
  requiredCompleted: z.number().int(),
  requiredTotal: z.number().int(),
  points: z.number().int(),
  referral: z.object({
    code: z.string().nullable(),
    uses: z.number().int(),
    maxUses: z.number().int().nullable(),
    /** Members this member referred in this campaign. */
    referredCount: z.number().int(),
    /** Whether this member joined the campaign through someone's code. */
    referred: z.boolean(),
  }),
  nft: z
    .object({
      promotionId: z.number().int(),
      status: ZNftStatus,
      sequence: z.number().int(),
      assetAddress: z.string().nullable(),
    })
    .nullable(),
});
export type TCampaignInfo = z.infer<typeof ZCampaignInfo>;

export const ZSnapshotLineError = z.object({ line: z.number().int(), reason: z.string() });

export const ZSnapshotProgress = z.object({
  snapshotId: z.string(),
  campaignId: z.number().int(),
  network: ZNetwork,
  version: z.number().int(),
  status: ZSnapshotStatus,
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** The first bad lines; the counts say how many there were. */
  errors: z.array(ZSnapshotLineError),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export type TSnapshotProgress = z.infer<typeof ZSnapshotProgress>;

export const ZSnapshotProgressInput = z.object({ snapshotId: text().min(1).max(64) });
