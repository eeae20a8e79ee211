import { type Db, rawRows } from '@puffy/db';
import { type SQL, sql } from 'drizzle-orm';
import type { DeadLetter, JobStats } from '../types';

/*
 * Read straight from pg-boss's tables: its countStates() has neither due times nor the split between
 * dead-letter queues and the rest. Jobs in a dead-letter queue sit in state `created` until archived.
 */

const tables = (schema: string) => ({
  job: sql`${sql.identifier(schema)}.job`,
  queue: sql`${sql.identifier(schema)}.queue`,
});

export async function readStats(db: Db, schema: string): Promise<JobStats> {
  const { job, queue } = tables(schema);
  const [row] = await rawRows(
    db,
    sql`with marked as (
          select j.state, j.start_after,
            j.name in (select dead_letter from ${queue} where dead_letter is not null) as dead_letter
          from ${job} j
          where j.state < 'completed'
        )
        select
          count(*) filter (where not dead_letter and state < 'active' and start_after <= now())::int as queued,
          count(*) filter (where not dead_letter and state = 'created' and start_after > now())::int as scheduled,
          count(*) filter (where not dead_letter and state = 'active')::int as running,
          count(*) filter (where not dead_letter and state = 'retry' and start_after > now())::int as failed,
          count(*) filter (where dead_letter and state < 'active')::int as dead,
          extract(epoch from now() - min(start_after)
            filter (where not dead_letter and state < 'active' and start_after <= now()))::float8 as oldest
        from marked`,
    db.db,
  );
  if (row === undefined) throw new Error('the jobs tally returned no row');
  const oldest = row.oldest === null ? null : Math.max(0, Number(row.oldest));
  return {
    queued: Number(row.queued),
    scheduled: Number(row.scheduled),
    running: Number(row.running),
    failed: Number(row.failed),
    dead: Number(row.dead),
    oldestQueuedAgeSeconds: oldest,
  };
}

export async function readDeadLetters(
  db: Db,
  schema: string,
  jobName: string | undefined,
  limit: number,
): Promise<DeadLetter[]> {
  const { job, queue } = tables(schema);
  const ofJob: SQL = jobName === undefined ? sql`true` : sql`q.name = ${jobName}`;
  const rows = await rawRows(
    db,
    sql`select j.id, q.name as job, j.data, j.output,
          (extract(epoch from j.created_on) * 1000)::float8 as failed_at_ms
        from ${job} j join ${queue} q on q.dead_letter = j.name
        where j.state < 'active' and ${ofJob}
        order by j.created_on desc
        limit ${limit}`,
    db.db,
  );
  return rows.map((row) => ({
    id: String(row.id),
    job: String(row.job),
    payload: row.data,
    error: outputMessage(row.output),
    failedAt: new Date(Number(row.failed_at_ms)),
  }));
}

/** Our fail() stores `{ message }`; pg-boss's lease timeout stores `{ value: { message } }`. */
function outputMessage(output: unknown): string {
  if (typeof output !== 'object' || output === null) return String(output ?? '');
  if ('message' in output && typeof output.message === 'string') return output.message;
  if ('value' in output) return outputMessage(output.value);
  return JSON.stringify(output);
}
