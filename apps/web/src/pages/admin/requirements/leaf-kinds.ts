import {
  REQUIREMENT_LIMITS,
  type TRequirementLeafKind,
  ZAccountLeaf,
  ZEligibilityMethod,
  ZNetwork,
  ZPointsLeaf,
} from '@puffy/contracts';
import {
  ArrowLeftRight,
  BadgeCheck,
  CalendarClock,
  Coins,
  Gem,
  KeyRound,
  ListChecks,
  type LucideIcon,
  UserCheck,
  Wallet,
} from 'lucide-react';
import type { LooseLeaf } from './draft';

/**
 * How each leaf kind of the contract's union is edited: its icon, a new leaf's defaults, and its
 * fields. A field names its place in the leaf (`path`) and the control that edits it; labels and
 * option words come from the `requirements` catalog (`leaf.<kind>`, `field.<key>`, `option.<key>.*`).
 * A new leaf kind is one more entry here (the Record makes the type checker ask for it) plus its words.
 */
export type LeafControl =
  | { input: 'text' }
  | { input: 'number'; min: number; max: number }
  | { input: 'select'; options: readonly string[] }
  /** Another campaign, picked by name. */
  | { input: 'campaign' }
  /** Activities of this campaign, ticked by name. */
  | { input: 'activities' };

export interface LeafField {
  /** Catalog key of the label, and how the screen names the field in a refusal. */
  key: string;
  path: readonly string[];
  control: LeafControl;
  optional?: boolean;
  /** Shown only when this holds (a collection only for holder methods). */
  when?: (leaf: LooseLeaf) => boolean;
}

export interface LeafKind {
  icon: LucideIcon;
  create: () => LooseLeaf;
  fields: readonly LeafField[];
}

const HOLDER_METHODS = new Set(['eth', 'berachain', 'sol', 'soon', 'ton']);

export const LEAF_KINDS: Record<TRequirementLeafKind, LeafKind> = {
  method: {
    icon: KeyRound,
    create: () => ({ kind: 'method', method: 'bypass', config: {} }),
    fields: [
      { key: 'method', path: ['method'], control: { input: 'select', options: ZEligibilityMethod.options } },
      {
        key: 'collectionAddress',
        path: ['config', 'collectionAddress'],
        control: { input: 'text' },
        optional: true,
        when: (leaf) => HOLDER_METHODS.has(String(leaf.method)),
      },
    ],
  },
  nft_count: {
    icon: Gem,
    create: () => ({ kind: 'nft_count', network: 'sol', collectionAddress: '', min: 1 }),
    fields: [
      { key: 'network', path: ['network'], control: { input: 'select', options: ZNetwork.options } },
      { key: 'collectionAddress', path: ['collectionAddress'], control: { input: 'text' } },
      { key: 'collectionName', path: ['collectionName'], control: { input: 'text' }, optional: true },
      { key: 'minNfts', path: ['min'], control: { input: 'number', min: 1, max: 100 } },
    ],
  },
  points: {
    icon: Coins,
    create: () => ({ kind: 'points', scope: 'campaign', min: 100 }),
    fields: [
      {
        key: 'scope',
        path: ['scope'],
        control: { input: 'select', options: ZPointsLeaf.shape.scope.options },
      },
      {
        key: 'pointsCampaign',
        path: ['campaignId'],
        control: { input: 'campaign' },
        optional: true,
        when: (leaf) => leaf.scope === 'campaign',
      },
      { key: 'minPoints', path: ['min'], control: { input: 'number', min: 1, max: 1_000_000_000 } },
    ],
  },
  eligible_for: {
    icon: BadgeCheck,
    create: () => ({ kind: 'eligible_for' }),
    fields: [{ key: 'otherCampaign', path: ['campaignId'], control: { input: 'campaign' } }],
  },
  activities: {
    icon: ListChecks,
    create: () => ({ kind: 'activities', activityIds: [] }),
    fields: [{ key: 'activities', path: ['activityIds'], control: { input: 'activities' } }],
  },
  account: {
    icon: UserCheck,
    create: () => ({ kind: 'account', account: 'email' }),
    fields: [
      {
        key: 'account',
        path: ['account'],
        control: { input: 'select', options: ZAccountLeaf.shape.account.options },
      },
    ],
  },
  token_balance: {
    icon: Wallet,
    create: () => ({ kind: 'token_balance', network: 'sol', minAmount: '1' }),
    fields: [
      { key: 'network', path: ['network'], control: { input: 'select', options: ZNetwork.options } },
      // Without a token address the leaf counts the network's own coin (SOL, ETH, TON).
      { key: 'tokenAddress', path: ['tokenAddress'], control: { input: 'text' }, optional: true },
      { key: 'tokenSymbol', path: ['tokenSymbol'], control: { input: 'text' }, optional: true },
      {
        key: 'decimals',
        path: ['decimals'],
        control: { input: 'number', min: 0, max: REQUIREMENT_LIMITS.maxTokenDecimals },
        optional: true,
      },
      { key: 'minAmount', path: ['minAmount'], control: { input: 'text' } },
    ],
  },
  wallet_age: {
    icon: CalendarClock,
    create: () => ({ kind: 'wallet_age', network: 'eth', minDays: 30 }),
    fields: [
      { key: 'network', path: ['network'], control: { input: 'select', options: ZNetwork.options } },
      {
        key: 'minDays',
        path: ['minDays'],
        control: { input: 'number', min: 1, max: REQUIREMENT_LIMITS.maxWalletAgeDays },
      },
    ],
  },
  transaction_count: {
    icon: ArrowLeftRight,
    create: () => ({ kind: 'transaction_count', network: 'eth', min: 10 }),
    fields: [
      { key: 'network', path: ['network'], control: { input: 'select', options: ZNetwork.options } },
      {
        key: 'minTransactions',
        path: ['min'],
        control: { input: 'number', min: 1, max: REQUIREMENT_LIMITS.maxTransactionCount },
      },
    ],
  },
};

export const LEAF_KIND_NAMES = Object.keys(LEAF_KINDS) as TRequirementLeafKind[];

export function readField(leaf: LooseLeaf, path: readonly string[]): unknown {
  let value: unknown = leaf;
  for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

/** A copy of the leaf with the field set; an empty value removes it (optional fields parse absent). */
export function writeField(leaf: LooseLeaf, path: readonly string[], value: unknown): LooseLeaf {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  const copy: Record<string, unknown> = { ...leaf };
  if (rest.length === 0) {
    if (value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value)))
      delete copy[head];
    else copy[head] = value;
  } else {
    copy[head] = writeField((copy[head] ?? {}) as LooseLeaf, rest, value);
  }
  return copy as LooseLeaf;
}
