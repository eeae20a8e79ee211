import { createHoldingsReader, normalizeEvmAddress } from '@puffy/chains';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastConfig } from '../../../chains/test/holdings/support/config';
import { FakeEvmChain, serveEvmChain } from '../../../chains/test/holdings/support/evm-chain';
import { startWireServer, type WireServer } from '../../../chains/test/holdings/support/wire-server';
import { checkEligible, checkEligibleDryRun, firstEligible } from '../../src/eligibility/service';
import { importSnapshot } from '../../src/snapshot/import';
import { campaignDeps, createCampaign, createMember, newAddress } from '../support/campaign';

const evm = () => normalizeEvmAddress(newAddress.evmLower()) ?? '';

describe.each(testDatabases())('live holdings checks and eligibility.first on $label', (database) => {
  let test: TestDatabase;
  let eth: WireServer;
  let deps: ReturnType<typeof campaignDeps>;
  const puffy = evm();
  const holder = evm();
  let liveCampaign: number;

  beforeAll(async () => {
    test = await database.create();
    eth = await startWireServer();
    serveEvmChain(
      eth,
      new FakeEvmChain(1)
        .deploy721(puffy as `0x${string}`)
        .mint721(puffy as `0x${string}`, holder as `0x${string}`),
    );
    deps = campaignDeps(test.db, createHoldingsReader(fastConfig({ evmRpcUrls: { 1: eth.url } })));
    liveCampaign = (
      await createCampaign(test.db, { network: 'eth', methods: ['eth'], collectionAddress: puffy })
    ).id;
  });
  afterAll(async () => {
    await eth.close();
    await test.drop();
  });
  beforeEach(() => eth.outage(null));

  it('asks the chain (balanceOf) when the campaign has no snapshot, and caches the answer briefly', async () => {
    const wallet = { chain: 'evm' as const, address: holder.toLowerCase() };
    const calls = eth.count('eth_call');
    const yes = await checkEligibleDryRun(deps, { campaignId: liveCampaign, wallet });
    expect(yes).toMatchObject({
      outcome: 'eligible',
      method: 'eth',
      wallet: { chain: 'evm', address: holder },
    });
    expect(yes.message).toBe('Eligible through eth: Holds Puffy OG on Ethereum.');
    expect(eth.count('eth_call')).toBe(calls + 1);
    await checkEligibleDryRun(deps, { campaignId: liveCampaign, wallet });
    expect(eth.count('eth_call')).toBe(calls + 1);

    const no = await checkEligibleDryRun(deps, {
      campaignId: liveCampaign,
      wallet: { chain: 'evm', address: evm() },
    });
    expect(no.message).toBe(
      'Not eligible yet. To qualify: No NFT of Puffy OG found: hold an NFT of Puffy OG on Ethereum.',
    );
  });

  it('an outage answers "try again", never "not eligible", and records nothing', async () => {
    eth.outage({ status: 503 });
    const stranger = evm();
    await expect(
      checkEligibleDryRun(deps, { campaignId: liveCampaign, wallet: { chain: 'evm', address: stranger } }),
    ).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'We could not check your holdings right now. Please try again in a moment.',
      options: { reason: 'upstream_unavailable' },
    });
    const member = await createMember(test.db, { chain: 'evm', address: evm() });
    await expect(checkEligible(deps, member, { campaignId: liveCampaign })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    const [rows] = await test.db.db.select({ n: count() }).from(test.db.t.userCampaignEligibles);
    expect(rows?.n).toBe(0);
  });

  it('a collection the chain cannot have is a BAD_REQUEST, not an outage', async () => {
    const broken = await createCampaign(test.db, {
      network: 'eth',
      methods: ['eth'],
      collectionAddress: 'not-a-contract',
    });
    await expect(
      checkEligibleDryRun(deps, { campaignId: broken.id, wallet: { chain: 'evm', address: evm() } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The collection is not an EVM contract address.',
    });
  });

  it('eligibility.first answers every campaign with its reason, in the order asked', async () => {
    const wallet = evm();
    const ended = await createCampaign(test.db, {
      network: 'eth',
      methods: ['eth'],
      endAt: new Date('2026-01-01'),
      name: 'Old',
    });
    const snap = await createCampaign(test.db, { network: 'eth', methods: ['eth'] });
    await importSnapshot(deps, { campaignId: snap.id, network: 'eth', source: [`${wallet},eth\n`] });
    const solOnly = await createCampaign(test.db, { network: 'sol', methods: ['sol'] });
    const offline = await createCampaign(test.db, {
      network: 'berachain',
      methods: ['berachain'],
      collectionAddress: puffy,
    });
    const result = await firstEligible(
      deps,
      { ip: '10.9.0.1', userId: null },
      {
        wallet: { chain: 'evm', address: wallet },
        campaignIds: [999_999, ended.id, offline.id, solOnly.id, snap.id, liveCampaign],
      },
    );
    expect(result.firstEligibleCampaignId).toBe(snap.id);
    expect(result.answers.map((a) => [a.campaignId, a.outcome, a.reason])).toEqual([
      [999_999, 'not_eligible', 'campaign_not_found'],
      [ended.id, 'not_eligible', 'ended'],
      // Berachain has no RPC configured here: that is "try again", never "no".
      [offline.id, 'try_again', 'upstream_unavailable'],
      [solOnly.id, 'not_eligible', 'no_method_matched'],
      [snap.id, 'eligible', 'eligible'],
      [liveCampaign, 'not_eligible', 'no_method_matched'],
    ]);
    expect(result.answers[3]?.message).toBe(
      'Not eligible yet. To qualify: Connect a Solana wallet that can hold an NFT of Puffy OG on Solana.',
    );
  });

  it('eligibility.first spends one rate-limit point per campaign it checks', async () => {
    const campaigns = await Promise.all(
      Array.from({ length: 20 }, () => createCampaign(test.db, { network: 'eth', methods: ['bypass'] })),
    );
    const input = {
      wallet: { chain: 'evm' as const, address: evm() },
      campaignIds: campaigns.map((c) => c.id),
    };
    const caller = { ip: '10.9.0.2', userId: null };
    for (let i = 0; i < 3; i += 1) await firstEligible(deps, caller, input);
    await expect(firstEligible(deps, caller, input)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another address still has its own budget.
    await expect(firstEligible(deps, { ip: '10.9.0.3', userId: null }, input)).resolves.toBeDefined();
  });
});
