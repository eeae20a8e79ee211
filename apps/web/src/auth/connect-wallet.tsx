import { useEffect, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { useAuth } from './auth-context';
import type { SignInConnector, WalletConnector } from './connectors';
import { devTonWallet } from './dev-ton-wallet';
import { devSolanaWallet } from './dev-wallet';
import { watchEvmWallets } from './evm-wallets';
import { solanaStandardWallets } from './standard-wallets';
import { tonConnectWallet } from './ton-connect';

const STEP_TEXT = {
  connecting: 'Waiting for your wallet…',
  challenge: 'Preparing the sign-in message…',
  signing: 'Sign the message in your wallet…',
  verifying: 'Checking the signature…',
} as const;

export const shortAddress = (address: string) => `${address.slice(0, 4)}…${address.slice(-4)}`;

function useConnectors(open: boolean): SignInConnector[] {
  const version = trpc.system.version.useQuery(undefined, { staleTime: 60_000, enabled: open });
  const [found, setFound] = useState<WalletConnector[]>([]);
  const development = version.data !== undefined && version.data.environment !== 'production';
  // The development EVM wallet announces itself through EIP-6963 like an extension would; its code
  // (viem's accounts) is fetched only outside production.
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
  useEffect(() => {
    if (!open) return;
    const solana = solanaStandardWallets();
    setFound(solana);
    return watchEvmWallets((evm) => setFound([...solana, ...evm]));
  }, [open]);
  // TON Connect's own modal lists the TON wallets; its code loads when the member picks it.
  const ton = tonConnectWallet();
  const dev = development ? [devSolanaWallet(), devTonWallet()] : [];
  return [...found, ton, ...dev];
}

/** The header's wallet control: connect and sign in, or show who is signed in and sign out. */
export function ConnectWallet() {
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  const connectors = useConnectors(open && auth.status === 'signedOut');

  if (auth.status === 'loading') return <span className="muted">…</span>;
  if (auth.status === 'signedIn' && auth.user) {
    return (
      <div className="wallet">
        <span data-testid="signed-in-as" title={auth.user.walletAddress}>
          {shortAddress(auth.user.walletAddress)}
        </span>
        <button type="button" className="secondary" onClick={() => void auth.signOut()}>
          Sign out
        </button>
        {auth.signOutError !== null && (
          <p className="notice notice-error small" role="alert">
            You are still signed in. {describeError(auth.signOutError).message}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="wallet">
      <button type="button" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
        Connect wallet
      </button>
      {open && (
        <div className="wallet-panel card" role="dialog" aria-label="Choose a wallet">
          {auth.notice && <p className="muted">{auth.notice}</p>}
          <ul className="wallet-list">
            {connectors.map((c) => (
              <li key={c.id}>
                <button type="button" disabled={auth.step !== null} onClick={() => void auth.signIn(c)}>
                  {c.name} <span className="muted">({c.chain})</span>
                </button>
              </li>
            ))}
          </ul>
          {auth.step && <p role="status">{STEP_TEXT[auth.step]}</p>}
          {auth.error !== null && <ErrorMessage error={auth.error} />}
        </div>
      )}
    </div>
  );
}
