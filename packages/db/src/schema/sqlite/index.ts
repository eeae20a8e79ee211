import { sqliteKitAsPostgres } from '../../sqlite/as-postgres';
import { defineTables } from '../tables';

/**
 * The same tables as ../pg, built with the SQLite kit (typed as the Postgres ones: see
 * ../../sqlite/as-postgres.ts); drizzle-kit reads them through ./drizzle-kit.cjs.
 */
export const sqliteTables = defineTables(sqliteKitAsPostgres);
