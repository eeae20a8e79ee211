import { z } from 'zod';
import { ZEligibilityMethod, ZNetwork, ZWalletChain } from './enums';
import { ZId } from './ids';
import { text } from './text';

/*
 * A campaign's eligibility as a tree (docs/product/eligibility.md, "Requirements as a tree"): groups
 * (`all`, `any`, `at_least`, `not`) over leaves. Every entry point evaluates the same tree; a campaign
 * without one is evaluated through the tree its methods and required activities convert to.
 */

/** Bounds an operator's tree must stay within: deep or wide trees are slow to evaluate and to read. */
export const REQUIREMENT_LIMITS = {
  /** Groups nested in groups, the root counting as level 1. */
  maxDepth: 4,
  /** Every group and leaf of the tree. */
  maxNodes: 40,
  /** Direct children of one group. */
  maxChildren: 20,
  /** The largest NFT count a leaf may ask for: paged chain APIs answer counts up to one page (100). */
  maxNftCount: 100,
  maxPoints: 1_000_000_000,
  maxActivities: 50,
} as const;

/** One of the nine methods a campaign has always had, with the same settings it takes today. */
export const ZMethodLeaf = z.object({
  kind: z.literal('method'),
  method: ZEligibilityMethod,
  config: z.record(z.string(), z.unknown()).default({}),
});

/** At least `min` NFTs of a collection, summed over the member's wallets of that network's family. */
export const ZNftCountLeaf = z.object({
  kind: z.literal('nft_count'),
  network: ZNetwork,
  collectionAddress: text().trim().min(1).max(128),
  collectionName: text().trim().min(1).max(80).optional(),
  min: z.number().int().min(1).max(REQUIREMENT_LIMITS.maxNftCount),
});

/**
 * Points at or above `min`: in a campaign (this one when `campaignId` is absent) or overall. Seasons do
 * not exist yet; a season scope will be one more value here, read from its own points scope key.
 */
export const ZPointsLeaf = z.object({
  kind: z.literal('points'),
  scope: z.enum(['campaign', 'overall']),
  campaignId: ZId.optional(),
  min: z.number().int().min(1).max(REQUIREMENT_LIMITS.maxPoints),
});

/** Recorded as eligible for another campaign: a credential that gates across campaigns. */
export const ZEligibleForLeaf = z.object({
  kind: z.literal('eligible_for'),
  campaignId: ZId,
});

/** Every listed activity completed, counted the way the campaign counts it (docs/product/points.md). */
export const ZActivitiesLeaf = z.object({
  kind: z.literal('activities'),
  activityIds: z
    .array(ZId)
    .min(1)
    .max(REQUIREMENT_LIMITS.maxActivities)
    .refine((ids) => new Set(ids).size === ids.length, 'Each activity may be named once'),
});

/** An account the product can link or verify (Telegram linking does not exist yet). */
export const ZAccountLeaf = z.object({
  kind: z.literal('account'),
  account: z.enum(['email', 'x', 'discord']),
});

export const ZRequirementLeaf = z.discriminatedUnion('kind', [
  ZMethodLeaf,
  ZNftCountLeaf,
  ZPointsLeaf,
  ZEligibleForLeaf,
  ZActivitiesLeaf,
  ZAccountLeaf,
]);
export type TRequirementLeaf = z.infer<typeof ZRequirementLeaf>;
export type TRequirementLeafKind = TRequirementLeaf['kind'];

export type TRequirement =
  | TRequirementLeaf
  | { kind: 'all'; children: TRequirement[] }
  | { kind: 'any'; children: TRequirement[] }
  | { kind: 'at_least'; n: number; children: TRequirement[] }
  | { kind: 'not'; child: TRequirement };

const children = () =>
  z
    .array(ZRequirementNode)
    .min(1, 'A group needs at least one requirement')
    .max(
      REQUIREMENT_LIMITS.maxChildren,
      `A group holds at most ${REQUIREMENT_LIMITS.maxChildren} requirements`,
    );

/** Any well-formed tree, without the limits an operator's tree must meet (see ZRequirementTree). */
export const ZRequirementNode: z.ZodType<TRequirement> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      ZRequirementLeaf,
      z.object({ kind: z.literal('all'), children: children() }),
      z.object({ kind: z.literal('any'), children: children() }),
      z
        .object({
          kind: z.literal('at_least'),
          n: z.number().int().min(1),
          children: children(),
        })
        .refine((g) => g.n <= g.children.length, {
          message: 'At least N cannot ask for more requirements than the group holds',
          path: ['n'],
        }),
      z.object({ kind: z.literal('not'), child: ZRequirementNode }),
    ]),
  )
  .meta({ id: 'Requirement' });

