import type {
  TCampaignRequirementsOutput,
  TEligibilityAnswer,
  TPreviewRequirementsInput,
  TRequirement,
  TRequirementLeaf,
  TSetCampaignRequirementsInput,
} from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { eq, inArray } from 'drizzle-orm';
import { requiredActivitiesOf } from '../../activity/campaign-completions';
import type { Deps } from '../../deps';
import { evaluateEligibility } from '../../eligibility/engine';
import type { CampaignRules } from '../../eligibility/rules';
import { invalidateCampaignRules } from '../../eligibility/rules-cache';
import { campaignColumns } from '../../eligibility/seats';
import { legacyTree } from '../../eligibility/tree/effective-tree';
import { canonicalWallet } from '../../eligibility/wallets';
import type { AuditActor } from '../../platform/audit';
import { BadInput, NotFound, PreconditionFailed } from '../../platform/errors';
import { findOrThrow } from '../../trpc/first-row';
import { audited } from '../audited';

type RequirementDeps = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'store'>>;

function leavesOf(node: TRequirement): TRequirementLeaf[] {
  if (node.kind === 'not') return leavesOf(node.child);
  if (node.kind === 'all' || node.kind === 'any' || node.kind === 'at_least')
    return node.children.flatMap(leavesOf);
  return [node];
}

/** What the schema cannot know: the campaigns and activities a tree names exist (and it names no loop). */
async function assertReferencesExist(
  tx: Database,
  deps: RequirementDeps,
  campaignId: number,
  tree: TRequirement,
) {
  const { t } = deps.db;
  const leaves = leavesOf(tree);
  const campaignIds = new Set<number>();
  const activityIds = new Set<number>();
  for (const leaf of leaves) {
    if (leaf.kind === 'eligible_for') {
      if (leaf.campaignId === campaignId) {
        throw new BadInput(
          'A campaign cannot require eligibility for itself.',
          undefined,
          'requirements_self',
        );
      }
      campaignIds.add(leaf.campaignId);
    }
    if (leaf.kind === 'points' && leaf.campaignId !== undefined) campaignIds.add(leaf.campaignId);
    if (leaf.kind === 'activities') for (const id of leaf.activityIds) activityIds.add(id);
  }
  const allExist = async (table: typeof t.campaigns | typeof t.activities, ids: Set<number>) => {
    if (ids.size === 0) return true;
    const found = await tx
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, [...ids]));
    return found.length === ids.size;
  };
  if (!(await allExist(t.campaigns, campaignIds)))
    throw new BadInput(
      'The requirements name a campaign that does not exist.',
      undefined,
      'requirements_unknown_campaign',
    );
  if (!(await allExist(t.activities, activityIds)))
    throw new BadInput(
      'The requirements name an activity that does not exist.',
      undefined,
      'requirements_unknown_activity',
    );
}

/**
 * A campaign's rules as eligibility reads them, whatever its state (the eligibility loader reads only
 * campaigns members can see; the console works on drafts too).
 */
async function rulesOfAnyCampaign(deps: Pick<Deps, 'db'>, campaignId: number): Promise<CampaignRules> {
  const { db, t } = deps.db;
  const [campaign] = await db
    .select(campaignColumns(t))
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId))
    .limit(1);
  if (!campaign) throw new NotFound('This campaign does not exist.', 'campaign_not_found');
  const [methods, required] = await Promise.all([
    db
      .select({ method: t.campaignEligibleMethods.method, config: t.campaignEligibleMethods.config })
      .from(t.campaignEligibleMethods)
      .where(eq(t.campaignEligibleMethods.campaignId, campaignId))
      .orderBy(t.campaignEligibleMethods.id),
    requiredActivitiesOf(deps, db, [campaignId]),
  ]);
  return {
    campaign,
    methods,
    requiredActivities: required.map(({ campaignId: _id, ...activity }) => activity),
  };
}

/** A campaign's stored tree and the tree every check evaluates (its own, or its methods converted). */
export async function campaignRequirements(
  deps: Pick<Deps, 'db'>,
  input: { campaignId: number },
): Promise<TCampaignRequirementsOutput> {
  const { campaignId } = input;
  const rules = await rulesOfAnyCampaign(deps, campaignId);
  const stored = rules.campaign.requirements ?? null;
  return { campaignId, requirements: stored, effective: stored ?? legacyTree(rules) };
}

/**
 * Sets (or, with null, clears) a campaign's requirement tree: validated by the contract's limits and
 * here for what it names, written with its audit entry in one transaction; every instance drops its
 * cached rules. A refused tree changes nothing.
 */
export async function setCampaignRequirements(
  deps: RequirementDeps,
  actor: AuditActor,
  input: TSetCampaignRequirementsInput,
): Promise<TCampaignRequirementsOutput> {
  const c = deps.db.t.campaigns;
  await audited(deps, actor, async (tx) => {
    const before = await findOrThrow(
      tx
        .select({ requirements: c.requirements, archivedAt: c.archivedAt })
        .from(c)
        .where(eq(c.id, input.campaignId)),
      () => new NotFound('This campaign does not exist.', 'campaign_not_found'),
    );
    if (before.archivedAt)
      throw new PreconditionFailed(
        'This campaign is archived; it can no longer change.',
        'campaign_archived',
      );
    if (input.requirements) await assertReferencesExist(tx, deps, input.campaignId, input.requirements);
    await tx
      .update(c)
      .set({ requirements: input.requirements, updatedAt: deps.clock.now() })
      .where(eq(c.id, input.campaignId));
    const audit = {
      action: 'campaign.requirements',
      targetType: 'campaign',
      targetId: String(input.campaignId),
      before: { requirements: before.requirements ?? null },
      after: { requirements: input.requirements },
    };
    return { audit, result: null };
  });
  await invalidateCampaignRules(deps, input.campaignId);
  return campaignRequirements(deps, input);
}

/**
 * The builder's live preview: a draft tree (or the campaign's own) evaluated for one wallet, as the dry
 * run would, whatever the campaign's state; nothing is written.
 */
export async function previewRequirements(
  deps: Pick<Deps, 'db' | 'store' | 'holdings' | 'logger' | 'clock'>,
  input: TPreviewRequirementsInput,
): Promise<TEligibilityAnswer> {
  const rules = await rulesOfAnyCampaign(deps, input.campaignId);
  if (input.requirements) await assertReferencesExist(deps.db.db, deps, input.campaignId, input.requirements);
  const campaign = {
    ...rules.campaign,
    isActive: true,
    startAt: null,
    endAt: null,
    requirements: input.requirements ?? rules.campaign.requirements,
  };
  return evaluateEligibility(
    deps,
    { ...rules, campaign },
    { userId: null, wallets: [canonicalWallet(input.wallet)] },
  );
}
