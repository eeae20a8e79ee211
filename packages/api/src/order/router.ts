import {
  pageOf,
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
import { listOrders, memberOrder, orderHistory } from './orders';
import { orderPaymentTransaction } from './payment-transaction';
import { orderStatusStream } from './status-stream';

/** Checkout and paying for an order: each spends real money or a chain call, ten a minute. */
const paying = authedProcedure.meta({ rateLimit: perMinute(10) });

/** The member's own order, named by its id. */
const ownOrder = authedProcedure.input(ZOrderId);

/** Checkout, orders and their payments (docs/product/orders.md). */
export const orderRouter = router({
  checkout: paying.input(ZCheckoutInput).output(ZOrder).mutation(byMember(checkout)),
  list: authedProcedure.input(ZOrderListInput).output(pageOf(ZOrder)).query(byMember(listOrders)),
  get: ownOrder.output(ZOrder).query(byMember(memberOrder)),
  history: ownOrder.output(ZOrderHistory).query(byMember(orderHistory)),
  cancel: ownOrder.output(ZOrder).mutation(byMember(cancelOrder)),
  updateAddress: authedProcedure.input(ZUpdateAddressInput).output(ZOrder).mutation(byMember(updateAddress)),
  paymentTransaction: paying
    .input(ZPaymentTransactionInput)
    .output(ZPaymentTransaction)
    .mutation(byMember(orderPaymentTransaction)),
  submitPayment: paying.input(ZSubmitPaymentInput).output(ZOrder).mutation(byMember(submitPayment)),
  status: ownOrder.subscription(({ ctx, input, signal }) =>
    orderStatusStream(ctx.deps, ctx.session.userId, input.orderId, signal),
  ),
});
