import {
  ZAdminCampaignId,
  ZCampaignRequirementsOutput,
  ZEligibilityAnswer,
  ZPreviewRequirementsInput,
  ZSetCampaignRequirementsInput,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { campaignRequirements, previewRequirements, setCampaignRequirements } from './service';

const actorOf = (ctx: { session: { userId: string }; req: { requestId: string } }) => ({
  userId: ctx.session.userId,
  requestId: ctx.req.requestId,
});

/** `admin.requirements.*`: a campaign's requirement tree (docs/product/eligibility.md), scope campaigns. */
export const requirementsRouter = router({
  get: adminProcedure('campaigns')
    .input(ZAdminCampaignId)
    .output(ZCampaignRequirementsOutput)
    .query(({ ctx, input }) => campaignRequirements(ctx.deps, input.campaignId)),
  set: adminProcedure('campaigns')
    .input(ZSetCampaignRequirementsInput)
    .output(ZCampaignRequirementsOutput)
    .mutation(({ ctx, input }) => setCampaignRequirements(ctx.deps, actorOf(ctx), input)),
  preview: adminProcedure('campaigns')
    .input(ZPreviewRequirementsInput)
    .output(ZEligibilityAnswer)
    .query(({ ctx, input }) => previewRequirements(ctx.deps, input)),
});
