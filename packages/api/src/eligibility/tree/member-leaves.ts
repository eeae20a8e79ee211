import type { TRequirementLeaf } from '@puffy/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { campaignScope, GLOBAL_SCOPE } from '../../activity/ledger';
import type { Deps } from '../../deps';
import { memberColumns } from '../../user/member-row';
import type { CampaignRules } from '../rules';
import type { LeafOutcome } from './leaf-outcome';
import { missingActivities } from './method-leaf';

type Leaf<K extends TRequirementLeaf['kind']> = Extract<TRequirementLeaf, { kind: K }>;
type DbDeps = Pick<Deps, 'db'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Points at or above the minimum, from the leaderboard's per-scope totals (`global` sums every campaign). */
export async function checkPoints(
  deps: DbDeps,
  rules: CampaignRules,
  leaf: Leaf<'points'>,
  userId: string,
): Promise<LeafOutcome> {
  const { db, t } = deps.db;
  const campaignId = leaf.campaignId ?? rules.campaign.id;
  const scopeKey = leaf.scope === 'overall' ? GLOBAL_SCOPE : campaignScope(campaignId);
  const [row] = await db
    .select({ points: t.userPoints.points })
    .from(t.userPoints)
    .where(and(eq(t.userPoints.userId, userId), eq(t.userPoints.scopeKey, scopeKey)))
    .limit(1);
  const have = row?.points ?? 0;
  const where = describePointsScope(rules, leaf);
  if (have >= leaf.min) return { state: 'passed', detail: `Has ${plural(have, 'point')} ${where}.` };
  return {
    state: 'failed',
    detail: `Earn ${plural(leaf.min - have, 'more point')} ${where} (has ${have} of ${leaf.min}).`,
  };
}

export function describePointsScope(rules: CampaignRules, leaf: Leaf<'points'>): string {
  if (leaf.scope === 'overall') return 'overall';
  return leaf.campaignId === undefined || leaf.campaignId === rules.campaign.id
    ? 'in this campaign'
    : 'in another campaign';
}

/** Recorded as eligible for another campaign (a credential that carries across campaigns). */
export async function checkEligibleFor(
  deps: DbDeps,
  leaf: Leaf<'eligible_for'>,
  userId: string,
): Promise<LeafOutcome> {
  const { db, t } = deps.db;
  const [row] = await db
    .select({ id: t.userCampaignEligibles.id, name: t.campaigns.name })
    .from(t.campaigns)
    .leftJoin(
      t.userCampaignEligibles,
      and(eq(t.userCampaignEligibles.campaignId, t.campaigns.id), eq(t.userCampaignEligibles.userId, userId)),
    )
    .where(eq(t.campaigns.id, leaf.campaignId))
    .limit(1);
  const name = row?.name ?? 'another campaign';
  return row?.id
    ? { state: 'passed', detail: `Eligible for ${name}.` }
    : { state: 'failed', detail: `Become eligible for ${name}.` };
}

const accountName: Record<Leaf<'account'>['account'], string> = {
  email: 'a verified email address',
  x: 'a linked X account',
  discord: 'a linked Discord account',
  telegram: 'a linked Telegram account',
};

/** An account the profile links or verifies: only a verified email is ever stored. */
export async function checkAccount(
  deps: DbDeps,
  leaf: Leaf<'account'>,
  userId: string,
): Promise<LeafOutcome> {
  const { t } = deps.db;
  const row = await memberColumns(deps, deps.db.db, userId, {
    email: t.users.email,
    x: t.users.twitterId,
    discord: t.users.discordId,
    telegram: t.users.telegramId,
  });
  return row?.[leaf.account] != null
    ? { state: 'passed', detail: `Has ${accountName[leaf.account]}.` }
    : { state: 'failed', detail: describeAccount(leaf) };
}

export const describeAccount = (leaf: Leaf<'account'>) => `Add ${accountName[leaf.account]} in your profile.`;

/**
 * Every listed activity completed in this campaign. The campaign's required activities are known from
 * its rules; other activities are read once by id.
 */
export async function checkActivities(
  deps: DbDeps,
  rules: CampaignRules,
  leaf: Leaf<'activities'>,
  userId: string | null,
): Promise<LeafOutcome> {
  const activities = await activityRefs(deps, rules, leaf.activityIds);
  const missing = await missingActivities(deps, rules.campaign.id, activities, userId);
  if (missing.length === 0)
    return { state: 'passed', detail: `Completed ${describeActivities(activities)}.` };
  const names = missing.map((a) => a.name).join(', ');
  return {
    state: 'failed',
    detail: `Complete ${plural(missing.length, 'more activity', 'more activities')}: ${names}.`,
    missing,
  };
}

const describeActivities = (activities: Array<{ name: string }>) =>
  activities.length === 1 ? (activities[0]?.name ?? 'the activity') : `all ${activities.length} activities`;

async function activityRefs(deps: DbDeps, rules: CampaignRules, ids: number[]) {
  const known = new Map(rules.requiredActivities.map((a) => [a.activityId, a]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const { db, t } = deps.db;
    const rows = await db
      .select({ activityId: t.activities.id, name: t.activities.name, scope: t.activities.scope })
      .from(t.activities)
      .where(inArray(t.activities.id, unknown));
    for (const row of rows) known.set(row.activityId, row);
  }
  // An activity deleted since the tree was saved cannot be completed: it stays missing, by its id.
  return ids.map(
    (id) =>
      known.get(id) ?? {
        activityId: id,
        name: `an activity that no longer exists`,
        scope: 'campaign' as const,
      },
  );
}
