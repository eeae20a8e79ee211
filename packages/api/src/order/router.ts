import {
  pageOf,
  ZCancelOrderInput,
  ZCheckoutInput,
  ZOrder,
  ZOrderHistory,
  ZOrderId,
  ZOrderListInput,
  ZPaymentTransaction,
  ZPaymentTransactionInput,
  ZSubmitPaymentInput,
  ZUpdateAddressInput,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { checkout } from './checkout';
import { cancelOrder, submitPayment, updateAddress } from './member-actions';
import { getOrder, listOrders, orderHistory } from './orders';
import { orderPaymentTransaction } from './payment-transaction';
import { orderStatusStream } from './status-stream';

/** Checkout and paying for an order: each spends real money or a chain call, ten a minute. */
const paying = authedProcedure.meta({ rateLimit: perMinute(10) });

/** Checkout, orders and their payments (docs/product/orders.md). */
export const orderRouter = router({
  checkout: paying.input(ZCheckoutInput).output(ZOrder).mutation(byMember(checkout)),
  list: authedProcedure.input(ZOrderListInput).output(pageOf(ZOrder)).query(byMember(listOrders)),
  get: authedProcedure
    .input(ZOrderId)
    .output(ZOrder)
    .query(({ ctx, input }) =>
      getOrder(ctx.deps, ctx.deps.db.db, { userId: ctx.session.userId, orderId: input.orderId }),
    ),
  history: authedProcedure
    .input(ZOrderId)
    .output(ZOrderHistory)
    .query(({ ctx, input }) => orderHistory(ctx.deps, ctx.session.userId, input.orderId)),
  cancel: authedProcedure
    .input(ZCancelOrderInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) => cancelOrder(ctx.deps, ctx.session.userId, input.orderId)),
  updateAddress: authedProcedure
    .input(ZUpdateAddressInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) =>
      updateAddress(ctx.deps, ctx.session.userId, input.orderId, input.shippingAddress),
    ),
  paymentTransaction: paying
    .input(ZPaymentTransactionInput)
    .output(ZPaymentTransaction)
    .mutation(({ ctx, input }) =>
      orderPaymentTransaction(ctx.deps, ctx.session.userId, input.orderId, input.account),
    ),
  submitPayment: paying
    .input(ZSubmitPaymentInput)
    .output(ZOrder)
    .mutation(({ ctx, input }) =>
      submitPayment(ctx.deps, ctx.session.userId, input.orderId, input.transactionHash),
    ),
  status: authedProcedure
    .input(ZOrderId)
    .subscription(({ ctx, input, signal }) =>
      orderStatusStream(ctx.deps, ctx.session.userId, input.orderId, signal),
    ),
});
