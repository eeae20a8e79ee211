import { z } from 'zod';
import { ZEvmAddress, ZSolanaAddress, ZTonAddress } from './auth';
import { type TNetwork, ZEligibilityMethod, ZNetwork, ZWalletChain } from './enums';
import { ZId } from './ids';
import { DecimalFormatError, decimalToUnits } from './money';
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
  /** ERC-20 allows up to 255; real tokens stay far below (18 on EVM, 9 on Solana and TON). */
  maxTokenDecimals: 36,
  /** Whole tokens a balance leaf may ask for, before the decimal point. */
  maxTokenWholeDigits: 30,
  /** A wallet's age in days (ten years). */
  maxWalletAgeDays: 3650,
  /**
   * Transactions a count leaf may ask for: Solana and TON count page by page (1000 and 256 a page), so a
   * bound keeps one check to a few requests.
   */
  maxTransactionCount: 1000,
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

/** Decimals of each network's native token: lamports (SOL, and SOON's gas token), wei, nanotons. */
export const NATIVE_TOKEN: Record<TNetwork, { symbol: string; decimals: number }> = {
  eth: { symbol: 'ETH', decimals: 18 },
  berachain: { symbol: 'BERA', decimals: 18 },
  sol: { symbol: 'SOL', decimals: 9 },
  soon: { symbol: 'ETH', decimals: 9 },
  ton: { symbol: 'TON', decimals: 9 },
};

/** The token address each network's family writes: an ERC-20 contract, an SPL mint, a jetton master. */
const tokenAddressOf: Record<TNetwork, z.ZodType<string>> = {
  eth: ZEvmAddress,
  berachain: ZEvmAddress,
  sol: ZSolanaAddress,
  soon: ZSolanaAddress,
  ton: ZTonAddress,
};

/**
 * A balance at or above `minAmount`, summed over the member's wallets of the network's family: the
 * network's native token when `tokenAddress` is absent, else that ERC-20, SPL mint or jetton, whose
 * `decimals` the operator states. The amount is a decimal string in whole tokens ("2.5"), compared in
 * the token's smallest units: never a float.
 */
export const ZTokenBalanceLeaf = z
  .object({
    kind: z.literal('token_balance'),
    network: ZNetwork,
    tokenAddress: text().trim().min(1).max(128).optional(),
    tokenSymbol: text().trim().min(1).max(20).optional(),
    decimals: z.number().int().min(0).max(REQUIREMENT_LIMITS.maxTokenDecimals).optional(),
    minAmount: z
      .string()
      .trim()
      .max(REQUIREMENT_LIMITS.maxTokenWholeDigits + 1 + REQUIREMENT_LIMITS.maxTokenDecimals)
      .regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'An amount is a decimal number such as 2 or 0.5'),
  })
  .superRefine((leaf, ctx) => {
    if (leaf.tokenAddress === undefined) {
      if (leaf.decimals !== undefined && leaf.decimals !== NATIVE_TOKEN[leaf.network].decimals) {
        ctx.addIssue({
          code: 'custom',
          path: ['decimals'],
          message: `The native token of this network has ${NATIVE_TOKEN[leaf.network].decimals} decimals`,
        });
      }
    } else {
      if (leaf.decimals === undefined) {
        ctx.addIssue({ code: 'custom', path: ['decimals'], message: "Give the token's decimals" });
      }
      if (!tokenAddressOf[leaf.network].safeParse(leaf.tokenAddress).success) {
        ctx.addIssue({
          code: 'custom',
          path: ['tokenAddress'],
          message: 'The token address is not an address of this network',
        });
      }
    }
    const whole = leaf.minAmount.split('.')[0] ?? '';
    if (whole.length > REQUIREMENT_LIMITS.maxTokenWholeDigits) {
      ctx.addIssue({ code: 'custom', path: ['minAmount'], message: 'The amount is too large' });
      return;
    }
    try {
      if (tokenMinUnits(leaf) <= 0n) {
        ctx.addIssue({ code: 'custom', path: ['minAmount'], message: 'The amount must be above 0' });
      }
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      ctx.addIssue({
        code: 'custom',
        path: ['minAmount'],
        message: 'The amount has more decimal places than the token',
      });
    }
  });
export type TTokenBalanceLeaf = z.infer<typeof ZTokenBalanceLeaf>;

/** The decimals a balance leaf compares in: the operator's for a token, the network's for the native one. */
export const tokenDecimalsOf = (leaf: Pick<TTokenBalanceLeaf, 'network' | 'tokenAddress' | 'decimals'>) =>
  leaf.tokenAddress === undefined ? NATIVE_TOKEN[leaf.network].decimals : (leaf.decimals ?? 0);

/** The leaf's amount in the token's smallest units (throws DecimalFormatError on excess precision). */
export const tokenMinUnits = (
  leaf: Pick<TTokenBalanceLeaf, 'network' | 'tokenAddress' | 'decimals' | 'minAmount'>,
) => decimalToUnits(leaf.minAmount, tokenDecimalsOf(leaf));

/**
 * A wallet of the network's family whose first transaction is at least `minDays` old (read from the
 * chain: docs/product/eligibility.md says what each network counts as the first transaction).
 */
export const ZWalletAgeLeaf = z.object({
  kind: z.literal('wallet_age'),
  network: ZNetwork,
  minDays: z.number().int().min(1).max(REQUIREMENT_LIMITS.maxWalletAgeDays),
});

/** A wallet of the network's family with at least `min` transactions. */
export const ZTransactionCountLeaf = z.object({
  kind: z.literal('transaction_count'),
  network: ZNetwork,
  min: z.number().int().min(1).max(REQUIREMENT_LIMITS.maxTransactionCount),
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

/** An account the product can link or verify. */
export const ZAccountLeaf = z.object({
  kind: z.literal('account'),
  account: z.enum(['email', 'x', 'discord', 'telegram']),
});

export const ZRequirementLeaf = z.discriminatedUnion('kind', [
  ZMethodLeaf,
  ZNftCountLeaf,
  ZPointsLeaf,
  ZEligibleForLeaf,
  ZActivitiesLeaf,
  ZAccountLeaf,
  ZTokenBalanceLeaf,
  ZWalletAgeLeaf,
  ZTransactionCountLeaf,
]);
/** Every leaf kind, in the order the builder offers them. */
export const REQUIREMENT_LEAF_KINDS = ZRequirementLeaf.options.map((o) => o.shape.kind.value);
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
    kind: z.enum([...REQUIREMENT_LEAF_KINDS, 'all', 'any', 'at_least', 'not']),
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
