import type { Db } from '@puffy/db';
import { and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { JobSettings } from '../definition';
import { type ClaimedJob, type Engine, retryDelayMs } from '../engine';
import type { DeadLetter, JobStats } from '../types';

/**
 * The in-process runner for development on SQLite, over the `jobs` table. One process: transactions
 * are serialized by the db package, so a claim (one UPDATE of the oldest due rows, in a transaction)
 * cannot hand a job to two workers. A lease (`locked_until`, `locked_by`) lets another worker take a
 * job whose worker died. Not for production: that is pg-boss (docs/architecture.md).
 */
export function createSqliteEngine(db: Db, now: () => Date, random: () => number = Math.random): Engine {
  const { jobs } = db.t;

  /** The unique `singleton_key` column is shared by every job kind, so the key carries the name. */
  const singleton = (job: JobSettings, key: string | undefined) =>
    key === undefined ? null : `${job.name}:${key}`;

  /** This worker still holds this attempt: nobody reclaimed it after its lease. */
  const owns = (claimed: ClaimedJob, workerId: string) =>
    and(
      eq(jobs.id, claimed.id),
      eq(jobs.status, 'running'),
      eq(jobs.lockedBy, workerId),
      eq(jobs.attempts, claimed.attempt),
    );

  const released = { lockedBy: null, lockedUntil: null };

  return {
    async enqueue(job, payload, options) {
      const at = now();
      const rows = await (options.tx ?? db.db)
        .insert(jobs)
        .values({
          queue: job.name,
          payload,
          singletonKey: singleton(job, options.singletonKey),
          runAt: options.startAfter ?? at,
          maxAttempts: job.retryLimit + 1,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id });
      return rows[0]?.id ?? null;
    },

    prepare: async () => {},

    claim(job, limit, workerId) {
      return db.withTransaction(async (tx) => {
        const at = now();
        const leaseLost = and(
          eq(jobs.queue, job.name),
          eq(jobs.status, 'running'),
          lte(jobs.lockedUntil, at),
        );
        // A lease that ran out on the last attempt ends the job: its worker died on every try.
        await tx
          .update(jobs)
          .set({
            status: 'dead',
            singletonKey: null,
            ...released,
            lastError: 'the lease ran out on the last attempt (its worker stopped or hung)',
            updatedAt: at,
          })
          .where(and(leaseLost, gte(jobs.attempts, jobs.maxAttempts)));
        const due = or(
          and(eq(jobs.queue, job.name), inArray(jobs.status, ['queued', 'failed']), lte(jobs.runAt, at)),
          leaseLost,
        );
        const oldestDue = tx.select({ id: jobs.id }).from(jobs).where(due).orderBy(jobs.runAt).limit(limit);
        const rows = await tx
          .update(jobs)
          .set({
            status: 'running',
            attempts: sql`${jobs.attempts} + 1`,
            lockedBy: workerId,
            lockedUntil: new Date(at.getTime() + job.expireInSeconds * 1000),
            updatedAt: at,
          })
          .where(inArray(jobs.id, oldestDue))
          .returning({ id: jobs.id, payload: jobs.payload, attempts: jobs.attempts });
        return rows.map((row) => ({
          id: row.id,
          payload: row.payload,
          attempt: row.attempts,
          leaseMs: job.expireInSeconds * 1000,
        }));
      });
    },

    async complete(_job, claimed, workerId) {
      await db.db
        .update(jobs)
        .set({ status: 'done', singletonKey: null, ...released, updatedAt: now() })
        .where(owns(claimed, workerId));
    },

    fail(job, claimed, error, workerId) {
      return db.withTransaction(async (tx) => {
        const [row] = await tx
          .select({ maxAttempts: jobs.maxAttempts })
          .from(jobs)
          .where(owns(claimed, workerId));
        if (row === undefined) return;
        const at = now();
        const retry = claimed.attempt < row.maxAttempts;
        await tx
          .update(jobs)
          .set(
            retry
              ? {
                  status: 'failed',
                  runAt: new Date(at.getTime() + retryDelayMs(job, claimed.attempt, random)),
                  ...released,
                  lastError: error,
                  updatedAt: at,
                }
              : { status: 'dead', singletonKey: null, ...released, lastError: error, updatedAt: at },
          )
          .where(owns(claimed, workerId));
      });
    },

    async bury(_job, claimed, error, workerId) {
      await db.db
        .update(jobs)
        .set({ status: 'dead', singletonKey: null, ...released, lastError: error, updatedAt: now() })
        .where(owns(claimed, workerId));
    },

    async stats(): Promise<JobStats> {
      const at = now();
      const waiting = sql`${jobs.status} in ('queued', 'failed') and ${jobs.runAt} <= ${at}`;
      const tally = (condition: ReturnType<typeof sql>) =>
        sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);
      const [row] = await db.db
        .select({
          queued: tally(waiting),
          scheduled: tally(sql`${jobs.status} = 'queued' and ${jobs.runAt} > ${at}`),
          failed: tally(sql`${jobs.status} = 'failed' and ${jobs.runAt} > ${at}`),
          running: tally(sql`${jobs.status} = 'running'`),
          dead: tally(sql`${jobs.status} = 'dead'`),
          oldestDue: sql<number | null>`min(case when ${waiting} then ${jobs.runAt} end)`.mapWith(Number),
        })
        .from(jobs);
      if (row === undefined) throw new Error('the jobs tally returned no row');
      const { oldestDue, ...counts } = row;
      return {
        ...counts,
        oldestQueuedAgeSeconds: oldestDue === null ? null : Math.max(0, (at.getTime() - oldestDue) / 1000),
      };
    },

    async deadLetters(job, limit): Promise<DeadLetter[]> {
      const rows = await db.db
        .select({
          id: jobs.id,
          job: jobs.queue,
          payload: jobs.payload,
          error: jobs.lastError,
          failedAt: jobs.updatedAt,
        })
        .from(jobs)
        .where(and(eq(jobs.status, 'dead'), job === undefined ? undefined : eq(jobs.queue, job)))
        .orderBy(desc(jobs.updatedAt))
        .limit(limit);
      return rows.map((row) => ({ ...row, error: row.error ?? '' }));
    },

    close: async () => {},
  };
}
