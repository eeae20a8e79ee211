import type { Deps } from '../deps';
import { jobRegistration } from '../platform/job-registry';
import { confirmOrderPayment } from './confirm';
import { confirmPaymentJob, paymentReportJob, unpaidOrderJob } from './jobs-definitions';
import { settleOrderReports } from './reports';
import { settleUnpaidOrder } from './unpaid';

/** A payment not final yet is looked at again later, by a new job (the running one holds the key). */
async function later(
  deps: Deps,
  orderId: string,
  seconds: number,
  job: typeof confirmPaymentJob,
): Promise<void> {
  const startAfter = new Date(deps.clock.now().getTime() + seconds * 1000);
  await deps.jobs.queue.enqueue(job, { orderId }, { startAfter });
}

export const orderJobs = [
  jobRegistration(confirmPaymentJob, (deps) => async ({ orderId }) => {
    const outcome = await confirmOrderPayment(deps, orderId);
    if (outcome === 'waiting')
      await later(deps, orderId, deps.storefront.confirmationRetrySeconds, confirmPaymentJob);
  }),
  jobRegistration(paymentReportJob, (deps) => async ({ orderId }) => {
    if ((await settleOrderReports(deps, orderId)) === 'waiting')
      await later(deps, orderId, deps.storefront.confirmationRetrySeconds, paymentReportJob);
  }),
  jobRegistration(unpaidOrderJob, (deps) => async ({ orderId }) => {
    const outcome = await settleUnpaidOrder(deps, orderId);
    if (outcome === 'waiting')
      await later(deps, orderId, deps.storefront.confirmationRetrySeconds, unpaidOrderJob);
  }),
];
