import type { Deps } from '../deps';
import { settlingJob } from '../payment/upstream';
import { confirmOrderPayment } from './confirm';
import { confirmPaymentJob, paymentReportJob, unpaidOrderJob } from './jobs-definitions';
import { settleOrderReports } from './reports';
import { settleUnpaidOrder } from './unpaid';

const retrySeconds = (deps: Deps) => deps.storefront.confirmationRetrySeconds;

export const orderJobs = [
  settlingJob(confirmPaymentJob, retrySeconds, (deps, { orderId }) => confirmOrderPayment(deps, orderId)),
  settlingJob(paymentReportJob, retrySeconds, (deps, { orderId }) => settleOrderReports(deps, orderId)),
  settlingJob(unpaidOrderJob, retrySeconds, (deps, { orderId }) => settleUnpaidOrder(deps, orderId)),
];
