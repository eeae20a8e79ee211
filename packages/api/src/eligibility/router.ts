import { router } from '../trpc/init';

/** One wallet against several campaigns in one call. */
export const eligibilityRouter = router({});
