import { z } from 'zod';
import { ZActivityKind, ZActivityScope, ZProductKind } from './enums';
import { ZId } from './ids';
import { pageOf, ZPageInput } from './pagination';
import { text } from './text';

/**
 * Where a member stands on one activity; `not_started` is the absence of a completion, `revoked` a
 * checked task the service no longer confirms (an undone follow): it counts nowhere until verified again.
 */
export const ZActivityStatus = z.enum(['not_started', 'completed', 'pending_review', 'rejected', 'revoked']);
export type TActivityStatus = z.infer<typeof ZActivityStatus>;

/** What a member sends to complete an activity themself; `url` is the X post for `x_post` activities. */
export const ZActivityProof = z.object({
  url: text().trim().min(1).max(500).describe('Link to the X post, e.g. https://x.com/handle/status/123'),
});
export type TActivityProof = z.infer<typeof ZActivityProof>;

export const ZActivityCompleteInput = z.object({
  campaignId: ZId,
  activityId: ZId,
  proof: ZActivityProof.optional(),
});
export type TActivityCompleteInput = z.infer<typeof ZActivityCompleteInput>;

export const ZActivityCompleteOutput = z.object({
  campaignId: z.number().int(),
  activityId: z.number().int(),
  status: z.enum(['completed', 'pending_review']),
  /** Points this call added to the ledger: 0 on a repeat or while the completion awaits review. */
  pointsAwarded: z.number().int(),
  /** True when the activity had already been completed (the call changed nothing). */
  alreadyCompleted: z.boolean(),
});
export type TActivityCompleteOutput = z.infer<typeof ZActivityCompleteOutput>;

/** In the campaign's order, a page at a time like every list. */
export const ZActivityListInput = ZPageInput.extend({ campaignId: ZId });
export type TActivityListInput = z.infer<typeof ZActivityListInput>;

export const ZCampaignActivity = z.object({
  activityId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  kind: ZActivityKind,
  scope: ZActivityScope,
  /** True when the member completes it through `activity.complete`; false when an event completes it. */
  initiatedByUser: z.boolean(),
  points: z.number().int(),
  /** How many times the event must happen (refer N friends). */
  quantity: z.number().int(),
  required: z.boolean(),
  /** `not_started` for guests. */
  status: ZActivityStatus,
  completedAt: z.iso.datetime().nullable(),
});
export type TCampaignActivity = z.infer<typeof ZCampaignActivity>;

export const ZActivityListOutput = pageOf(ZCampaignActivity).extend({
  /** The member's points in this campaign (0 for guests). */
  points: z.number().int(),
});
export type TActivityListOutput = z.infer<typeof ZActivityListOutput>;

/** A product a member is entitled to (the predecessor's user_products). */
export const ZEligibleProduct = z.object({
  id: z.string(),
  productSku: z.string(),
  productName: z.string(),
  kind: ZProductKind,
  source: z.enum(['wl_nft', 'admin', 'activity']),
  grantedAt: z.iso.datetime(),
  /** True once an order has used it. */
  consumed: z.boolean(),
});
export type TEligibleProduct = z.infer<typeof ZEligibleProduct>;

/** From the top, a page at a time like every list. */
export const ZLeaderboardInput = ZPageInput.extend({
  /** Absent: the global leaderboard (every campaign's points together). */
  campaignId: ZId.optional(),
});
export type TLeaderboardInput = z.infer<typeof ZLeaderboardInput>;

/**
 * Ranks are competition ranks ("1, 2, 2, 4"): members with equal points share a rank, which is one
 * more than the number of members with strictly more points. Within a tie the order is by user id.
 */
export const ZLeaderboardEntry = z.object({
  rank: z.number().int().positive(),
  points: z.number().int(),
  /** First and last four characters of the member's wallet. */
  walletShort: z.string(),
  name: z.string().nullable(),
  isMe: z.boolean(),
});
export type TLeaderboardEntry = z.infer<typeof ZLeaderboardEntry>;

export const ZLeaderboardOutput = pageOf(ZLeaderboardEntry).extend({
  campaignId: z.number().int().nullable(),
  /** The caller's standing; null for guests. `rank` is null while the member has no points. */
  me: z.object({ rank: z.number().int().positive().nullable(), points: z.number().int() }).nullable(),
});
export type TLeaderboardOutput = z.infer<typeof ZLeaderboardOutput>;
