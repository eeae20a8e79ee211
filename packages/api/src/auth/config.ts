import type { EvmClientSource, SolanaSignInChainId } from '@puffy/chains';
import type { SigningKey } from './tokens';

/** The sign-in and session settings the server's configuration provides. */
export interface AuthConfig {
  signingKeys: SigningKey[];
  appSecret: string;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  challengeTtlSeconds: number;
  /** Secure cookies everywhere but development over plain http. */
  secureCookies: boolean;
  /** The domain wallets see in the sign-in message (host of the public origin). */
  domain: string;
  /** Domains accepted in a TON proof (TON Connect reports the page's host). */
  tonDomains: string[];
  /** EVM chain ids a SIWE message may name. */
  evmChainIds: number[];
  /** The Solana cluster named in the SIWS message. */
  solanaChainId: SolanaSignInChainId;
  /** RPC clients for contract-wallet (ERC-1271 / ERC-6492) signatures; EOAs need none. */
  evmClients?: EvmClientSource;
  /** `chain:address` entries that are admins from their first sign-in. */
  adminWallets: string[];
}
