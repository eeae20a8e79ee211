import { type TRequirement, ZRequirementTree } from '@puffy/contracts';
import type { Logger } from '../../platform/logger';
import type { CampaignRules } from '../rules';
import { METHOD_ORDER } from './method-leaf';

/**
 * Today's rule as a tree: any one of the methods (cheapest first, as the method list has always been
 * tried), then every required activity. Null when the campaign has no method (it accepts no one).
 */
export function legacyTree(
  rules: Pick<CampaignRules, 'methods' | 'requiredActivities'>,
): TRequirement | null {
  if (rules.methods.length === 0) return null;
  const methods: TRequirement[] = [...rules.methods]
    .sort((a, b) => METHOD_ORDER[a.method] - METHOD_ORDER[b.method])
    .map((m) => ({ kind: 'method', method: m.method, config: m.config }));
  const children: TRequirement[] = [{ kind: 'any', children: methods }];
  if (rules.requiredActivities.length > 0) {
    children.push({ kind: 'activities', activityIds: rules.requiredActivities.map((a) => a.activityId) });
  }
  return { kind: 'all', children };
}

export type EffectiveTree =
  | { source: 'methods'; tree: TRequirement | null }
  | { source: 'stored'; tree: TRequirement }
  | { source: 'misconfigured'; tree: null };

/** Parsed once per loaded campaign row: the public checks reuse cached rules. */
const parsed = new WeakMap<object, EffectiveTree>();

/** The tree every entry point evaluates for a campaign: its stored one, or its methods converted. */
export function effectiveTree(rules: CampaignRules, logger: Logger): EffectiveTree {
  const stored = rules.campaign.requirements;
  if (stored === null || stored === undefined) return { source: 'methods', tree: legacyTree(rules) };
  const key = rules.campaign as object;
  let tree = parsed.get(key);
  if (!tree) {
    const result = ZRequirementTree.safeParse(stored);
    if (result.success) tree = { source: 'stored', tree: result.data };
    else {
      // Guessing at a tree that no longer validates could admit the wrong members; refuse and say so.
      logger.warn({ campaignId: rules.campaign.id, issues: result.error.issues }, 'invalid requirement tree');
      tree = { source: 'misconfigured', tree: null };
    }
    parsed.set(key, tree);
  }
  return tree;
}
