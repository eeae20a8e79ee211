import { type RouteObject, useRoutes } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './components/layout';
import { LayoutBoundary } from './components/route-error';
import HomePage from './pages/home';
import {
  AdminPage,
  CampaignsPage,
  LeaderboardPage,
  lazyPage,
  type PageModule,
  ProfilePage,
  StorePage,
} from './pages/lazy';
import NotFoundPage from './pages/not-found';

/** A page in its own chunk that nothing preloads, rendered where its route stands. */
function routePage(load: () => Promise<PageModule>) {
  const Page = lazyPage(load);
  return <Page />;
}

/**
 * Every page of the SPA. Home and not-found ship in the first chunk (they are the first screen and
 * the fallback); every other area loads on demand.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <LayoutBoundary>
        <Layout />
      </LayoutBoundary>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'campaigns/:slug', element: routePage(() => import('./pages/campaigns/detail')) },
      { path: 'groups/:slug', element: routePage(() => import('./pages/campaigns/group')) },
      { path: 'leaderboard', element: <LeaderboardPage /> },
      { path: 'store', element: <StorePage /> },
      {
        path: 'orders',
        element: <RequireAuth>{routePage(() => import('./pages/store/orders'))}</RequireAuth>,
      },
      {
        path: 'orders/:id',
        element: <RequireAuth>{routePage(() => import('./pages/store/order'))}</RequireAuth>,
      },
      {
        path: 'profile',
        element: (
          <RequireAuth>
            <ProfilePage />
          </RequireAuth>
        ),
      },
      { path: 'admin/*', element: <AdminPage /> },
      { path: 'auth/verify-email', element: routePage(() => import('./pages/auth/verify-email')) },
      { path: 'auth/oauth-callback', element: routePage(() => import('./pages/auth/oauth-callback')) },
      { path: 'nft/:id', element: routePage(() => import('./pages/nft')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The routes above, rendered by whichever router surrounds them (the browser's, or a test's memory router). */
export function AppRoutes({ table = routes }: { table?: RouteObject[] }) {
  return useRoutes(table);
}
