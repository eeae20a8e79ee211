import { ZAnalyticsBatch } from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { trackClientEvents } from './service';

/** Funnel events the SPA reports (visits and wallet connections); the server records the rest. */
export const analyticsRouter = router({
  track: publicProcedure
    .meta({ rateLimit: perMinute(30) })
    .input(ZAnalyticsBatch)
    .output(z.object({ accepted: z.number().int() }))
    .mutation(({ ctx, input }) => trackClientEvents(ctx.deps, ctx.session?.userId ?? null, input)),
});
