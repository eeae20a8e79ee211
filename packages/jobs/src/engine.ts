import type { JobSettings } from './definition';
import type { DeadLetter, EnqueueOptions, JobStats } from './types';

/** One attempt of a job, leased to this worker. */
export interface ClaimedJob {
  id: string;
  payload: unknown;
  /** 1-based; with the job id it names this attempt, so a late answer cannot settle a newer one. */
  attempt: number;
  /** How long the attempt may run before another worker may take the job. */
  leaseMs: number;
}

/**
 * What the worker loop needs from a queue. Two implementations: pg-boss on Postgres, the `jobs` table
 * on SQLite. Settling calls (complete, fail, bury) only act while the attempt is still this worker's.
 */
export interface Engine {
  enqueue(job: JobSettings, payload: object, options: EnqueueOptions): Promise<string | null>;
  /** Makes the job's queue ready before a worker polls it. */
  prepare(job: JobSettings): Promise<void>;
  claim(job: JobSettings, limit: number, workerId: string): Promise<ClaimedJob[]>;
  complete(job: JobSettings, claimed: ClaimedJob, workerId: string): Promise<void>;
  /** This attempt failed: retried with backoff while attempts remain, dead after the last one. */
  fail(job: JobSettings, claimed: ClaimedJob, error: string, workerId: string): Promise<void>;
  /** Dead at once, whatever attempts remain (a payload its schema refuses would fail every time). */
  bury(job: JobSettings, claimed: ClaimedJob, error: string, workerId: string): Promise<void>;
  stats(): Promise<JobStats>;
  deadLetters(job: string | undefined, limit: number): Promise<DeadLetter[]>;
  close(): Promise<void>;
}

/** pg-boss's backoff, shared so both engines wait alike: d·2^(n−1) plus up to as much again in jitter. */
export function retryDelayMs(job: JobSettings, failedAttempt: number, random: () => number): number {
  const base = job.retryDelaySeconds * 1000;
  if (!job.retryBackoff) return base;
  const step = Math.max(base, 1000) * 2 ** Math.min(16, failedAttempt - 1);
  return step + step * random();
}
