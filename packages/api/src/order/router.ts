import { router } from '../trpc/init';

/** Checkout, orders and their payments (SPEC.md section 8). */
export const orderRouter = router({});
