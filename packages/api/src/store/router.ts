import { router } from '../trpc/init';

/** The public catalog. */
export const storeRouter = router({});
