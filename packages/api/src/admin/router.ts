import {
  pageOf,
  ZAdminUserRow,
  ZAdminUserSearch,
  ZAuditEntry,
  ZAuditSearch,
  ZFunnel,
  ZFunnelInput,
  ZGrantAdminInput,
  ZMediaHosts,
  ZRevokeAdminInput,
  ZSecurityEventRow,
  ZSecurityEventSearch,
} from '@puffy/contracts';
import { z } from 'zod';
import { funnel } from '../analytics/funnel';
import { actorOf } from '../platform/audit';
import { mergeRouters, router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';
import { withDeps } from '../trpc/resolvers';
import { activityReviewRouter } from './activities/router';
import { campaignDeskRouter } from './campaign-desk/router';
import { listAuditLog, listSecurityEvents } from './logs';
import { allowedMediaHosts, setAllowedMediaHosts } from './media-hosts';
import { orderDeskRouter } from './order-desk/router';
import { revokeAdmin, setAdminScopes } from './roles';
import { storeSettingsRouter } from './store-settings/router';
import { searchUsers } from './users';

const usersAdmin = adminProcedure('users');
const settingsAdmin = adminProcedure('settings');

const ZRoleChange = z.object({ user: ZAdminUserRow, sessionsEnded: z.number().int() });

/** The operators' side: members and their rights, the logs, and settings (docs/product/admin.md). */
const adminCoreRouter = router({
  users: router({
    search: usersAdmin.input(ZAdminUserSearch).output(pageOf(ZAdminUserRow)).query(withDeps(searchUsers)),
    setScopes: usersAdmin
      .input(ZGrantAdminInput)
      .output(ZRoleChange)
      .mutation(({ ctx, input }) => setAdminScopes(ctx.deps, actorOf(ctx), ctx.req, input)),
    revokeAdmin: usersAdmin
      .input(ZRevokeAdminInput)
      .output(ZRoleChange)
      .mutation(({ ctx, input }) => revokeAdmin(ctx.deps, actorOf(ctx), ctx.req, input)),
  }),
  auditLog: usersAdmin.input(ZAuditSearch).output(pageOf(ZAuditEntry)).query(withDeps(listAuditLog)),
  securityEvents: usersAdmin
    .input(ZSecurityEventSearch)
    .output(pageOf(ZSecurityEventRow))
    .query(withDeps(listSecurityEvents)),
  funnel: adminProcedure('campaigns').input(ZFunnelInput).output(ZFunnel).query(withDeps(funnel)),
  settings: router({
    mediaHosts: settingsAdmin
      .output(ZMediaHosts)
      .query(async ({ ctx }) => ({ hosts: await allowedMediaHosts(ctx.deps) })),
    setMediaHosts: settingsAdmin
      .input(ZMediaHosts)
      .output(ZMediaHosts)
      .mutation(async ({ ctx, input }) => ({
        hosts: await setAllowedMediaHosts(ctx.deps, actorOf(ctx), input.hosts),
      })),
  }),
});

/** `admin.*`: the core above plus the campaign desk and the order desk, each in its own folder. */
export const adminRouter = mergeRouters(
  adminCoreRouter,
  campaignDeskRouter,
  orderDeskRouter,
  storeSettingsRouter,
  activityReviewRouter,
);
