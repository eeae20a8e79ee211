import { describe, expect, it } from 'vitest';
import {
  REQUIREMENT_LEAF_KINDS,
  REQUIREMENT_LIMITS,
  type TRequirement,
  tokenMinUnits,
  ZExplainedRequirement,
  ZRequirementLeaf,
  ZRequirementTree,
} from '../src';

const bypass: TRequirement = { kind: 'method', method: 'bypass', config: {} };
const points: TRequirement = { kind: 'points', scope: 'overall', min: 100 };
const messages = (value: unknown) => {
  const result = ZRequirementTree.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('requirement tree validation', () => {
  it('accepts a bounded tree with a method on every passing path', () => {
    const tree = {
      kind: 'all',
      children: [
        { kind: 'any', children: [bypass, { kind: 'method', method: 'eth' }] },
        { kind: 'at_least', n: 1, children: [points, { kind: 'account', account: 'email' }] },
        { kind: 'not', child: { kind: 'eligible_for', campaignId: 3 } },
      ],
    };
    expect(messages(tree)).toEqual([]);
    // A method leaf's settings default to none.
    expect(ZRequirementTree.parse({ kind: 'method', method: 'sol' })).toEqual({
      kind: 'method',
      method: 'sol',
      config: {},
    });
  });

  it('refuses an empty group', () => {
    expect(messages({ kind: 'all', children: [] })).toContain('A group needs at least one requirement');
  });

  it('refuses at least N outside 1..children', () => {
    expect(messages({ kind: 'at_least', n: 3, children: [bypass, points] })).toContain(
      'At least N cannot ask for more requirements than the group holds',
    );
    expect(messages({ kind: 'at_least', n: 0, children: [bypass] }).length).toBeGreaterThan(0);
  });

  it('refuses trees deeper or larger than the limits', () => {
    let deep: TRequirement = bypass;
    for (let i = 0; i <= REQUIREMENT_LIMITS.maxDepth; i += 1) deep = { kind: 'all', children: [deep] };
    expect(messages(deep)).toContain(
      `Requirements may nest at most ${REQUIREMENT_LIMITS.maxDepth} groups deep.`,
    );

    const wide = (count: number): TRequirement => ({
      kind: 'all',
      children: Array.from({ length: count }, () => bypass),
    });
    const big: TRequirement = { kind: 'all', children: [wide(20), wide(20), wide(20)] };
    expect(messages(big)).toContain(
      `A campaign may have at most ${REQUIREMENT_LIMITS.maxNodes} requirements and groups in all.`,
    );
    expect(messages(wide(REQUIREMENT_LIMITS.maxChildren + 1))).toContain(
      'A group holds at most 20 requirements',
    );
  });

  it('refuses a tree that could pass without any method (a record names its method)', () => {
    const refusal =
      'Every way to qualify must include one of the eligibility methods (allow-list, referral, Discord or holding on a network), which the record of a pass names.';
    expect(messages(points)).toContain(refusal);
    expect(messages({ kind: 'any', children: [bypass, points] })).toContain(refusal);
    expect(messages({ kind: 'not', child: bypass })).toContain(refusal);
    // One of any two of three, when two of the three carry a method.
    expect(messages({ kind: 'at_least', n: 2, children: [bypass, bypass, points] })).toEqual([]);
    expect(messages({ kind: 'at_least', n: 2, children: [bypass, points, points] })).toContain(refusal);
  });

  it('refuses bad leaves: an NFT count over one page, a duplicated activity', () => {
    expect(
      messages({
        kind: 'nft_count',
        network: 'eth',
        collectionAddress: '0xabc',
        min: REQUIREMENT_LIMITS.maxNftCount + 1,
      }).length,
    ).toBeGreaterThan(0);
    expect(messages({ kind: 'activities', activityIds: [1, 1] })).toContain(
      'Each activity may be named once',
    );
  });

  it('token balances: amounts as decimal strings within the token decimals, addresses of the network', () => {
    const leaf = (fields: Record<string, unknown>) =>
      ZRequirementLeaf.safeParse({ kind: 'token_balance', network: 'eth', minAmount: '1', ...fields });
    const issues = (fields: Record<string, unknown>) => {
      const parsed = leaf(fields);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    expect(issues({ minAmount: '0.000000000000000001' })).toEqual([]);
    expect(issues({ minAmount: '0.0000000000000000001' })).toContain(
      'The amount has more decimal places than the token',
    );
    expect(issues({ minAmount: '0' })).toContain('The amount must be above 0');
    expect(issues({ minAmount: '1e3' }).length).toBeGreaterThan(0);
    expect(issues({ minAmount: '-1' }).length).toBeGreaterThan(0);
    expect(issues({ minAmount: '1'.repeat(31) })).toContain('The amount is too large');
    expect(issues({ decimals: 9 })).toContain('The native token of this network has 18 decimals');
    expect(issues({ tokenAddress: usdc, decimals: 6, minAmount: '2.5' })).toEqual([]);
    expect(issues({ tokenAddress: usdc, minAmount: '2.5' })).toContain("Give the token's decimals");
    expect(issues({ tokenAddress: usdc, decimals: 6, minAmount: '2.5000001' })).toContain(
      'The amount has more decimal places than the token',
    );
    expect(issues({ network: 'sol', tokenAddress: usdc, decimals: 6 })).toContain(
      'The token address is not an address of this network',
    );
    expect(
      issues({ network: 'sol', tokenAddress: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', decimals: 6 }),
    ).toEqual([]);
    expect(tokenMinUnits({ network: 'eth', tokenAddress: usdc, decimals: 6, minAmount: '2.5' })).toBe(
      2_500_000n,
    );
    expect(tokenMinUnits({ network: 'ton', minAmount: '1.25' })).toBe(1_250_000_000n);
  });

  it('wallet age and transaction count stay within their limits', () => {
    const ok = (value: unknown) => ZRequirementLeaf.safeParse(value).success;
    expect(ok({ kind: 'wallet_age', network: 'sol', minDays: REQUIREMENT_LIMITS.maxWalletAgeDays })).toBe(
      true,
    );
    expect(ok({ kind: 'wallet_age', network: 'sol', minDays: REQUIREMENT_LIMITS.maxWalletAgeDays + 1 })).toBe(
      false,
    );
    expect(ok({ kind: 'wallet_age', network: 'sol', minDays: 0 })).toBe(false);
    expect(
      ok({ kind: 'transaction_count', network: 'ton', min: REQUIREMENT_LIMITS.maxTransactionCount }),
    ).toBe(true);
    expect(
      ok({ kind: 'transaction_count', network: 'ton', min: REQUIREMENT_LIMITS.maxTransactionCount + 1 }),
    ).toBe(false);
  });

  it('every leaf kind is offered, and an explained tree accepts each', () => {
    expect(REQUIREMENT_LEAF_KINDS).toEqual([
      'method',
      'nft_count',
      'points',
      'eligible_for',
      'activities',
      'account',
      'token_balance',
      'wallet_age',
      'transaction_count',
    ]);
    for (const kind of REQUIREMENT_LEAF_KINDS) {
      expect(ZExplainedRequirement.safeParse({ kind, outcome: 'passed', detail: 'ok' }).success).toBe(true);
    }
  });
});
