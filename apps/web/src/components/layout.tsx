import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { setReportedDevChainUrl } from '../lib/dev-chain';
import { PRODUCT_NAME } from '../lib/document-title';
import { trpc } from '../lib/trpc';
import { AdminPage, CampaignsPage, type LazyPage, ProfilePage, StorePage } from '../pages/lazy';
import { ErrorBoundary } from './error-boundary';
import { PageSkeleton, Skeleton } from './skeleton';

// The wallet control pulls in wallet libraries (curves, Wallet Standard): loaded after the first paint.
const ConnectWallet = lazy(() =>
  import('../auth/connect-wallet').then((m) => ({ default: m.ConnectWallet })),
);

const NAV: { to: string; label: string; page?: LazyPage }[] = [
  { to: '/', label: 'Home' },
  { to: '/campaigns', label: 'Campaigns', page: CampaignsPage },
  { to: '/store', label: 'Store', page: StorePage },
  { to: '/profile', label: 'Profile', page: ProfilePage },
];

const ADMIN_NAV = { to: '/admin', label: 'Admin', page: AdminPage };

/**
 * The logo, drawn inline: as an <img> of /favicon.svg it was a second download of the icon the
 * browser already fetches for the tab.
 */
function BrandMark() {
  return (
    <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#6d4aff" />
      <circle cx="24" cy="28" r="5" fill="#fff" />
      <circle cx="40" cy="28" r="5" fill="#fff" />
      <path d="M22 42c6 5 14 5 20 0" stroke="#fff" strokeWidth="4" fill="none" strokeLinecap="round" />
    </svg>
  );
}

export function SiteHeader({ nav = true }: { nav?: boolean }) {
  // Only admins see the console's link; the console checks again, and the server on every call.
  const { user } = useAuth();
  const items = user?.role === 'admin' ? [...NAV, ADMIN_NAV] : NAV;
  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand">
          <BrandMark />
          {PRODUCT_NAME}
        </Link>
        {nav && (
          <nav aria-label="Main">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  {/* Hover or focus starts the page's download, so the click finds it ready. */}
                  <NavLink to={item.to} end onMouseEnter={item.page?.preload} onFocus={item.page?.preload}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <Suspense fallback={<Skeleton width="8em" height="2.2em" />}>
          <ConnectWallet />
        </Suspense>
      </div>
    </header>
  );
}

function FooterVersion() {
  const version = trpc.system.version.useQuery(undefined, { staleTime: 5 * 60_000 });
  const devChainUrl = version.data?.devChainUrl ?? null;
  useEffect(() => setReportedDevChainUrl(devChainUrl), [devChainUrl]);
  if (version.isPending) return <Skeleton width="4em" />;
  if (!version.data) return <span>Version unavailable</span>;
  return <span data-testid="footer-version">v{version.data.version}</span>;
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="bar">
        <span>{PRODUCT_NAME}</span>
        <FooterVersion />
      </div>
    </footer>
  );
}

/** Moves focus to the new page's content after a navigation, so screen readers announce it. */
function useFocusOnNavigate() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

/** Header, footer, and one error boundary and Suspense fallback around whatever route is shown. */
export function Layout() {
  const { pathname } = useLocation();
  const main = useFocusOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1}>
        <QueryErrorResetBoundary>
          {({ reset }) => (
            <ErrorBoundary boundary="route" resetKey={pathname} onReset={reset}>
              <Suspense fallback={<PageSkeleton />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          )}
        </QueryErrorResetBoundary>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
