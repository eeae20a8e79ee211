import { router } from '../trpc/init';

/** Mounted into campaign: `campaign.leaderboard`, derived from the points ledger. */
export const campaignLeaderboardRouter = router({});
