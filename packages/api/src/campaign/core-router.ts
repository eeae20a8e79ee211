import {
  ZCampaign,
  ZCampaignGetInput,
  ZCampaignGroupInput,
  ZCampaignGroupOutput,
  ZCampaignInfo,
  ZCampaignInfoInput,
  ZCampaignListInput,
  ZCampaignPage,
  ZCampaignPromotionsInput,
  ZCheckEligibleDryRunInput,
  ZCheckEligibleInput,
  ZEligibilityAnswer,
  ZEligibleSignInInput,
  ZEligibleSignInOutput,
  ZEligibleVerifyInput,
  ZPromotionPage,
} from '@puffy/contracts';
import { checkEligible, checkEligibleDryRun } from '../eligibility/service';
import { snapshotRouter } from '../snapshot/router';
import { router } from '../trpc/init';
import { authedProcedure, publicProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { campaignGroup, campaignPromotions, getCampaign, listCampaigns } from './queries';
import { eligibleSignIn, eligibleVerify } from './second-wallet';
import { campaignStanding } from './standing';

/** Campaigns, groups, promotions listing, eligibility checks and standing (docs/product/eligibility.md). */
/**
 * Campaign pages read the same for everyone: CDNs may hold them this long. Short, because an admin's
 * edit should reach members within seconds.
 */
const PUBLIC_CACHE_SECONDS = 10;

export const campaignCoreRouter = router({
  list: publicProcedure
    .meta({ publicCacheSeconds: PUBLIC_CACHE_SECONDS })
    .input(ZCampaignListInput)
    .output(ZCampaignPage)
    .query(({ ctx, input }) => listCampaigns(ctx.deps, input)),

  get: publicProcedure
    .meta({ publicCacheSeconds: PUBLIC_CACHE_SECONDS })
    .input(ZCampaignGetInput)
    .output(ZCampaign)
    .query(({ ctx, input }) => getCampaign(ctx.deps, input)),

  group: publicProcedure
    .meta({ publicCacheSeconds: PUBLIC_CACHE_SECONDS })
    .input(ZCampaignGroupInput)
    .output(ZCampaignGroupOutput)
    .query(({ ctx, input }) => campaignGroup(ctx.deps, input)),

  promotions: publicProcedure
    .meta({ publicCacheSeconds: PUBLIC_CACHE_SECONDS })
    .input(ZCampaignPromotionsInput)
    .output(ZPromotionPage)
    .query(({ ctx, input }) => campaignPromotions(ctx.deps, input)),

  info: authedProcedure
    .input(ZCampaignInfoInput)
    .output(ZCampaignInfo)
    .query(({ ctx, input }) => campaignStanding(ctx.deps, ctx.session.userId, input.campaignId)),

  checkEligible: authedProcedure
    .meta({ rateLimit: perMinute(30) })
    .input(ZCheckEligibleInput)
    .output(ZEligibilityAnswer)
    .mutation(byMember(checkEligible)),

  /** Any wallet, no sign-in; strict per IP because it lets anyone probe wallets. */
  checkEligibleDryRun: publicProcedure
    .meta({ rateLimit: perMinute(20) })
    .input(ZCheckEligibleDryRunInput)
    .output(ZEligibilityAnswer)
    .query(({ ctx, input }) => checkEligibleDryRun(ctx.deps, input)),

  eligibleSignIn: authedProcedure
    .meta({ rateLimit: perMinute(5) })
    .input(ZEligibleSignInInput)
    .output(ZEligibleSignInOutput)
    .mutation(byMember(eligibleSignIn)),

  eligibleVerify: authedProcedure
    .meta({ rateLimit: perMinute(10) })
    .input(ZEligibleVerifyInput)
    .output(ZEligibilityAnswer)
    .mutation(byMember(eligibleVerify)),

  snapshot: snapshotRouter,
});
