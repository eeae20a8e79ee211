import {
  ZChallengeInput,
  ZChallengeOutput,
  ZRefreshInput,
  ZSessionOutput,
  ZSessionState,
  ZSignInProof,
  ZTokenDelivery,
} from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { withDeps } from '../trpc/resolvers';
import * as auth from './service';

const ZLogoutInput = z.object({ refreshToken: ZRefreshInput.unwrap().shape.refreshToken }).default({});

/**
 * Signing in, refreshing and signing out are open to anyone (there is no access token yet, or it has
 * expired), each under its own limit of calls a minute.
 */
const unsignedStep = (points: number) => publicProcedure.meta({ rateLimit: perMinute(points) });

export const authRouter = router({
  challenge: unsignedStep(5)
    .input(ZChallengeInput)
    .output(ZChallengeOutput)
    .mutation(withDeps(auth.issueChallenge)),

  verify: unsignedStep(10)
    .input(
      z.object({
        challengeId: z.string().min(8).max(64),
        proof: ZSignInProof,
        delivery: ZTokenDelivery.default('cookie'),
      }),
    )
    .output(ZSessionOutput)
    .mutation(({ ctx, input }) => auth.verifySignIn(ctx.deps, ctx.req, ctx.res, input)),

  session: publicProcedure
    .output(ZSessionState)
    .query(({ ctx }) => auth.describeSession(ctx.deps, ctx.session)),

  refresh: unsignedStep(30)
    .input(ZRefreshInput)
    .output(ZSessionOutput)
    .mutation(({ ctx, input }) => auth.refreshSession(ctx.deps, ctx.req, ctx.res, input)),

  // Public: after the access token expired, the refresh token alone must still end the session.
  logout: unsignedStep(30)
    .input(ZLogoutInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => auth.logout(ctx.deps, ctx.req, ctx.res, ctx.session, input)),

  logoutAll: authedProcedure
    .output(z.object({ ok: z.literal(true), sessionsEnded: z.number().int() }))
    .mutation(({ ctx }) => auth.logoutAll(ctx.deps, ctx.req, ctx.res, ctx.session)),
});
