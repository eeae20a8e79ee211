import { ZDiscordAuthDryRunOutput, ZDiscordAuthInput, ZDiscordAuthOutput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure } from '../trpc/procedures';
import { dryRunDiscordCode, redeemDiscordCode } from './redeem';

/** Codes are short enough to guess at volume: both surfaces get the strict code-guessing limit. */
const codeGuessLimit = (name: string) => ({ name, points: 5, durationSeconds: 60 });

/** Discord codes a campaign's bot issued, redeemed by members (mounted at campaign.discord). */
export const discordRouter = router({
  auth: authedProcedure
    .meta({ rateLimit: codeGuessLimit('campaign.discord.auth') })
    .input(ZDiscordAuthInput)
    .output(ZDiscordAuthOutput)
    .mutation(({ ctx, input }) => redeemDiscordCode(ctx.deps, ctx.session.userId, input)),

  /** A mutation although it changes nothing: a code must never travel in a URL (logs, proxies, caches). */
  authDryRun: authedProcedure
    .meta({ rateLimit: codeGuessLimit('campaign.discord.authDryRun') })
    .input(ZDiscordAuthInput)
    .output(ZDiscordAuthDryRunOutput)
    .mutation(({ ctx, input }) => dryRunDiscordCode(ctx.deps, ctx.session.userId, input)),
});
