import { router } from '../trpc/init';

/** Campaigns, groups, promotions listing, eligibility checks and standing (SPEC.md section 5). */
export const campaignCoreRouter = router({});
