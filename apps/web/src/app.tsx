import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Layout } from './components/layout';
import { shouldRetry } from './lib/errors';
import { createTrpcClient, trpc } from './lib/trpc';
import HomePage from './pages/home';
import NotFoundPage from './pages/not-found';

// Everything past the first screen loads on demand, so the first load stays small.
const lazyPage = (name: keyof typeof import('./pages/upcoming')) =>
  lazy(() => import('./pages/upcoming').then((m) => ({ default: m[name] })));
const CampaignsPage = lazyPage('CampaignsPage');
const StorePage = lazyPage('StorePage');
const ProfilePage = lazyPage('ProfilePage');
const AdminPage = lazyPage('AdminPage');
const VerifyEmailPage = lazyPage('VerifyEmailPage');
const OAuthCallbackPage = lazyPage('OAuthCallbackPage');
const NftPage = lazyPage('NftPage');

export const routes = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'campaigns/*', element: <CampaignsPage /> },
      { path: 'store/*', element: <StorePage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'admin/*', element: <AdminPage /> },
      { path: 'auth/verify-email', element: <VerifyEmailPage /> },
      { path: 'auth/oauth-callback', element: <OAuthCallbackPage /> },
      { path: 'nft/:id', element: <NftPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTrpcClient());
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
