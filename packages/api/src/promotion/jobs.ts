import type { Deps } from '../deps';
import { untilSettled } from '../payment/upstream';
import { jobRegistration } from '../platform/job-registry';
import { claimExpiryJob, mintNftJob, paymentConfirmJob } from './jobs-definitions';
import { mintNft } from './mint';
import { expireUnpaidClaim, settleGasPayment } from './settle';

/**
 * Not settled yet: a new job looks again later (the running one still holds its place), after the
 * recheck interval, or sooner when the RPC's breaker says when it answers again.
 */
function later(deps: Deps, job: typeof paymentConfirmJob, nftId: number) {
  return async (seconds: number | null): Promise<void> => {
    const wait = seconds ?? deps.promotion.recheckSeconds;
    const startAfter = new Date(deps.clock.now().getTime() + wait * 1000);
    await deps.jobs.queue.enqueue(job, { nftId }, { startAfter });
  };
}

export const promotionJobs = [
  jobRegistration(
    paymentConfirmJob,
    (deps) =>
      ({ nftId }) =>
        untilSettled(() => settleGasPayment(deps, nftId), later(deps, paymentConfirmJob, nftId)),
  ),
  jobRegistration(
    claimExpiryJob,
    (deps) =>
      ({ nftId }) =>
        untilSettled(() => expireUnpaidClaim(deps, nftId), later(deps, claimExpiryJob, nftId)),
  ),
  jobRegistration(mintNftJob, (deps) => async (payload, ctx) => {
    await mintNft(deps, payload, ctx);
  }),
];
