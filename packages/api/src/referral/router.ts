import { router } from '../trpc/init';

/** Referral codes and relations (SPEC.md section 6). */
export const referralRouter = router({});
