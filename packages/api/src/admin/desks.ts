import { adminProcedure } from '../trpc/procedures';

/**
 * The admin procedure of each scope (docs/product/admin.md), built once: an admin router says which
 * scope its procedures need by the desk it builds them on.
 */
export const campaignsDesk = adminProcedure('campaigns');
export const ordersDesk = adminProcedure('orders');
export const usersDesk = adminProcedure('users');
export const settingsDesk = adminProcedure('settings');
