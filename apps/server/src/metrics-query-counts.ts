import type { QueryCounter } from '@puffy/db';
import type { StoreCounter } from '@puffy/store';
import { Gauge, type Registry } from 'prom-client';

/** What one process has sent to the database and the store since it started (QUERY_COUNTS). */
export interface QueryCounts {
  db: QueryCounter;
  store: StoreCounter;
}

// One set per process: a load test reads each instance's /metrics before and after one request.
let counts: QueryCounts | undefined;

/** The process's counters when counting is on, made at the first call; undefined when it is off. */
export function processQueryCounts(enabled: boolean): QueryCounts | undefined {
  if (!enabled) return undefined;
  counts ??= { db: { statements: 0, transactions: 0 }, store: { roundTrips: 0 } };
  return counts;
}

/** Adds the counters to /metrics when this process counts; otherwise /metrics stays as it was. */
export function registerQueryCounts(registry: Registry): void {
  const current = counts;
  if (current === undefined) return;
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge(
    'puffy_db_statements_sent',
    'SQL statements sent since start (QUERY_COUNTS)',
    () => current.db.statements,
  );
  gauge(
    'puffy_db_transactions_opened',
    'Database transactions opened since start (QUERY_COUNTS)',
    () => current.db.transactions,
  );
  gauge(
    'puffy_store_round_trips',
    'Redis round trips since start (QUERY_COUNTS)',
    () => current.store.roundTrips,
  );
}
