import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { useScrollRestoration } from '../lib/scroll-restoration';
import { ErrorBoundary } from './error-boundary';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { PageSkeleton } from './skeleton';
import { ToastOutlet } from './ui/toast-outlet';

export { SiteHeader } from './site-header';

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

/** The page column every screen shares: one column never wider than the screen (minmax(0, 1fr)). */
export const MAIN_CLASS =
  'mx-auto grid w-full max-w-content flex-1 grid-cols-[minmax(0,1fr)] content-start gap-6 px-4 pt-6 pb-12 sm:px-6 sm:pt-8';

/** Header, footer, and one error boundary and Suspense fallback around whatever route is shown. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useFocusOnNavigate();
  useScrollRestoration();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        className="-translate-y-[200%] absolute top-2 left-2 z-50 rounded-lg bg-card px-4 py-2 focus:translate-y-0"
        href="#main"
      >
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className={MAIN_CLASS}>
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
      <ToastOutlet closeLabel={t('dismiss')} />
    </div>
  );
}
