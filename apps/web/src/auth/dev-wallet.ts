import { ed25519 } from '@noble/curves/ed25519.js';
import bs58 from 'bs58';
import type { WalletConnector } from './connectors';

const STORAGE_KEY = 'puffy.devWallet.solana';

/**
 * A development wallet: a local Ed25519 keypair that signs exactly as a Solana wallet does, so a
 * person without an extension (and the browser tests) can sign in with real signatures. Offered only
 * when the server says it is not production; its key lives in this browser's storage.
 */
export function devSolanaWallet(
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): WalletConnector {
  function secretKey(): Uint8Array {
    const saved = storage.getItem(STORAGE_KEY);
    if (saved) return bs58.decode(saved);
    const fresh = ed25519.utils.randomSecretKey();
    storage.setItem(STORAGE_KEY, bs58.encode(fresh));
    return fresh;
  }
  return {
    id: 'dev-solana',
    name: 'Development wallet (Solana)',
    chain: 'sol',
    async connect() {
      return { address: bs58.encode(ed25519.getPublicKey(secretKey())) };
    },
    async signMessage(message) {
      return bs58.encode(ed25519.sign(new TextEncoder().encode(message), secretKey()));
    },
  };
}
