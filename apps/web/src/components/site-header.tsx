import { Menu } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { AccountControl, SignOutProblem } from '../auth/account-control';
import { useAuth } from '../auth/auth-context';
import {
  AdminPage,
  CampaignsPage,
  type LazyPage,
  LeaderboardPage,
  ProfilePage,
  StorePage,
} from '../pages/lazy';
import { BrandMark } from './brand-mark';
import { DeferredMenu, lazyMenu } from './deferred-menu';
import { navLinkClass } from './nav-link-class';
import { PreferencesMenu } from './preferences-menu';
import { Button } from './ui/button';

type NavKey = 'home' | 'campaigns' | 'leaderboard' | 'store' | 'profile' | 'admin';
const NAV: { to: string; key: NavKey; page?: LazyPage }[] = [
  { to: '/', key: 'home' },
  { to: '/campaigns', key: 'campaigns', page: CampaignsPage },
  { to: '/leaderboard', key: 'leaderboard', page: LeaderboardPage },
  { to: '/store', key: 'store', page: StorePage },
  { to: '/profile', key: 'profile', page: ProfilePage },
];
const ADMIN_NAV = { to: '/admin', key: 'admin' as const, page: AdminPage };

function useNavItems() {
  // Only admins see the console's link; the console checks again, and the server on every call.
  const { user } = useAuth();
  return user?.role === 'admin' ? [...NAV, ADMIN_NAV] : NAV;
}

/**
 * One row at every width: on a phone the links fold into a menu and the brand keeps only its mark,
 * so the signed-in header stays about 56 px tall.
 */
export function SiteHeader({ nav = true }: { nav?: boolean }) {
  const { t } = useTranslation();
  const items = useNavItems();
  return (
    <header className="sticky top-0 z-40 border-b bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-14 max-w-content items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold text-foreground no-underline">
          <BrandMark />
          <span className="sr-only lg:not-sr-only">{t('brand')}</span>
        </Link>
        {nav && (
          <nav aria-label={t('nav.main')} className="hidden min-w-0 md:block">
            <ul className="flex items-center gap-1">
              {items.map((item) => (
                <li key={item.to}>
                  {/* Hover or focus starts the page's download, so the click finds it ready. */}
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    onMouseEnter={item.page?.preload}
                    onFocus={item.page?.preload}
                    className={navLinkClass()}
                  >
                    {t(`nav.${item.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          <PreferencesMenu />
          <AccountControl />
          {nav && <MobileMenu items={items} />}
        </div>
      </div>
      <SignOutProblem />
    </header>
  );
}

const mobileMenu = lazyMenu(() => import('./header-menus').then((m) => m.MobileMenu));

function MobileMenu({ items }: { items: typeof NAV }) {
  const { t } = useTranslation();
  return (
    <div className="md:hidden">
      <DeferredMenu
        menu={mobileMenu}
        props={{ items: items.map((item) => ({ to: item.to, label: t(`nav.${item.key}`) })) }}
        trigger={
          <Button variant="ghost" size="icon-sm" aria-label={t('nav.menu')}>
            <Menu aria-hidden="true" />
          </Button>
        }
      />
    </div>
  );
}
