import { hostname } from 'node:os';
import type { Db } from '@puffy/db';
import { settingsOf, storablePayload } from './definition';
import type { Engine } from './engine';
import { createPgBossEngine } from './postgres/engine';
import { createSqliteEngine } from './sqlite/engine';
import type { CreateJobsOptions, Jobs } from './types';
import { Worker } from './worker';

/**
 * The job queue and worker for this database: pg-boss on Postgres (production, any number of worker
 * processes), the in-process runner on SQLite (development, one process). Handlers and enqueue calls
 * are the same on both.
 */
export function createJobs(db: Db, options: CreateJobsOptions = {}): Jobs {
  const onError = options.onError ?? (() => {});
  const engine: Engine =
    db.dialect === 'postgres'
      ? createPgBossEngine(db, {
          schema: options.schema ?? 'pgboss',
          maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
          onError,
        })
      : createSqliteEngine(db, options.now ?? (() => new Date()));
  const worker = new Worker(engine, {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    onError,
  });
  return {
    queue: {
      enqueue: async (job, payload, enqueueOptions = {}) =>
        engine.enqueue(settingsOf(job), storablePayload(job, payload), enqueueOptions),
    },
    worker,
    prepare: async (definitions) => {
      for (const job of definitions) await engine.prepare(settingsOf(job));
    },
    stats: () => engine.stats(),
    deadLetters: ({ job, limit = 20 } = {}) => engine.deadLetters(job, limit),
    close: async () => {
      await worker.stop();
      await engine.close();
    },
  };
}
