import type { TRequirementLeaf } from '@puffy/contracts';
import type { CampaignRules } from '../rules';
import type { EligibilitySubject, TreeDeps } from './context';
import type { LeafResolver } from './evaluate';
import {
  checkAccount,
  checkActivities,
  checkEligibleFor,
  checkPoints,
  describeAccount,
  describePointsScope,
} from './member-leaves';
import { checkMethod, isNetwork } from './method-leaf';
import { checkNftCount, describeNftCount } from './nft-count-leaf';
import { checkTokenBalance, describeTokenBalance } from './token-balance-leaf';
import {
  checkTransactionCount,
  checkWalletAge,
  describeTransactionCount,
  describeWalletAge,
} from './wallet-history-leaf';

/**
 * Relative costs: one indexed database read is 1; a holder method is 2 (an active snapshot answers in
 * one statement, and live answers are cached); reading each listed activity is 3; a live NFT count or
 * token balance is one chain call per wallet; a transaction count may page (Solana, TON); a wallet's age
 * may page or binary-search blocks (EVM, about 25 calls the first time). The methods stay ahead of the
 * activities, as today's rule checks them.
 */
const COST = { database: 1, holder: 2, activities: 3, chain: 5, history: 6, age: 7 } as const;

const signIn = (what: string) => ({ state: 'sign_in' as const, detail: `Sign in to check ${what}` });

/** The real world behind the evaluator, for one campaign and one subject. */
export function createLeafResolver(
  deps: TreeDeps,
  rules: CampaignRules,
  subject: EligibilitySubject,
): LeafResolver {
  const userId = subject.userId;
  return {
    cost(leaf) {
      switch (leaf.kind) {
        case 'method':
          return isNetwork(leaf.method) ? COST.holder : COST.database;
        case 'activities':
          return COST.activities;
        case 'nft_count':
        case 'token_balance':
          return COST.chain;
        case 'transaction_count':
          return COST.history;
        case 'wallet_age':
          return COST.age;
        default:
          return COST.database;
      }
    },
    async resolve(leaf: TRequirementLeaf) {
      switch (leaf.kind) {
        case 'method':
          return checkMethod(deps, rules, { method: leaf.method, config: leaf.config }, subject);
        case 'activities':
          return checkActivities(deps, rules, leaf, userId);
        case 'nft_count':
          return checkNftCount(deps, leaf, subject.wallets);
        case 'token_balance':
          return checkTokenBalance(deps, leaf, subject.wallets);
        case 'wallet_age':
          return checkWalletAge(deps, leaf, subject.wallets);
        case 'transaction_count':
          return checkTransactionCount(deps, leaf, subject.wallets);
        case 'points':
          return userId ? checkPoints(deps, rules, leaf, userId) : signIn('your points');
        case 'eligible_for':
          return userId ? checkEligibleFor(deps, leaf, userId) : signIn('your other campaigns');
        case 'account':
          return userId ? checkAccount(deps, leaf, userId) : signIn('your linked accounts');
      }
    },
    describe(leaf) {
      switch (leaf.kind) {
        case 'method':
          return `Qualify through ${leaf.method}.`;
        case 'activities':
          return `Complete ${leaf.activityIds.length === 1 ? 'an activity' : `${leaf.activityIds.length} activities`}.`;
        case 'nft_count':
          return describeNftCount(leaf);
        case 'token_balance':
          return describeTokenBalance(leaf);
        case 'wallet_age':
          return describeWalletAge(leaf);
        case 'transaction_count':
          return describeTransactionCount(leaf);
        case 'points':
          return `Have ${leaf.min} points ${describePointsScope(rules, leaf)}.`;
        case 'eligible_for':
          return 'Become eligible for another campaign.';
        case 'account':
          return describeAccount(leaf);
      }
    },
  };
}
