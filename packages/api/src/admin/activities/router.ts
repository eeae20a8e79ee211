import { reviewActivityCompletion } from '../../activity/review';
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
  }),
});
