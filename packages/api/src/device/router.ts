import { router } from '../trpc/init';

/** Device passes and quotes (SPEC.md section 8). */
export const deviceRouter = router({});
