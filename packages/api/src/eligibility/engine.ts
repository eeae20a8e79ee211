import type { TEligibilityAnswer, TEligibilityReason } from '@puffy/contracts';
import type { CampaignRules } from './rules';
import { methodsAnswer, storedTreeAnswer } from './tree/answer';
import type { EligibilitySubject, TreeDeps } from './tree/context';
import { effectiveTree } from './tree/effective-tree';
import { evaluateTree, explain } from './tree/evaluate';
import { createLeafResolver } from './tree/resolver';

export type EngineDeps = TreeDeps;
export type { EligibilitySubject };

/**
 * The one eligibility rule every entry point uses (checkEligible, the dry run, eligibility.first, the
 * second-wallet proof): the campaign's gates, then its requirement tree (its own, or the one its methods
 * and required activities convert to: docs/product/eligibility.md), then its limit.
 * Writes nothing; recording (and the atomic limit) is `recordEligibility`'s job.
 */
export async function evaluateEligibility(
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
  const effective = effectiveTree(rules, deps.logger);
  if (effective.source === 'misconfigured') {
    return answer('requirements_not_met', `The requirements of ${campaign.name} are misconfigured.`);
  }
  if (!effective.tree) {
    return answer(
      'no_method_matched',
      `${campaign.name} does not accept anyone yet: no eligibility method is set.`,
    );
  }
  const resolver = createLeafResolver(deps, rules, subject);
  const evaluated = await evaluateTree(effective.tree, resolver);
  const explained = (reason: TEligibilityReason, message: string, extra: Partial<TEligibilityAnswer> = {}) =>
    answer(reason, message, { ...extra, requirements: explain(evaluated) });
  return effective.source === 'methods'
    ? methodsAnswer(rules, evaluated, subject, explained)
    : storedTreeAnswer(rules, evaluated, resolver, explained);
}
