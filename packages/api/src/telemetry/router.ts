import { ZClientErrorReport } from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';

/** Crash reports from the SPA's error boundaries (docs/product/README.md). */
export const telemetryRouter = router({
  clientError: publicProcedure
    .meta({ rateLimit: perMinute(20) })
    .input(ZClientErrorReport)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      // Logged, not stored: the log pipeline already keeps, searches and alerts on these lines.
      ctx.deps.logger.warn(
        {
          clientError: input,
          requestId: ctx.req.requestId,
          failedRequestId: input.requestId,
          userId: ctx.session?.userId ?? null,
        },
        'client error',
      );
      return { ok: true as const };
    }),
});
