import { type Database, type Db, lockKey, rawRows } from '@puffy/db';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { DEAD_LETTER_SUFFIX, type JobSettings } from '../definition';
import type { ClaimedJob, Engine } from '../engine';
import type { JobErrorReporter } from '../types';
import { sqlExecutor } from './executor';
import { readDeadLetters, readStats } from './stats';

export interface PgBossEngineOptions {
  schema: string;
  maintenanceIntervalSeconds: number;
  onError: JobErrorReporter;
}

const deadLetterQueue = (job: JobSettings) => `${job.name}${DEAD_LETTER_SUFFIX}`;

/**
 * pg-boss on the app's database. pg-boss owns the queue: claiming with `FOR UPDATE SKIP LOCKED`,
 * retry delays and backoff computed in SQL, dead-letter queues, and maintenance that fails attempts
 * whose lease (`expire_in`) ran out. This file adds what our contract needs on top: sending in the
 * caller's transaction, singleton keys that hold while a job is queued or running, and settling an
 * attempt only while it is still ours.
 */
export function createPgBossEngine(db: Db, options: PgBossEngineOptions): Engine {
  const { schema } = options;
  // pg-boss writes the schema name unquoted (folded to lower case); ours is quoted: keep them one name.
  if (!/^[a-z_][a-z0-9_]{0,49}$/.test(schema))
    throw new Error('the jobs schema must be a lower-case SQL name');
  const boss = new PgBoss({
    db: sqlExecutor(db, db.db),
    schema,
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
  });
  boss.on('error', (error) => options.onError(error, 'pg-boss maintenance'));
  const jobTable = sql`${sql.identifier(schema)}.job`;
  const queueTable = sql`${sql.identifier(schema)}.queue`;

  let starting: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    starting ??= boss.start().then(
      () => undefined,
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    return starting;
  };

  const created = new Map<string, Promise<void>>();
  /** Starts pg-boss (installing its schema once) and creates the job's queues, once per process. */
  const ensureQueue = async (job: JobSettings): Promise<void> => {
    await ready();
    let creating = created.get(job.name);
    if (creating === undefined) {
      creating = createQueues(job);
      creating.catch(() => created.delete(job.name));
      created.set(job.name, creating);
    }
    await creating;
  };

  /**
   * pg-boss's own create_queue (what boss.createQueue calls), one process at a time: two at once
   * deadlock, each inserting its queue row and then wanting a lock on the queue table for the foreign
   * key of its partition. Creating a queue that exists does nothing.
   */
  const createQueues = (job: JobSettings) =>
    transaction(async (tx) => {
      await lockKey(db, tx, `jobs:${schema}:create-queue`);
      const createQueue = (name: string, settings: Record<string, unknown>) =>
        rawRows(
          db,
          sql`select ${sql.identifier(schema)}.create_queue(${name}, ${JSON.stringify(settings)}::json)`,
          tx,
        );
      await createQueue(deadLetterQueue(job), { policy: 'standard' });
      await createQueue(job.name, {
        policy: 'standard',
        deadLetter: deadLetterQueue(job),
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: job.retryBackoff,
        expireInSeconds: job.expireInSeconds,
      });
    });

  /**
   * Before sending in a caller's transaction. Creating a queue needs a second connection, and callers
   * holding every pooled connection in their transactions would wait for it forever; so first ask
   * through the caller's own transaction (read-only queries that cannot fail) whether another process
   * (the worker at start-up, or prepare()) already created it.
   */
  const known = new Set<string>();
  const queueReadyFor = async (job: JobSettings, tx: Database): Promise<void> => {
    if (known.has(job.name)) return;
    const [installed] = await rawRows(
      db,
      sql`select to_regclass(${`${schema}.queue`}) is not null as yes`,
      tx,
    );
    const found =
      installed?.yes === true &&
      (await rawRows(db, sql`select 1 from ${queueTable} where name = ${job.name}`, tx)).length > 0;
    if (!found) await ensureQueue(job);
    known.add(job.name);
  };

  /** The engine's own transactions never join a caller's (drizzle's transaction: Postgres only). */
  const transaction = <T>(fn: (tx: Database) => Promise<T>): Promise<T> => db.db.transaction(fn);

  /** Locks the attempt's row when it is still active under this attempt number (retry_count + 1). */
  const ownsAttempt = async (tx: Database, job: JobSettings, claimed: ClaimedJob): Promise<boolean> => {
    const rows = await rawRows(
      db,
      sql`select 1 from ${jobTable} where name = ${job.name} and id = ${claimed.id}
          and state = 'active' and retry_count = ${claimed.attempt - 1} for update`,
      tx,
    );
    return rows.length > 0;
  };

  const onTransaction = (tx: Database) => ({ db: sqlExecutor(db, tx) });

  return {
    async enqueue(job, payload, enqueueOptions) {
      const { singletonKey, startAfter } = enqueueOptions;
      const send = async (tx: Database): Promise<string | null> => {
        await queueReadyFor(job, tx);
        if (singletonKey !== undefined) {
          // pg-boss 10's standard queues do not dedupe by key alone; an advisory lock held to commit
          // makes "check, then insert" safe against a concurrent enqueue of the same key.
          await lockKey(db, tx, `jobs:${schema}:${job.name}:${singletonKey}`);
          const pending = await rawRows(
            db,
            sql`select 1 from ${jobTable} where name = ${job.name} and singleton_key = ${singletonKey}
                and state < 'completed' limit 1`,
            tx,
          );
          if (pending.length > 0) return null;
        }
        return boss.send(job.name, payload, {
          ...(singletonKey === undefined ? {} : { singletonKey }),
          ...(startAfter === undefined ? {} : { startAfter }),
          retryLimit: job.retryLimit,
          retryDelay: job.retryDelaySeconds,
          retryBackoff: job.retryBackoff,
          expireInSeconds: job.expireInSeconds,
          deadLetter: deadLetterQueue(job),
          ...onTransaction(tx),
        });
      };
      return enqueueOptions.tx === undefined ? db.withTransaction(send) : send(enqueueOptions.tx);
    },

    prepare: ensureQueue,

    async claim(job, limit) {
      await ensureQueue(job);
      const rows = await boss.fetch<unknown>(job.name, { batchSize: limit, includeMetadata: true });
      return rows.map((row) => ({
        id: row.id,
        payload: row.data,
        attempt: Number(row.retryCount) + 1,
        leaseMs: Number(row.expireInSeconds) * 1000,
      }));
    },

    complete(job, claimed, workerId) {
      return transaction(async (tx) => {
        if (!(await ownsAttempt(tx, job, claimed))) return;
        await boss.complete(job.name, claimed.id, { workerId }, onTransaction(tx));
      });
    },

    fail(job, claimed, error, workerId) {
      return transaction(async (tx) => {
        if (!(await ownsAttempt(tx, job, claimed))) return;
        await boss.fail(job.name, claimed.id, { message: error, workerId }, onTransaction(tx));
      });
    },

    bury(job, claimed, error, workerId) {
      return transaction(async (tx) => {
        if (!(await ownsAttempt(tx, job, claimed))) return;
        // No retries left makes pg-boss's own fail() move the job to its dead-letter queue.
        await rawRows(
          db,
          sql`update ${jobTable} set retry_limit = retry_count where name = ${job.name} and id = ${claimed.id}`,
          tx,
        );
        await boss.fail(job.name, claimed.id, { message: error, workerId }, onTransaction(tx));
      });
    },

    async stats() {
      await ready();
      return readStats(db, schema);
    },

    async deadLetters(job, limit) {
      await ready();
      return readDeadLetters(db, schema, job, limit);
    },

    async close() {
      if (starting !== null) await starting.catch(() => undefined);
      await boss.stop({ close: false, graceful: true, timeout: 1000 });
    },
  };
}
