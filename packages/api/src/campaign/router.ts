import { campaignLeaderboardRouter } from '../activity/leaderboard-router';
import { discordRouter } from '../discord/router';
import { mergeRouters, router } from '../trpc/init';
import { campaignCoreRouter } from './core-router';

/** `campaign.*`: the campaign room's procedures plus the leaderboard and Discord codes mounted beside them. */
export const campaignRouter = mergeRouters(
  campaignCoreRouter,
  campaignLeaderboardRouter,
  router({ discord: discordRouter }),
);
