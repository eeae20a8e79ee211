import { type Column, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { driverOf } from './driver';
import type { Database, Db } from './types';

/*
 * The few things the two dialects spell differently, each with both versions side by side. Query code
 * otherwise sticks to what both run alike: select/insert/update/delete builders, `returning`,
 * `onConflictDoNothing`, `onConflictDoUpdate`, and `sql` fragments both parse.
 *
 * Rows affected: the drivers report them differently, so never read the result of an update or
 * delete. Ask for `.returning({ id: t.x.id })` and count the rows: that is the affected count on both.
 *
 * Raw aggregates: Postgres returns bigint and numeric as strings, SQLite as numbers. Give every
 * `sql<number>` a `.mapWith(Number)` (drizzle's `count()` already does).
 *
 * Times: pass Dates from the clock; never `now()` or `CURRENT_TIMESTAMP` in SQL (SQLite keeps epoch
 * milliseconds, Postgres timestamptz).
 *
 * Transactions: never `db.transaction`; `Db.withTransaction` is the one that is correct on SQLite.
 */

/**
 * Locks the rows `where` selects until the transaction ends. Postgres: `SELECT … FOR UPDATE`.
 * SQLite: nothing to do, because `BEGIN IMMEDIATE` already made the transaction the only writer.
 * Call it first thing in `withTransaction`, then read the rows and write them back.
 */
export async function lockRows(db: Db, tx: Database, table: PgTable, where: SQL | undefined): Promise<void> {
  if (db.dialect === 'sqlite') return;
  await tx.select({ one: sql`1` }).from(table).where(where).for('update');
}

/**
 * Runs a select that, on Postgres, also holds `FOR SHARE` locks on the rows it returns until the
 * transaction ends: many readers may hold them at once, but a writer of those rows (a conditional
 * UPDATE) waits until they commit, and they wait for it. SQLite: the plain select, as above.
 */
export function readShared<R>(db: Db, query: PromiseLike<R> & { for(strength: 'share'): PromiseLike<R> }) {
  return db.dialect === 'sqlite' ? query : query.for('share');
}

/**
 * Serializes transactions that share `key` (a lock on a name, not on rows: useful before the row
 * exists). Postgres: a transaction-scoped advisory lock. SQLite: nothing to do, as above.
 */
export async function lockKey(db: Db, tx: Database, key: string): Promise<void> {
  if (db.dialect === 'sqlite') return;
  await driverOf(db).rows(sql`select pg_advisory_xact_lock(hashtext(${key}))`, tx);
}

/**
 * Case-insensitive substring match. Postgres `ILIKE`; SQLite `LIKE`, which ignores case for ASCII.
 * `%` and `_` in `text` match literally.
 */
export function containsInsensitive(db: Db, column: Column, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.dialect === 'postgres'
    ? sql`${column} ilike ${pattern} escape '\\'`
    : sql`${column} like ${pattern} escape '\\'`;
}

/**
 * Whether `q` is the pool's handle (`db.db`) rather than an open Postgres transaction's. A statement
 * prepared on the pool must run only on the pool: inside a Postgres transaction it would take another
 * connection, outside the transaction. On SQLite the transaction handle is the pool handle (the one
 * connection follows the async context), so this is always true there, and rightly so.
 */
export function isPoolHandle(db: Db, q: Database): boolean {
  return q === db.db;
}

/**
 * Raw SQL for the rare query no builder expresses (reports, introspection). The text must be valid
 * in the active dialect; rows come back as plain objects with the driver's own value types. `q` is the
 * open transaction's handle, or `db.db` outside one (Postgres runs the query on exactly that handle).
 */
export function rawRows(db: Db, query: SQL, q: Database): Promise<Record<string, unknown>[]> {
  return driverOf(db).rows(query, q);
}

/**
 * Bulk insert of many rows that skips rows conflicting with a unique key, returning `key` of each row
 * actually inserted (so a caller can tell the skipped ones). `rows` are arrays of column values in
 * `columns` order (text, integer or null; no JSON, dates or bigints). The caller chooses the chunk it
 * passes (that bounds memory and how long a transaction holds SQLite's one connection).
 *
 * Either dialect gets the whole chunk in one statement with a fixed handful of parameters, so neither
 * driver limit (SQLite 32,766 bound values, Postgres 65,535) applies and the statement is parsed and
 * planned once; building one parameter per value through the query builder cost more than the insert
 * itself (about 30 µs a row). Postgres: one array per column, unnested server side. SQLite: the rows
 * as one JSON array, read by `json_each`.
 */
export async function insertManySkippingConflicts(
  db: Db,
  q: Database,
  insert: { table: PgTable; columns: Column[]; rows: unknown[][]; key: Column },
): Promise<unknown[]> {
  const { table, columns, rows, key } = insert;
  if (rows.length === 0) return [];
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const keyName = key.name;
  let source: SQL;
  if (db.dialect === 'postgres') {
    const arrays = columns.map((c, i) => {
      const values = rows.map((row) => row[i] ?? null);
      return sql`${sql.param(values)}::${sql.raw(c.getSQLType())}[]`;
    });
    source = sql`select * from unnest(${sql.join(arrays, sql`, `)})`;
  } else {
    const fields = columns.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`));
    // `where true` tells SQLite's parser the ON CONFLICT below belongs to the insert, not a join.
    source = sql`select ${sql.join(fields, sql`, `)} from json_each(${JSON.stringify(rows)}) where true`;
  }
  const query = sql`insert into ${table} (${names}) ${source} on conflict do nothing returning ${sql.identifier(keyName)}`;
  return (await driverOf(db).rows(query, q)).map((r) => r[keyName]);
}
