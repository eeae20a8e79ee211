import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

type PageModule = { default: ComponentType };
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<PageModule> };

/**
 * A page in its own chunk, loaded when first shown. `preload` fetches it early (the navigation does
 * so on hover and focus), sharing one request with the later render.
 */
function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let pending: Promise<PageModule> | undefined;
  const loadOnce = () => {
    pending ??= load().catch((error: unknown) => {
      // A failed download may succeed later (flaky network); do not keep the failure.
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return Object.assign(lazy(loadOnce), { preload: loadOnce });
}

// Each area is its own chunk, so the wallet SDKs, the store and the admin console each load on demand.
export const CampaignsPage = lazyPage(() => import('./campaigns'));
export const CampaignGroupPage = lazyPage(() => import('./campaigns/group'));
export const CampaignDetailPage = lazyPage(() => import('./campaigns/detail'));
export const LeaderboardPage = lazyPage(() => import('./leaderboard'));
export const StorePage = lazyPage(() => import('./store'));
export const OrdersPage = lazyPage(() => import('./store/orders'));
export const OrderPage = lazyPage(() => import('./store/order'));
export const ProfilePage = lazyPage(() => import('./profile'));
export const AdminPage = lazyPage(() => import('./admin/admin'));
export const VerifyEmailPage = lazyPage(() => import('./auth/verify-email'));
export const OAuthCallbackPage = lazyPage(() => import('./auth/oauth-callback'));
export const NftPage = lazyPage(() => import('./nft'));
