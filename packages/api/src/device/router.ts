import {
  ZDevicePass,
  ZDevicePassSummary,
  ZPassCode,
  ZPassValidation,
  ZQuote,
  ZQuoteInput,
} from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../trpc/init';
import { authedProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { createPass, passSummary, validatePass } from './passes';
import { createQuote } from './quote';

/** Device passes and quotes (docs/product/store-rules.md). */
export const deviceRouter = router({
  pass: router({
    create: authedProcedure
      .meta({ rateLimit: perMinute('device.pass.create', 10) })
      .output(ZDevicePass)
      .mutation(({ ctx }) => createPass(ctx.deps, ctx.session.userId)),
    // A code can be guessed here, so it is limited like every guessing surface (docs/product/README.md).
    validate: authedProcedure
      .meta({ rateLimit: perMinute('device.pass.validate', 10) })
      .input(z.object({ code: ZPassCode }))
      .output(ZPassValidation)
      .mutation(({ ctx, input }) => validatePass(ctx.deps, ctx.deps.db.db, input.code)),
    summary: authedProcedure
      .output(ZDevicePassSummary)
      .query(({ ctx }) => passSummary(ctx.deps, ctx.session.userId)),
  }),
  quote: authedProcedure
    .meta({ rateLimit: perMinute('device.quote', 30) })
    .input(ZQuoteInput)
    .output(ZQuote)
    .mutation(({ ctx, input }) => createQuote(ctx.deps, ctx.session.userId, input)),
});
