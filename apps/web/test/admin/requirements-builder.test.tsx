import type { TAdminCampaignDetail, TCampaignRequirementsOutput, TRequirement } from '@puffy/contracts';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../src/lib/session-token';
import {
  type DraftNode,
  fromTree,
  moveBy,
  moveNode,
  nodeAtPath,
  toTree,
} from '../../src/pages/admin/requirements/draft';
import { validateDraft } from '../../src/pages/admin/requirements/validate';
import { answerOf, campaignOf } from '../campaign-fixtures';
import { renderApp } from '../render';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from '../wire';
import { operatorSession } from './session';

const PAGE = '/admin/campaigns/7/requirements';
const WALLET = '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq';

vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.useRealTimers();
});

const converted: TRequirement = {
  kind: 'all',
  children: [{ kind: 'any', children: [{ kind: 'method', method: 'sol', config: {} }] }],
};

const detail = {
  campaign: { ...campaignOf(), nftGasFeeSol: '0.01', isReady: true, archivedAt: null, methods: [] },
  activities: [
    {
      campaignActivityId: 1,
      activityId: 31,
      name: 'Follow Puffy on X',
      kind: 'x_follow',
      scope: 'campaign',
      points: 10,
      quantity: 1,
      required: false,
    },
  ],
  promotions: [],
} as unknown as TAdminCampaignDetail;

function serving(
  stored: TRequirement | null,
  overrides: Record<string, (attempt: number) => WireAnswer> = {},
) {
  const requirements: TCampaignRequirementsOutput = {
    campaignId: 7,
    requirements: stored,
    effective: stored ?? converted,
  };
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    switch (path) {
      case 'auth.session':
        return ok(operatorSession(['campaigns']));
      case 'admin.requirements.get':
        return ok(requirements);
      case 'admin.campaigns.get':
        return ok(detail);
      case 'admin.campaigns.list':
        return ok({
          items: [
            { ...detail.campaign, id: 7, name: 'Puffy Genesis' },
            { ...detail.campaign, id: 9, name: 'Winter drop' },
          ],
          nextCursor: null,
        });
      default:
        return ok(versionOf());
    }
  });
}

const root = () => screen.getByRole('group', { name: /^Group 1/ });
const save = () => screen.getByRole('button', { name: 'Save requirements' }) as HTMLButtonElement;

describe('the builder’s draft, pure', () => {
  const tree = fromTree({
    kind: 'all',
    children: [
      { kind: 'method', method: 'bypass', config: {} },
      { kind: 'any', children: [{ kind: 'account', account: 'x' }] },
    ],
  });
  const ids = (node: DraftNode): string[] =>
    node.type === 'leaf' ? [node.id] : [node.id, ...node.children.flatMap(ids)];
  const [rootId = '', bypass = '', group = '', account = ''] = ids(tree);

  it('moves a leaf between groups, within a group, and never a group into itself', () => {
    const moved = moveNode(tree, bypass, group, 0);
    expect(toTree(moved)).toEqual({
      kind: 'all',
      children: [
        {
          kind: 'any',
          children: [
            { kind: 'method', method: 'bypass', config: {} },
            { kind: 'account', account: 'x' },
          ],
        },
      ],
    });
    expect(toTree(moveBy(tree, bypass, 1))).toEqual({
      kind: 'all',
      children: [
        { kind: 'any', children: [{ kind: 'account', account: 'x' }] },
        { kind: 'method', method: 'bypass', config: {} },
      ],
    });
    expect(moveNode(tree, group, group, 0)).toBe(tree);
    expect(moveNode(tree, rootId, group, 0)).toBe(tree);
  });

  it('finds the node a server field path names', () => {
    expect(nodeAtPath(tree, 'requirements.children.1.children.0.account')).toEqual({
      node: expect.objectContaining({ id: account }),
      field: ['account'],
    });
    expect(nodeAtPath(tree, 'requirements')?.node.id).toBe(rootId);
    expect(nodeAtPath(tree, 'requirements.children.5')).toBeNull();
  });

  it('finds the contract’s limits on the node they concern', () => {
    // Five nested groups: the fifth is one too deep; and no method on the way to pass.
    let deep: TRequirement = { kind: 'account', account: 'email' };
    for (let i = 0; i < 5; i += 1) deep = { kind: 'all', children: [deep] };
    const draft = fromTree(deep);
    const issues = validateDraft(draft);
    let innermost = draft;
    while (innermost.type === 'group' && innermost.children[0]?.type === 'group')
      innermost = innermost.children[0];
    expect(issues.byNode.get(innermost.id)).toEqual([{ key: 'tooDeep', values: { max: 4 } }]);
    expect(issues.byNode.get(draft.id)).toEqual([{ key: 'needsMethod' }]);

    const wide = fromTree({
      kind: 'any',
      children: Array.from({ length: 21 }, () => ({
        kind: 'method' as const,
        method: 'bypass' as const,
        config: {},
      })),
    });
    expect(validateDraft(wide).byNode.get(wide.id)).toEqual([{ key: 'tooWide', values: { max: 20 } }]);
    const big = fromTree({
      kind: 'all',
      children: [
        { kind: 'method', method: 'bypass', config: {} },
        ...Array.from({ length: 2 }, () => ({
          kind: 'any' as const,
          children: Array.from({ length: 20 }, () => ({ kind: 'account' as const, account: 'x' as const })),
        })),
      ],
    });
    expect(validateDraft(big).byNode.get(big.id)).toEqual([{ key: 'tooMany', values: { max: 40 } }]);
  });
});

