import { defineJob } from '@puffy/jobs';
import { z } from 'zod';

/** A member's check the service throttled: runs again at the reset the service named. */
export const socialCheckRetryJob = defineJob({
  name: 'activity.social-check-retry',
  payload: z.object({
    userId: z.string().min(1).max(64),
    activityId: z.number().int().positive(),
    campaignId: z.number().int().positive(),
    proofUrl: z.string().max(500).optional(),
  }),
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
});

/** Checks one completed task again (an operator's re-check of a campaign, one job per completion). */
export const socialRecheckJob = defineJob({
  name: 'activity.social-recheck',
  payload: z.object({ userActivityId: z.string().min(1).max(64) }),
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
});
