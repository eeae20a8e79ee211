import type { TNetwork } from '@puffy/contracts';

export type TEvmTokenStandard = 'erc721' | 'erc1155';

/** Where an answer came from, so that logs and support can tell the paths apart. */
export type THoldingsSource = 'evm' | 'das' | 'token_accounts' | 'tonapi';

export interface HoldingsCollection {
  /** Contract (EVM), collection mint / Core collection (Solana, SOON), collection contract (TON). */
  address: string;
  /** ERC-1155 only: the token id, as a decimal string. */
  tokenId?: string;
  /** EVM only; ERC-1155 when a token id is given, ERC-721 otherwise. */
  standard?: TEvmTokenStandard;
  /** Solana and SOON: mints of a collection that has no on-chain collection to group by. */
  mints?: string[];
}

export interface HoldingsQuery {
  network: TNetwork;
  wallet: string;
  collection: HoldingsCollection;
}

export interface HoldingsAnswer {
  holds: boolean;
  /**
   * NFTs of the collection the wallet holds: exact on EVM; on the other networks the count on the first
   * page the API returns (at most HOLDINGS_PAGE_SIZE), enough to tell holders and tiers apart.
   */
  count: number;
  source: THoldingsSource;
}

/** One network's reader: the per-network half of `HoldingsReader`, which routes a query by its network. */
export interface NetworkHoldingsReader {
  holds(wallet: string, collection: HoldingsCollection): Promise<HoldingsAnswer>;
}

/** The most items a paged API (DAS, toncenter) is asked for in one check. */
export const HOLDINGS_PAGE_SIZE = 100;

/** The caller passed something no chain could answer for (not an outage): map it to BAD_REQUEST. */
export class HoldingsInputError extends Error {
  override readonly name = 'HoldingsInputError';
  constructor(
    readonly field: 'wallet' | 'collection' | 'tokenId' | 'mints',
    message: string,
  ) {
    super(message);
  }
}

export const answer = (count: number, source: THoldingsSource): HoldingsAnswer => ({
  holds: count > 0,
  count,
  source,
});