describe('admin requirements builder', () => {
  it('starts from the methods’ rule, edits groups with checks on their node, and saves the tree', async () => {
    const wire = serving(null, {
      'admin.requirements.set': () => {
        const sent = wire.inputsFor('admin.requirements.set').at(-1) as { requirements: TRequirement };
        return ok({ campaignId: 7, requirements: sent.requirements, effective: sent.requirements });
      },
    });
    renderApp(PAGE, wire.fetch);
    expect(
      await screen.findByRole('heading', { name: 'Requirements: Puffy Genesis' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByText(/This campaign uses its eligibility methods/)).toBeTruthy();
    const outer = root();
    expect(within(outer).getByRole('listitem', { name: 'Group 2 (any of)' })).toBeTruthy();
    expect(within(outer).getByRole('listitem', { name: 'Eligibility method' })).toBeTruthy();

    // A new group is empty: refused on the group itself, and nothing can be saved.
    fireEvent.click(within(outer).getAllByRole('button', { name: 'Add group' }).at(-1) as HTMLElement);
    const added = await screen.findByRole('listitem', { name: 'Group 3 (any of)' });
    expect(within(added).getByText('A group needs at least one requirement.')).toBeTruthy();
    expect(save().disabled).toBe(true);
    expect(screen.getByTestId('builder-issue-count').textContent).toBe('1 thing to fix before saving.');

    // Two requirements in it, then at least N: N out of bounds is refused on the group.
    fireEvent.change(within(added).getByLabelText('Kind of requirement to add'), {
      target: { value: 'account' },
    });
    fireEvent.click(within(added).getByRole('button', { name: 'Add requirement' }));
    fireEvent.change(within(added).getByLabelText('Kind of requirement to add'), {
      target: { value: 'points' },
    });
    fireEvent.click(within(added).getByRole('button', { name: 'Add requirement' }));
    fireEvent.change(within(added).getByLabelText('How group 3 combines'), { target: { value: 'at_least' } });
    const group3 = screen.getByRole('listitem', { name: 'Group 3 (at least N of)' });
    fireEvent.change(within(group3).getByLabelText('N for group 3'), { target: { value: '3' } });
    expect(
      within(group3).getByText('N must be between 1 and 2, the number of requirements in this group.'),
    ).toBeTruthy();
    expect(save().disabled).toBe(true);
    fireEvent.change(within(group3).getByLabelText('N for group 3'), { target: { value: '2' } });

    // A leaf's field that does not parse is marked beside it.
    const points = within(group3).getByRole('listitem', { name: 'Points' });
    fireEvent.change(within(points).getByLabelText('At least this many points'), { target: { value: '' } });
    expect(within(points).getByText('Check At least this many points.')).toBeTruthy();
    expect(within(points).getByText('Fill in the marked fields of this requirement.')).toBeTruthy();
    fireEvent.change(within(points).getByLabelText('At least this many points'), {
      target: { value: '250' },
    });
    fireEvent.change(within(points).getByLabelText('Counted in'), { target: { value: 'overall' } });
    const account = within(group3).getByRole('listitem', { name: 'Linked or verified account' });
    fireEvent.change(within(account).getByLabelText('Account'), { target: { value: 'discord' } });

    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    await waitFor(() => expect(wire.inputsFor('admin.requirements.set')).toHaveLength(1));
    expect(wire.inputsFor('admin.requirements.set')[0]).toEqual({
      campaignId: 7,
      requirements: {
        kind: 'all',
        children: [
          { kind: 'any', children: [{ kind: 'method', method: 'sol', config: {} }] },
          {
            kind: 'at_least',
            n: 2,
            children: [
              { kind: 'account', account: 'discord' },
              { kind: 'points', scope: 'overall', min: 250 },
            ],
          },
        ],
      },
    });
    expect(await screen.findByText('Requirements saved.')).toBeTruthy();
    expect(screen.getByText('This campaign uses its own requirements, below.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear: use the methods' })).toBeTruthy();
  });

  it('adds a leaf of every kind the contract offers, each with its own fields', async () => {
    const wire = serving(null);
    renderApp(PAGE, wire.fetch);
    const outer = await screen.findByRole('group', { name: /^Group 1/ }, { timeout: 10_000 });
    const kinds = within(outer).getAllByLabelText('Kind of requirement to add').at(-1) as HTMLSelectElement;
    const offered = [...kinds.options].map((o) => o.value);
    expect(offered).toEqual([
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
    for (const kind of offered) {
      fireEvent.change(within(root()).getAllByLabelText('Kind of requirement to add').at(-1) as HTMLElement, {
        target: { value: kind },
      });
      fireEvent.click(
        within(root()).getAllByRole('button', { name: 'Add requirement' }).at(-1) as HTMLElement,
      );
    }
    const other = screen.getByRole('listitem', { name: 'Eligible for another campaign' });
    // Other campaigns by name (never this one), not by number.
    const pick = within(other).getByLabelText('Campaign') as HTMLSelectElement;
    expect([...pick.options].map((o) => o.textContent)).toEqual(['Choose a campaign', 'Winter drop']);
    fireEvent.change(pick, { target: { value: '9' } });
    const acts = screen.getByRole('listitem', { name: 'Activities completed' });
    expect(within(acts).getByText('Tick at least one activity.')).toBeTruthy();
    fireEvent.click(within(acts).getByRole('checkbox', { name: 'Follow Puffy on X' }));
    const nft = screen.getByRole('listitem', { name: 'NFT count' });
    fireEvent.change(within(nft).getByLabelText('Collection address'), {
      target: { value: 'So1anaCollection1111' },
    });
    fireEvent.change(within(nft).getByLabelText('Network'), { target: { value: 'eth' } });
    const balance = screen.getByRole('listitem', { name: 'Token balance' });
    fireEvent.change(within(balance).getByLabelText('At least this amount'), { target: { value: 'lots' } });
    expect(within(balance).getByText('Check At least this amount.')).toBeTruthy();
    fireEvent.change(within(balance).getByLabelText('At least this amount'), { target: { value: '0.5' } });
    expect(screen.queryByTestId('builder-issue-count')).toBeNull();
    fireEvent.click(save());
    await waitFor(() => expect(wire.inputsFor('admin.requirements.set')).toHaveLength(1));
    const sent = wire.inputsFor('admin.requirements.set')[0] as { requirements: { children: unknown[] } };
    expect(sent.requirements.children.slice(1)).toEqual([
      { kind: 'method', method: 'bypass', config: {} },
      { kind: 'nft_count', network: 'eth', collectionAddress: 'So1anaCollection1111', min: 1 },
      { kind: 'points', scope: 'campaign', min: 100 },
      { kind: 'eligible_for', campaignId: 9 },
      { kind: 'activities', activityIds: [31] },
      { kind: 'account', account: 'email' },
      { kind: 'token_balance', network: 'sol', minAmount: '0.5' },
      { kind: 'wallet_age', network: 'eth', minDays: 30 },
      { kind: 'transaction_count', network: 'eth', min: 10 },
    ]);
  });

  it('moves leaves by drag, by buttons and into another group; removes them', async () => {
    const stored: TRequirement = {
      kind: 'all',
      children: [
        { kind: 'method', method: 'bypass', config: {} },
        { kind: 'account', account: 'email' },
        { kind: 'any', children: [{ kind: 'account', account: 'x' }] },
      ],
    };
    const wire = serving(stored);
    renderApp(PAGE, wire.fetch);
    const outer = await screen.findByRole('group', { name: /^Group 1/ }, { timeout: 10_000 });
    const leafOrder = () =>
      screen.getAllByTestId('leaf-editor').map((li) => {
        // The last select is the leaf's own field (the first moves it).
        const select = [...li.querySelectorAll('select')].at(-1) as HTMLSelectElement;
        return `${li.getAttribute('data-kind')}:${select.value}`;
      });
    expect(leafOrder()).toEqual(['method:bypass', 'account:email', 'account:x']);

    // Keyboard and buttons: down, then into group 2.
    fireEvent.click(within(outer).getByRole('button', { name: 'Move Eligibility method down' }));
    expect(leafOrder()).toEqual(['account:email', 'method:bypass', 'account:x']);
    const email = screen.getAllByRole('listitem', { name: 'Linked or verified account' })[0] as HTMLElement;
    fireEvent.change(within(email).getByLabelText('Move Linked or verified account to another group'), {
      target: { value: screen.getByRole('listitem', { name: 'Group 2 (any of)' }) && findGroupValue(email) },
    });
    expect(leafOrder()).toEqual(['method:bypass', 'account:x', 'account:email']);

    // Drag: the method's grip onto the first slot of group 2.
    const method = screen.getByRole('listitem', { name: 'Eligibility method' });
    fireEvent.dragStart(within(method).getByTestId('drag-grip'));
    const group2 = screen.getByRole('listitem', { name: 'Group 2 (any of)' });
    const slot = within(group2).getAllByTestId('drop-slot')[0] as HTMLElement;
    fireEvent.dragOver(slot);
    fireEvent.drop(slot);
    expect(leafOrder()).toEqual(['method:bypass', 'account:x', 'account:email']);
    expect(within(group2).getAllByTestId('leaf-editor')).toHaveLength(3);
    expect(screen.queryAllByTestId('drop-slot')).toHaveLength(0);
    // Group 1 now holds only group 2, which is fine; removing the method breaks every way to pass.
    fireEvent.click(within(group2).getByRole('button', { name: 'Remove Eligibility method' }));
    expect(within(root()).getByText(/Every way to qualify must include an eligibility method/)).toBeTruthy();
    expect(save().disabled).toBe(true);
  });

  it('previews the draft against a wallet once it settles, and shows the explained answer', async () => {
    const wire = serving(null, {
      'admin.requirements.preview': () =>
        ok(
          answerOf({
            reason: 'requirements_not_met',
            message: 'Not eligible yet. To qualify: hold an NFT of Puffy Genesis on Solana.',
            requirements: {
              kind: 'all',
              outcome: 'failed',
              detail: 'Hold an NFT of Puffy Genesis on Solana.',
              children: [
                { kind: 'method', outcome: 'failed', detail: 'This wallet does not hold Puffy Genesis.' },
              ],
            },
          }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    const preview = await screen.findByTestId('requirements-preview', {}, { timeout: 10_000 });
    expect(within(preview).getByText('Enter a wallet to see how it fares.')).toBeTruthy();
    fireEvent.change(within(preview).getByLabelText('Wallet address'), {
      target: { value: WALLET.slice(0, 10) },
    });
    fireEvent.change(within(preview).getByLabelText('Wallet address'), { target: { value: WALLET } });
    expect(
      await within(preview).findByText('This wallet does not hold Puffy Genesis.', {}, { timeout: 5000 }),
    ).toBeTruthy();
    // Typing is debounced: only the settled wallet was asked about, with the draft.
    expect(wire.inputsFor('admin.requirements.preview')).toEqual([
      { campaignId: 7, wallet: { chain: 'sol', address: WALLET }, requirements: converted },
    ]);
    // A draft with issues is not sent.
    fireEvent.click(within(root()).getAllByRole('button', { name: 'Add group' }).at(-1) as HTMLElement);
    expect(await within(preview).findByText('Fix the marked requirements to see the preview.')).toBeTruthy();
    await act(() => new Promise((r) => setTimeout(r, 800)));
    expect(wire.inputsFor('admin.requirements.preview')).toHaveLength(1);
  });

  it('lands the server’s refusal on its node, and clears the tree back to the methods', async () => {
    const stored: TRequirement = {
      kind: 'all',
      children: [
        { kind: 'method', method: 'bypass', config: {} },
        { kind: 'eligible_for', campaignId: 9 },
      ],
    };
    const wire = serving(stored, {
      'admin.requirements.set': (attempt) =>
        attempt === 0
          ? failure(
              'admin.requirements.set',
              'BAD_REQUEST',
              400,
              'Invalid input: requirements.children.1.campaignId',
              {
                fieldErrors: {
                  'requirements.children.1.campaignId': ['Too small: expected number to be >0'],
                },
              },
            )
          : ok({ campaignId: 7, requirements: null, effective: converted }),
    });
    renderApp(PAGE, wire.fetch);
    await screen.findByRole('group', { name: /^Group 1/ }, { timeout: 10_000 });
    expect(screen.getByText('This campaign uses its own requirements, below.')).toBeTruthy();
    fireEvent.click(save());
    const other = screen.getByRole('listitem', { name: 'Eligible for another campaign' });
    const issues = await within(other).findByTestId('node-issues');
    expect(issues.textContent).not.toMatch(/requirements\.|Too small/);
    expect(issues.textContent?.length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Clear: use the methods' }));
    await waitFor(() => expect(wire.inputsFor('admin.requirements.set')).toHaveLength(2));
    expect(wire.inputsFor('admin.requirements.set')[1]).toEqual({ campaignId: 7, requirements: null });
    expect(await screen.findByText(/This campaign uses its eligibility methods/)).toBeTruthy();
    expect(screen.getAllByTestId('leaf-editor').map((li) => li.getAttribute('data-kind'))).toEqual([
      'method',
    ]);
  });
});

/** The "Move to" option naming group 2, read from the select as the operator would pick it. */
function findGroupValue(row: HTMLElement): string {
  const select = within(row).getByLabelText(/to another group/) as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === 'Group 2 (any of)');
  if (!option) throw new Error('group 2 is not offered');
  return option.value;
}
