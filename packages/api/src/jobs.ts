import type { JobWorker } from '@puffy/jobs';
import { socialJobs } from './activity/social/jobs';
import type { Deps } from './deps';
import { notificationJobs } from './notification/jobs';
import { orderJobs } from './order/jobs';
import type { JobRegistration } from './platform/job-registry';
import { promotionJobs } from './promotion/jobs';
import { seasonJobs } from './season/jobs';

/** Every job kind of every domain: one line per domain's `jobs.ts`. */
export const allJobs: readonly JobRegistration[] = [
  ...orderJobs,
  ...notificationJobs,
  ...promotionJobs,
  ...seasonJobs,
  ...socialJobs,
];

export const allJobDefinitions = () => allJobs.map((j) => j.definition);

/** Registers every handler on the worker; the process then calls `worker.start()`. */
export function registerJobs(worker: JobWorker, deps: Deps): void {
  for (const job of allJobs) job.register(worker, deps);
}
