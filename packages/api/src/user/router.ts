import {
  ZChallengeOutput,
  ZEligibleProduct,
  ZEligibleProducts,
  ZEmailSendCodeInput,
  ZEmailSendCodeOutput,
  ZEmailVerified,
  ZEmailVerifyCodeInput,
  ZEmailVerifyLinkInput,
  ZLinkEvmWalletInput,
  ZLinkTonWalletInput,
  ZLinkWalletChallengeInput,
  ZLinkWalletOutput,
  ZTelegramLink,
  ZTelegramLoginData,
  ZTwitterCompleteInput,
  ZTwitterLinked,
  ZTwitterLockState,
  ZTwitterStartOutput,
  ZUserInfo,
} from '@puffy/contracts';
import { z } from 'zod';
import { listEligibleProducts } from '../activity/products';
import { eligibleProducts } from '../store/eligibility';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { sendEmailCode, verifyEmailCode, verifyEmailLink } from './email-codes';
import { userInfo } from './info';
import { linkTelegram, unlinkTelegram } from './telegram';
import { completeTwitterLink, startTwitterLink, twitterLockState, unlinkTwitter } from './twitter';
import { issueLinkChallenge, linkWallet } from './wallets';

const emailRouter = router({
  sendCode: authedProcedure
    .meta({ rateLimit: perMinute(3) })
    .input(ZEmailSendCodeInput)
    .output(ZEmailSendCodeOutput)
    .mutation(({ ctx, input }) => sendEmailCode(ctx.deps, ctx.session.userId, input.email)),

  verifyCode: authedProcedure
    .meta({ rateLimit: perMinute(10) })
    .input(ZEmailVerifyCodeInput)
    .output(ZEmailVerified)
    .mutation(({ ctx, input }) => verifyEmailCode(ctx.deps, ctx.session.userId, input.code)),

  /** The one-click link may be opened on a device that is not signed in; the token is the proof. */
  verifyLink: publicProcedure
    .meta({ rateLimit: perMinute(10) })
    .input(ZEmailVerifyLinkInput)
    .output(ZEmailVerified)
    .mutation(({ ctx, input }) => verifyEmailLink(ctx.deps, input.token)),
});

/** Each step of linking Twitter: ten a minute. */
const twitterStep = authedProcedure.meta({ rateLimit: perMinute(10) });

const twitterRouter = router({
  start: twitterStep.output(ZTwitterStartOutput).mutation(byMember(startTwitterLink)),

  complete: twitterStep
    .input(ZTwitterCompleteInput)
    .output(ZTwitterLinked)
    .mutation(byMember(completeTwitterLink)),

  unlink: twitterStep.output(z.object({ ok: z.literal(true) })).mutation(byMember(unlinkTwitter)),
});

/** Linking Telegram through the Login Widget's signed data; ten a minute. */
const telegramStep = authedProcedure.meta({ rateLimit: perMinute(10) });

const telegramRouter = router({
  link: telegramStep
    .input(ZTelegramLoginData)
    .output(z.object({ telegram: ZTelegramLink }))
    .mutation(byMember(linkTelegram)),

  unlink: telegramStep.output(z.object({ ok: z.literal(true) })).mutation(byMember(unlinkTelegram)),
});

/** Linking a wallet of either chain: both procedures use the one `user.linkWallet` rule, ten a minute. */
const linkingWallet = authedProcedure
  .meta({ rateLimit: perMinute(10, 'user.linkWallet') })
  .output(ZLinkWalletOutput);

/** Profile and linked accounts (docs/product/profile.md). */
export const userRouter = router({
  info: authedProcedure.output(ZUserInfo).query(byMember(userInfo)),

  /** What the member is entitled to: granted products, and what the store lets them buy or claim. */
  eligibleProducts: authedProcedure
    .output(z.object({ entitlements: z.array(ZEligibleProduct), store: ZEligibleProducts }))
    .query(async ({ ctx }) => ({
      entitlements: await listEligibleProducts(ctx.deps, ctx.session.userId),
      store: await eligibleProducts(ctx.deps, ctx.session.userId),
    })),

  email: emailRouter,

  twitter: twitterRouter,

  telegram: telegramRouter,

  twitterLock: authedProcedure
    .output(ZTwitterLockState)
    .query(({ ctx }) => twitterLockState(ctx.deps, ctx.deps.db.db, ctx.session.userId)),

  /** A fresh challenge for the wallet about to be linked (signed like a sign-in message). */
  linkWalletChallenge: authedProcedure
    .meta({ rateLimit: perMinute(10) })
    .input(ZLinkWalletChallengeInput)
    .output(ZChallengeOutput)
    .mutation(byMember(issueLinkChallenge)),

  linkEvmWallet: linkingWallet
    .input(ZLinkEvmWalletInput)
    .mutation(({ ctx, input }) => linkWallet(ctx.deps, ctx.session.userId, 'evm', input, ctx.req)),

  linkTonWallet: linkingWallet
    .input(ZLinkTonWalletInput)
    .mutation(({ ctx, input }) => linkWallet(ctx.deps, ctx.session.userId, 'ton', input, ctx.req)),
});
