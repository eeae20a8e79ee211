import {
  ZRecheckCampaignInput,
  ZRecheckCampaignOutput,
  ZRecheckInput,
  ZRecheckOutput,
} from '@puffy/contracts';
import { reviewActivityCompletion } from '../../activity/review';
import { queueCampaignRecheck, recheckCompletion } from '../../activity/social/recheck';
import { actorOf } from '../../platform/audit';
import { router } from '../../trpc/init';
import { withDeps } from '../../trpc/resolvers';
import { campaignsDesk } from '../desks';
import { listPendingReviews } from './pending';
import { ZPendingReviewInput, ZPendingReviewPage, ZReviewDecision, ZReviewResult } from './schemas';

/**
 * `admin.activities.*`: completions held for review and the operator's decision on each. Reviews belong
 * to the campaign operators: the points awarded are a campaign's.
 */
export const activityReviewRouter = router({
  activities: router({
    pending: campaignsDesk
      .input(ZPendingReviewInput)
      .output(ZPendingReviewPage)
      .query(withDeps(listPendingReviews)),
    review: campaignsDesk
      .input(ZReviewDecision)
      .output(ZReviewResult)
      .mutation(async ({ ctx, input }) => {
        const outcome = await reviewActivityCompletion(
          ctx.deps,
          {
            userActivityId: input.userActivityId,
            approve: input.decision === 'approve',
            reason: input.reason,
          },
          actorOf(ctx),
        );
        return { userActivityId: input.userActivityId, ...outcome };
      }),
    /** Asks the service again about one completed task; no longer done, it is revoked and reversed. */
    recheck: campaignsDesk
      .input(ZRecheckInput)
      .output(ZRecheckOutput)
      .mutation(({ ctx, input }) => recheckCompletion(ctx.deps, input.userActivityId, actorOf(ctx))),
    /** Queues a re-check job for every completed checked task of a campaign. */
    recheckCampaign: campaignsDesk
      .input(ZRecheckCampaignInput)
      .output(ZRecheckCampaignOutput)
      .mutation(({ ctx, input }) => queueCampaignRecheck(ctx.deps, actorOf(ctx), input.campaignId)),
  }),
});
