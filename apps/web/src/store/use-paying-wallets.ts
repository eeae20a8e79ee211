import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { devSolanaAddress } from '../auth/dev-wallet-sol-pay';
import { trpc } from '../lib/trpc';
import { devPayingWallet, type PayingWallet, standardPayingWallets } from './paying-wallets';

/**
 * The wallets this browser can pay an order with in one click: the development wallet where the server
 * is not production and it is the member's own wallet, and every Wallet Standard wallet that can sign
 * and send Solana transactions (including one installed after the page loaded).
 */
export function usePayingWallets(): PayingWallet[] {
  const { user } = useAuth();
  const version = trpc.system.version.useQuery(undefined, { staleTime: 60_000 });
  const memberSolana = user?.chain === 'sol' ? user.walletAddress : null;
  const devWallet =
    version.data !== undefined &&
    version.data.environment !== 'production' &&
    memberSolana !== null &&
    devSolanaAddress() === memberSolana;
  const [wallets, setWallets] = useState<PayingWallet[]>([]);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void (async () => {
      const { getWallets } = await import('@wallet-standard/app');
      const registry = getWallets();
      const refresh = async () => {
        const found = standardPayingWallets(registry.get(), memberSolana);
        const all = devWallet ? [await devPayingWallet(), ...found] : found;
        if (live) setWallets(all);
      };
      await refresh();
      if (live) stop = registry.on('register', () => void refresh());
    })();
    return () => {
      live = false;
      stop?.();
    };
  }, [devWallet, memberSolana]);

  return wallets;
}
