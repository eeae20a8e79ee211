import { ed25519 } from '@noble/curves/ed25519.js';
import type { TonWalletConnector } from './connectors';

const STORAGE_KEY = 'puffy.devWallet.ton';

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The wallet contract code (@ton/core and its Buffer shim) is fetched on first use only. */
async function loadProver() {
  await import('./ton-buffer');
  return import('./ton-dev-proof');
}

/**
 * A development TON wallet: a local Ed25519 key behind a real v4R2 wallet contract, answering the
 * server's payload with a genuine `ton_proof`, so a person without a TON wallet (and the browser
 * tests) can sign in. Offered only when the server says it is not production.
 */
export function devTonWallet(
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  host: () => string = () => window.location.host,
): TonWalletConnector {
  function seed(): Uint8Array {
    const saved = storage.getItem(STORAGE_KEY);
    if (saved && /^[0-9a-f]{64}$/.test(saved)) return fromHex(saved);
    const fresh = ed25519.utils.randomSecretKey();
    storage.setItem(STORAGE_KEY, toHex(fresh));
    return fresh;
  }
  return {
    id: 'dev-ton',
    name: 'Development TON wallet',
    chain: 'ton',
    async connectWithProof(payload) {
      const prover = await loadProver();
      return prover.proveTonOwnership({ seed: seed(), payload, domain: host(), now: new Date() });
    },
  };
}
