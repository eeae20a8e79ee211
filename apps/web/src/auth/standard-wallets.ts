import { getWallets } from '@wallet-standard/app';
import bs58 from 'bs58';
import type { WalletConnector } from './connectors';

interface StandardAccount {
  address: string;
}
type ConnectFeature = { connect(): Promise<{ accounts: readonly StandardAccount[] }> };
type SignMessageFeature = {
  signMessage(input: {
    account: StandardAccount;
    message: Uint8Array;
  }): Promise<ReadonlyArray<{ signature: Uint8Array }>>;
};
type EventsFeature = { on(event: 'change', listener: () => void): () => void };

/** Solana wallets that announce themselves through the Wallet Standard (Phantom, Solflare, Backpack…). */
export function solanaStandardWallets(): WalletConnector[] {
  return getWallets()
    .get()
    .filter((wallet) => 'standard:connect' in wallet.features && 'solana:signMessage' in wallet.features)
    .map((wallet) => {
      const features = wallet.features as Record<string, unknown>;
      const connectFeature = features['standard:connect'] as ConnectFeature;
      const signFeature = features['solana:signMessage'] as SignMessageFeature;
      const events = features['standard:events'] as EventsFeature | undefined;
      let account: StandardAccount | undefined;
      return {
        id: `standard:${wallet.name}`,
        name: wallet.name,
        chain: 'sol' as const,
        icon: wallet.icon,
        async connect() {
          const { accounts } = await connectFeature.connect();
          account = accounts[0];
          if (!account) throw new Error(`${wallet.name} shared no account`);
          return { address: account.address };
        },
        async signMessage(message: string) {
          if (!account) throw new Error('Connect the wallet first');
          const [signed] = await signFeature.signMessage({
            account,
            message: new TextEncoder().encode(message),
          });
          if (!signed) throw new Error(`${wallet.name} returned no signature`);
          return bs58.encode(signed.signature);
        },
        onChange: events ? (listener: () => void) => events.on('change', listener) : undefined,
      };
    });
}
