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
  /** Nanotons per account (raw form). */
  readonly balances = new Map<string, bigint>();
  readonly jettonWallets: Array<{ owner: Address; jetton: Address; balance: bigint; address: Address }> = [];
  /** Per account (raw form), unix times of its transactions, oldest first. */
  readonly history = new Map<string, number[]>();

  fund(account: Address, nanotons: bigint): void {
    this.balances.set(account.toRawString(), nanotons);
  }

  giveJetton(owner: Address, jetton: Address, balance: bigint): void {
    this.jettonWallets.push({ owner, jetton, balance, address: newTonAddress() });
  }

  /** `count` transactions of `account`, one a minute ending at `lastTime` (unix seconds). */
  transact(account: Address, count: number, lastTime: number): void {
    const list = this.history.get(account.toRawString()) ?? [];
    for (let i = count - 1; i >= 0; i -= 1) list.push(lastTime - i * 60);
    this.history.set(account.toRawString(), list);
  }

  private keyed(headers: Record<string, string | string[] | undefined>): Step | null {
    return this.apiKey !== undefined && headers['x-api-key'] !== this.apiKey
      ? { json: { error: 'API key does not exist' }, status: 401 }
      : null;
  }

  addressInformation(
    query: Record<string, string>,
    headers: Record<string, string | string[] | undefined>,
  ): Step {
    const refused = this.keyed(headers);
    if (refused) return refused;
    const account = parse(query.address);
    if (!account) return { json: { error: 'Invalid address' }, status: 422 };
    const balance = this.balances.get(account.toRawString());
    return {
      json: {
        balance: String(balance ?? 0n),
        code: null,
        data: null,
        frozen_hash: null,
        last_transaction_hash: balance === undefined ? null : randomBytes(32).toString('base64'),
        last_transaction_lt: balance === undefined ? '0' : '51286143000003',
        status: balance === undefined ? 'uninit' : 'active',
      },
    };
  }

  jettonWalletsOf(
    query: Record<string, string>,
    headers: Record<string, string | string[] | undefined>,
  ): Step {
    const refused = this.keyed(headers);
    if (refused) return refused;
    const owner = parse(query.owner_address);
    const jetton = parse(query.jetton_address);
    if (owner === null || jetton === null) return { json: { error: 'Invalid address' }, status: 422 };
    const found = this.jettonWallets.filter(
      (w) => (!owner || w.owner.equals(owner)) && (!jetton || w.jetton.equals(jetton)),
    );
    return {
      json: {
        jetton_wallets: found.map((w) => ({
          address: toncenterRaw(w.address),
          balance: String(w.balance),
          owner: toncenterRaw(w.owner),
          jetton: toncenterRaw(w.jetton),
          last_transaction_lt: '51286143000003',
          code_hash: 'vrBoPr64kn/p/I7AoYvH3ReJlomCWhIeq0bFo6hg0M4=',
          data_hash: randomBytes(32).toString('base64'),
        })),
        address_book: {},
        metadata: {},
      },
    };
  }

  transactionsOf(
    query: Record<string, string>,
    headers: Record<string, string | string[] | undefined>,
  ): Step {
    const refused = this.keyed(headers);
    if (refused) return refused;
    const account = parse(query.account);
    if (!account) return { json: { error: 'Invalid address' }, status: 422 };
    const limit = Number(query.limit ?? 10);
    const offset = Number(query.offset ?? 0);
    if (!(limit >= 1 && limit <= 1000)) return { json: { error: 'limit must be in 1..1000' }, status: 422 };
    const times = [...(this.history.get(account.toRawString()) ?? [])];
    if (query.sort !== 'asc') times.reverse();
    return {
      json: {
        transactions: times.slice(offset, offset + limit).map((now, i) => ({
          account: toncenterRaw(account),
          hash: randomBytes(32).toString('base64'),
          lt: String(51286143000000 + offset + i),
          now,
          mc_block_seqno: 46_000_000 + i,
          orig_status: 'active',
          end_status: 'active',
          total_fees: '2375465',
        })),
        address_book: {},
      },
    };
  }
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
  server.get('/api/v3/addressInformation', (params, call) =>
    indexer.addressInformation(params as Record<string, string>, call.headers),
  );
  server.get('/api/v3/jetton/wallets', (params, call) =>
    indexer.jettonWalletsOf(params as Record<string, string>, call.headers),
  );
  server.get('/api/v3/transactions', (params, call) =>
    indexer.transactionsOf(params as Record<string, string>, call.headers),
  );
}
