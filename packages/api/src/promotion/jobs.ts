import type { Deps } from '../deps';
import { settlingJob } from '../payment/upstream';
import { jobRegistration } from '../platform/job-registry';
import { claimExpiryJob, mintNftJob, paymentConfirmJob } from './jobs-definitions';
import { mintNft } from './mint';
import { expireUnpaidClaim, settleGasPayment } from './settle';

const retrySeconds = (deps: Deps) => deps.promotion.recheckSeconds;

export const promotionJobs = [
  settlingJob(paymentConfirmJob, retrySeconds, (deps, { nftId }) => settleGasPayment(deps, nftId)),
  settlingJob(claimExpiryJob, retrySeconds, (deps, { nftId }) => expireUnpaidClaim(deps, nftId)),
  jobRegistration(mintNftJob, (deps) => async (payload, ctx) => {
    await mintNft(deps, payload, ctx);
  }),
];
