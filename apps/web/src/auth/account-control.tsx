import { ClipboardList, LogOut, ShieldOff, User, Wallet } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../components/ui/dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../components/ui/dropdown-menu';
import { SkeletonBlock } from '../components/ui/skeleton';
import { describeError } from '../lib/errors';
import { chainName } from '../lib/format';
import { useAuth } from './auth-context';

export const shortAddress = (address: string) => `${address.slice(0, 4)}…${address.slice(-4)}`;

// Every wallet library (curves, Wallet Standard, EIP-6963, TON Connect) sits behind this import:
// a visitor who never clicks Connect never downloads it. Hover and focus start the download early.
const loadPicker = () => import('./wallet-picker');
const WalletPicker = lazy(loadPicker);

function PickerLoading() {
  const { t } = useTranslation();
  return (
    <div className="grid gap-2" role="status" aria-busy="true">
      <span className="sr-only">{t('picker.loading')}</span>
      <SkeletonBlock className="h-12 rounded-xl" />
      <SkeletonBlock className="h-12 rounded-xl" />
      <SkeletonBlock className="h-12 rounded-xl" />
    </div>
  );
}

function ConnectButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  // The dialog closes itself once the wallet's signature signed the member in.
  useEffect(() => {
    if (auth.status === 'signedIn') setOpen(false);
  }, [auth.status]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button
        onClick={() => setOpen(true)}
        onMouseEnter={() => void loadPicker()}
        onFocus={() => void loadPicker()}
        aria-haspopup="dialog"
        size="sm"
        className="h-9"
      >
        <Wallet aria-hidden="true" />
        {t('wallet.connect')}
      </Button>
      <DialogContent closeLabel={t('close')}>
        <DialogHeader>
          <DialogTitle>{t('picker.title')}</DialogTitle>
          <DialogDescription>{t('picker.description')}</DialogDescription>
        </DialogHeader>
        <Suspense fallback={<PickerLoading />}>
          <WalletPicker />
        </Suspense>
      </DialogContent>
    </Dialog>
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
  const { user } = auth;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          className="h-9 gap-2 px-2.5"
          aria-label={t('wallet.account', { address: shortAddress(user.walletAddress) })}
        >
          <AddressDot address={user.walletAddress} />
          <span data-testid="signed-in-as" title={user.walletAddress} className="font-mono text-xs">
            {shortAddress(user.walletAddress)}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span>{t('wallet.signedInWith', { chain: chainName(user.chain) })}</span>
          <span className="break-all font-mono text-foreground">{user.walletAddress}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/profile">
            <User aria-hidden="true" />
            {t('nav.profile')}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link to="/orders">
            <ClipboardList aria-hidden="true" />
            {t('nav.orders')}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void auth.signOut()}>
          <LogOut aria-hidden="true" />
          {t('wallet.signOut')}
        </DropdownMenuItem>
        <DropdownMenuItem variant="destructive" onSelect={() => void auth.signOut({ everywhere: true })}>
          <ShieldOff aria-hidden="true" />
          {t('wallet.signOutEverywhere')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
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
