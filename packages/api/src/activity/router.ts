import {
  ZActivityCompleteInput,
  ZActivityCompleteOutput,
  ZActivityListInput,
  ZActivityListOutput,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import * as activity from './service';

/** Activities a member completes for points. */
export const activityRouter = router({
  complete: authedProcedure
    .meta({ rateLimit: { name: 'activity.complete', points: 30, durationSeconds: 60 } })
    .input(ZActivityCompleteInput)
    .output(ZActivityCompleteOutput)
    .mutation(({ ctx, input }) => activity.completeActivity(ctx.deps, ctx.session.userId, input)),

  list: publicProcedure
    .input(ZActivityListInput)
    .output(ZActivityListOutput)
    .query(({ ctx, input }) => activity.listCampaignActivities(ctx.deps, ctx.session?.userId ?? null, input)),
});
