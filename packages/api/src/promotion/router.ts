import { router } from '../trpc/init';

/** Claim, gas payment and status of the promotional NFT (SPEC.md section 7). */
export const promotionRouter = router({});
