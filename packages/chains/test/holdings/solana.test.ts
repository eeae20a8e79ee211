import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHoldingsReader, HOLDINGS_PAGE_SIZE, HoldingsInputError } from '../../src/holdings';
import { fastConfig, manualClock } from './support/config';
import {
  dasAsset,
  FakeSvmCluster,
  newAddress,
  serveSvmCluster,
  TOKEN_2022_PROGRAM,
  TOKEN_PROGRAM,
} from './support/solana-cluster';
import { startWireServer, type WireServer } from './support/wire-server';

describe('Solana and SOON holdings (DAS, token accounts as the fallback)', () => {
  let server: WireServer;
  let cluster: FakeSvmCluster;
  const wallet = newAddress();
  const collection = newAddress();

  beforeEach(async () => {
    server = await startWireServer();
    cluster = new FakeSvmCluster();
  });

  afterEach(async () => {
    await server.close();
  });

  describe('with DAS', () => {
    beforeEach(() => serveSvmCluster(server, cluster, { das: true }));

    it('counts Core and compressed NFTs of the collection, which have no token accounts', async () => {
      cluster.addAsset({ owner: wallet, collection, interface: 'MplCoreAsset' });
      cluster.addAsset({ owner: wallet, collection, interface: 'V1_NFT', compressed: true });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: true,
        count: 2,
        source: 'das',
      });
      const [call] = server.calls;
      expect(call?.key).toBe('searchAssets');
      expect(call?.params).toMatchObject({
        ownerAddress: wallet,
        grouping: ['collection', collection],
        burnt: false,
        limit: HOLDINGS_PAGE_SIZE,
      });
      expect(server.count('getTokenAccountsByOwner')).toBe(0);
    });

    it('does not hold with NFTs of other collections only', async () => {
      cluster.addNft({ owner: wallet, collection: newAddress() });
      cluster.addNft({ owner: newAddress(), collection });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: false,
        count: 0,
        source: 'das',
      });
    });

    it('re-checks owner, collection and burn, so an indexer that ignores a filter cannot say yes', async () => {
      const otherOwner = newAddress();
      server.script('searchAssets', {
        result: {
          total: 3,
          limit: HOLDINGS_PAGE_SIZE,
          page: 1,
          items: [
            dasAsset(newAddress(), { owner: wallet, collection: newAddress() }),
            dasAsset(newAddress(), { owner: otherOwner, collection }),
            dasAsset(newAddress(), { owner: wallet, collection, burnt: true }),
          ],
        },
      });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: false,
        count: 0,
        source: 'das',
      });
    });

    it('a collection known by its mint list only is decided by token accounts', async () => {
      const listedMint = cluster.addNft({ owner: wallet });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection, mints: [listedMint] } }),
      ).resolves.toEqual({ holds: true, count: 1, source: 'token_accounts' });
      expect(server.calls.map((call) => call.key)).toEqual(['searchAssets', 'getTokenAccountsByOwner']);
    });

    it('an unreadable DAS answer is a bad response, not an empty one', async () => {
      server.script('searchAssets', { result: { items: [{ id: newAddress() }] } });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).rejects.toMatchObject({ name: 'UpstreamError', kind: 'bad_response', service: 'sol' });
      expect(server.count('searchAssets')).toBe(1);
    });
  });

  describe('without DAS (the endpoint answers -32601)', () => {
    beforeEach(() => serveSvmCluster(server, cluster, { das: false }));

    it('falls back to jsonParsed token accounts of the Token Program', async () => {
      const mint = cluster.addNft({ owner: wallet, collection });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection, mints: [mint] } }),
      ).resolves.toEqual({ holds: true, count: 1, source: 'token_accounts' });
      expect(server.calls.map((call) => call.key)).toEqual(['searchAssets', 'getTokenAccountsByOwner']);
      expect(server.calls[1]?.params).toEqual([
        wallet,
        { programId: TOKEN_PROGRAM },
        { encoding: 'jsonParsed', commitment: 'confirmed' },
      ]);
    });

    it("counts the collection's own mint as well as listed mints", async () => {
      cluster.addTokenAccount({ owner: wallet, mint: collection });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: true,
        count: 1,
        source: 'token_accounts',
      });
    });

    it('ignores fungible balances, emptied accounts and unlisted mints', async () => {
      const listed = [newAddress(), newAddress(), newAddress()] as const;
      cluster.addTokenAccount({ owner: wallet, mint: listed[0], amount: '1000000', decimals: 6 });
      cluster.addTokenAccount({ owner: wallet, mint: listed[1], amount: '0' });
      cluster.addTokenAccount({ owner: wallet, mint: newAddress() });
      cluster.addTokenAccount({ owner: newAddress(), mint: listed[2] });
      cluster.addTokenAccount({ owner: wallet, mint: listed[2], program: TOKEN_2022_PROGRAM });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection, mints: [...listed] } }),
      ).resolves.toEqual({ holds: false, count: 0, source: 'token_accounts' });
    });

    it('remembers that DAS is missing, and asks again after the re-check interval', async () => {
      const clock = manualClock();
      const mint = cluster.addNft({ owner: wallet });
      const reader = createHoldingsReader(
        fastConfig({ solanaRpcUrl: server.url, now: clock.now, dasRecheckMs: 60_000 }),
      );
      const query = { network: 'sol' as const, wallet, collection: { address: collection, mints: [mint] } };
      await reader.holds(query);
      await reader.holds(query);
      expect(server.count('searchAssets')).toBe(1);
      expect(server.count('getTokenAccountsByOwner')).toBe(2);
      clock.advance(60_000);
      await expect(reader.holds(query)).resolves.toMatchObject({ holds: true, source: 'token_accounts' });
      expect(server.count('searchAssets')).toBe(2);
    });
  });

  it('SOON asks its own endpoint', async () => {
    const soon = await startWireServer();
    try {
      serveSvmCluster(server, cluster, { das: true });
      const soonCluster = new FakeSvmCluster();
      serveSvmCluster(soon, soonCluster, { das: false });
      soonCluster.addTokenAccount({ owner: wallet, mint: collection });
      const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url, soonRpcUrl: soon.url }));
      await expect(
        reader.holds({ network: 'soon', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: true,
        count: 1,
        source: 'token_accounts',
      });
      expect(server.calls).toEqual([]);
      await expect(
        reader.holds({ network: 'sol', wallet, collection: { address: collection } }),
      ).resolves.toEqual({
        holds: false,
        count: 0,
        source: 'das',
      });
    } finally {
      await soon.close();
    }
  });

  it.each([
    [
      'a wallet that is not base58 of 32 bytes',
      { wallet: '0x52908400098527886E0F7030069857D2E4169EE7' },
      'wallet',
    ],
    ['a collection that is not an address', { collection: { address: 'puffy' } }, 'collection'],
    ['a mint list with a bad entry', { collection: { address: collection, mints: ['nope'] } }, 'mints'],
  ])('refuses %s without asking the RPC', async (_label, overrides, field) => {
    serveSvmCluster(server, cluster, { das: true });
    const reader = createHoldingsReader(fastConfig({ solanaRpcUrl: server.url }));
    const failure = reader.holds({
      network: 'sol',
      wallet,
      collection: { address: collection },
      ...overrides,
    });
    await expect(failure).rejects.toBeInstanceOf(HoldingsInputError);
    await expect(failure).rejects.toMatchObject({ field });
    expect(server.calls).toEqual([]);
  });
});
