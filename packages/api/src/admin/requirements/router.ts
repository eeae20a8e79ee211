import {
  ZAdminCampaignId,
  ZCampaignRequirementsOutput,
  ZEligibilityAnswer,
  ZPreviewRequirementsInput,
  ZSetCampaignRequirementsInput,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { byOperator, withDeps } from '../../trpc/resolvers';
import { campaignsDesk } from '../desks';
import { campaignRequirements, previewRequirements, setCampaignRequirements } from './service';

/** Reading and setting a tree alike answer with the campaign's trees, as stored and as evaluated. */
const requirements = campaignsDesk.output(ZCampaignRequirementsOutput);

/** `admin.requirements.*`: a campaign's requirement tree (docs/product/eligibility.md), scope campaigns. */
export const requirementsRouter = router({
  get: requirements.input(ZAdminCampaignId).query(withDeps(campaignRequirements)),
  set: requirements.input(ZSetCampaignRequirementsInput).mutation(byOperator(setCampaignRequirements)),
  preview: campaignsDesk
    .input(ZPreviewRequirementsInput)
    .output(ZEligibilityAnswer)
    .query(withDeps(previewRequirements)),
});
