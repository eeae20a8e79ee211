import type { TWalletChain } from '@puffy/contracts';

/**
 * A wallet the member can sign in with, whatever its chain or standard: it yields an address, then
 * signs the server's challenge text. `onChange` reports an account switch so an in-flight sign-in
 * can be abandoned instead of finishing for the wrong account.
 */
export interface WalletConnector {
  id: string;
  name: string;
  chain: TWalletChain;
  icon?: string;
  connect(): Promise<{ address: string; chainId?: number }>;
  /** Returns the signature in the encoding the server expects: base58 (sol) or 0x-hex (evm). */
  signMessage(message: string, address: string): Promise<string>;
  onChange?(listener: () => void): () => void;
}
