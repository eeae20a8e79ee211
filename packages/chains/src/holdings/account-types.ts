import type { TNetwork } from '@puffy/contracts';

/*
 * What a wallet holds and has done beyond NFTs: token balances and its transaction history, for the
 * requirement leaves of docs/product/eligibility.md. Like holdings, an outage throws UpstreamError and is
 * never read as an empty wallet.
 */

export interface BalanceQuery {
  network: TNetwork;
  wallet: string;
  /** An ERC-20 contract, SPL mint or jetton master; null for the network's native token. */
  token: string | null;
}

export interface BalanceAnswer {
  /** In the token's smallest units (wei, lamports, nanotons, base units). */
  units: bigint;
  /** The token's decimals when the chain says them with the balance (SPL token accounts do). */
  decimals?: number;
}

export interface TransactionCountQuery {
  network: TNetwork;
  wallet: string;
  /** Counting may stop once this many are seen: the leaf only asks "at least". */
  atLeast: number;
}

export interface TransactionCountAnswer {
  /** Transactions seen, at most `atLeast` when counting stopped early. */
  count: number;
}

export interface FirstActivityQuery {
  network: TNetwork;
  wallet: string;
  /** Reading may stop at a transaction at or before this time: the wallet is old enough. */
  before: Date;
}

export interface FirstActivityAnswer {
  /** The oldest transaction time seen; null when the wallet has none. */
  oldest: Date | null;
  /** True when `oldest` is the wallet's first transaction; false when reading stopped at `before`. */
  first: boolean;
}

/** One network's account reader, routed to by the holdings reader. */
export interface NetworkAccountReader {
  balance(wallet: string, token: string | null): Promise<BalanceAnswer>;
  transactionCount(wallet: string, atLeast: number): Promise<TransactionCountAnswer>;
  firstActivity(wallet: string, before: Date): Promise<FirstActivityAnswer>;
}
