import {
  pageOf,
  ZAdminOrderRow,
  ZAdminOrderSearch,
  ZAdminPass,
  ZAdminProduct,
  ZAdminUserRow,
  ZAvatarLockInput,
  ZAvatarLockResult,
  ZBulkOrderStatusInput,
  ZBulkOrderStatusResult,
  ZGrantPassInput,
  ZGrantProductInput,
  ZMarkRefundedInput,
  ZMemberId,
  ZMemberLookup,
  ZMemberProducts,
  ZMemberStanding,
  ZOrderStatusEvent,
  ZRefundOrderInput,
  ZRetryMintInput,
  ZRetryMintResult,
  ZRevokePassInput,
  ZRevokeProductInput,
  ZRevokeSessionsResult,
  ZTreasuryRow,
  ZTreasurySearch,
} from '@puffy/contracts';
import { z } from 'zod';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { perMinute } from '../../trpc/rate-rules';
import { byOperator } from '../../trpc/resolvers';
import './exports';
import { actorOf } from '../../platform/audit';
import { lookUpMembers, memberStanding, revokeMemberSessions, setAvatarLock } from './members';
import { retryFailedMint } from './mint-retry';
import { searchOrders } from './orders';
import { grantDevicePass, grantProduct, memberProducts, revokeDevicePass, revokeProduct } from './products';
import { bulkChangeOrderStatus, refundOrder } from './status-changes';
import { listTreasuryProblems, markPaymentRefunded } from './treasury';

/** Bulk changes touch up to 100 orders each; a slower door than the console's reads. */
const BULK_RULE = perMinute(30);

/** The orders and members side: orders desk, refunds, treasury reconciliation, products, members. */
export const orderDeskRouter = router({
  orders: router({
    search: adminProcedure('orders')
      .input(ZAdminOrderSearch)
      .output(pageOf(ZAdminOrderRow))
      .query(({ ctx, input }) => searchOrders(ctx.deps, input)),
    bulkSetStatus: adminProcedure('orders')
      .meta({ rateLimit: BULK_RULE })
      .input(ZBulkOrderStatusInput)
      .output(ZBulkOrderStatusResult)
      .mutation(byOperator(bulkChangeOrderStatus)),
    refund: adminProcedure('orders')
      .input(ZRefundOrderInput)
      .output(ZOrderStatusEvent)
      .mutation(byOperator(refundOrder)),
    retryMint: adminProcedure('orders')
      .input(ZRetryMintInput)
      .output(ZRetryMintResult)
      .mutation(({ ctx, input }) => retryFailedMint(ctx.deps, actorOf(ctx), input.nftId)),
  }),
  treasury: router({
    problems: adminProcedure('orders')
      .input(ZTreasurySearch)
      .output(pageOf(ZTreasuryRow))
      .query(({ ctx, input }) => listTreasuryProblems(ctx.deps, input)),
    markRefunded: adminProcedure('orders')
      .input(ZMarkRefundedInput)
      .output(ZTreasuryRow)
      .mutation(byOperator(markPaymentRefunded)),
  }),
  members: router({
    lookup: adminProcedure('users')
      .input(ZMemberLookup)
      .output(z.array(ZAdminUserRow))
      .query(({ ctx, input }) => lookUpMembers(ctx.deps, input.query)),
    standing: adminProcedure('users')
      .input(ZMemberId)
      .output(ZMemberStanding)
      .query(({ ctx, input }) => memberStanding(ctx.deps, input.userId)),
    setAvatarLock: adminProcedure('users')
      .input(ZAvatarLockInput)
      .output(ZAvatarLockResult)
      .mutation(byOperator(setAvatarLock)),
    revokeSessions: adminProcedure('users')
      .input(ZMemberId)
      .output(ZRevokeSessionsResult)
      .mutation(({ ctx, input }) => revokeMemberSessions(ctx.deps, actorOf(ctx), input.userId)),
  }),
  products: router({
    ofMember: adminProcedure('users')
      .input(ZMemberId)
      .output(ZMemberProducts)
      .query(({ ctx, input }) => memberProducts(ctx.deps, input.userId)),
    grant: adminProcedure('users')
      .input(ZGrantProductInput)
      .output(ZAdminProduct)
      .mutation(byOperator(grantProduct)),
    revoke: adminProcedure('users')
      .input(ZRevokeProductInput)
      .output(ZAdminProduct)
      .mutation(byOperator(revokeProduct)),
    grantPass: adminProcedure('users')
      .input(ZGrantPassInput)
      .output(ZAdminPass)
      .mutation(byOperator(grantDevicePass)),
    revokePass: adminProcedure('users')
      .input(ZRevokePassInput)
      .output(ZAdminPass)
      .mutation(byOperator(revokeDevicePass)),
  }),
});
