import {
  ZReferralCode,
  ZReferralDryRunOutput,
  ZReferralRelationsInput,
  ZReferralRelationsOutput,
  ZReferralSetInput,
  ZReferralSetOutput,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import * as referral from './service';

/** Both are code-guessing surfaces: counted per IP and per member, on top of the defaults. */
const codeGuessLimit = perMinute(10);

/** Referral codes and relations (docs/product/referrals.md). */
export const referralRouter = router({
  /** A mutation: the first call creates the code (every write is a mutation); later calls return it. */
  myCode: authedProcedure.output(ZReferralCode).mutation(byMember(referral.ownReferralCode)),

  set: authedProcedure
    .meta({ rateLimit: codeGuessLimit })
    .input(ZReferralSetInput)
    .output(ZReferralSetOutput)
    .mutation(({ ctx, input }) =>
      referral.redeemReferralCode(ctx.deps, ctx.session.userId, input, ctx.req.requestId),
    ),

  dryRun: publicProcedure
    .meta({ rateLimit: codeGuessLimit })
    .input(ZReferralSetInput)
    .output(ZReferralDryRunOutput)
    .query(({ ctx, input }) => referral.dryRunReferralCode(ctx.deps, ctx.session?.userId ?? null, input)),

  relations: authedProcedure
    .input(ZReferralRelationsInput)
    .output(ZReferralRelationsOutput)
    .query(byMember(referral.listReferralRelations)),
});
