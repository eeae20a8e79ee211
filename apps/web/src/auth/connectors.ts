import type { TWalletChain } from '@puffy/contracts';

/**
 * A Solana or EVM wallet the member can sign in with, whatever its standard: it yields an address,
 * then signs the server's challenge text. `onChange` reports an account switch so an in-flight sign-in
 * can be abandoned instead of finishing for the wrong account.
 */
export interface WalletConnector {
  id: string;
  name: string;
  chain: Exclude<TWalletChain, 'ton'>;
  icon?: string;
  connect(): Promise<{ address: string; chainId?: number }>;
  /** Returns the signature in the encoding the server expects: base58 (sol) or 0x-hex (evm). */
  signMessage(message: string, address: string): Promise<string>;
  onChange?(listener: () => void): () => void;
}

/** A TON wallet's `ton_proof` and account, as TON Connect returns them and `auth.verify` takes them. */
export interface TonProofReply {
  /** Raw form `0:<hex>`. */
  address: string;
  /** Hex of the wallet's Ed25519 public key. */
  publicKey: string;
  proof: {
    timestamp: number;
    domain: { lengthBytes: number; value: string };
    payload: string;
    signature: string;
    stateInit: string;
  };
}

/**
 * A TON wallet. TON Connect asks for the proof while connecting, so connecting and signing the
 * server's payload are one step.
 */
export interface TonWalletConnector {
  id: string;
  name: string;
  chain: 'ton';
  icon?: string;
  connectWithProof(payload: string): Promise<TonProofReply>;
  onChange?(listener: () => void): () => void;
}

/** Any wallet the connect dialog offers. */
export type SignInConnector = WalletConnector | TonWalletConnector;
