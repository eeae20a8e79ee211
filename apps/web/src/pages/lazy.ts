import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type PageModule = { default: ComponentType };
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<PageModule> };

/**
 * A page in its own chunk, loaded when first shown. `preload` fetches it early (the navigation does
 * so on hover and focus), sharing one request with the later render.
 */
export function lazyPage(load: () => Promise<PageModule>): LazyPage {
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
// The pages here are the ones the navigation and the home page preload as well as route to; a page
// only its route shows is declared at that route (routes.tsx).
export const CampaignsPage = lazyPage(() => import('./campaigns'));
export const LeaderboardPage = lazyPage(() => import('./leaderboard'));
export const StorePage = lazyPage(() => import('./store'));
export const ProfilePage = lazyPage(() => import('./profile'));
export const AdminPage = lazyPage(() => import('./admin/admin'));
