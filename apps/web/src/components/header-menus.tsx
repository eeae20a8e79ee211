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

const THEMES = [
  { theme: 'dark', icon: Moon },
  { theme: 'light', icon: Sun },
] as const;

const ACCOUNT_PAGES = [
  { to: '/profile', icon: User, label: 'nav.profile' },
  { to: '/orders', icon: ClipboardList, label: 'nav.orders' },
] as const;

/** Out of this browser, or out of every browser the member signed in on (the one that can hurt). */
const SIGN_OUTS = [
  { everywhere: false, icon: LogOut, label: 'wallet.signOut', variant: 'default' },
  { everywhere: true, icon: ShieldOff, label: 'wallet.signOutEverywhere', variant: 'destructive' },
] as const;

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
          {THEMES.map((option) => (
            <DropdownMenuRadioItem key={option.theme} value={option.theme}>
              <option.icon aria-hidden="true" />
              {t(`preferences.${option.theme}`)}
            </DropdownMenuRadioItem>
          ))}
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
        {ACCOUNT_PAGES.map((page) => (
          <DropdownMenuItem key={page.to} asChild>
            <Link to={page.to}>
              <page.icon aria-hidden="true" />
              {t(page.label)}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        {SIGN_OUTS.map((way) => (
          <DropdownMenuItem
            key={way.label}
            variant={way.variant}
            onSelect={() => void auth.signOut({ everywhere: way.everywhere })}
          >
            <way.icon aria-hidden="true" />
            {t(way.label)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
