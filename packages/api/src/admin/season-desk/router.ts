import {
  pageOf,
  ZSeason,
  ZSeasonEdit,
  ZSeasonFields,
  ZSeasonStanding,
  ZSeasonStandingsInput,
} from '@puffy/contracts';
import { z } from 'zod';
import { listSeasons } from '../../season/seasons';
import { router } from '../../trpc/init';
import { byOperator, withDeps } from '../../trpc/resolvers';
import { campaignsDesk } from '../desks';
import { createSeason, seasonStandings, updateSeason } from './seasons';

/** `admin.seasons.*`: the campaign operators' season desk (docs/product/seasons.md). */
export const seasonDeskRouter = router({
  seasons: router({
    list: campaignsDesk.output(z.array(ZSeason)).query(({ ctx }) => listSeasons(ctx.deps)),
    create: campaignsDesk.input(ZSeasonFields).output(ZSeason).mutation(byOperator(createSeason)),
    update: campaignsDesk.input(ZSeasonEdit).output(ZSeason).mutation(byOperator(updateSeason)),
    standings: campaignsDesk
      .input(ZSeasonStandingsInput)
      .output(pageOf(ZSeasonStanding))
      .query(withDeps(seasonStandings)),
  }),
});
