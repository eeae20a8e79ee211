import {
  ZActivityCompleteInput,
  ZActivityCompleteOutput,
  ZActivityListInput,
  ZActivityListOutput,
  ZActivityVerifyInput,
  ZActivityVerifyOutput,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import * as activity from './service';
import { verifySocialTask } from './social/verify';

/** Activities a member completes for points. */
export const activityRouter = router({
  complete: authedProcedure
    .meta({ rateLimit: perMinute(30) })
    .input(ZActivityCompleteInput)
    .output(ZActivityCompleteOutput)
    .mutation(byMember(activity.completeActivity)),

  /** A task checked with its service (X, Discord, Telegram): asks the service now, or queues the ask. */
  verify: authedProcedure
    .meta({ rateLimit: perMinute(20) })
    .input(ZActivityVerifyInput)
    .output(ZActivityVerifyOutput)
    .mutation(byMember(verifySocialTask)),

  list: publicProcedure
    .input(ZActivityListInput)
    .output(ZActivityListOutput)
    .query(({ ctx, input }) => activity.listCampaignActivities(ctx.deps, ctx.session?.userId ?? null, input)),
});