/** Depth of the tree in groups (a lone leaf is 0) and its number of nodes. */
export function requirementSize(node: TRequirement): { depth: number; nodes: number } {
  if (node.kind === 'not') {
    const inner = requirementSize(node.child);
    return { depth: inner.depth + 1, nodes: inner.nodes + 1 };
  }
  if (node.kind === 'all' || node.kind === 'any' || node.kind === 'at_least') {
    let depth = 0;
    let nodes = 1;
    for (const child of node.children) {
      const size = requirementSize(child);
      depth = Math.max(depth, size.depth);
      nodes += size.nodes;
    }
    return { depth: depth + 1, nodes };
  }
  return { depth: 0, nodes: 1 };
}

/**
 * Whether every way for the tree to pass goes through a method leaf that passed (outside any `not`):
 * a recorded eligibility names the method it came through, so a tree that could pass without one is
 * refused.
 */
export function passesOnlyThroughMethod(node: TRequirement): boolean {
  switch (node.kind) {
    case 'method':
      return true;
    case 'all':
      return node.children.some(passesOnlyThroughMethod);
    case 'any':
      return node.children.every(passesOnlyThroughMethod);
    case 'at_least':
      // Any n passing children include a method-carrying one when fewer than n children lack one.
      return node.children.filter((c) => !passesOnlyThroughMethod(c)).length < node.n;
    default:
      return false;
  }
}

/** A tree as an operator stores it: bounded in depth and size, with a method on every passing path. */
export const ZRequirementTree = ZRequirementNode.superRefine((tree, ctx) => {
  const { depth, nodes } = requirementSize(tree);
  if (depth > REQUIREMENT_LIMITS.maxDepth) {
    ctx.addIssue({
      code: 'custom',
      message: `Requirements may nest at most ${REQUIREMENT_LIMITS.maxDepth} groups deep.`,
    });
  }
  if (nodes > REQUIREMENT_LIMITS.maxNodes) {
    ctx.addIssue({
      code: 'custom',
      message: `A campaign may have at most ${REQUIREMENT_LIMITS.maxNodes} requirements and groups in all.`,
    });
  }
  if (!passesOnlyThroughMethod(tree)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Every way to qualify must include one of the eligibility methods (allow-list, referral, Discord or holding on a network), which the record of a pass names.',
    });
  }
});

/**
 * How a node fared. `unknown`: it could not be decided now (the member must sign in, or a chain did
 * not answer); `not_checked`: the answer was known before it was reached.
 */
export const ZRequirementOutcome = z.enum(['passed', 'failed', 'unknown', 'not_checked']);
export type TRequirementOutcome = z.infer<typeof ZRequirementOutcome>;

export interface TExplainedRequirement {
  kind: TRequirement['kind'];
  outcome: TRequirementOutcome;
  /** A sentence for the member: what passed, or what is still missing. */
  detail: string;
  /** For `at_least`. */
  n?: number;
  /** Groups: their children in the order they were evaluated (cheapest first). */
  children?: TExplainedRequirement[];
}

export const ZExplainedRequirement: z.ZodType<TExplainedRequirement> = z.lazy(() =>
  z.object({
    kind: z.enum([
      'method',
      'nft_count',
      'points',
      'eligible_for',
      'activities',
      'account',
      'all',
      'any',
      'at_least',
      'not',
    ]),
    outcome: ZRequirementOutcome,
    detail: z.string(),
    n: z.number().int().optional(),
    children: z.array(ZExplainedRequirement).optional(),
  }),
);

export const ZSetCampaignRequirementsInput = z.object({
  campaignId: ZId,
  /** Null goes back to the campaign's methods and required activities. */
  requirements: ZRequirementTree.nullable(),
});
export type TSetCampaignRequirementsInput = z.infer<typeof ZSetCampaignRequirementsInput>;

export const ZCampaignRequirementsOutput = z.object({
  campaignId: z.number().int(),
  requirements: ZRequirementTree.nullable(),
  /** The tree every check evaluates: the stored one, or the one the methods convert to (null: none). */
  effective: ZRequirementNode.nullable(),
});
export type TCampaignRequirementsOutput = z.infer<typeof ZCampaignRequirementsOutput>;

/** The builder's live preview: a draft tree (or the campaign's own) for one wallet; nothing is written. */
export const ZPreviewRequirementsInput = z.object({
  campaignId: ZId,
  wallet: z.object({ chain: ZWalletChain, address: text().trim().min(1).max(128) }),
  requirements: ZRequirementTree.optional(),
});
export type TPreviewRequirementsInput = z.infer<typeof ZPreviewRequirementsInput>;
