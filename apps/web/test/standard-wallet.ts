import { getWallets } from '@wallet-standard/app';
import bs58 from 'bs58';
import { vi } from 'vitest';
import { SOLANA_WALLET } from './campaign-fixtures';

type SignAndSend = (input: {
  transaction: Uint8Array;
  chain: string;
  account: { address: string };
}) => Promise<{ signature: Uint8Array }[]>;

const installed: Array<() => void> = [];

/**
 * Registers a Wallet Standard wallet as a browser extension does (holding the signed-in member's
 * account), whose `solana:signAndSendTransaction` answers with `signAndSend`; returns that spy.
 */
export function installWallet(signAndSend: SignAndSend) {
  const account = {
    address: SOLANA_WALLET,
    publicKey: bs58.decode(SOLANA_WALLET),
    chains: ['solana:mainnet'] as const,
    features: [] as const,
  };
  const sendFeature = vi.fn(signAndSend);
  installed.push(
    getWallets().register({
      version: '1.0.0',
      name: 'Test Wallet',
      icon: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      chains: ['solana:mainnet'],
      accounts: [account],
      features: {
        'standard:connect': { version: '1.0.0', connect: async () => ({ accounts: [account] }) },
        'solana:signAndSendTransaction': {
          version: '1.0.0',
          supportedTransactionVersions: ['legacy'],
          signAndSendTransaction: sendFeature,
        },
      },
    }),
  );
  return sendFeature;
}

/** Unregisters every wallet `installWallet` registered. */
export function uninstallWallets(): void {
  for (const unregister of installed.splice(0)) unregister();
}
