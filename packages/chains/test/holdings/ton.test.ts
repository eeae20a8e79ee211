import { Address } from '@ton/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHoldingsReader, HOLDINGS_PAGE_SIZE, HoldingsInputError } from '../../src/holdings';
import { fastConfig } from './support/config';
import { FakeTonIndexer, newTonAddress, serveTonIndexer, toncenterRaw } from './support/ton-indexer';
import { startWireServer, type WireServer } from './support/wire-server';

const NFT_ITEMS = 'GET /api/v3/nft/items';

describe('TON holdings (toncenter v3 nft/items)', () => {
  let server: WireServer;
  let indexer: FakeTonIndexer;
  const wallet = newTonAddress();
  const collection = newTonAddress();

  beforeEach(async () => {
    server = await startWireServer();
    indexer = new FakeTonIndexer();
    serveTonIndexer(server, indexer);
  });

  afterEach(async () => {
    await server.close();
  });

  it('holds when the API returns an item, asking by raw addresses with a page limit', async () => {
    indexer.mint(collection, wallet);
    indexer.mint(collection, wallet);
    indexer.mint(newTonAddress(), wallet);
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: wallet.toString(),
        collection: { address: collection.toString() },
      }),
    ).resolves.toEqual({ holds: true, count: 2, source: 'tonapi' });
    const [call] = server.calls;
    expect(call?.key).toBe(NFT_ITEMS);
    expect(call?.params).toEqual({
      owner_address: wallet.toRawString(),
      collection_address: collection.toRawString(),
      limit: String(HOLDINGS_PAGE_SIZE),
      offset: '0',
    });
  });

  it('does not hold when the API returns no item', async () => {
    indexer.mint(collection, newTonAddress());
    indexer.mint(newTonAddress(), wallet);
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: wallet.toRawString(),
        collection: { address: collection.toRawString() },
      }),
    ).resolves.toEqual({ holds: false, count: 0, source: 'tonapi' });
  });

  it('raw, bounceable, non-bounceable and testnet forms of the same wallet give the same answer', async () => {
    indexer.mint(collection, wallet);
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    const forms = [
      wallet.toRawString(),
      toncenterRaw(wallet),
      wallet.toString({ bounceable: true, urlSafe: true }),
      wallet.toString({ bounceable: false, urlSafe: true }),
      wallet.toString({ bounceable: false, urlSafe: false }),
      wallet.toString({ bounceable: true, testOnly: true }),
    ];
    // Url-safe and standard base64 coincide when the address has no '-' or '_' in it.
    expect(new Set(forms).size).toBeGreaterThanOrEqual(forms.length - 1);
    for (const form of forms) {
      await expect(
        reader.holds({
          network: 'ton',
          wallet: form,
          collection: { address: collection.toString({ bounceable: false }) },
        }),
      ).resolves.toEqual({ holds: true, count: 1, source: 'tonapi' });
    }
    const asked = new Set(server.calls.map((call) => (call.params as Record<string, string>).owner_address));
    expect([...asked]).toEqual([wallet.toRawString()]);
  });

  it('re-checks items, so an API that ignores a filter cannot say yes', async () => {
    server.script(NFT_ITEMS, {
      json: {
        nft_items: [
          {
            address: toncenterRaw(newTonAddress()),
            owner_address: toncenterRaw(newTonAddress()),
            collection_address: toncenterRaw(collection),
          },
          {
            address: toncenterRaw(newTonAddress()),
            owner_address: toncenterRaw(wallet),
            collection_address: toncenterRaw(newTonAddress()),
          },
        ],
        address_book: {},
      },
    });
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: wallet.toString(),
        collection: { address: collection.toString() },
      }),
    ).resolves.toEqual({ holds: false, count: 0, source: 'tonapi' });
  });

  it('sends X-API-Key when a key is configured, and none otherwise', async () => {
    indexer.mint(collection, wallet);
    const query = {
      network: 'ton' as const,
      wallet: wallet.toString(),
      collection: { address: collection.toString() },
    };
    await createHoldingsReader(fastConfig({ tonApiUrl: server.url })).holds(query);
    expect(server.calls[0]?.headers['x-api-key']).toBeUndefined();

    indexer.apiKey = 'ton-key-1';
    await expect(
      createHoldingsReader(fastConfig({ tonApiUrl: `${server.url}/`, tonApiKey: 'ton-key-1' })).holds(query),
    ).resolves.toMatchObject({ holds: true });
    expect(server.calls[1]?.headers['x-api-key']).toBe('ton-key-1');
  });

  it('a refused key is a bad response, asked once', async () => {
    indexer.apiKey = 'right';
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url, tonApiKey: 'wrong' }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: wallet.toString(),
        collection: { address: collection.toString() },
      }),
    ).rejects.toMatchObject({ name: 'UpstreamError', kind: 'bad_response', status: 401, service: 'ton' });
    expect(server.count(NFT_ITEMS)).toBe(1);
  });

  it('a rate limit (429) is retried', async () => {
    indexer.mint(collection, wallet);
    server.script(NFT_ITEMS, { json: { error: 'Ratelimit exceed' }, status: 429 });
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: wallet.toString(),
        collection: { address: collection.toString() },
      }),
    ).resolves.toEqual({ holds: true, count: 1, source: 'tonapi' });
    expect(server.count(NFT_ITEMS)).toBe(2);
  });

  it('refuses addresses that are not TON addresses without asking the API', async () => {
    const reader = createHoldingsReader(fastConfig({ tonApiUrl: server.url }));
    await expect(
      reader.holds({
        network: 'ton',
        wallet: 'EQ-not-an-address',
        collection: { address: collection.toString() },
      }),
    ).rejects.toBeInstanceOf(HoldingsInputError);
    await expect(
      reader.holds({ network: 'ton', wallet: wallet.toString(), collection: { address: '0:zz' } }),
    ).rejects.toBeInstanceOf(HoldingsInputError);
    expect(server.calls).toEqual([]);
    expect(Address.isFriendly(wallet.toString())).toBe(true);
  });
});
