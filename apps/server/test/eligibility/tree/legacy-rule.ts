import type {
  TEligibilityAnswer,
  TEligibilityMethod,
  TEligibilityReason,
  TEligibilityWallet,
  TMethodCheck,
  TMissingActivity,
  TNetwork,
} from '@puffy/contracts';
import { ZNetwork } from '@puffy/contracts';
import { notCompletedIn } from '../../../../../packages/api/src/activity/campaign-completions';
import type { Deps } from '../../../../../packages/api/src/deps';
import { checkHolder } from '../../../../../packages/api/src/eligibility/holder-check';
import {
  checkAllowList,
  checkDiscord,
  checkReferral,
} from '../../../../../packages/api/src/eligibility/member-checks';
import type { CampaignRules, MethodRule } from '../../../../../packages/api/src/eligibility/rules';

type EngineDeps = Pick<Deps, 'db' | 'store' | 'holdings' | 'logger' | 'clock'>;

/** Who is asking: a member (all methods) or just a wallet (dry runs: holder and allow-list methods). */
interface EligibilitySubject {
  userId: string | null;
  wallets: TEligibilityWallet[];
}

type MethodOutcome =
  | { state: 'passed'; detail: string; wallet: TEligibilityWallet | null }
  | { state: 'failed'; detail: string }
  | { state: 'sign_in'; detail: string }
  | { state: 'unavailable'; detail: string };

// Cheap database checks first, chains last: a launch spike should reach an RPC only when it must.
const ORDER: Record<TEligibilityMethod, number> = {
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
const isNetwork = (m: TEligibilityMethod): m is TNetwork => networks.has(m);

/**
 * THE ORACLE of the equivalence test: today's rule exactly as engine.ts evaluated it before requirement
 * trees (commit 245b1d0's parent), kept verbatim so the converted tree can be held to it.
 *
 * The one eligibility rule every entry point uses (checkEligible, the dry run, eligibility.first):
 * the campaign's gates, then any one of its methods, then its required activities, then its limit.
 * Writes nothing; recording (and the atomic limit) is `recordEligibility`'s job.
 */
export async function evaluateLegacyRule(
  deps: EngineDeps,
  rules: CampaignRules,
  subject: EligibilitySubject,
): Promise<TEligibilityAnswer> {
  const { campaign } = rules;
  const now = deps.clock.now();
  const answer = (
    reason: TEligibilityReason,
    message: string,
    extra: Partial<TEligibilityAnswer> = {},
  ): TEligibilityAnswer => ({
    campaignId: campaign.id,
    outcome:
      reason === 'eligible' ? 'eligible' : reason === 'upstream_unavailable' ? 'try_again' : 'not_eligible',
    reason,
    message,
    method: null,
    wallet: null,
    methods: [],
    missingActivities: [],
    recorded: false,
    ...extra,
  });

  if (!campaign.isActive)
    return answer('not_active', `${campaign.name} is not accepting eligibility checks right now.`);
  if (campaign.startAt && campaign.startAt > now) {
    return answer('not_started', `${campaign.name} opens on ${campaign.startAt.toISOString()}.`);
  }
  if (campaign.endAt && campaign.endAt <= now) return answer('ended', `${campaign.name} has ended.`);
  if (rules.methods.length === 0) {
    return answer(
      'no_method_matched',
      `${campaign.name} does not accept anyone yet: no eligibility method is set.`,
    );
  }

  const methods: TMethodCheck[] = [];
  const states = new Set<MethodOutcome['state']>();
  let matched: { method: TEligibilityMethod; wallet: TEligibilityWallet | null; detail: string } | null =
    null;
  for (const rule of [...rules.methods].sort((a, b) => ORDER[a.method] - ORDER[b.method])) {
    if (matched) {
      methods.push({
        method: rule.method,
        passed: null,
        detail: 'Not checked: another method already matched.',
      });
      continue;
    }
    const outcome = await checkMethod(deps, rules, rule, subject);
    states.add(outcome.state);
    methods.push({
      method: rule.method,
      passed: outcome.state === 'passed' ? true : outcome.state === 'failed' ? false : null,
      detail: outcome.detail,
    });
    if (outcome.state === 'passed')
      matched = { method: rule.method, wallet: outcome.wallet, detail: outcome.detail };
  }

  if (!matched) {
    // An outage is never a "no": if a chain could not be asked, the only honest answer is "try again".
    if (states.has('unavailable')) {
      return answer(
        'upstream_unavailable',
        'We could not check your holdings right now. Please try again in a moment.',
        {
          methods,
        },
      );
    }
    const needs = methods.map((m) => m.detail.replace(/\.$/, '')).join('; or ');
    if (states.has('sign_in')) {
      return answer(
        'sign_in_required',
        `Not eligible with this wallet alone. Sign in to check the rest: ${needs}.`,
        {
          methods,
        },
      );
    }
    return answer('no_method_matched', `Not eligible yet. To qualify: ${needs}.`, { methods });
  }

  const base = { method: matched.method, wallet: matched.wallet, methods };
  const missing = await missingActivities(deps, rules, subject.userId);
  if (missing.length > 0) {
    const names = missing.map((a) => a.name).join(', ');
    const message = subject.userId
      ? `${matched.detail} Complete the required activities: ${names}.`
      : `${matched.detail} Sign in and complete the required activities: ${names}.`;
    return answer('activities_missing', message, { ...base, missingActivities: missing });
  }
  if (campaign.limit !== null && campaign.eligibleCount >= campaign.limit) {
    return answer('campaign_full', `${campaign.name} is full: all ${campaign.limit} places are taken.`, base);
  }
  return answer('eligible', `Eligible through ${matched.method}: ${matched.detail}`, base);
}

async function checkMethod(
  deps: EngineDeps,
  rules: CampaignRules,
  rule: MethodRule,
  subject: EligibilitySubject,
): Promise<MethodOutcome> {
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

/** Required activities the member has not completed; all of them for someone not signed in. */
async function missingActivities(
  deps: Pick<Deps, 'db'>,
  rules: CampaignRules,
  userId: string | null,
): Promise<TMissingActivity[]> {
  const required = rules.requiredActivities;
  if (required.length === 0) return [];
  const toMissing = (a: (typeof required)[number]) => ({ activityId: a.activityId, name: a.name });
  if (!userId) return required.map(toMissing);
  const missing = await notCompletedIn(deps, deps.db.db, {
    userId,
    campaignId: rules.campaign.id,
    activities: required,
  });
  return missing.map(toMissing);
}
