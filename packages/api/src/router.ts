import { activityRouter } from './activity/router';
import { adminRouter } from './admin/router';
import { analyticsRouter } from './analytics/router';
import { authRouter } from './auth/router';
import { campaignRouter } from './campaign/router';
import { deviceRouter } from './device/router';
import { eligibilityRouter } from './eligibility/router';
import { nftRouter } from './nft/router';
import { orderRouter } from './order/router';
import { promotionRouter } from './promotion/router';
import { referralRouter } from './referral/router';
import { seasonRouter } from './season/router';
import { storeRouter } from './store/router';
import { systemRouter } from './system/router';
import { telemetryRouter } from './telemetry/router';
import { router } from './trpc/init';
import { userRouter } from './user/router';

export const appRouter = router({
  auth: authRouter,
  system: systemRouter,
  user: userRouter,
  campaign: campaignRouter,
  eligibility: eligibilityRouter,
  activity: activityRouter,
  referral: referralRouter,
  promotion: promotionRouter,
  nft: nftRouter,
  store: storeRouter,
  device: deviceRouter,
  order: orderRouter,
  season: seasonRouter,
  admin: adminRouter,
  analytics: analyticsRouter,
  telemetry: telemetryRouter,
});

export type AppRouter = typeof appRouter;
