import { base58 } from '@puffy/contracts/testing';
import { Keypair } from '@solana/web3.js';
import type { Step, WireServer } from './wire-server';

export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPWkBUhJp1UgFkMP4rt4hR7tBaShV';

export const newAddress = (): string => Keypair.generate().publicKey.toBase58();

export interface AssetSpec {
  owner: string;
  /** The collection it is grouped under; none for a mint-list-only NFT. */
  collection?: string;
  interface?: 'V1_NFT' | 'ProgrammableNFT' | 'MplCoreAsset' | 'FungibleToken';
  compressed?: boolean;
  burnt?: boolean;
}

export interface TokenAccountSpec {
  owner: string;
  mint: string;
  amount?: string;
  decimals?: number;
  program?: string;
}

/** One DAS asset in the shape Helius and the Metaplex reference indexer return. */
export function dasAsset(id: string, spec: AssetSpec): Record<string, unknown> {
  const compressed = spec.compressed ?? false;
  return {
    interface: spec.interface ?? 'V1_NFT',
    id,
    content: {
      $schema: 'https://schema.metaplex.com/nft1.0.json',
      json_uri: `https://arweave.net/${id}`,
      files: [{ uri: `https://arweave.net/${id}.png`, mime: 'image/png' }],
      metadata: { name: `Puffy #${id.slice(0, 4)}`, symbol: 'PUFFY', token_standard: 'NonFungible' },
      links: { image: `https://arweave.net/${id}.png` },
    },
    authorities: [{ address: newAddress(), scopes: ['full'] }],
    compression: {
      eligible: false,
      compressed,
      data_hash: compressed ? newAddress() : '',
      creator_hash: compressed ? newAddress() : '',
      asset_hash: compressed ? newAddress() : '',
      tree: compressed ? newAddress() : '',
      seq: compressed ? 3 : 0,
      leaf_id: compressed ? 7 : 0,
    },
    grouping: spec.collection ? [{ group_key: 'collection', group_value: spec.collection }] : [],
    royalty: {
      royalty_model: 'creators',
      target: null,
      percent: 0.05,
      basis_points: 500,
      primary_sale_happened: true,
      locked: false,
    },
    creators: [{ address: newAddress(), share: 100, verified: true }],
    ownership: {
      frozen: false,
      delegated: false,
      delegate: null,
      ownership_model: 'single',
      owner: spec.owner,
    },
    supply: compressed ? { print_max_supply: 0, print_current_supply: 0, edition_nonce: null } : null,
    mutable: true,
    burnt: spec.burnt ?? false,
  };
}

/** One entry of `getTokenAccountsByOwner` with `encoding: 'jsonParsed'`. */
export function parsedTokenAccount(pubkey: string, spec: TokenAccountSpec): Record<string, unknown> {
  const amount = spec.amount ?? '1';
  const decimals = spec.decimals ?? 0;
  const uiAmount = Number(amount) / 10 ** decimals;
  const program = spec.program ?? TOKEN_PROGRAM;
  return {
    pubkey,
    account: {
      data: {
        parsed: {
          info: {
            isNative: false,
            mint: spec.mint,
            owner: spec.owner,
            state: 'initialized',
            tokenAmount: { amount, decimals, uiAmount, uiAmountString: String(uiAmount) },
          },
          type: 'account',
        },
        program: program === TOKEN_PROGRAM ? 'spl-token' : 'spl-token-2022',
        space: 165,
      },
      executable: false,
      lamports: 2039280,
      owner: program,
      // u64::MAX on the wire; JSON numbers read it as the nearest double, as here.
      rentEpoch: 2 ** 64,
      space: 165,
    },
  };
}

/** Assets and token accounts of an SVM cluster (Solana or SOON), with or without a DAS indexer. */
export class FakeSvmCluster {
  readonly assets = new Map<string, AssetSpec>();
  readonly tokenAccounts = new Map<string, TokenAccountSpec>();
  readonly lamports = new Map<string, number>();
  /** Per address, the transactions it took part in, oldest first (the RPC answers newest first). */
  readonly history = new Map<string, Array<{ signature: string; blockTime: number | null; slot: number }>>();

  /** `count` transactions of `address`, one a minute ending at `lastTime` (unix seconds). */
  transact(address: string, count: number, lastTime: number): void {
    const list = this.history.get(address) ?? [];
    for (let i = count - 1; i >= 0; i -= 1) {
      const blockTime = lastTime - i * 60;
      list.push({ signature: signatureOf(address, list.length), blockTime, slot: 300_000_000 + list.length });
    }
    this.history.set(address, list);
  }

  getBalance(params: unknown): Step {
    const [address] = (Array.isArray(params) ? params : []) as [string | undefined];
    if (typeof address !== 'string') return { error: { code: -32602, message: 'Invalid params: address' } };
    return {
      result: { context: { apiVersion: '2.2.7', slot: 341_197_053 }, value: this.lamports.get(address) ?? 0 },
    };
  }

