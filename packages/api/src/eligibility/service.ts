import type {
  TCheckEligibleDryRunInput,
  TCheckEligibleInput,
  TEligibilityAnswer,
  TEligibilityFirstInput,
  TEligibilityFirstOutput,
} from '@puffy/contracts';
import type { RateLimitRule } from '@puffy/store';
import type { Deps } from '../deps';
import { Forbidden, NotFound, RateLimited, UpstreamUnavailable } from '../platform/errors';
import { type EngineDeps, evaluateEligibility } from './engine';
import { findEligibility, recordEligibility } from './record';
import { type CampaignRules, loadCampaignRules } from './rules';
import { cachedCampaignRules } from './rules-cache';
import { canonicalWallet, memberWallets } from './wallets';

/** `eligibility.first` spends one point per campaign it checks (docs/product/README.md). */
export const ELIGIBILITY_FIRST_RULE: RateLimitRule = {
  name: 'eligibility.first',
  points: 60,
  durationSeconds: 60,
};

const TRY_AGAIN = 'We could not check your holdings right now. Please try again in a moment.';

/**
 * A campaign's rules for one check: read fresh for a member's recorded check, from the short-lived
 * cache for the public checks a launch spike sends (they write nothing; see rules-cache.ts).
 */
async function rulesOf(
  deps: EngineDeps,
  campaignId: number,
  source: 'fresh' | 'cached',
): Promise<CampaignRules> {
  const load = source === 'cached' ? cachedCampaignRules : loadCampaignRules;
  const rules = (await load(deps, [campaignId])).get(campaignId);
  if (!rules)
    throw new NotFound('This campaign does not exist or is not open to members.', 'campaign_not_found');
  return rules;
}

function alreadyEligible(
  rules: CampaignRules,
  row: NonNullable<Awaited<ReturnType<typeof findEligibility>>>,
): TEligibilityAnswer {
  return {
    campaignId: rules.campaign.id,
    outcome: 'eligible',
    reason: 'already_eligible',
    message: `You are eligible for ${rules.campaign.name} (through ${row.method}) since ${row.createdAt.toISOString()}.`,
    method: row.method,
    wallet:
      row.walletChain && row.walletAddress ? { chain: row.walletChain, address: row.walletAddress } : null,
    methods: [],
    missingActivities: [],
    recorded: true,
  };
}

/**
 * A signed-in member's check, recorded when it passes (with the method and wallet that matched).
 * Idempotent: a member already recorded gets the stored answer, and never takes a second seat.
 */
export async function checkEligible(
  deps: EngineDeps,
  userId: string,
  input: TCheckEligibleInput,
): Promise<TEligibilityAnswer> {
  // Independent reads go out together (docs/architecture.md, "Statement budgets").
  const [rules, existing, linked] = await Promise.all([
    rulesOf(deps, input.campaignId, 'fresh'),
    findEligibility(deps, userId, input.campaignId),
    memberWallets(deps, userId),
  ]);
  if (existing) return alreadyEligible(rules, existing);

  let wallets = linked;
  if (input.wallet) {
    const wanted = canonicalWallet(input.wallet);
    wallets = wallets.filter((w) => w.chain === wanted.chain && w.address === wanted.address);
    if (wallets.length === 0) {
      throw new Forbidden(
        'This wallet is not linked to your account. Prove you own it first (campaign.eligibleSignIn).',
        'wallet_not_linked',
      );
    }
  }
  const answer = await evaluateEligibility(deps, rules, { userId, wallets });
  if (answer.reason === 'upstream_unavailable') throw new UpstreamUnavailable(TRY_AGAIN);
  if (answer.outcome !== 'eligible' || !answer.method) return answer;

  const outcome = await recordEligibility(deps, {
    userId,
    campaignId: input.campaignId,
    method: answer.method,
    wallet: answer.wallet,
  });
  if (outcome === 'recorded') return { ...answer, recorded: true };
  if (outcome === 'full') {
    return {
      ...answer,
      outcome: 'not_eligible',
      reason: 'campaign_full',
      message: `${rules.campaign.name} is full: all ${rules.campaign.limit} places are taken.`,
    };
  }
  const row = await findEligibility(deps, userId, input.campaignId);
  return row ? alreadyEligible(rules, row) : answer;
}

/** Any wallet, no sign-in, nothing written: holder and allow-list methods only. */
export async function checkEligibleDryRun(
  deps: EngineDeps,
  input: TCheckEligibleDryRunInput,
): Promise<TEligibilityAnswer> {
  const rules = await rulesOf(deps, input.campaignId, 'cached');
  const answer = await evaluateEligibility(deps, rules, {
    userId: null,
    wallets: [canonicalWallet(input.wallet)],
  });
  if (answer.reason === 'upstream_unavailable') throw new UpstreamUnavailable(TRY_AGAIN);
  return answer;
}

/**
 * One wallet against up to 20 campaigns, each answered with its reason; an outage on one campaign's
 * chain answers `try_again` for that campaign instead of failing the others.
 */
export async function firstEligible(
  deps: EngineDeps & Pick<Deps, 'limiter'>,
  caller: { ip: string; userId: string | null },
  input: TEligibilityFirstInput,
): Promise<TEligibilityFirstOutput> {
  const cost = input.campaignIds.length;
  const keys = [`eligibility.first:ip:${caller.ip}`];
  if (caller.userId) keys.push(`eligibility.first:user:${caller.userId}`);
  for (const key of keys) {
    const spent = await deps.limiter.consume(ELIGIBILITY_FIRST_RULE, key, cost);
    if (!spent.allowed) throw new RateLimited(spent.retryAfterSeconds);
  }
  const wallet = canonicalWallet(input.wallet);
  const rules = await cachedCampaignRules(deps, input.campaignIds);
  const answers = await Promise.all(
    input.campaignIds.map(async (campaignId): Promise<TEligibilityAnswer> => {
      const campaign = rules.get(campaignId);
      if (campaign) return evaluateEligibility(deps, campaign, { userId: null, wallets: [wallet] });
      return {
        campaignId,
        outcome: 'not_eligible',
        reason: 'campaign_not_found',
        message: 'This campaign does not exist or is not open to members.',
        method: null,
        wallet: null,
        methods: [],
        missingActivities: [],
        recorded: false,
      };
    }),
  );
  const first = answers.find((a) => a.outcome === 'eligible');
  return { firstEligibleCampaignId: first?.campaignId ?? null, answers };
}
