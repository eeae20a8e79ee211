import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { devSolanaAddress } from '../auth/dev-wallet-sol-pay';
import { trpc } from '../lib/trpc';
import { devPayingWallet, type PayingWallet, standardPayingWallets } from './paying-wallets';

/**
 * The wallets this browser can pay with in one click: every Wallet Standard wallet that can sign and
 * send Solana transactions (including one installed after the page loaded), and, when `fundDevWallet`
 * is given, the development wallet where the server is not production and it is the member's own.
 */
export function usePayingWallets(fundDevWallet: (() => Promise<string>) | null): PayingWallet[] {
  const { user } = useAuth();
  const version = trpc.system.version.useQuery(undefined, { staleTime: 60_000 });
  const memberSolana = user?.chain === 'sol' ? user.walletAddress : null;
  const devWallet =
    fundDevWallet !== null &&
    version.data !== undefined &&
    version.data.environment !== 'production' &&
    memberSolana !== null &&
    devSolanaAddress() === memberSolana;
  // The latest funding step, without re-listing the wallets on every render.
  const fund = useRef(fundDevWallet);
  fund.current = fundDevWallet;
  const [wallets, setWallets] = useState<PayingWallet[]>([]);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void (async () => {
      const { getWallets } = await import('@wallet-standard/app');
      const registry = getWallets();
      const refresh = async () => {
        const found = standardPayingWallets(registry.get(), memberSolana);
        const dev = devWallet
          ? await devPayingWallet(() =>
              fund.current ? fund.current() : Promise.reject(new Error('No funding.')),
            )
          : null;
        if (live) setWallets(dev ? [dev, ...found] : found);
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
