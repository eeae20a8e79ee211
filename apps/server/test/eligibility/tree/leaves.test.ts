import { createHoldingsReader } from '@puffy/chains';
import type { TEligibilityWallet, TRequirement } from '@puffy/contracts';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../../../packages/api/src/eligibility/engine';
import { loadCampaignRules } from '../../../../../packages/api/src/eligibility/rules';
import { memberWallets } from '../../../../../packages/api/src/eligibility/wallets';
import {
  campaignDeps,
  createCampaign,
  createMember,
  NOW,
  newAddress,
} from '../../../../../packages/api/test/support/campaign';
import { FakeEvmChain, serveEvmChain } from '../../../../../packages/chains/test/holdings/support/evm-chain';
import {
  startWireServer,
  type WireServer,
} from '../../../../../packages/chains/test/holdings/support/wire-server';

/*
 * Each leaf kind of a requirement tree against real rows (both databases) and, for NFT counts, against the
 * local EVM JSON-RPC stand-in the chains tests use (balanceOf over HTTP through the real reader).
 */
describe.each(testDatabases())('requirement leaves on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;
  let eth: WireServer;
  let chain: FakeEvmChain;
  const contract = newAddress.evmLower() as `0x${string}`;

  beforeAll(async () => {
    eth = await startWireServer();
    chain = new FakeEvmChain(1).deploy721(contract);
    serveEvmChain(eth, chain);
    test = await database.create();
    deps = campaignDeps(
      test.db,
      createHoldingsReader({ evmRpcUrls: { 1: eth.url }, retries: 0, timeoutMs: 2_000 }),
    );
  });
  afterAll(async () => {
    await test.drop();
    await eth.close();
  });

  /** A campaign whose requirements are `tree`, evaluated for a member (signed in) or a bare wallet. */
  async function evaluate(
    tree: TRequirement,
    subject: { userId: string | null; wallets?: TEligibilityWallet[] },
  ) {
    const campaign = await createCampaign(test.db, { network: 'eth', methods: ['bypass'] });
    await test.db.db
      .update(test.db.t.campaigns)
      .set({ requirements: tree })
      .where(eq(test.db.t.campaigns.id, campaign.id));
    const rules = (await loadCampaignRules(deps, [campaign.id])).get(campaign.id);
    if (!rules) throw new Error('campaign not visible');
    const wallets = subject.wallets ?? (subject.userId ? await memberWallets(deps, subject.userId) : []);
    return evaluateEligibility(deps, rules, { userId: subject.userId, wallets });
  }

  async function allowListedMember(chainName: 'evm' | 'sol' = 'evm') {
    const address = chainName === 'evm' ? newAddress.evmLower() : newAddress.sol();
    const userId = await createMember(test.db, { chain: chainName, address });
    const [wallet] = await memberWallets(deps, userId);
    return { userId, wallet: wallet as TEligibilityWallet };
  }

  /** `all[bypass, leaf]`: the allow-list carries the method the record names; the leaf decides. */
  const withBypass = (leaf: TRequirement): TRequirement => ({
    kind: 'all',
    children: [{ kind: 'method', method: 'bypass', config: {} }, leaf],
  });

  async function allowList(campaignTree: TRequirement, wallet: TEligibilityWallet, userId: string | null) {
    const campaign = await createCampaign(test.db, { network: 'eth', methods: ['bypass'] });
    const { t } = test.db;
    await test.db.db
      .update(t.campaigns)
      .set({ requirements: campaignTree })
      .where(eq(t.campaigns.id, campaign.id));
    await test.db.db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet.address });
    const rules = (await loadCampaignRules(deps, [campaign.id])).get(campaign.id);
    if (!rules) throw new Error('campaign not visible');
    return { campaign, rules, check: () => evaluateEligibility(deps, rules, { userId, wallets: [wallet] }) };
  }

  it('points: overall and in a campaign, with what is missing', async () => {
    const { userId, wallet } = await allowListedMember();
    const { rules, check } = await allowList(
      withBypass({ kind: 'points', scope: 'campaign', min: 50 }),
      wallet,
      userId,
    );
    const { t } = test.db;
    await test.db.db.insert(t.userPoints).values([
      { userId, scopeKey: String(rules.campaign.id), points: 20, updatedAt: NOW },
      { userId, scopeKey: 'global', points: 70, updatedAt: NOW },
    ]);
    const short = await check();
    expect(short).toMatchObject({ outcome: 'not_eligible', reason: 'requirements_not_met' });
    expect(short.message).toBe(
      'Not eligible yet. To qualify: earn 30 more points in this campaign (has 20 of 50).',
    );

    const overall = await evaluate(withBypass({ kind: 'points', scope: 'overall', min: 50 }), { userId });
    // Not on that campaign's allow-list: the bypass leaf fails first (database leaves keep written order).
    expect(overall.requirements?.children?.[0]).toMatchObject({ kind: 'method', outcome: 'failed' });
    const { check: overallCheck } = await allowList(
      withBypass({ kind: 'points', scope: 'overall', min: 50 }),
      wallet,
      userId,
    );
    const ok = await overallCheck();
    expect(ok).toMatchObject({ outcome: 'eligible', method: 'bypass', wallet });
    expect(ok.requirements?.children?.[1]).toMatchObject({
      kind: 'points',
      outcome: 'passed',
      detail: 'Has 70 points overall.',
    });

    const guest = await allowList(withBypass({ kind: 'points', scope: 'overall', min: 50 }), wallet, null);
    expect(await guest.check()).toMatchObject({ outcome: 'not_eligible', reason: 'sign_in_required' });
  });

  it('eligible for another campaign, and accounts (email, X, Discord)', async () => {
    const { userId, wallet } = await allowListedMember();
    const other = await createCampaign(test.db, {
      network: 'eth',
      methods: ['bypass'],
      name: 'Puffy Genesis',
    });
    const tree: TRequirement = {
      kind: 'all',
      children: [
        { kind: 'method', method: 'bypass', config: {} },
        { kind: 'eligible_for', campaignId: other.id },
        { kind: 'account', account: 'email' },
      ],
    };
    const { check } = await allowList(tree, wallet, userId);
    const before = await check();
    // The group stopped at the first miss; the member still hears everything left, unchecked parts included.
    expect(before.message).toBe(
      'Not eligible yet. To qualify: become eligible for Puffy Genesis and add a verified email address in your profile.',
    );
    expect(before.requirements?.children?.[2]).toMatchObject({ kind: 'account', outcome: 'not_checked' });

    const { t } = test.db;
    await test.db.db.insert(t.userCampaignEligibles).values({
      id: crypto.randomUUID(),
      userId,
      campaignId: other.id,
      method: 'bypass',
      createdAt: NOW,
    });
    const noEmail = await check();
    expect(noEmail.message).toBe(
      'Not eligible yet. To qualify: add a verified email address in your profile.',
    );
    await test.db.db
      .update(t.users)
      .set({ email: `${crypto.randomUUID()}@example.com` })
      .where(eq(t.users.id, userId));
    expect(await check()).toMatchObject({ outcome: 'eligible', reason: 'eligible' });

    for (const account of ['x', 'discord'] as const) {
      const linked = await allowList(withBypass({ kind: 'account', account }), wallet, userId);
      expect((await linked.check()).reason).toBe('requirements_not_met');
      const column =
        account === 'x'
          ? { twitterId: `x-${crypto.randomUUID()}` }
          : { discordId: `d-${crypto.randomUUID()}` };
      await test.db.db.update(t.users).set(column).where(eq(t.users.id, userId));
      expect((await linked.check()).reason).toBe('eligible');
    }
  });

  it('activities completed: names the missing ones, counts a completion only', async () => {
    const { userId, wallet } = await allowListedMember();
    const { t } = test.db;
    const ids: number[] = [];
    for (const name of ['Follow Puffy on X', 'Join the Discord']) {
      const [row] = await test.db.db
        .insert(t.activities)
        .values({
          scope: 'global',
          kind: 'sign_in',
          name,
          parameter: {},
          initiatedByUser: false,
          createdAt: NOW,
        })
        .returning({ id: t.activities.id });
      if (row) ids.push(row.id);
    }
    const { check } = await allowList(withBypass({ kind: 'activities', activityIds: ids }), wallet, userId);
    const none = await check();
    expect(none.message).toBe(
      'Not eligible yet. To qualify: complete 2 more activities: Follow Puffy on X, Join the Discord.',
    );
    expect(none.missingActivities.map((a) => a.name)).toEqual(['Follow Puffy on X', 'Join the Discord']);
    for (const [i, id] of ids.entries()) {
      await test.db.db.insert(t.userActivities).values({
        id: crypto.randomUUID(),
        userId,
        activityId: id,
        scopeKey: 'global',
        status: i === 0 ? 'completed' : 'pending_review',
        completedAt: i === 0 ? NOW : null,
        createdAt: NOW,
      });
    }
    const one = await check();
    expect(one.message).toBe('Not eligible yet. To qualify: complete 1 more activity: Join the Discord.');
  });

  it('NFT count through the EVM RPC stand-in: "hold 2 more", then eligible; an outage is try-again', async () => {
    const { userId, wallet } = await allowListedMember();
    chain.mint721(contract, wallet.address as `0x${string}`, 1n);
    const tree: TRequirement = {
      kind: 'any',
      children: [
        {
          kind: 'all',
          children: [
            { kind: 'method', method: 'bypass', config: {} },
            {
              kind: 'nft_count',
              network: 'eth',
              collectionAddress: contract,
              collectionName: 'Puffy Genesis',
              min: 3,
            },
          ],
        },
        { kind: 'method', method: 'referral', config: {} },
      ],
    };
    const { check } = await allowList(tree, wallet, userId);
    const short = await check();
    expect(short.message).toBe(
      'Not eligible yet. To qualify: hold 2 more of Puffy Genesis (holds 1 of 3) or join with a valid referral code.',
    );
    const calls = eth.calls.length;
    chain.mint721(contract, wallet.address as `0x${string}`, 2n);
    // The count is cached briefly, as holder answers are: a fresh store asks the chain again.
    const fresh = campaignDeps(test.db, deps.holdings);
    const { rules } = await allowList(tree, wallet, userId);
    const ok = await evaluateEligibility(fresh, rules, { userId, wallets: [wallet] });
    expect(eth.calls.length).toBeGreaterThan(calls);
    expect(ok).toMatchObject({ outcome: 'eligible', method: 'bypass' });
    expect(ok.requirements?.children?.[0]?.children?.[1]).toMatchObject({
      kind: 'nft_count',
      outcome: 'passed',
      detail: 'Holds 3 of Puffy Genesis.',
    });

    eth.outage({ drop: true });
    const down = await evaluateEligibility(campaignDeps(test.db, deps.holdings), rules, {
      userId: null,
      wallets: [wallet],
    });
    expect(down).toMatchObject({ outcome: 'try_again', reason: 'upstream_unavailable' });
    eth.outage(null);
  });

  it('a stored tree that no longer validates is refused, never guessed at', async () => {
    const { userId } = await allowListedMember();
    const broken = { kind: 'all', children: [] } as unknown as TRequirement;
    const answer = await evaluate(broken, { userId });
    expect(answer).toMatchObject({ outcome: 'not_eligible', reason: 'requirements_not_met' });
    expect(answer.message).toContain('misconfigured');
  });
});
