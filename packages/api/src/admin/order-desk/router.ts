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
import { perMinute } from '../../trpc/rate-rules';
import { byOperator, withDeps } from '../../trpc/resolvers';
import { ordersDesk, usersDesk } from '../desks';
import './exports';
import { lookUpMembers, memberStanding, revokeMemberSessions, setAvatarLock } from './members';
import { retryFailedMint } from './mint-retry';
import { searchOrders } from './orders';
import { grantDevicePass, grantProduct, memberProducts, revokeDevicePass, revokeProduct } from './products';
import { bulkChangeOrderStatus, refundOrder } from './status-changes';
import { listTreasuryProblems, markPaymentRefunded } from './treasury';

/** Procedures about one member, named by their id. */
const member = usersDesk.input(ZMemberId);

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
      .mutation(byOperator(retryFailedMint)),
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
    lookup: usersDesk.input(ZMemberLookup).output(z.array(ZAdminUserRow)).query(withDeps(lookUpMembers)),
    standing: member.output(ZMemberStanding).query(withDeps(memberStanding)),
    setAvatarLock: usersDesk
      .input(ZAvatarLockInput)
      .output(ZAvatarLockResult)
      .mutation(byOperator(setAvatarLock)),
    revokeSessions: member.output(ZRevokeSessionsResult).mutation(byOperator(revokeMemberSessions)),
  }),
  products: router({
    ofMember: member.output(ZMemberProducts).query(withDeps(memberProducts)),
    grant: usersDesk.input(ZGrantProductInput).output(ZAdminProduct).mutation(byOperator(grantProduct)),
    revoke: usersDesk.input(ZRevokeProductInput).output(ZAdminProduct).mutation(byOperator(revokeProduct)),
    grantPass: usersDesk.input(ZGrantPassInput).output(ZAdminPass).mutation(byOperator(grantDevicePass)),
    revokePass: usersDesk.input(ZRevokePassInput).output(ZAdminPass).mutation(byOperator(revokeDevicePass)),
  }),
});
