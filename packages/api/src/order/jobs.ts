import type { Deps } from '../deps';
import { untilSettled } from '../payment/upstream';
import { jobRegistration } from '../platform/job-registry';
import { confirmOrderPayment } from './confirm';
import { confirmPaymentJob, paymentReportJob, unpaidOrderJob } from './jobs-definitions';
import { settleOrderReports } from './reports';
import { settleUnpaidOrder } from './unpaid';

/**
 * A payment not final yet is looked at again later, by a new job (the running one holds the key), after
 * the retry interval, or sooner when the RPC's breaker says when it answers again.
 */
function later(deps: Deps, orderId: string, job: typeof confirmPaymentJob) {
  return async (seconds: number | null): Promise<void> => {
    const wait = seconds ?? deps.storefront.confirmationRetrySeconds;
    const startAfter = new Date(deps.clock.now().getTime() + wait * 1000);
    await deps.jobs.queue.enqueue(job, { orderId }, { startAfter });
  };
}

export const orderJobs = [
  jobRegistration(
    confirmPaymentJob,
    (deps) =>
      ({ orderId }) =>
        untilSettled(() => confirmOrderPayment(deps, orderId), later(deps, orderId, confirmPaymentJob)),
  ),
  jobRegistration(
    paymentReportJob,
    (deps) =>
      ({ orderId }) =>
        untilSettled(() => settleOrderReports(deps, orderId), later(deps, orderId, paymentReportJob)),
  ),
  jobRegistration(
    unpaidOrderJob,
    (deps) =>
      ({ orderId }) =>
        untilSettled(() => settleUnpaidOrder(deps, orderId), later(deps, orderId, unpaidOrderJob)),
  ),
];
