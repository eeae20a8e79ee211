import { defineJob } from '@puffy/jobs';
import { z } from 'zod';

const ZOrderJob = z.object({ orderId: z.string().min(1).max(64) });

/** Confirms a submitted payment at `finalized`, or expires the order when it never verifies. */
export const confirmPaymentJob = defineJob({
  name: 'order.payment-confirm',
  payload: ZOrderJob,
  retryLimit: 10,
  retryDelaySeconds: 15,
  expireInSeconds: 120,
});

/** At the end of the payment window: looks for the payment by reference, else cancels the order. */
export const unpaidOrderJob = defineJob({
  name: 'order.unpaid-check',
  payload: ZOrderJob,
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
});

/** Re-checks the hashes members reported before the chain showed them, for a `new` order. */
export const paymentReportJob = defineJob({
  name: 'order.payment-report',
  payload: ZOrderJob,
  retryLimit: 10,
  retryDelaySeconds: 15,
  expireInSeconds: 120,
});
