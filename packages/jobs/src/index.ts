export { createJobs } from './create-jobs';
export { defineJob, type JobDefinition } from './definition';
export type {
  CreateJobsOptions,
  DeadLetter,
  EnqueueOptions,
  JobContext,
  JobErrorReporter,
  JobHandler,
  JobQueue,
  JobStats,
  Jobs,
  JobWorker,
  StopOptions,
} from './types';
