import { Wallet } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeferredMenu, lazyMenu } from '../components/deferred-menu';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { SkeletonBlock } from '../components/ui/skeleton';
import { i18n } from '../i18n';
import { describeError } from '../lib/errors';
import { useAuth } from './auth-context';

export const shortAddress = (address: string) => `${address.slice(0, 4)}…${address.slice(-4)}`;

// Every wallet library (curves, Wallet Standard, EIP-6963, TON Connect) and the dialog itself sit
// behind this import: a visitor who never clicks Connect never downloads them. Hover and focus start
// the download early.
// The dialog's words are a catalog of their own (`wallet`), fetched with its code, so neither is on
// the first load and opening it waits once.
const loadPicker = () =>
  Promise.all([import('./wallet-picker'), i18n.loadNamespaces('wallet')]).then(([picker]) => picker);
const WalletPickerDialog = lazy(loadPicker);
const accountMenu = lazyMenu(() => import('../components/header-menus').then((m) => m.AccountMenu));

function ConnectButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  // The dialog closes itself once the wallet's signature signed the member in.
  useEffect(() => {
    if (auth.status === 'signedIn') setOpen(false);
  }, [auth.status]);
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadPicker()}
        onFocus={() => void loadPicker()}
        aria-haspopup="dialog"
        aria-expanded={open}
        size="sm"
        className="h-9"
      >
        <Wallet aria-hidden="true" />
        {t('wallet.connect')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <WalletPickerDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}

/** A round mark drawn from the address, so two accounts look different at a glance. */
function AddressDot({ address }: { address: string }) {
  let hash = 0;
  for (const char of address) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return (
    <span
      aria-hidden="true"
      className="size-5 shrink-0 rounded-full"
      style={{ background: `linear-gradient(135deg, hsl(${hue} 80% 60%), hsl(${(hue + 70) % 360} 80% 45%))` }}
    />
  );
}

/** The header's wallet control: Connect (opens the wallet picker) or the signed-in account's menu. */
export function AccountControl() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.status === 'loading') return <SkeletonBlock className="h-9 w-28 rounded-lg" />;
  if (auth.status !== 'signedIn' || !auth.user) return <ConnectButton />;
  const address = auth.user.walletAddress;
  return (
    <DeferredMenu
      menu={accountMenu}
      props={{}}
      trigger={
        <Button
          variant="outline"
          size="sm"
          className="h-9 gap-2 px-2.5"
          aria-label={t('wallet.account', { address: shortAddress(address) })}
        >
          <AddressDot address={address} />
          <span data-testid="signed-in-as" title={address} className="font-mono text-xs">
            {shortAddress(address)}
          </span>
        </Button>
      }
    />
  );
}

/** A sign-out the server did not confirm: the member is told they are still signed in, and why. */
export function SignOutProblem() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.signOutError === null) return null;
  return (
    <div className="mx-auto max-w-content px-4 pb-3 sm:px-6">
      <Alert variant="destructive" role="alert">
        <AlertTitle>{t('wallet.stillSignedIn')}</AlertTitle>
        <AlertDescription>{describeError(auth.signOutError).message}</AlertDescription>
      </Alert>
    </div>
  );
}
