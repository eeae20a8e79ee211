import type { TExplainedRequirement } from '@puffy/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import {
  answerOf,
  SOLANA_WALLET,
  campaignRoomWire as serving,
  signedInSession,
  signedOutSession,
} from './campaign-fixtures';
import { renderApp } from './render';
import { ok } from './wire';

const PAGE = '/campaigns/puffy-genesis';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

const MISSING = 'Hold 2 more of Puffy Genesis (holds 1 of 3) or complete 1 more activity: Follow Puffy on X.';

/**
 * all[ allow-list passed, any[ nft count failed, activities failed ], at_least 2 [ points unknown, not
 * [ account passed ], eligible_for not checked ] ]: every outcome and every group kind at once.
 */
const TREE: TExplainedRequirement = {
  kind: 'all',
  outcome: 'failed',
  detail: `${MISSING.replace(/\.$/, '')} and 1 more of: have 500 points.`,
  children: [
    { kind: 'method', outcome: 'passed', detail: 'This wallet is on the allow-list.' },
    {
      kind: 'any',
      outcome: 'failed',
      detail: MISSING,
      children: [
        { kind: 'nft_count', outcome: 'failed', detail: 'Hold 2 more of Puffy Genesis (holds 1 of 3).' },
        { kind: 'activities', outcome: 'failed', detail: 'Complete 1 more activity: Follow Puffy on X.' },
      ],
    },
    {
      kind: 'at_least',
      n: 2,
      outcome: 'unknown',
      detail: '1 more of: have 500 points.',
      children: [
        { kind: 'points', outcome: 'unknown', detail: 'Sign in to count your points.' },
        {
          kind: 'not',
          outcome: 'failed',
          detail: 'Meets a requirement that excludes: a verified email.',
          children: [{ kind: 'account', outcome: 'passed', detail: 'Has a verified email.' }],
        },
        {
          kind: 'eligible_for',
          outcome: 'not_checked',
          detail: 'Not checked: the group could no longer pass.',
        },
      ],
    },
  ],
};

const treeAnswer = answerOf({
  reason: 'requirements_not_met',
  message: `Not eligible yet. To qualify: ${MISSING}`,
  methods: [{ method: 'bypass', passed: true, detail: 'This wallet is on the allow-list.' }],
  requirements: TREE,
});

function nodes() {
  return screen.getAllByTestId('requirement-node').map((li) => ({
    kind: li.getAttribute('data-kind'),
    outcome: li.getAttribute('data-outcome'),
    folded: li.getAttribute('data-folded') === 'true',
  }));
}

describe('the explained requirement tree on a campaign page', () => {
  it('shows a guest’s dry run as a nested checklist: each group in words, each node’s outcome and sentence', async () => {
    const wire = serving(signedOutSession, { 'campaign.checkEligibleDryRun': () => ok(treeAnswer) });
    renderApp(PAGE, wire.fetch);
    fireEvent.change(await screen.findByLabelText('Wallet address', {}, { timeout: 5000 }), {
      target: { value: SOLANA_WALLET },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check eligibility' }));
    const tree = await screen.findByRole('list', { name: 'Requirements and how they fared' });
    // The tree replaces the per-method list: the method is one of its leaves.
    expect(within(tree).getByText('This wallet is on the allow-list.')).toBeTruthy();
    for (const words of ['All of', 'Any of', 'At least 2 of', 'None of']) {
      expect(within(tree).getByText(words)).toBeTruthy();
    }
    expect(nodes()).toEqual([
      { kind: 'all', outcome: 'failed', folded: false },
      { kind: 'method', outcome: 'passed', folded: true },
      { kind: 'any', outcome: 'failed', folded: false },
      { kind: 'nft_count', outcome: 'failed', folded: false },
      { kind: 'activities', outcome: 'failed', folded: false },
      { kind: 'at_least', outcome: 'unknown', folded: false },
      { kind: 'points', outcome: 'unknown', folded: false },
      { kind: 'not', outcome: 'failed', folded: false },
      // Under a group that failed, a passed child folds away on a phone…
      { kind: 'account', outcome: 'passed', folded: true },
      { kind: 'eligible_for', outcome: 'not_checked', folded: false },
    ]);
    // …with the server's "what is missing" sentence on the failing branch.
    expect(within(tree).getAllByText(MISSING)).toHaveLength(1);
    expect(within(tree).getByText('Sign in to count your points.')).toBeTruthy();
    // Each outcome is named for a screen reader, not only drawn.
    for (const outcome of ['Passed', 'Missing', 'Unknown', 'Not checked']) {
      expect(within(tree).getAllByRole('img', { name: outcome }).length).toBeGreaterThan(0);
    }
    // The folded branches are one tap away (the button shows only below 640 px).
    const show = within(tree).getAllByRole('button', { name: /Show 1 met requirement/ });
    expect(show).toHaveLength(2);
    for (const button of show) fireEvent.click(button);
    expect(nodes().some((n) => n.folded)).toBe(false);
  });

  it('shows the signed-in member’s recorded check with its tree, a passed tree unfolded', async () => {
    const passed: TExplainedRequirement = {
      kind: 'any',
      outcome: 'passed',
      detail: 'This wallet is on the allow-list.',
      children: [
        { kind: 'method', outcome: 'passed', detail: 'This wallet is on the allow-list.' },
        { kind: 'points', outcome: 'not_checked', detail: 'Not checked: the group had already passed.' },
      ],
    };
    const wire = serving(signedInSession, {
      'campaign.checkEligible': () =>
        ok(
          answerOf({
            outcome: 'eligible',
            reason: 'eligible',
            message: 'Eligible through bypass: This wallet is on the allow-list.',
            method: 'bypass',
            recorded: true,
            requirements: passed,
          }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Check my eligibility' }, { timeout: 5000 }));
    const answer = await screen.findByTestId('eligibility-answer');
    const tree = within(answer).getByRole('list', { name: 'Requirements and how they fared' });
    expect(within(tree).getByText('Any of')).toBeTruthy();
    expect(within(tree).getByText('Not checked: the group had already passed.')).toBeTruthy();
    expect(nodes()).toEqual([
      { kind: 'any', outcome: 'passed', folded: false },
      { kind: 'method', outcome: 'passed', folded: false },
      { kind: 'points', outcome: 'not_checked', folded: false },
    ]);
    expect(within(tree).queryByRole('button')).toBeNull();
  });

  it('keeps the per-method list for an answer without a tree (stopped at a gate)', async () => {
    const wire = serving(signedOutSession, { 'campaign.checkEligibleDryRun': () => ok(answerOf()) });
    renderApp(PAGE, wire.fetch);
    fireEvent.change(await screen.findByLabelText('Wallet address', {}, { timeout: 5000 }), {
      target: { value: SOLANA_WALLET },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check eligibility' }));
    const answer = await screen.findByTestId('eligibility-answer');
    expect(within(answer).queryByTestId('requirement-tree')).toBeNull();
    expect(within(answer).getByText(/This wallet does not hold Puffy Genesis/)).toBeTruthy();
  });
});
