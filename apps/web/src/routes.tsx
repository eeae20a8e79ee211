import { type RouteObject, useRoutes } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './components/layout';
import { LayoutBoundary } from './components/route-error';
import HomePage from './pages/home';
import {
  AdminPage,
  CampaignDetailPage,
  CampaignGroupPage,
  CampaignsPage,
  LeaderboardPage,
  NftPage,
  OAuthCallbackPage,
  OrderPage,
  OrdersPage,
  ProfilePage,
  StorePage,
  VerifyEmailPage,
} from './pages/lazy';
import NotFoundPage from './pages/not-found';

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
      { path: 'campaigns/:slug', element: <CampaignDetailPage /> },
      { path: 'groups/:slug', element: <CampaignGroupPage /> },
      { path: 'leaderboard', element: <LeaderboardPage /> },
      { path: 'store', element: <StorePage /> },
      {
        path: 'orders',
        element: (
          <RequireAuth>
            <OrdersPage />
          </RequireAuth>
        ),
      },
      {
        path: 'orders/:id',
        element: (
          <RequireAuth>
            <OrderPage />
          </RequireAuth>
        ),
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
      { path: 'auth/verify-email', element: <VerifyEmailPage /> },
      { path: 'auth/oauth-callback', element: <OAuthCallbackPage /> },
      { path: 'nft/:id', element: <NftPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The routes above, rendered by whichever router surrounds them (the browser's, or a test's memory router). */
export function AppRoutes({ table = routes }: { table?: RouteObject[] }) {
  return useRoutes(table);
}
