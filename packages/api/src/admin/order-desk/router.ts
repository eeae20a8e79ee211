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
import { byOperator, withDeps } from '../../trpc/resolvers';
import './exports';
import { actorOf } from '../../platform/audit';
import { lookUpMembers, memberStanding, revokeMemberSessions, setAvatarLock } from './members';
import { retryFailedMint } from './mint-retry';
import { searchOrders } from './orders';
import { grantDevicePass, grantProduct, memberProducts, revokeDevicePass, revokeProduct } from './products';
import { bulkChangeOrderStatus, refundOrder } from './status-changes';
import { listTreasuryProblems, markPaymentRefunded } from './treasury';

const ordersDesk = adminProcedure('orders');
const membersDesk = adminProcedure('users');

/** Bulk changes touch up to 100 orders each; a slower door than the console's reads. */
const BULK_RULE = perMinute(30);

/** The orders and members side: orders desk, refunds, treasury reconciliation, products, members. */
export const orderDeskRouter = router({
  orders: router({
    search: ordersDesk.input(ZAdminOrderSearch).output(pageOf(ZAdminOrderRow)).query(withDeps(searchOrders)),
    bulkSetStatus: ordersDesk
      .meta({ rateLimit: BULK_RULE })
      .input(ZBulkOrderStatusInput)
      .output(ZBulkOrderStatusResult)
      .mutation(byOperator(bulkChangeOrderStatus)),
    refund: ordersDesk.input(ZRefundOrderInput).output(ZOrderStatusEvent).mutation(byOperator(refundOrder)),
    retryMint: ordersDesk
      .input(ZRetryMintInput)
      .output(ZRetryMintResult)
      .mutation(({ ctx, input }) => retryFailedMint(ctx.deps, actorOf(ctx), input.nftId)),
  }),
  treasury: router({
    problems: ordersDesk
      .input(ZTreasurySearch)
      .output(pageOf(ZTreasuryRow))
      .query(withDeps(listTreasuryProblems)),
    markRefunded: ordersDesk
      .input(ZMarkRefundedInput)
      .output(ZTreasuryRow)
      .mutation(byOperator(markPaymentRefunded)),
  }),
  members: router({
    lookup: membersDesk
      .input(ZMemberLookup)
      .output(z.array(ZAdminUserRow))
      .query(({ ctx, input }) => lookUpMembers(ctx.deps, input.query)),
    standing: membersDesk
      .input(ZMemberId)
      .output(ZMemberStanding)
      .query(({ ctx, input }) => memberStanding(ctx.deps, input.userId)),
    setAvatarLock: membersDesk
      .input(ZAvatarLockInput)
      .output(ZAvatarLockResult)
      .mutation(byOperator(setAvatarLock)),
    revokeSessions: membersDesk
      .input(ZMemberId)
      .output(ZRevokeSessionsResult)
      .mutation(({ ctx, input }) => revokeMemberSessions(ctx.deps, actorOf(ctx), input.userId)),
  }),
  products: router({
    ofMember: membersDesk
      .input(ZMemberId)
      .output(ZMemberProducts)
      .query(({ ctx, input }) => memberProducts(ctx.deps, input.userId)),
    grant: membersDesk.input(ZGrantProductInput).output(ZAdminProduct).mutation(byOperator(grantProduct)),
    revoke: membersDesk.input(ZRevokeProductInput).output(ZAdminProduct).mutation(byOperator(revokeProduct)),
    grantPass: membersDesk.input(ZGrantPassInput).output(ZAdminPass).mutation(byOperator(grantDevicePass)),
    revokePass: membersDesk.input(ZRevokePassInput).output(ZAdminPass).mutation(byOperator(revokeDevicePass)),
  }),
});
