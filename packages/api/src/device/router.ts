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
import { byMember } from '../trpc/resolvers';
import { createPass, passSummary, validatePass } from './passes';
import { createQuote } from './quote';

/** Device passes and quotes (docs/product/store-rules.md). */
export const deviceRouter = router({
  pass: router({
    create: authedProcedure
      .meta({ rateLimit: perMinute(10) })
      .output(ZDevicePass)
      .mutation(byMember(createPass)),
    // A code can be guessed here, so it is limited like every guessing surface (docs/product/README.md).
    validate: authedProcedure
      .meta({ rateLimit: perMinute(10) })
      .input(z.object({ code: ZPassCode }))
      .output(ZPassValidation)
      .mutation(({ ctx, input }) => validatePass(ctx.deps, ctx.deps.db.db, input.code)),
    summary: authedProcedure.output(ZDevicePassSummary).query(byMember(passSummary)),
  }),
  quote: authedProcedure
    .meta({ rateLimit: perMinute(30) })
    .input(ZQuoteInput)
    .output(ZQuote)
    .mutation(byMember(createQuote)),
});
