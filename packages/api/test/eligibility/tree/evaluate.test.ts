import type { TRequirement, TRequirementLeaf } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import {
  evaluateTree,
  explain,
  type LeafResolver,
  missingText,
} from '../../../src/eligibility/tree/evaluate';
import type { LeafOutcome } from '../../../src/eligibility/tree/leaf-outcome';

/** Leaves named by a number (an `eligible_for` leaf's campaign id), answered from a table, costs from another. */
const leaf = (id: number): TRequirementLeaf => ({ kind: 'eligible_for', campaignId: id });
const all = (...children: TRequirement[]): TRequirement => ({ kind: 'all', children });
const any = (...children: TRequirement[]): TRequirement => ({ kind: 'any', children });
const atLeast = (n: number, ...children: TRequirement[]): TRequirement => ({ kind: 'at_least', n, children });
const not = (child: TRequirement): TRequirement => ({ kind: 'not', child });

function scripted(answers: Record<number, LeafOutcome['state']>, costs: Record<number, number> = {}) {
  const asked: number[] = [];
  const resolver: LeafResolver = {
    cost: (l) => (l.kind === 'eligible_for' ? (costs[l.campaignId] ?? 1) : 1),
    async resolve(l) {
      if (l.kind !== 'eligible_for') throw new Error('unexpected leaf');
      asked.push(l.campaignId);
      const state = answers[l.campaignId] ?? 'failed';
      const detail = state === 'passed' ? `Has ${l.campaignId}.` : `Needs ${l.campaignId}.`;
      return { state, detail } as LeafOutcome;
    },
    describe: (l) => (l.kind === 'eligible_for' ? `Needs ${l.campaignId}.` : 'Something.'),
  };
  return { resolver, asked };
}

describe('requirement tree evaluator', () => {
  it('asks the cheapest leaves first (ties keep the written order) and stops once an all-group fails', async () => {
    const { resolver, asked } = scripted({ 1: 'passed', 2: 'failed', 3: 'passed' }, { 1: 5, 2: 1, 3: 1 });
    const result = await evaluateTree(all(leaf(1), leaf(2), leaf(3)), resolver);
    expect(asked).toEqual([2]);
    expect(result.outcome).toBe('failed');
    expect(explain(result).children?.map((c) => c.outcome)).toEqual(['failed', 'not_checked', 'not_checked']);
  });

  it('an any-group stops at the first pass and reports the rest as not checked', async () => {
    const { resolver, asked } = scripted({ 1: 'failed', 2: 'passed', 3: 'passed' });
    const result = await evaluateTree(any(leaf(1), leaf(2), leaf(3)), resolver);
    expect(asked).toEqual([1, 2]);
    expect(result.outcome).toBe('passed');
    expect(result.detail).toBe('Has 2.');
    expect(result.children?.[2]?.detail).toBe('Not checked: the group had already passed.');
  });

  it('at least N: passes at the Nth pass, fails as soon as N can no longer be reached', async () => {
    const pass = scripted({ 1: 'passed', 2: 'failed', 3: 'passed', 4: 'passed' });
    const passed = await evaluateTree(atLeast(2, leaf(1), leaf(2), leaf(3), leaf(4)), pass.resolver);
    expect(pass.asked).toEqual([1, 2, 3]);
    expect(passed.outcome).toBe('passed');
    expect(passed.detail).toBe('Meets 2 of these requirements.');

    const fail = scripted({ 1: 'failed', 2: 'failed', 3: 'passed', 4: 'passed' });
    const failed = await evaluateTree(atLeast(3, leaf(1), leaf(2), leaf(3), leaf(4)), fail.resolver);
    expect(fail.asked).toEqual([1, 2]);
    expect(failed.outcome).toBe('failed');
    expect(failed.detail).toBe('3 more of: needs 1; needs 2; needs 3; needs 4.');
  });

  it('not flips passed and failed, and leaves an undecided answer undecided', async () => {
    const { resolver } = scripted({ 1: 'passed', 2: 'failed', 3: 'unavailable' });
    expect((await evaluateTree(not(leaf(1)), resolver)).outcome).toBe('failed');
    expect((await evaluateTree(not(leaf(2)), resolver)).outcome).toBe('passed');
    expect((await evaluateTree(not(leaf(3)), resolver)).outcome).toBe('unknown');
  });

  it('an undecided child makes an all-group unknown (a later "no" is not sought), but a failed one decides', async () => {
    const { resolver, asked } = scripted({ 1: 'sign_in', 2: 'failed' });
    const unknown = await evaluateTree(all(leaf(1), leaf(2)), resolver);
    expect(unknown.outcome).toBe('unknown');
    expect(asked).toEqual([1]);
    // At least two of three: two failures leave one possible pass, so the undecided leaf is never asked.
    const later = scripted({ 1: 'sign_in', 2: 'failed', 5: 'failed' });
    const decided = await evaluateTree(atLeast(2, leaf(2), leaf(5), leaf(1)), later.resolver);
    expect(decided.outcome).toBe('failed');
    expect(later.asked).toEqual([2, 5]);
    // One undecided and one failed, with one still unasked: two passes remain possible, so still unknown.
    const open = await evaluateTree(
      atLeast(2, leaf(1), leaf(2), leaf(5)),
      scripted({ 1: 'sign_in' }).resolver,
    );
    expect(open.outcome).toBe('unknown');
  });

  it('says what is missing across branches: "hold 2 more … or complete 1 more …"', async () => {
    const resolver: LeafResolver = {
      cost: () => 1,
      resolve: async (l) =>
        l.kind === 'nft_count'
          ? { state: 'failed', detail: 'Hold 2 more of Puffy Genesis (holds 1 of 3).' }
          : { state: 'failed', detail: 'Complete 1 more activity: Follow Puffy on X.' },
      describe: () => 'Something.',
    };
    const tree = any(
      {
        kind: 'nft_count',
        network: 'eth',
        collectionAddress: '0xabc',
        collectionName: 'Puffy Genesis',
        min: 3,
      },
      { kind: 'activities', activityIds: [7] },
    );
    const result = await evaluateTree(tree, resolver);
    expect(missingText(result, resolver)).toBe(
      'hold 2 more of Puffy Genesis (holds 1 of 3) or complete 1 more activity: Follow Puffy on X',
    );
    expect(result.detail).toBe(
      'Hold 2 more of Puffy Genesis (holds 1 of 3) or complete 1 more activity: Follow Puffy on X.',
    );
  });

  it('a nested tree explains every node in evaluation order', async () => {
    const { resolver } = scripted({ 1: 'passed', 2: 'failed', 3: 'passed', 4: 'failed' }, { 1: 3, 4: 3 });
    const result = explain(await evaluateTree(all(any(leaf(4), leaf(1)), not(leaf(2)), leaf(3)), resolver));
    expect(result).toMatchObject({
      kind: 'all',
      outcome: 'passed',
      children: [
        { kind: 'not', outcome: 'passed', children: [{ outcome: 'failed' }] },
        { kind: 'eligible_for', outcome: 'passed' },
        { kind: 'any', outcome: 'passed', children: [{ outcome: 'failed' }, { outcome: 'passed' }] },
      ],
    });
  });
});
