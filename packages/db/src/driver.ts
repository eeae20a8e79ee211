import type { SQL } from 'drizzle-orm';
import type { Database, Db } from './types';

/**
 * What the migration runner and the dialect helpers need beyond the shared query surface. Kept out of
 * the `Db` interface so query code cannot reach for raw, dialect-specific SQL by accident.
 */
export interface RawDriver {
  /** Rows as objects; `tx` is the transaction handle to run on (Postgres; SQLite follows the context). */
  rows(query: SQL, tx?: Database): Promise<Record<string, unknown>[]>;
  /** One statement of a migration file, verbatim. */
  exec(statement: string, tx?: Database): Promise<void>;
}

const drivers = new WeakMap<Db, RawDriver>();

export function registerDriver(db: Db, driver: RawDriver): Db {
  drivers.set(db, driver);
  return db;
}

export function driverOf(db: Db): RawDriver {
  const driver = drivers.get(db);
  if (driver === undefined) throw new Error('not a database made by createDb');
  return driver;
}
