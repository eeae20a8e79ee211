import { defineJob } from '@puffy/jobs';
import { z } from 'zod';

const ZNftJob = z.object({ nftId: z.number().int().positive() });

/**
 * Settles a reported payment: a pending one (not visible yet) is accepted at `confirmed` or refused;
 * an accepted one is confirmed at `finalized`, or the claim expires when it was dropped.
 */
export const paymentConfirmJob = defineJob({
  name: 'promotion.payment-confirm',
  payload: ZNftJob,
  retryLimit: 10,
  retryDelaySeconds: 15,
  expireInSeconds: 120,
});

/** At the end of the payment window: looks for the payment by its reference, else expires the claim. */
export const claimExpiryJob = defineJob({
  name: 'promotion.claim-expiry',
  payload: ZNftJob,
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
});

/** Mints the paid NFT (idempotent: the asset's keypair derives from the NFT record). */
export const mintNftJob = defineJob({
  name: 'promotion.mint',
  /** `retry`: an operator asked to try a `mint_failed` NFT again. */
  payload: ZNftJob.extend({ retry: z.boolean().optional() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 300,
});
