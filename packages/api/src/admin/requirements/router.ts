import {
  ZAdminCampaignId,
  ZCampaignRequirementsOutput,
  ZEligibilityAnswer,
  ZPreviewRequirementsInput,
  ZSetCampaignRequirementsInput,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { byOperator } from '../../trpc/resolvers';
import { campaignRequirements, previewRequirements, setCampaignRequirements } from './service';

/** `admin.requirements.*`: a campaign's requirement tree (docs/product/eligibility.md), scope campaigns. */
export const requirementsRouter = router({
  get: adminProcedure('campaigns')
    .input(ZAdminCampaignId)
    .output(ZCampaignRequirementsOutput)
    .query(({ ctx, input }) => campaignRequirements(ctx.deps, input.campaignId)),
  set: adminProcedure('campaigns')
    .input(ZSetCampaignRequirementsInput)
    .output(ZCampaignRequirementsOutput)
    .mutation(byOperator(setCampaignRequirements)),
  preview: adminProcedure('campaigns')
    .input(ZPreviewRequirementsInput)
    .output(ZEligibilityAnswer)
    .query(({ ctx, input }) => previewRequirements(ctx.deps, input)),
});
