import type { SolanaRpc } from '@puffy/chains';
import type { TShippingAddress } from '@puffy/contracts';

/**
 * Checks a shipping address and returns problems as warnings (never refusals). The local rules are the
 * default; an outside service (the predecessor used Shippo) can be plugged in behind the same interface.
 */
export interface AddressValidator {
  validate(address: TShippingAddress): Promise<string[]>;
}

/** What the storefront needs from the deployment: payment target, windows, the chain and validators. */
export interface StorefrontConfig {
  /** The SPL mint of USDT (SOLANA_USDT_MINT). */
  usdtMint: string;
  /** The store treasury wallet; payments go to its associated token account for the mint. */
  treasuryAddress: string;
  /** How long a quote can be checked out (default 5 minutes). */
  quoteTtlSeconds: number;
  /** How long a new order waits for its payment before it is cancelled. */
  paymentWindowSeconds: number;
  /** How long after a payment is submitted it may take to verify before the order expires. */
  confirmationWindowSeconds: number;
  /** How often the confirmation job looks again while a payment is not final. */
  confirmationRetrySeconds: number;
  solanaRpc: SolanaRpc;
  addressValidator: AddressValidator;
}