  /** Newest first, `limit` at most 1000, continuing below the `before` signature, as the RPC pages. */
  getSignaturesForAddress(params: unknown): Step {
    const [address, config] = (Array.isArray(params) ? params : []) as [
      string | undefined,
      { limit?: number; before?: string } | undefined,
    ];
    if (typeof address !== 'string') return { error: { code: -32602, message: 'Invalid params: address' } };
    const limit = config?.limit ?? 1000;
    if (limit < 1 || limit > 1000) return { error: { code: -32602, message: 'Invalid limit; max 1000' } };
    const newest = [...(this.history.get(address) ?? [])].reverse();
    const start = config?.before ? newest.findIndex((s) => s.signature === config.before) + 1 : 0;
    return {
      result: newest.slice(start, start + limit).map((s) => ({
        signature: s.signature,
        slot: s.slot,
        err: null,
        memo: null,
        blockTime: s.blockTime,
        confirmationStatus: 'finalized',
      })),
    };
  }

  addAsset(spec: AssetSpec): string {
    const id = newAddress();
    this.assets.set(id, spec);
    return id;
  }

  addTokenAccount(spec: TokenAccountSpec): string {
    const pubkey = newAddress();
    this.tokenAccounts.set(pubkey, spec);
    return pubkey;
  }

  /** An NFT as both views see it: a DAS asset whose id is the mint, and the owner's token account. */
  addNft(spec: AssetSpec): string {
    const mint = this.addAsset(spec);
    this.addTokenAccount({ owner: spec.owner, mint });
    return mint;
  }

  searchAssets(params: unknown): Step {
    const query = params as {
      ownerAddress?: string;
      grouping?: [string, string];
      burnt?: boolean;
      limit?: number;
      page?: number;
    };
    if (!query || typeof query !== 'object' || Array.isArray(query)) {
      return { error: { code: -32602, message: 'Invalid params: expected an object' } };
    }
    const matches = [...this.assets].filter(([, asset]) => {
      if (query.ownerAddress !== undefined && asset.owner !== query.ownerAddress) return false;
      if (query.grouping && (query.grouping[0] !== 'collection' || asset.collection !== query.grouping[1]))
        return false;
      if (query.burnt !== undefined && (asset.burnt ?? false) !== query.burnt) return false;
      return true;
    });
    return this.page(matches, query.limit, query.page);
  }

  getAssetsByOwner(params: unknown): Step {
    const query = params as { ownerAddress?: string; limit?: number; page?: number };
    if (!query?.ownerAddress) return { error: { code: -32602, message: 'Invalid params: ownerAddress' } };
    return this.page(
      [...this.assets].filter(([, asset]) => asset.owner === query.ownerAddress),
      query.limit,
      query.page,
    );
  }

  getTokenAccountsByOwner(params: unknown): Step {
    const [owner, filter, config] = (Array.isArray(params) ? params : []) as [
      string | undefined,
      { programId?: string; mint?: string } | undefined,
      { encoding?: string } | undefined,
    ];
    if (!owner || !filter || (filter.programId === undefined) === (filter.mint === undefined)) {
      return { error: { code: -32602, message: 'Invalid params: expected owner and one filter' } };
    }
    if (config?.encoding !== 'jsonParsed') {
      return { error: { code: -32602, message: 'Invalid params: this fake serves jsonParsed only' } };
    }
    const value = [...this.tokenAccounts]
      .filter(([, account]) => account.owner === owner)
      .filter(([, account]) =>
        filter.mint !== undefined
          ? account.mint === filter.mint
          : (account.program ?? TOKEN_PROGRAM) === filter.programId,
      )
      .map(([pubkey, account]) => parsedTokenAccount(pubkey, account));
    return { result: { context: { apiVersion: '2.2.7', slot: 341_197_053 }, value } };
  }

  private page(matches: [string, AssetSpec][], limit = 1000, page = 1): Step {
    const items = matches.slice((page - 1) * limit, page * limit).map(([id, spec]) => dasAsset(id, spec));
    return { result: { total: items.length, limit, page, items } };
  }
}

/** Serves the cluster's JSON-RPC; without `das`, the DAS methods answer -32601 like a plain node. */
export function serveSvmCluster(
  server: WireServer,
  cluster: FakeSvmCluster,
  options: { das: boolean },
): void {
  if (options.das) {
    server.rpc('searchAssets', (params) => cluster.searchAssets(params));
    server.rpc('getAssetsByOwner', (params) => cluster.getAssetsByOwner(params));
  }
  server.rpc('getTokenAccountsByOwner', (params) => cluster.getTokenAccountsByOwner(params));
  server.rpc('getBalance', (params) => cluster.getBalance(params));
  server.rpc('getSignaturesForAddress', (params) => cluster.getSignaturesForAddress(params));
}

/** A distinct 64-byte base58 signature per address and index. */
function signatureOf(address: string, index: number): string {
  const bytes = new Uint8Array(64);
  bytes.set(new TextEncoder().encode(address).slice(0, 44));
  new DataView(bytes.buffer).setUint32(60, index + 1);
  return base58(bytes);
}
