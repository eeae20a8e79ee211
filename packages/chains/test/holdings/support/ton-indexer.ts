import { randomBytes } from 'node:crypto';
import { Address } from '@ton/core';
import type { Step, WireServer } from './wire-server';

export const newTonAddress = (): Address => new Address(0, randomBytes(32));

/** toncenter writes raw addresses with upper-case hex: `0:83DF…`. */
export const toncenterRaw = (address: Address): string =>
  `${address.workChain}:${address.hash.toString('hex').toUpperCase()}`;

interface NftSpec {
  address: Address;
  owner: Address;
  collection: Address;
  index: number;
}

/** NFT items of TON collections behind a toncenter v3 `GET /api/v3/nft/items`. */
export class FakeTonIndexer {
  readonly items: NftSpec[] = [];
  /** When set, requests must carry it in X-API-Key, as toncenter's keyed plans require. */
  apiKey: string | undefined;

  mint(collection: Address, owner: Address): Address {
    const address = newTonAddress();
    this.items.push({ address, owner, collection, index: this.items.length });
    return address;
  }

  nftItems(query: Record<string, string>, headers: Record<string, string | string[] | undefined>): Step {
    if (this.apiKey !== undefined && headers['x-api-key'] !== this.apiKey) {
      return { json: { error: 'API key does not exist' }, status: 401 };
    }
    const owner = parse(query.owner_address);
    const collection = parse(query.collection_address);
    if (owner === null || collection === null) {
      return { json: { error: 'Invalid address' }, status: 422 };
    }
    const limit = Number(query.limit ?? 10);
    const offset = Number(query.offset ?? 0);
    const found = this.items
      .filter(
        (item) => (!owner || item.owner.equals(owner)) && (!collection || item.collection.equals(collection)),
      )
      .slice(offset, offset + limit);
    const addressBook: Record<string, { user_friendly: string; domain: null }> = {};
    for (const item of found) {
      for (const address of [item.address, item.owner, item.collection]) {
        addressBook[toncenterRaw(address)] = {
          user_friendly: address.toString({ urlSafe: true, bounceable: !address.equals(item.owner) }),
          domain: null,
        };
      }
    }
    return {
      json: {
        nft_items: found.map((item) => ({
          address: toncenterRaw(item.address),
          init: true,
          index: String(item.index),
          collection_address: toncenterRaw(item.collection),
          owner_address: toncenterRaw(item.owner),
          content: { uri: `https://nft.example/puffy/${item.index}.json` },
          last_transaction_lt: '51286143000003',
          code_hash: 'TvrRs3vPMF5PV5NvnAMdHdFwU7MRo6CVUu0X6NOkp1o=',
          data_hash: randomBytes(32).toString('base64'),
          collection: {
            address: toncenterRaw(item.collection),
            owner_address: toncenterRaw(item.collection),
            last_transaction_lt: '51286143000001',
            next_item_index: String(this.items.length),
            collection_content: { uri: 'https://nft.example/puffy/collection.json' },
            code_hash: 'J/u1sFvTV0ftWpvVaBKN6uvOt9WuQEW87OLwKCwpTXk=',
            data_hash: randomBytes(32).toString('base64'),
          },
        })),
        address_book: addressBook,
        metadata: {},
      },
    };
  }
}

/** undefined when absent, null when present but not an address. */
function parse(value: string | undefined): Address | null | undefined {
  if (value === undefined) return undefined;
  try {
    return Address.parse(value);
  } catch {
    return null;
  }
}

export function serveTonIndexer(server: WireServer, indexer: FakeTonIndexer): void {
  server.get('/api/v3/nft/items', (params, call) =>
    indexer.nftItems(params as Record<string, string>, call.headers),
  );
}
