import { createHoldingsReader } from '@puffy/chains';
import type { TEligibilityWallet, TRequirement } from '@puffy/contracts';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../../../packages/api/src/eligibility/engine';
import { loadCampaignRules } from '../../../../../packages/api/src/eligibility/rules';
import { canonicalWallet, memberWallets } from '../../../../../packages/api/src/eligibility/wallets';
import {
  campaignDeps,
  createCampaign,
  createMember,
  NOW,
  newAddress,
} from '../../../../../packages/api/test/support/campaign';
import { FakeEvmChain, serveEvmChain } from '../../../../../packages/chains/test/holdings/support/evm-chain';
import {
  FakeSvmCluster,
  serveSvmCluster,
} from '../../../../../packages/chains/test/holdings/support/solana-cluster';
import {
  FakeTonIndexer,
  serveTonIndexer,
} from '../../../../../packages/chains/test/holdings/support/ton-indexer';
import {
  startWireServer,
  type WireServer,
} from '../../../../../packages/chains/test/holdings/support/wire-server';

/*
 * The chain-read leaves (token balance, wallet age, transaction count) through the evaluator and the real
 * readers, against local stand-ins speaking each chain's wire format: EVM and Solana JSON-RPC, toncenter
 * v3 REST. The allow-list (on both databases) carries the method every stored tree needs.
 */
