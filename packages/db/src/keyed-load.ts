import { type Column, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { driverOf } from './driver';
import { insertManySkippingConflicts } from './helpers';
import type { Database, Db } from './types';

/**
 * A large set of rows written batch by batch into `table`, all with one value of its leading key
 * column (`group`: a snapshot's id) and each `key` once within it (the holder's address). After each
 * batch the caller learns which keys were new, so a repeat can be reported where it was read.
 */
export interface KeyedLoad {
  /**
   * Adds one batch (values in `columns` order) and returns the keys that were not added before. `q` is
   * the transaction's handle, or `db.db` outside one.
   */
  add(rows: unknown[][], q: Database): Promise<unknown[]>;
  /** Makes every added row visible in the table. Call once, after the last `add`. */
  finish(signal?: AbortSignal): Promise<void>;
  /**
   * Releases what the load holds; call it always, after `finish` or instead of it. Without `finish`,
   * Postgres keeps the batches already written and SQLite drops them: a caller starting over deletes
   * its group's rows first either way.
   */
  close(): Promise<void>;
}

export interface KeyedLoadSpec {
  table: PgTable;
  group: { column: Column; value: unknown };
  key: Column;
  /** The columns each added row gives, `key` among them. */
  columns: Column[];
}

/**
 * Rows moved per transaction when a SQLite load finishes: each chunk holds the one connection for a
 * few tens of milliseconds, so readers wait no longer than they do for an import batch.
 */
const SQLITE_MOVE_ROWS = 10_000;

/**
 * Postgres writes each batch straight into the table.
 *
 * SQLite stages the batches in a private temporary table keyed by `key`, then copies them into the
 * table in key order. Inserting random keys (addresses) straight into the table's primary key
 * dirtied a different page per row, and every commit wrote all of them to the WAL and checkpointed
 * them again: 27 s of 38 s for 500,000 rows in batches of 2,000, measured on better-sqlite3 alone. The temporary table is written without
 * a WAL or a file journal (see the connection's pragmas), and the sorted copy fills the table's pages
 * one after another, each written once.
 */
export async function openKeyedLoad(db: Db, spec: KeyedLoadSpec): Promise<KeyedLoad> {
  const names = spec.columns.map((c) => c.name);
  if (!names.includes(spec.key.name)) throw new Error('the key must be one of the loaded columns');
  if (db.dialect === 'postgres') {
    return {
      add: (rows, q) =>
        insertManySkippingConflicts(db, q, {
          table: spec.table,
          columns: [spec.group.column, ...spec.columns],
          rows: rows.map((row) => [spec.group.value, ...row]),
          key: spec.key,
        }),
      finish: async () => {},
      close: async () => {},
    };
  }
  return openSqliteStage(db, spec);
}

let stages = 0;

async function openSqliteStage(db: Db, spec: KeyedLoadSpec): Promise<KeyedLoad> {
  const driver = driverOf(db);
  // Temporary tables belong to the connection, which every request of this process shares: the name
  // must not collide with another load running at the same time.
  stages += 1;
  const stage = sql.raw(`temp."keyed_load_${stages}"`);
  const key = sql.identifier(spec.key.name);
  const columnList = sql.join(
    spec.columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const definitions = sql.join(
    spec.columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`),
    sql`, `,
  );
  await driver.rows(
    sql`create temp table ${stage} (${definitions}, primary key (${key})) without rowid`,
    db.db,
  );
  let closed = false;

  const moveChunk = async (after: unknown): Promise<unknown> => {
    const afterKey: SQL = after === undefined ? sql`true` : sql`${key} > ${after}`;
    return db.withTransaction(async (tx) => {
      const [bound] = await driver.rows(
        sql`select ${key} as k from ${stage} where ${afterKey} order by ${key} limit 1 offset ${SQLITE_MOVE_ROWS - 1}`,
        tx,
      );
      const upTo: SQL = bound === undefined ? sql`` : sql` and ${key} <= ${bound.k}`;
      await driver.rows(
        sql`insert into ${spec.table} (${sql.identifier(spec.group.column.name)}, ${columnList}) select ${spec.group.value}, ${columnList} from ${stage} where ${afterKey}${upTo} order by ${key}`,
        tx,
      );
      return bound?.k;
    });
  };

  return {
    add: async (rows, q) => {
      if (rows.length === 0) return [];
      const fields = spec.columns.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`));
      // `where true` tells SQLite's parser the ON CONFLICT below belongs to the insert, not a join.
      const inserted = await driver.rows(
        sql`insert into ${stage} (${columnList}) select ${sql.join(fields, sql`, `)} from json_each(${JSON.stringify(rows)}) where true on conflict do nothing returning ${key} as k`,
        q,
      );
      return inserted.map((r) => r.k);
    },
    finish: async (signal) => {
      let after: unknown;
      do {
        signal?.throwIfAborted();
        after = await moveChunk(after);
      } while (after !== undefined);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await driver.rows(sql`drop table if exists ${stage}`, db.db);
    },
  };
}
