import { useEffect, useState } from 'react';
import type { WalletConnector } from '../auth/connectors';
import { devTonWallet } from '../auth/dev-ton-wallet';
import { watchEvmWallets } from '../auth/evm-wallets';
import { tonConnectWallet } from '../auth/ton-connect';
import { useDevelopmentWallets } from '../auth/use-development-wallets';
import type { LinkableConnector } from './link-wallet';

const isEvm = (c: WalletConnector): c is WalletConnector & { chain: 'evm' } => c.chain === 'evm';

/**
 * The wallets that can be linked: EVM wallets found through EIP-6963 and TON through TON Connect,
 * plus the development EVM and TON wallets when the server is not production (as in the connect
 * dialog). Discovery starts only once the member opens the chooser.
 */
export function useLinkConnectors(open: boolean): LinkableConnector[] {
  const development = useDevelopmentWallets(open);
  const [evm, setEvm] = useState<LinkableConnector[]>([]);

  useEffect(() => {
    if (!open) return;
    return watchEvmWallets((found) => setEvm(found.filter(isEvm)));
  }, [open]);

  if (!open) return [];
  return [...evm, tonConnectWallet(), ...(development ? [devTonWallet()] : [])];
}
