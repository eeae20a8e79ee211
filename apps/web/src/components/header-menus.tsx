import { ClipboardList, Languages, LogOut, Moon, ShieldOff, Sun, User } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { changeLanguage, currentLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n';
import { chainName } from '../lib/intl';
import type { Theme } from '../lib/theme';
import type { MenuProps } from './deferred-menu';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from './ui/dropdown-menu';

// The header's three menus, in one chunk that loads when the member first reaches for one of them.

/** Theme and language together, so the header stays one row on a phone. */
export function PreferencesMenu({
  trigger,
  defaultOpen,
  theme,
  onTheme,
}: MenuProps & { theme: Theme; onTheme: (theme: Theme) => void }) {
  const { t } = useTranslation();
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent className="w-52">
        <DropdownMenuLabel>{t('preferences.theme')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={theme}
          onValueChange={(value) => onTheme(value === 'light' ? 'light' : 'dark')}
        >
          <DropdownMenuRadioItem value="dark">
            <Moon aria-hidden="true" />
            {t('preferences.dark')}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="light">
            <Sun aria-hidden="true" />
            {t('preferences.light')}
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="flex items-center gap-1.5">
          <Languages className="size-3.5" aria-hidden="true" />
          {t('preferences.language')}
        </DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={currentLanguage()}
          onValueChange={(value) => void changeLanguage(value as Language)}
        >
          {LANGUAGES.map((code) => (
            <DropdownMenuRadioItem key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export interface NavItem {
  to: string;
  label: string;
}

/** The main navigation on a phone, where the links do not fit in the header row. */
export function MobileMenu({ trigger, defaultOpen, items }: MenuProps & { items: NavItem[] }) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent className="w-56">
        {items.map((item) => (
          <DropdownMenuItem key={item.to} asChild>
            <NavLink to={item.to} end={item.to === '/'} className="aria-[current=page]:bg-accent">
              {item.label}
            </NavLink>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** The signed-in account: who, where to go, and the two ways out. */
export function AccountMenu({ trigger, defaultOpen }: MenuProps) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (!auth.user) return trigger;
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span>{t('wallet.signedInWith', { chain: chainName(auth.user.chain) })}</span>
          <span className="break-all font-mono text-foreground">{auth.user.walletAddress}</span>
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
