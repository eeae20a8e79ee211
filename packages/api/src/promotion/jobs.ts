import type { Deps } from '../deps';
import { jobRegistration } from '../platform/job-registry';
import { claimExpiryJob, mintNftJob, paymentConfirmJob } from './jobs-definitions';
import { mintNft } from './mint';
import { expireUnpaidClaim, settleGasPayment } from './settle';

/** Not settled yet: a new job looks again later (the running one still holds its place). */
async function later(deps: Deps, job: typeof paymentConfirmJob, nftId: number): Promise<void> {
  const startAfter = new Date(deps.clock.now().getTime() + deps.promotion.recheckSeconds * 1000);
  await deps.jobs.queue.enqueue(job, { nftId }, { startAfter });
}

export const promotionJobs = [
  jobRegistration(paymentConfirmJob, (deps) => async ({ nftId }) => {
    if ((await settleGasPayment(deps, nftId)) === 'waiting') await later(deps, paymentConfirmJob, nftId);
  }),
  jobRegistration(claimExpiryJob, (deps) => async ({ nftId }) => {
    if ((await expireUnpaidClaim(deps, nftId)) === 'waiting') await later(deps, claimExpiryJob, nftId);
  }),
  jobRegistration(mintNftJob, (deps) => async (payload, ctx) => {
    await mintNft(deps, payload, ctx);
  }),
];
