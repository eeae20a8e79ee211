import type { TLinkedWallet, TUserInfo } from '@puffy/contracts';
import { Link2, Loader2, Wallet } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Button } from '../components/ui/button';
import { chainName } from '../lib/format';
import { trpc } from '../lib/trpc';
import { WalletIcon } from '../pay/wallet-icon';
import { ChainMark } from './chain-mark';
import { CopyButton } from './copy-button';
import { formatDate, shortId } from './format';
import { type LinkableConnector, type LinkStep, linkExtraWallet } from './link-wallet';
import { ProfilePanel } from './profile-panel';
import { SuccessNote } from './success-note';
import { useLinkConnectors } from './use-link-connectors';

/** A wallet as a row: its chain's mark, the short address (the whole one on hover and copied), when it came. */
function WalletRow({ wallet }: { wallet: TLinkedWallet }) {
  const { t } = useTranslation('profile');
  return (
    <li className="flex min-w-0 items-center gap-3 rounded-lg border px-3 py-2.5">
      <ChainMark chain={wallet.chain} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium text-sm">{chainName(wallet.chain)}</span>
          <span className="font-mono text-sm" title={wallet.address}>
            {shortId(wallet.address)}
          </span>
        </span>
        <span className="text-muted-foreground text-xs">
          {wallet.isPrimary
            ? t('wallets.primary')
            : t('wallets.linkedOn', { date: formatDate(wallet.linkedAt) })}
        </span>
      </div>
      <CopyButton value={wallet.address} label={t('wallets.copy')} copied={t('wallets.copied')} iconOnly />
    </li>
  );
}

/** The member's wallets, and linking an extra EVM or TON wallet with that wallet's own signature. */
export function WalletsCard({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
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
    <ProfilePanel section="wallets" icon={Wallet} withLead>
      <ul className="grid gap-2">
        {info.wallets.map((wallet) => (
          <WalletRow key={`${wallet.chain}:${wallet.address}`} wallet={wallet} />
        ))}
      </ul>
      {linked && (
        <SuccessNote>
          {t('wallets.linked', { chain: chainName(linked.chain), address: linked.address })}
        </SuccessNote>
      )}
      <Button
        variant="outline"
        className="self-start"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <Link2 aria-hidden="true" />
        {t('wallets.linkAnother')}
      </Button>
      {open && (
        <fieldset className="grid min-w-0 gap-3 rounded-lg border border-dashed p-4">
          <legend className="px-1 font-medium text-sm">{t('wallets.choose')}</legend>
          <p className="text-muted-foreground text-xs">{t('wallets.chooseNote')}</p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {connectors.map((c) => (
              <li key={c.id} className="min-w-0">
                <Button
                  variant="secondary"
                  className="h-auto min-h-10 w-full justify-start whitespace-normal py-2 text-left"
                  disabled={step !== null}
                  onClick={() => void link(c)}
                >
                  <WalletIcon icon={c.icon} />
                  <span className="min-w-0 flex-1">{c.name}</span>
                  <ChainMark chain={c.chain} label={chainName(c.chain)} className="size-6 [&_svg]:size-4" />
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {step && (
        <p role="status" className="flex items-center gap-2 text-muted-foreground text-sm">
          <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden="true" />
          {t(`wallets.step.${step}`)}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </ProfilePanel>
  );
}
