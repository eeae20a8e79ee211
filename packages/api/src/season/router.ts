import { ZSeason, ZSeasonBoardInput, ZSeasonBoardOutput } from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { seasonBoard } from './board';
import { listSeasons } from './seasons';

/** Seasons, their boards, and (later slices) check-ins and raffles (docs/product/seasons.md). */
export const seasonRouter = router({
  list: publicProcedure.output(z.array(ZSeason)).query(({ ctx }) => listSeasons(ctx.deps)),
  leaderboard: publicProcedure
    .input(ZSeasonBoardInput)
    .output(ZSeasonBoardOutput)
    .query(({ ctx, input }) => seasonBoard(ctx.deps, ctx.session?.userId ?? null, input)),
});
