import { ZEligibilityFirstInput, ZEligibilityFirstOutput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { firstEligible } from './service';

/** One wallet against several campaigns in one call. */
export const eligibilityRouter = router({
  /** Counts once per campaign checked against its own limit (the service spends the points). */
  first: publicProcedure
    .input(ZEligibilityFirstInput)
    .output(ZEligibilityFirstOutput)
    .query(({ ctx, input }) =>
      firstEligible(ctx.deps, { ip: ctx.req.ip, userId: ctx.session?.userId ?? null }, input),
    ),
});
