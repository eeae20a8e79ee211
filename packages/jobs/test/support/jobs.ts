import { createDb, type Database, type Db, rawRows } from '@puffy/db';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { sql } from 'drizzle-orm';
import { createJobs } from '../../src/index';
import type { CreateJobsOptions, Jobs } from '../../src/types';

export { type TestDatabase, testDatabases };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A job name of its own per test, so tests sharing a database do not see each other's jobs. */
export const uniqueName = (prefix: string) => `${prefix}.${crypto.randomUUID().slice(0, 8)}`;

/** A resolvable promise, for holding a handler open while the test acts. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export async function waitFor<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, what = 'the condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

/**
 * Tables the tests' handlers write to, in SQL both dialects run: `job_runs` gets a row per handler
 * call, `job_effects` one per effect key (an idempotent insert keeps it to one).
 */
export async function createEffectTables(db: Db): Promise<void> {
  await rawRows(
    db,
    sql`create table job_runs (job_key text not null, worker text not null, attempt integer not null)`,
    db.db,
  );
  await rawRows(db, sql`create table job_effects (effect_key text primary key, worker text not null)`, db.db);
}

/** `q`: the handler's transaction, or `db.db` outside one. */
export async function recordRun(db: Db, q: Database, run: { key: string; worker: string; attempt: number }) {
  await rawRows(
    db,
    sql`insert into job_runs (job_key, worker, attempt) values (${run.key}, ${run.worker}, ${run.attempt})`,
    q,
  );
}

/** `q`: the handler's transaction, or `db.db` outside one. */
export async function recordEffect(db: Db, q: Database, effect: { key: string; worker: string }) {
  await rawRows(
    db,
    sql`insert into job_effects (effect_key, worker) values (${effect.key}, ${effect.worker}) on conflict do nothing`,
    q,
  );
}

export async function runsOf(
  db: Db,
  prefix: string,
): Promise<{ key: string; worker: string; attempt: number }[]> {
  const rows = await rawRows(
    db,
    sql`select job_key, worker, attempt from job_runs where job_key like ${`${prefix}%`} order by job_key, attempt`,
    db.db,
  );
  return rows.map((row) => ({
    key: String(row.job_key),
    worker: String(row.worker),
    attempt: Number(row.attempt),
  }));
}

export async function effectsOf(db: Db, prefix: string): Promise<string[]> {
  const rows = await rawRows(
    db,
    sql`select effect_key from job_effects where effect_key like ${`${prefix}%`} order by effect_key`,
    db.db,
  );
  return rows.map((row) => String(row.effect_key));
}

/** Fast polling and maintenance, so the suites stay quick. */
export const FAST: CreateJobsOptions = { pollIntervalMs: 25, maintenanceIntervalSeconds: 1 };

/** Jobs instances closed after each test, and second database handles (a second "process"). */
export function harness(getDatabase: () => TestDatabase) {
  const opened: Jobs[] = [];
  const handles: Db[] = [];
  return {
    jobs(options: CreateJobsOptions = {}, db: Db = getDatabase().db): Jobs {
      const jobs = createJobs(db, { ...FAST, ...options });
      opened.push(jobs);
      return jobs;
    },
    /** Another handle on the same database, as a second process would open (its own pool on Postgres). */
    otherHandle(): Db {
      const db = createDb({ url: getDatabase().url, pool: { max: 5 } });
      handles.push(db);
      return db;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((jobs) => jobs.close()));
      await Promise.all(handles.splice(0).map((db) => db.close()));
    },
  };
}
