import { router } from '../trpc/init';

/** Activities a member completes for points. */
export const activityRouter = router({});
