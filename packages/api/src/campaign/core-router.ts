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
import { byMember, withDeps } from '../trpc/resolvers';
import { campaignGroup, campaignPromotions, getCampaign, listCampaigns } from './queries';
import { eligibleSignIn, eligibleVerify } from './second-wallet';
import { campaignStanding } from './standing';

/**
 * Campaign pages read the same for everyone: CDNs may hold them 10 s. Short, because an admin's edit
 * should reach members within seconds.
 */
const campaignPage = publicProcedure.meta({ publicCacheSeconds: 10 });

/** A signed-in member's call, under the procedure's own limit of calls a minute. */
const memberCall = (points: number) => authedProcedure.meta({ rateLimit: perMinute(points) });

/** The signed-in member's eligibility answer. */
const memberAnswer = (points: number) => memberCall(points).output(ZEligibilityAnswer);

/** Any wallet's answer, no sign-in: strict per IP because it lets anyone probe wallets. */
const anyoneAnswer = publicProcedure.meta({ rateLimit: perMinute(20) }).output(ZEligibilityAnswer);

/** Campaigns, groups, promotions listing, eligibility checks and standing (docs/product/eligibility.md). */
export const campaignCoreRouter = router({
  list: campaignPage.input(ZCampaignListInput).output(ZCampaignPage).query(withDeps(listCampaigns)),

  get: campaignPage.input(ZCampaignGetInput).output(ZCampaign).query(withDeps(getCampaign)),

  group: campaignPage.input(ZCampaignGroupInput).output(ZCampaignGroupOutput).query(withDeps(campaignGroup)),

  promotions: campaignPage
    .input(ZCampaignPromotionsInput)
    .output(ZPromotionPage)
    .query(withDeps(campaignPromotions)),

  info: authedProcedure
    .input(ZCampaignInfoInput)
    .output(ZCampaignInfo)
    .query(({ ctx, input }) => campaignStanding(ctx.deps, ctx.session.userId, input.campaignId)),

  checkEligible: memberAnswer(30).input(ZCheckEligibleInput).mutation(byMember(checkEligible)),

  checkEligibleDryRun: anyoneAnswer.input(ZCheckEligibleDryRunInput).query(withDeps(checkEligibleDryRun)),

  eligibleSignIn: memberCall(5)
    .input(ZEligibleSignInInput)
    .output(ZEligibleSignInOutput)
    .mutation(byMember(eligibleSignIn)),

  eligibleVerify: memberAnswer(10).input(ZEligibleVerifyInput).mutation(byMember(eligibleVerify)),

  snapshot: snapshotRouter,
});
