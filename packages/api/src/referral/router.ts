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
import * as referral from './service';

/** Both are code-guessing surfaces: counted per IP and per member, on top of the defaults. */
const codeGuessLimit = (name: string) => ({ name, points: 10, durationSeconds: 60 });

/** Referral codes and relations (docs/product/referrals.md). */
export const referralRouter = router({
  /** A mutation: the first call creates the code (every write is a mutation); later calls return it. */
  myCode: authedProcedure
    .output(ZReferralCode)
    .mutation(({ ctx }) => referral.ownReferralCode(ctx.deps, ctx.session.userId)),

  set: authedProcedure
    .meta({ rateLimit: codeGuessLimit('referral.set') })
    .input(ZReferralSetInput)
    .output(ZReferralSetOutput)
    .mutation(({ ctx, input }) =>
      referral.redeemReferralCode(ctx.deps, ctx.session.userId, input, ctx.req.requestId),
    ),

  dryRun: publicProcedure
    .meta({ rateLimit: codeGuessLimit('referral.dryRun') })
    .input(ZReferralSetInput)
    .output(ZReferralDryRunOutput)
    .query(({ ctx, input }) => referral.dryRunReferralCode(ctx.deps, ctx.session?.userId ?? null, input)),

  relations: authedProcedure
    .input(ZReferralRelationsInput)
    .output(ZReferralRelationsOutput)
    .query(({ ctx, input }) => referral.listReferralRelations(ctx.deps, ctx.session.userId, input)),
});
