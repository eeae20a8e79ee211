import type { SQL } from 'drizzle-orm';
import type { Database, Db } from './types';

/**
 * What the migration runner and the dialect helpers need beyond the shared query surface. Kept out of
 * the `Db` interface so query code cannot reach for raw, dialect-specific SQL by accident.
 */
export interface RawDriver {
  /**
   * Rows as objects, on `q`: a transaction's handle, or the pool's (`db.db`) outside one. Postgres runs
   * on exactly that handle; SQLite's one connection follows the async context whichever is given.
   */
  rows(query: SQL, q: Database): Promise<Record<string, unknown>[]>;
  /** One statement of a migration file, verbatim, on `q` as for `rows`. */
  exec(statement: string, q: Database): Promise<void>;
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
