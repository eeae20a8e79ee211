import { router } from '../trpc/init';

/** Profile and linked accounts (SPEC.md section 4). */
export const userRouter = router({});
