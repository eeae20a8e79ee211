import { defineTables } from '../tables';
import { pgKit } from './kit';

/**
 * The Postgres tables: the typed truth every query is written against, written once in ../tables.
 * One object, not a named export per table, so the list of tables lives only where they are defined;
 * drizzle-kit, which reads a schema file's exports, is handed this object's tables by ./drizzle-kit.cjs.
 */
export const pgTables = defineTables(pgKit);
