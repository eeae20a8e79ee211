import { useEffect } from 'react';
import { trpc } from '../lib/trpc';

/**
 * Whether the development wallets are offered (the server says it is not production; `enabled` false
 * asks nothing). While they are, the development EVM wallet announces itself over EIP-6963 like an
 * extension would; its code loads only then, never in production.
 */
export function useDevelopmentWallets(enabled = true): boolean {
  const version = trpc.system.version.useQuery(undefined, { staleTime: 60_000, enabled });
  const development = enabled && version.data !== undefined && version.data.environment !== 'production';
  useEffect(() => {
    if (!development) return;
    let stop: (() => void) | undefined;
    let live = true;
    void import('./dev-evm-wallet').then((m) => {
      if (live) stop = m.announceDevEvmWallet();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [development]);
  return development;
}
