import type { TEligibilityMethod } from '@puffy/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type CampaignActivityRef, requiredActivitiesOf } from '../activity/campaign-completions';
import type { Deps } from '../deps';
import { type CampaignRow, campaignColumns } from './seats';

export interface MethodRule {
  method: TEligibilityMethod;
  config: Record<string, unknown>;
}

export interface RequiredActivity extends CampaignActivityRef {
  name: string;
}

/** Everything eligibility needs to know about one campaign, read once per check. */
export interface CampaignRules {
  campaign: CampaignRow;
  methods: MethodRule[];
  requiredActivities: RequiredActivity[];
}

/** The rules of the given campaigns that members can see (ready, not archived), keyed by id. */
export async function loadCampaignRules(
  deps: Pick<Deps, 'db'>,
  campaignIds: number[],
): Promise<Map<number, CampaignRules>> {
  const { db, t } = deps.db;
  const rules = new Map<number, CampaignRules>();
  if (campaignIds.length === 0) return rules;
  const campaigns = await db
    .select(campaignColumns(t))
    .from(t.campaigns)
    .where(
      and(
        inArray(t.campaigns.id, campaignIds),
        eq(t.campaigns.isReady, true),
        isNull(t.campaigns.archivedAt),
      ),
    );
  if (campaigns.length === 0) return rules;
  const ids = campaigns.map((c) => c.id);
  const [methods, required] = await Promise.all([
    db
      .select({
        campaignId: t.campaignEligibleMethods.campaignId,
        method: t.campaignEligibleMethods.method,
        config: t.campaignEligibleMethods.config,
      })
      .from(t.campaignEligibleMethods)
      .where(inArray(t.campaignEligibleMethods.campaignId, ids))
      .orderBy(t.campaignEligibleMethods.id),
    requiredActivitiesOf(deps, db, ids),
  ]);
  for (const campaign of campaigns) rules.set(campaign.id, { campaign, methods: [], requiredActivities: [] });
  for (const m of methods) rules.get(m.campaignId)?.methods.push({ method: m.method, config: m.config });
  for (const { campaignId, ...activity } of required)
    rules.get(campaignId)?.requiredActivities.push(activity);
  return rules;
}
