import {
  ZActivityCompleteInput,
  ZActivityCompleteOutput,
  ZActivityListInput,
  ZActivityListOutput,
  ZActivityVerifyInput,
  ZActivityVerifyOutput,
  ZQuizAnswersInput,
  ZQuizAnswersOutput,
  ZTaskInput,
  ZTaskView,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { taskView } from './kinds';
import { answerQuiz } from './kinds/quiz';
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

  /** A self-checking task's instructions (a quiz without its answers, the member's signed link). */
  task: publicProcedure
    .input(ZTaskInput)
    .output(ZTaskView)
    .query(({ ctx, input }) => taskView(ctx.deps, ctx.session?.userId ?? null, input)),

  answerQuiz: authedProcedure
    .meta({ rateLimit: perMinute(20) })
    .input(ZQuizAnswersInput)
    .output(ZQuizAnswersOutput)
    .mutation(byMember(answerQuiz)),
});
