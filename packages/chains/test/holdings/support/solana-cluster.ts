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
}