describe.each(testDatabases())('chain requirement leaves on $label', (database) => {
  let test: TestDatabase;
  let eth: WireServer;
  let sol: WireServer;
  let ton: WireServer;
  const chain = new FakeEvmChain(1);
  const cluster = new FakeSvmCluster();
  const indexer = new FakeTonIndexer();
  const DAY_S = 86_400;
  const nowS = BigInt(NOW.getTime() / 1000);
  // The EVM chain's latest block is sealed at NOW.
  chain.head = (nowS - chain.genesisSeconds) / 12n;
  const blockDaysAgo = (days: number) => chain.head - BigInt(days * DAY_S) / 12n;

  beforeAll(async () => {
    [eth, sol, ton] = await Promise.all([startWireServer(), startWireServer(), startWireServer()]);
    serveEvmChain(eth, chain);
    serveSvmCluster(sol, cluster, { das: false });
    serveTonIndexer(ton, indexer);
    test = await database.create();
  });
  afterAll(async () => {
    await test.drop();
    await Promise.all([eth.close(), sol.close(), ton.close()]);
  });

  /** A fresh store each time, so every check reads the chain unless `deps` is passed again. */
  const freshDeps = () =>
    campaignDeps(
      test.db,
      createHoldingsReader({
        evmRpcUrls: { 1: eth.url },
        solanaRpcUrl: sol.url,
        tonApiUrl: ton.url,
        retries: 0,
        timeoutMs: 2_000,
      }),
    );

  /**
   * `all[bypass, leaf]` for a bare wallet (as the dry run asks): an allow-listed EVM wallet carries the
   * method, the other wallets are the ones the leaf reads.
   */
  async function setup(leaf: TRequirement, others: TEligibilityWallet[] = []) {
    const address = newAddress.evmLower();
    const userId = await createMember(test.db, { chain: 'evm', address });
    const deps = freshDeps();
    const [evm] = await memberWallets(deps, userId);
    if (!evm) throw new Error('no wallet');
    const campaign = await createCampaign(test.db, { network: 'eth', methods: ['bypass'] });
    const { t } = test.db;
    await test.db.db
      .update(t.campaigns)
      .set({
        requirements: { kind: 'all', children: [{ kind: 'method', method: 'bypass', config: {} }, leaf] },
      })
      .where(eq(t.campaigns.id, campaign.id));
    await test.db.db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: evm.address });
    const rules = (await loadCampaignRules(deps, [campaign.id])).get(campaign.id);
    if (!rules) throw new Error('campaign not visible');
    const wallets = [evm, ...others.map((w) => canonicalWallet(w))];
    return {
      evm: evm.address as `0x${string}`,
      check: (withDeps = freshDeps()) => evaluateEligibility(withDeps, rules, { userId: null, wallets }),
    };
  }

  it('native ETH: "hold 1.5 more ETH", then eligible once funded', async () => {
    const { evm, check } = await setup({ kind: 'token_balance', network: 'eth', minAmount: '2' });
    chain.fund(evm, 500_000_000_000_000_000n);
    const short = await check();
    expect(short).toMatchObject({ outcome: 'not_eligible', reason: 'requirements_not_met' });
    expect(short.message).toBe(
      'Not eligible yet. To qualify: hold 1.5 more ETH on Ethereum (holds 0.5 of 2).',
    );
    chain.fund(evm, 1_500_000_000_000_000_000n);
    const ok = await check();
    expect(ok).toMatchObject({ outcome: 'eligible', method: 'bypass' });
    expect(ok.requirements?.children?.[1]).toMatchObject({
      kind: 'token_balance',
      outcome: 'passed',
      detail: 'Holds 2 ETH.',
    });
  });

  it('ERC-20 in the token decimals, compared exactly (one unit short fails)', async () => {
    const token = newAddress.evmLower() as `0x${string}`;
    chain.deploy20(token);
    const { evm, check } = await setup({
      kind: 'token_balance',
      network: 'eth',
      tokenAddress: token,
      tokenSymbol: 'PUFF',
      decimals: 6,
      minAmount: '100.000001',
    });
    chain.mint20(token, evm, 100_000_000n);
    expect((await check()).message).toBe(
      'Not eligible yet. To qualify: hold 0.000001 more PUFF on Ethereum (holds 100 of 100.000001).',
    );
    chain.mint20(token, evm, 1n);
    expect(await check()).toMatchObject({ outcome: 'eligible' });
  });

  it('SPL summed over two Solana wallets; other decimals than the mint are a misconfiguration', async () => {
    const mint = newAddress.sol();
    const [a, b] = [newAddress.sol(), newAddress.sol()];
    cluster.addTokenAccount({ owner: a, mint, amount: '3000000', decimals: 6 });
    cluster.addTokenAccount({ owner: b, mint, amount: '2000000', decimals: 6 });
    const leaf = { kind: 'token_balance', network: 'sol', tokenAddress: mint, decimals: 6 } as const;
    const both: TEligibilityWallet[] = [
      { chain: 'sol', address: a },
      { chain: 'sol', address: b },
    ];
    expect(await (await setup({ ...leaf, minAmount: '5' }, both)).check()).toMatchObject({
      outcome: 'eligible',
    });
    const one = await (await setup({ ...leaf, minAmount: '5' }, both.slice(0, 1))).check();
    expect(one.message).toBe(
      `Not eligible yet. To qualify: hold 2 more of the token ${mint} on Solana (holds 3 of 5).`,
    );
    const wrong = await (await setup({ ...leaf, decimals: 9, minAmount: '1' }, both)).check();
    expect(wrong).toMatchObject({ outcome: 'not_eligible', reason: 'requirements_not_met' });
    expect(wrong.message).toContain('misconfigured');
  });

  it('jettons and TON through toncenter; no TON wallet says which wallet to connect', async () => {
    const jetton = newAddress.tonRaw();
    const owner = newAddress.tonRaw();
    const { Address } = await import('@ton/core');
    indexer.giveJetton(Address.parse(owner), Address.parse(jetton), 25_000_000_000n);
    indexer.fund(Address.parse(owner), 1_000_000_000n);
    const wallet: TEligibilityWallet = { chain: 'ton', address: owner };
    const jettonLeaf = {
      kind: 'token_balance',
      network: 'ton',
      tokenAddress: jetton,
      tokenSymbol: 'PUFF',
      decimals: 9,
      minAmount: '25',
    } as const;
    expect(await (await setup(jettonLeaf, [wallet])).check()).toMatchObject({ outcome: 'eligible' });
    const native = await (
      await setup({ kind: 'token_balance', network: 'ton', minAmount: '1.25' }, [wallet])
    ).check();
    expect(native.message).toBe('Not eligible yet. To qualify: hold 0.25 more TON on TON (holds 1 of 1.25).');
    const none = await (await setup(jettonLeaf)).check();
    expect(none.message).toBe('Not eligible yet. To qualify: connect a wallet that can hold 25 PUFF on TON.');
  });

  it('transaction count on Solana: "make 7 more transactions", then eligible', async () => {
    const address = newAddress.sol();
    cluster.transact(address, 3, Number(nowS) - 3_600);
    const leaf = { kind: 'transaction_count', network: 'sol', min: 10 } as const;
    const { check } = await setup(leaf, [{ chain: 'sol', address }]);
    expect((await check()).message).toBe(
      'Not eligible yet. To qualify: make 7 more transactions from a wallet on Solana (has 3 of 10).',
    );
    cluster.transact(address, 7, Number(nowS) - 60);
    expect(await check()).toMatchObject({ outcome: 'eligible' });
  });

  it('wallet age on EVM by the first transaction block, cached once found', async () => {
    const { evm, check } = await setup({ kind: 'wallet_age', network: 'eth', minDays: 60 });
    const young = await check();
    expect(young.message).toBe(
      'Not eligible yet. To qualify: use a wallet at least 60 days old on Ethereum (it has no transactions yet).',
    );
    chain.send(evm, blockDaysAgo(40)).send(evm, blockDaysAgo(2));
    const deps = freshDeps();
    const forty = await check(deps);
    expect(forty.message).toBe(
      'Not eligible yet. To qualify: use a wallet at least 60 days old on Ethereum (the oldest is 40 days old).',
    );
    // The first transaction does not move: asked again, the store answers and the chain is not asked.
    const calls = eth.calls.length;
    expect((await check(deps)).reason).toBe('requirements_not_met');
    expect(eth.calls.length).toBe(calls);

    const { evm: old, check: checkOld } = await setup({ kind: 'wallet_age', network: 'eth', minDays: 30 });
    chain.send(old, blockDaysAgo(400));
    expect(await checkOld()).toMatchObject({ outcome: 'eligible' });
  });

  it('wallet age on TON; an outage is try-again, never a "no"', async () => {
    const { Address } = await import('@ton/core');
    const owner = newAddress.tonRaw();
    indexer.transact(Address.parse(owner), 2, Number(nowS) - 90 * DAY_S);
    const { check } = await setup({ kind: 'wallet_age', network: 'ton', minDays: 30 }, [
      { chain: 'ton', address: owner },
    ]);
    expect(await check()).toMatchObject({ outcome: 'eligible' });
    ton.outage({ status: 502 });
    try {
      expect(await check()).toMatchObject({ outcome: 'try_again', reason: 'upstream_unavailable' });
    } finally {
      ton.outage(null);
    }
  });

  it('cheapest first: a failed balance leaves the wallet age unread', async () => {
    const { evm, check } = await setup({
      kind: 'all',
      children: [
        { kind: 'wallet_age', network: 'eth', minDays: 30 },
        { kind: 'token_balance', network: 'eth', minAmount: '1000' },
      ],
    });
    chain.send(evm, blockDaysAgo(100));
    const before = eth.count('eth_getTransactionCount');
    const answer = await check();
    expect(answer.requirements?.children?.[1]?.children?.map((c) => [c.kind, c.outcome])).toEqual([
      ['token_balance', 'failed'],
      ['wallet_age', 'not_checked'],
    ]);
    expect(eth.count('eth_getTransactionCount')).toBe(before);
    expect(answer.message).toBe(
      'Not eligible yet. To qualify: hold 1000 more ETH on Ethereum (holds 0 of 1000) and use a wallet at least 30 days old on Ethereum.',
    );
  });
});
