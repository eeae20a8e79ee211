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
import { withDeps } from '../trpc/resolvers';
import { activityReviewRouter } from './activities/router';
import { campaignDeskRouter } from './campaign-desk/router';
import { campaignsDesk, settingsDesk, usersDesk } from './desks';
import { listAuditLog, listSecurityEvents } from './logs';
import { allowedMediaHosts, setAllowedMediaHosts } from './media-hosts';
import { orderDeskRouter } from './order-desk/router';
import { partnerKeysRouter } from './partner-keys/router';
import { revokeAdmin, setAdminScopes } from './roles';
import { seasonDeskRouter } from './season-desk/router';
import { storeSettingsRouter } from './store-settings/router';
import { searchUsers } from './users';

const ZRoleChange = z.object({ user: ZAdminUserRow, sessionsEnded: z.number().int() });

/** The operators' side: members and their rights, the logs, and settings (docs/product/admin.md). */
const adminCoreRouter = router({
  users: router({
    search: usersDesk.input(ZAdminUserSearch).output(pageOf(ZAdminUserRow)).query(withDeps(searchUsers)),
    setScopes: usersDesk
      .input(ZGrantAdminInput)
      .output(ZRoleChange)
      .mutation(({ ctx, input }) => setAdminScopes(ctx.deps, actorOf(ctx), ctx.req, input)),
    revokeAdmin: usersDesk
      .input(ZRevokeAdminInput)
      .output(ZRoleChange)
      .mutation(({ ctx, input }) => revokeAdmin(ctx.deps, actorOf(ctx), ctx.req, input)),
  }),
  auditLog: usersDesk.input(ZAuditSearch).output(pageOf(ZAuditEntry)).query(withDeps(listAuditLog)),
  securityEvents: usersDesk
    .input(ZSecurityEventSearch)
    .output(pageOf(ZSecurityEventRow))
    .query(withDeps(listSecurityEvents)),
  funnel: campaignsDesk.input(ZFunnelInput).output(ZFunnel).query(withDeps(funnel)),
  settings: router({
    mediaHosts: settingsDesk
      .output(ZMediaHosts)
      .query(async ({ ctx }) => ({ hosts: await allowedMediaHosts(ctx.deps) })),
    setMediaHosts: settingsDesk
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
  seasonDeskRouter,
  partnerKeysRouter,
);
