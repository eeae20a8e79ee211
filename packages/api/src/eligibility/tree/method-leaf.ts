import type { TEligibilityMethod, TMissingActivity, TNetwork } from '@puffy/contracts';
import { ZNetwork } from '@puffy/contracts';
import { type CampaignActivityRef, notCompletedIn } from '../../activity/campaign-completions';
import type { Deps } from '../../deps';
import { checkHolder } from '../holder-check';
import { checkAllowList, checkDiscord, checkReferral } from '../member-checks';
import type { CampaignRules, MethodRule } from '../rules';
import type { EligibilitySubject, TreeDeps } from './context';
import type { LeafOutcome } from './leaf-outcome';

// Cheap database checks first, chains last: a launch spike should reach an RPC only when it must.
export const METHOD_ORDER: Record<TEligibilityMethod, number> = {
  bypass: 0,
  referral: 1,
  c_referral: 2,
  discord: 3,
  eth: 4,
  berachain: 5,
  sol: 6,
  soon: 7,
  ton: 8,
};

const networks = new Set<string>(ZNetwork.options);
export const isNetwork = (m: TEligibilityMethod): m is TNetwork => networks.has(m);

/** One of the nine methods, exactly as the campaign's method list has always checked it. */
export async function checkMethod(
  deps: TreeDeps,
  rules: CampaignRules,
  rule: MethodRule,
  subject: EligibilitySubject,
): Promise<LeafOutcome> {
  const method = rule.method;
  if (isNetwork(method)) {
    const result = await checkHolder(deps, rules, { ...rule, method }, subject.wallets);
    if (result.status === 'passed') return { state: 'passed', detail: result.detail, wallet: result.wallet };
    return { state: result.status, detail: result.detail };
  }
  if (method === 'bypass') {
    const result = await checkAllowList(deps, rules, subject.wallets);
    return result.passed
      ? { state: 'passed', detail: result.detail, wallet: result.wallet ?? null }
      : { state: 'failed', detail: result.detail };
  }
  if (!subject.userId) {
    const what = method === 'discord' ? 'your Discord link' : 'your referral';
    return { state: 'sign_in', detail: `Sign in to check ${what}` };
  }
  const result =
    method === 'discord'
      ? await checkDiscord(deps, rules, subject.userId)
      : await checkReferral(deps, rules, rule, subject.userId);
  return result.passed
    ? { state: 'passed', detail: result.detail, wallet: null }
    : { state: 'failed', detail: result.detail };
}

/** Of `activities`, the ones the member has not completed in the campaign; all of them when signed out. */
export async function missingActivities(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
  activities: Array<CampaignActivityRef & { name: string }>,
  userId: string | null,
): Promise<TMissingActivity[]> {
  if (activities.length === 0) return [];
  const toMissing = (a: (typeof activities)[number]) => ({ activityId: a.activityId, name: a.name });
  if (!userId) return activities.map(toMissing);
  const missing = await notCompletedIn(deps, deps.db.db, { userId, campaignId, activities });
  return missing.map(toMissing);
}
