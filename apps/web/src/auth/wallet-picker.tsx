import { Loader2, Smartphone, Wrench } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Badge } from '../components/ui/badge';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../components/ui/dialog';
import { chainName } from '../lib/intl';
import { useAuth } from './auth-context';
import type { SignInConnector, WalletConnector } from './connectors';
import { devTonWallet } from './dev-ton-wallet';
import { devSolanaWallet } from './dev-wallet';
import { watchEvmWallets } from './evm-wallets';
import { solanaStandardWallets } from './standard-wallets';
import { tonConnectWallet } from './ton-connect';
import { useDevelopmentWallets } from './use-development-wallets';

/** The development EVM wallet announces itself over EIP-6963 like an extension; it is listed with its kin. */
const DEV_EVM_ID = 'eip6963:center.puffy.devwallet';

interface Groups {
  installed: WalletConnector[];
  other: SignInConnector[];
  development: SignInConnector[];
  searching: boolean;
}

/**
 * The wallets this browser offers, in the order a member wants them: installed extensions first
 * (Wallet Standard for Solana, EIP-6963 for EVM), then TON Connect, and the development wallets last,
 * only when the server says it is not production. This module is its own chunk: none of the wallet
 * code loads before the member clicks Connect.
 */
function useWalletGroups(): Groups {
  const development = useDevelopmentWallets();
  const [found, setFound] = useState<WalletConnector[]>([]);
  const [searching, setSearching] = useState(true);
  useEffect(() => {
    const solana = solanaStandardWallets();
    setFound(solana);
    const stop = watchEvmWallets((evm) => setFound([...solana, ...evm]));
    // Extensions answer EIP-6963's request at once; after a moment an empty list means none.
    const settled = setTimeout(() => setSearching(false), 600);
    return () => {
      clearTimeout(settled);
      stop();
    };
  }, []);
  const devEvm = found.filter((c) => c.id === DEV_EVM_ID);
  return {
    installed: found.filter((c) => c.id !== DEV_EVM_ID),
    other: [tonConnectWallet()],
    development: development ? [devSolanaWallet(), ...devEvm, devTonWallet()] : [],
    searching: searching && found.length === 0,
  };
}

function WalletIcon({ connector }: { connector: SignInConnector }) {
  if (connector.icon) {
    return <img src={connector.icon} alt="" width={32} height={32} className="size-8 rounded-lg" />;
  }
  const Icon = connector.id.startsWith('dev') || connector.id === DEV_EVM_ID ? Wrench : Smartphone;
  return (
    <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-accent-foreground">
      <Icon className="size-4" aria-hidden="true" />
    </span>
  );
}

function WalletList({
  title,
  connectors,
  note,
}: {
  title: string;
  connectors: SignInConnector[];
  note?: string;
}) {
  const auth = useAuth();
  if (connectors.length === 0) return null;
  const headingId = `wallet-group-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="grid min-w-0 grid-cols-1 gap-2">
      <h3 id={headingId} className="font-medium text-muted-foreground text-xs uppercase tracking-wide">
        {title}
      </h3>
      {note && <p className="text-muted-foreground text-xs">{note}</p>}
      <ul className="grid grid-cols-1 gap-1.5">
        {connectors.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              data-slot="wallet-option"
              disabled={auth.step !== null}
              onClick={() => void auth.signIn(c)}
              className="flex w-full cursor-pointer items-center gap-3 rounded-xl border bg-card px-3 py-2.5 text-left transition-colors hover:border-primary/50 hover:bg-accent disabled:cursor-wait disabled:opacity-55"
            >
              <WalletIcon connector={c} />
              <span className="min-w-0 flex-1 truncate font-medium text-sm">{c.name}</span>
              <Badge variant="outline">{chainName(c.chain)}</Badge>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Connect dialog: wallet groups, the sign-in step, and what went wrong. */
export default function WalletPickerDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('wallet');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('close')}>
        <DialogHeader>
          <DialogTitle>{t('title')}</DialogTitle>
          <DialogDescription>{t('description')}</DialogDescription>
        </DialogHeader>
        <WalletPicker />
      </DialogContent>
    </Dialog>
  );
}

function WalletPicker() {
  const { t } = useTranslation('wallet');
  const auth = useAuth();
  const groups = useWalletGroups();
  return (
    <div className="grid min-w-0 grid-cols-1 gap-5">
      {auth.notice && (
        <Alert variant="info" role="status">
          <AlertDescription>{auth.notice}</AlertDescription>
        </Alert>
      )}
      {groups.searching ? (
        <p className="flex items-center gap-2 text-muted-foreground text-sm" role="status">
          <Loader2 className="size-4 animate-spin" aria-hidden="true" />
          {t('searching')}
        </p>
      ) : groups.installed.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('none')}</p>
      ) : null}
      <WalletList title={t('installed')} connectors={groups.installed} />
      <WalletList title={t('other')} connectors={groups.other} />
      <WalletList title={t('development')} connectors={groups.development} note={t('developmentNote')} />
      {auth.step && (
        <p role="status" className="flex items-center gap-2 font-medium text-sm">
          <Loader2 className="size-4 animate-spin text-primary" aria-hidden="true" />
          {t(`step.${auth.step}`)}
        </p>
      )}
      {auth.error !== null && <ErrorMessage error={auth.error} />}
    </div>
  );
}
