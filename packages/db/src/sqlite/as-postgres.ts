import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type { DialectKit } from '../schema/pg/kit';
import { sqliteKit } from '../schema/sqlite/kit';
import type { Database, Schema } from '../types';

/**
 * THE one place SQLite is presented under the Postgres types: the SQLite column builders are handed to
 * the table files as the Postgres kit, so the SQLite tables come out typed as the Postgres ones, and
 * the database that queries them is typed as a Postgres database. It is sound only as far as
 * test/parity.test.ts proves the two schemas describe the same tables, columns, keys and indexes, and
 * the dialect matrix (every db test on both) proves the queries behave alike.
 */
export const sqliteKitAsPostgres = sqliteKit as unknown as DialectKit;

export function sqliteDatabaseAsPostgres(db: SqliteRemoteDatabase<Schema>): Database {
  return db as unknown as Database;
}
