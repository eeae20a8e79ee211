import { ZLeaderboardInput, ZLeaderboardOutput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { leaderboard } from './leaderboard';

/** Mounted into campaign: `campaign.leaderboard`, derived from the points ledger. */
export const campaignLeaderboardRouter = router({
  leaderboard: publicProcedure
    .input(ZLeaderboardInput)
    .output(ZLeaderboardOutput)
    .query(({ ctx, input }) => leaderboard(ctx.deps, ctx.session?.userId ?? null, input)),
});
