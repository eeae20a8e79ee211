import { ZDiscordAuthDryRunOutput, ZDiscordAuthInput, ZDiscordAuthOutput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { dryRunDiscordCode, redeemDiscordCode } from './redeem';

/** Codes are short enough to guess at volume: both surfaces get the strict code-guessing limit. */
const codeGuessLimit = perMinute(5);

/** Discord codes a campaign's bot issued, redeemed by members (mounted at campaign.discord). */
export const discordRouter = router({
  auth: authedProcedure
    .meta({ rateLimit: codeGuessLimit })
    .input(ZDiscordAuthInput)
    .output(ZDiscordAuthOutput)
    .mutation(byMember(redeemDiscordCode)),

  /** A mutation although it changes nothing: a code must never travel in a URL (logs, proxies, caches). */
  authDryRun: authedProcedure
    .meta({ rateLimit: codeGuessLimit })
    .input(ZDiscordAuthInput)
    .output(ZDiscordAuthDryRunOutput)
    .mutation(byMember(dryRunDiscordCode)),
});
