import {
  ZAdminCampaignId,
  ZCampaignRequirementsOutput,
  ZEligibilityAnswer,
  ZPreviewRequirementsInput,
  ZSetCampaignRequirementsInput,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { byOperator, withDeps } from '../../trpc/resolvers';
import { campaignRequirements, previewRequirements, setCampaignRequirements } from './service';

const requirementsDesk = adminProcedure('campaigns');

/** `admin.requirements.*`: a campaign's requirement tree (docs/product/eligibility.md), scope campaigns. */
export const requirementsRouter = router({
  get: requirementsDesk
    .input(ZAdminCampaignId)
    .output(ZCampaignRequirementsOutput)
    .query(({ ctx, input }) => campaignRequirements(ctx.deps, input.campaignId)),
  set: requirementsDesk
    .input(ZSetCampaignRequirementsInput)
    .output(ZCampaignRequirementsOutput)
    .mutation(byOperator(setCampaignRequirements)),
  preview: requirementsDesk
    .input(ZPreviewRequirementsInput)
    .output(ZEligibilityAnswer)
    .query(withDeps(previewRequirements)),
});
