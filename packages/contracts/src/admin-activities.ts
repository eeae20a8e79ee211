import { z } from 'zod';
import { ZRowMember } from './admin';
import { ZActivityKind, ZWalletChain } from './enums';
import { pageOf, ZPageInput } from './pagination';
import { text } from './text';

/* The review queue of the admin console: completions of activities that need an operator's decision. */

/** `admin.activities.pending`: completions held for review, oldest first unless asked, a page at a time. */
export const ZPendingReviewInput = ZPageInput.extend({
  order: z.enum(['oldest', 'newest']).default('oldest').describe('By submission time'),
});
export type TPendingReviewInput = z.infer<typeof ZPendingReviewInput>;

/** One completion waiting for an operator's decision, with what the operator needs to judge it. */
export const ZPendingReview = z.object({
  userActivityId: z.string(),
  ...ZRowMember.shape,
  chain: ZWalletChain,
  activityId: z.number().int(),
  activityName: z.string(),
  activityKind: ZActivityKind,
  /** The campaign it was submitted in (a global activity's too); its points are what approval awards. */
  campaignId: z.number().int().nullable(),
  campaignName: z.string().nullable(),
  points: z.number().int(),
  /** The link the member submitted as proof (an X post), when there is one. */
  proofUrl: z.string().nullable(),
  submittedAt: z.iso.datetime(),
});
export type TPendingReview = z.infer<typeof ZPendingReview>;
export const ZPendingReviewPage = pageOf(ZPendingReview);

const REASON_MAX = 500;

/**
 * An operator's decision. A rejection must say why (the audit log keeps it for whoever reopens the
 * case); an approval may.
 */
const ZUserActivityId = text().min(1).max(64);

export const ZReviewDecision = z.discriminatedUnion('decision', [
  z.object({
    userActivityId: ZUserActivityId,
    decision: z.literal('approve'),
    reason: text().trim().max(REASON_MAX, `Keep the note under ${REASON_MAX} characters.`).optional(),
  }),
  z.object({
    userActivityId: ZUserActivityId,
    decision: z.literal('reject'),
    reason: text()
      .trim()
      .min(3, 'Say why this submission is rejected.')
      .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`),
  }),
]);
export type TReviewDecision = z.infer<typeof ZReviewDecision>;

export const ZReviewResult = z.object({
  userActivityId: z.string(),
  status: z.enum(['completed', 'rejected']),
  pointsAwarded: z.number().int(),
});
