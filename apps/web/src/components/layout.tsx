import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { trpc } from '../lib/trpc';
import { ErrorBoundary } from './error-boundary';
import { SkeletonCard } from './skeleton';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/store', label: 'Store' },
  { to: '/profile', label: 'Profile' },
];

function FooterVersion() {
  const version = trpc.system.version.useQuery(undefined, { staleTime: 60_000 });
  return <span className="muted">{version.data ? `v${version.data.version}` : ' '}</span>;
}

export function Layout() {
  const location = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <NavLink to="/" className="brand">
          Puffy Reward Center
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="main">
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<SkeletonCard />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="footer">
        <span>© Puffy</span>
        <FooterVersion />
      </footer>
    </div>
  );
}
