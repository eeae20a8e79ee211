import type { TLinkedWallet, TUserInfo } from '@puffy/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { chainName } from '../lib/format';
import { trpc } from '../lib/trpc';
import { formatDate } from './format';
import { type LinkableConnector, type LinkStep, linkExtraWallet } from './link-wallet';
import { useLinkConnectors } from './use-link-connectors';

const CHAIN_NAMES = { sol: 'Solana', evm: 'EVM', ton: 'TON' } as const;

const STEP_TEXT: Record<LinkStep, string> = {
  connecting: 'Waiting for your wallet…',
  challenge: 'Preparing the message to sign…',
  signing: 'Sign the message in the wallet you are linking…',
  linking: 'Checking the signature…',
};

function WalletRow({ wallet }: { wallet: TLinkedWallet }) {
  return (
    <li className="profile-wallet">
      <span className="badge">{CHAIN_NAMES[wallet.chain]}</span>{' '}
      <span className="mono profile-address" title={wallet.addressHex ?? wallet.address}>
        {wallet.address}
      </span>{' '}
      {wallet.isPrimary ? (
        <span className="muted small">signed up with this wallet</span>
      ) : (
        <span className="muted small">linked {formatDate(wallet.linkedAt)}</span>
      )}
    </li>
  );
}

/** The member's wallets, and linking an extra EVM or TON wallet with that wallet's own signature. */
export function WalletsCard({ info }: { info: TUserInfo }) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<LinkStep | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [linked, setLinked] = useState<TLinkedWallet | null>(null);
  const connectors = useLinkConnectors(open);
  const utils = trpc.useUtils();

  const link = async (connector: LinkableConnector) => {
    setError(null);
    setLinked(null);
    try {
      const result = await linkExtraWallet(
        connector,
        {
          challenge: (input) => utils.client.user.linkWalletChallenge.mutate(input),
          linkEvm: (input) => utils.client.user.linkEvmWallet.mutate(input),
          linkTon: (input) => utils.client.user.linkTonWallet.mutate(input),
        },
        setStep,
      );
      setLinked(result.wallet);
      setOpen(false);
      await utils.user.info.invalidate();
    } catch (linkError) {
      setError(linkError);
    } finally {
      setStep(null);
    }
  };

  return (
    <section className="card profile-card" aria-labelledby="profile-wallets">
      <h2 id="profile-wallets">Wallets</h2>
      <ul className="profile-list">
        {info.wallets.map((wallet) => (
          <WalletRow key={`${wallet.chain}:${wallet.address}`} wallet={wallet} />
        ))}
      </ul>
      {linked && (
        <p className="profile-success" role="status">
          Linked your {CHAIN_NAMES[linked.chain]} wallet {linked.address}.
        </p>
      )}
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Link another wallet
      </button>
      {open && (
        <fieldset className="profile-chooser">
          <legend>Choose a wallet to link</legend>
          <p className="muted small">
            You sign a fresh message with the wallet you link; it proves the wallet is yours. A wallet that
            belongs to another member cannot be linked.
          </p>
          <ul className="wallet-list">
            {connectors.map((c) => (
              <li key={c.id}>
                <button type="button" disabled={step !== null} onClick={() => void link(c)}>
                  {c.name} <span className="muted">({chainName(c.chain)})</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {step && <p role="status">{STEP_TEXT[step]}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
