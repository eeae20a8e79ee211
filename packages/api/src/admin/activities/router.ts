import { reviewActivityCompletion } from '../../activity/review';
import { actorOf } from '../../platform/audit';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { withDeps } from '../../trpc/resolvers';
import { listPendingReviews } from './pending';
import { ZPendingReviewInput, ZPendingReviewPage, ZReviewDecision, ZReviewResult } from './schemas';

/** Reviews belong to the campaign operators: the points awarded are a campaign's. */
const reviewDesk = adminProcedure('campaigns');

/** `admin.activities.*`: completions held for review and the operator's decision on each. */
export const activityReviewRouter = router({
  activities: router({
    pending: reviewDesk
      .input(ZPendingReviewInput)
      .output(ZPendingReviewPage)
      .query(withDeps(listPendingReviews)),
    review: reviewDesk
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
