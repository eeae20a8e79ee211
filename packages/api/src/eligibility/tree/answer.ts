import type {
  TEligibilityAnswer,
  TEligibilityReason,
  TMethodCheck,
  TMissingActivity,
} from '@puffy/contracts';
import type { CampaignRules } from '../rules';
import type { EligibilitySubject } from './context';
import {
  type Evaluated,
  explain,
  type LeafResolver,
  leavesOf,
  missingText,
  passingMethodLeaf,
} from './evaluate';

export type Answer = (
  reason: TEligibilityReason,
  message: string,
  extra?: Partial<TEligibilityAnswer>,
) => TEligibilityAnswer;

/** How each method leaf fared, in the order they were tried (the answer's `methods`). */
function methodChecks(evaluated: Evaluated): TMethodCheck[] {
  return leavesOf(evaluated, 'method').map((m) => ({
    method: m.node.method,
    passed: m.outcome === 'passed' ? true : m.outcome === 'failed' ? false : null,
    detail: m.outcome === 'not_checked' ? 'Not checked: another method already matched.' : m.detail,
  }));
}

function missingOf(evaluated: Evaluated): TMissingActivity[] {
  return leavesOf(evaluated, 'activities').flatMap((a) =>
    a.leaf?.state === 'failed' ? (a.leaf.missing ?? []) : [],
  );
}

/** Whether a leaf that was checked could not be answered by its chain: then the answer is "try again". */
const unavailableSeen = (evaluated: Evaluated): boolean =>
  evaluated.leaf?.state === 'unavailable' || (evaluated.children ?? []).some(unavailableSeen);

const TRY_AGAIN = 'We could not check your holdings right now. Please try again in a moment.';

/** The limit and the final "eligible", the same for both kinds of tree. */
function passedAnswer(rules: CampaignRules, evaluated: Evaluated, answer: Answer): TEligibilityAnswer {
  const { campaign } = rules;
  const matched = passingMethodLeaf(evaluated);
  const base = {
    method: matched?.node.method ?? null,
    wallet: (matched?.leaf?.state === 'passed' ? matched.leaf.wallet : null) ?? null,
    methods: methodChecks(evaluated),
  };
  if (campaign.limit !== null && campaign.eligibleCount >= campaign.limit) {
    return answer('campaign_full', `${campaign.name} is full: all ${campaign.limit} places are taken.`, base);
  }
  return answer('eligible', `Eligible through ${base.method}: ${matched?.detail ?? evaluated.detail}`, base);
}

/**
 * The answer for a campaign evaluated through its methods' tree: word for word what the method list
 * answered before there were trees (the equivalence test holds it to that).
 */
export function methodsAnswer(
  rules: CampaignRules,
  evaluated: Evaluated,
  subject: EligibilitySubject,
  answer: Answer,
): TEligibilityAnswer {
  const [methodsGroup, activities] = evaluated.children ?? [];
  const methods = methodChecks(evaluated);
  if (methodsGroup?.outcome !== 'passed') {
    if (unavailableSeen(evaluated)) return answer('upstream_unavailable', TRY_AGAIN, { methods });
    const needs = methods.map((m) => m.detail.replace(/\.$/, '')).join('; or ');
    if (methodsGroup?.outcome === 'unknown') {
      return answer(
        'sign_in_required',
        `Not eligible with this wallet alone. Sign in to check the rest: ${needs}.`,
        { methods },
      );
    }
    return answer('no_method_matched', `Not eligible yet. To qualify: ${needs}.`, { methods });
  }
  const matched = passingMethodLeaf(methodsGroup);
  if (activities && activities.outcome !== 'passed') {
    const missing = missingOf(evaluated);
    const names = missing.map((a) => a.name).join(', ');
    const message = subject.userId
      ? `${matched?.detail} Complete the required activities: ${names}.`
      : `${matched?.detail} Sign in and complete the required activities: ${names}.`;
    const wallet = matched?.leaf?.state === 'passed' ? (matched.leaf.wallet ?? null) : null;
    return answer('activities_missing', message, {
      method: matched?.node.method ?? null,
      wallet,
      methods,
      missingActivities: missing,
    });
  }
  return passedAnswer(rules, evaluated, answer);
}

/** The answer for an operator's own tree: what passed, or what is still missing, in the member's words. */
export function storedTreeAnswer(
  rules: CampaignRules,
  evaluated: Evaluated,
  resolver: LeafResolver,
  answer: Answer,
): TEligibilityAnswer {
  if (evaluated.outcome === 'passed') return passedAnswer(rules, evaluated, answer);
  const extra = { methods: methodChecks(evaluated), missingActivities: missingOf(evaluated) };
  if (evaluated.outcome === 'unknown') {
    if (unavailableSeen(evaluated)) return answer('upstream_unavailable', TRY_AGAIN, extra);
    return answer(
      'sign_in_required',
      `Not eligible with this wallet alone. Sign in to check the rest: ${missingText(evaluated, resolver)}.`,
      extra,
    );
  }
  return answer(
    'requirements_not_met',
    `Not eligible yet. To qualify: ${missingText(evaluated, resolver)}.`,
    extra,
  );
}

export { explain };
