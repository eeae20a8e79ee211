import type { Database } from '@puffy/db';
import type { JobDefinition } from './definition';

export interface EnqueueOptions {
  /**
   * At most one queued or running job of this kind per key: a second enqueue while one waits, runs or
   * waits for a retry returns null. Once that job is done or dead the key is free again.
   */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
  /**
   * The transaction of the change that needs the job (from `db.withTransaction`): the job exists only
   * if that transaction commits. Inside `withTransaction` the job joins the open transaction even
   * without it (both dialects follow the async context); passing it says so where it matters.
   */
  tx?: Database;
}

export interface JobQueue {
  /**
   * Validates the payload (a ZodError when it does not fit the job's schema) and queues the job.
   * Resolves to the job id, or null when a job with the same `singletonKey` is already queued or running.
   */
  enqueue<P extends object>(
    job: JobDefinition<P>,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<string | null>;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first attempt; a job whose worker died mid-run comes back with the next number. */
  attempt: number;
  /** Aborts when the attempt's lease runs out or the worker stops before the handler finished. */
  signal: AbortSignal;
}

/**
 * Does the work of one job. The contract, on both engines:
 *
 * - At least once. A job runs again after a throw (with backoff, up to the job's retryLimit), after its
 *   lease (`expireInSeconds`) runs out, and after its worker dies mid-run (the lease ends, another worker
 *   takes it). So a handler must be idempotent: check before acting (is the order still `paid`?), write
 *   with unique keys or `onConflictDoNothing`, make outside calls with a key derived from the job (the
 *   payment, the NFT record) so that a second call finds the first one's result instead of repeating it.
 * - One worker at a time per job. A job is claimed atomically (`SKIP LOCKED` on Postgres, one claiming
 *   transaction on SQLite) and leased to one worker. A handler that outlives its lease has its `signal`
 *   aborted and its attempt failed; it must stop then, because the job may start elsewhere.
 * - Resolving completes the job; throwing fails this attempt (the error message is kept). A payload that
 *   no longer fits the schema never reaches the handler: the job goes to the dead letters at once.
 */
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export interface StopOptions {
  /**
   * How long to wait for running handlers; 30 s unless set. Past it their signals abort and their
   * attempts are failed (so they are retried soon rather than after their lease).
   */
  timeoutMs?: number;
}

export interface JobWorker {
  /** Before start(): one handler per job name. `concurrency` (1 unless set) jobs of this kind at once. */
  register<P extends object>(
    job: JobDefinition<P>,
    handler: JobHandler<P>,
    options?: { concurrency?: number },
  ): void;
  start(): Promise<void>;
  /** Stops taking jobs, lets the running ones finish, then resolves. Calling it again is harmless. */
  stop(options?: StopOptions): Promise<void>;
}

/** The queue's health for /metrics. Pending jobs fall in exactly one of the first four counts. */
export interface JobStats {
  /** Due and waiting for a worker: the backlog (first attempts and retries alike). */
  queued: number;
  /** Waiting for a later `startAfter`, never run yet. */
  scheduled: number;
  /** Held by a worker. */
  running: number;
  /** Backing off after a failed attempt, before their next one is due. */
  failed: number;
  /** Out of attempts, or refused by their schema: waiting for an operator (see deadLetters). */
  dead: number;
  /** How long the oldest due job has waited past its due time; null when nothing is due. */
  oldestQueuedAgeSeconds: number | null;
}

export interface DeadLetter {
  id: string;
  job: string;
  payload: unknown;
  error: string;
  failedAt: Date;
}

export type JobErrorReporter = (error: unknown, context: string) => void;

export interface CreateJobsOptions {
  /** How often an idle worker looks for due jobs; 1000 ms unless set. A busy one looks again at once. */
  pollIntervalMs?: number;
  /** Names this process in leases and job output; host, pid and a random part unless set. */
  workerId?: string;
  /** SQLite runner's clock (run times, leases). Postgres uses the database's clock, as pg-boss does. */
  now?: () => Date;
  /** Postgres: the schema pg-boss keeps its tables in; `pgboss` unless set. */
  schema?: string;
  /**
   * Postgres: how often pg-boss's maintenance runs (60 s unless set): it fails jobs whose lease ran out
   * because their worker died, so they are retried, and archives old jobs. One instance does it per round.
   */
  maintenanceIntervalSeconds?: number;
  /** Errors nobody awaits: a lost database connection while polling, a failed completion. */
  onError?: JobErrorReporter;
}

export interface Jobs {
  queue: JobQueue;
  worker: JobWorker;
  /**
   * Makes these jobs' queues ready (Postgres: pg-boss's schema and a queue plus a dead-letter queue per
   * job). Optional, since first use does it too; call it at start-up so that the first enqueue inside a
   * transaction never needs a second pooled connection, and a broken database fails the boot.
   */
  prepare(jobs: readonly JobDefinition<object>[]): Promise<void>;
  stats(): Promise<JobStats>;
  /** The newest dead jobs first (20 unless `limit`), of one job kind when `job` is given. */
  deadLetters(options?: { job?: string; limit?: number }): Promise<DeadLetter[]>;
  /** Stops the worker and releases the engine; the Db stays open (it belongs to the caller). */
  close(): Promise<void>;
}
