import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { pgTables } from './schema/pg';

/** The tables object: Postgres tables, the typed truth query code is written against. */
export type Schema = typeof pgTables;

/**
 * What query code is written against. On SQLite the handle underneath is drizzle's sqlite-proxy
 * database presented under this type (see sqlite/as-postgres.ts for the one place that does it).
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  dialect: Dialect;
  /** The handle for queries outside a transaction. */
  db: Database;
  /** The active dialect's tables, typed as the Postgres ones: `deps.db.t.users`. */
  t: Schema;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A call
   * inside an open transaction joins it. Use `tx` for every query of the transaction (on Postgres
   * the plain `db` handle is another connection, outside it).
   */
  withTransaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  /** Throws when the database does not answer (the server's /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PoolOptions {
  max?: number;
  idleTimeoutSeconds?: number;
  connectTimeoutSeconds?: number;
}

/**
 * Running totals a load test reads (through the server's /metrics) to say how many statements one
 * request makes. Plain numbers bumped in place: counting costs an addition, and nothing at all when
 * no counter is given.
 */
export interface QueryCounter {
  /** Statements sent (each query, insert, update or raw statement; not BEGIN or COMMIT). */
  statements: number;
  /** Outermost transactions opened (a joined inner one is not a new transaction). */
  transactions: number;
}

export interface DbOptions {
  /** Absent or `file:<path>`: SQLite. `postgres://` or `postgresql://`: Postgres. */
  url?: string;
  /** Where the default SQLite file (`puffy.sqlite`) lives when `url` is absent; `./data` by default. */
  dataDir?: string;
  /** Postgres pool; ignored on SQLite (one connection, transactions serialized). */
  pool?: PoolOptions;
  /** Counts every statement and transaction into this object (load tests only). */
  counter?: QueryCounter;
}
