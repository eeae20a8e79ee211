import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { drizzle, type RemoteCallback } from 'drizzle-orm/sqlite-proxy';
import { countingLogger } from '../counter';
import { registerDriver } from '../driver';
import { sqliteTables } from '../schema/sqlite';
import type { Db, QueryCounter } from '../types';
import { sqliteDatabaseAsPostgres } from './as-postgres';
import { SqliteConnection } from './connection';

/**
 * Handles opened on one file in one process share its connection, and so its transaction lock (two
 * server instances in one test process, a script beside the server). Two connections in one thread
 * would deadlock: SQLite's busy wait blocks the very event loop that would finish the other's
 * transaction.
 */
const shared = new Map<string, { connection: SqliteConnection; handles: number }>();

function openConnection(file: string): { connection: SqliteConnection; release: () => Promise<void> } {
  if (file === ':memory:') {
    const connection = new SqliteConnection(file);
    return { connection, release: () => connection.close() };
  }
  mkdirSync(dirname(file), { recursive: true });
  const entry = shared.get(file) ?? { connection: new SqliteConnection(file), handles: 0 };
  entry.handles += 1;
  shared.set(file, entry);
  let released = false;
  return {
    connection: entry.connection,
    release: async () => {
      if (released) return;
      released = true;
      entry.handles -= 1;
      if (entry.handles > 0) return;
      shared.delete(file);
      await entry.connection.close();
    },
  };
}

export function createSqliteDb(file: string, counter?: QueryCounter): Db {
  const { connection, release } = openConnection(file);
  // The proxy contract types `rows` as any[]; for `get` it is really "the row or undefined".
  const sqliteDb = drizzle(connection.proxy as RemoteCallback, {
    schema: sqliteTables,
    logger: countingLogger(counter),
  });
  // drizzle's own transaction would BEGIN through the proxy without the connection's lock.
  sqliteDb.transaction = (): never => {
    throw new Error('use Db.withTransaction: drizzle transactions bypass the SQLite connection lock');
  };
  const db = sqliteDatabaseAsPostgres(sqliteDb);
  const dialect = new SQLiteAsyncDialect();

  const handle: Db = {
    dialect: 'sqlite',
    db,
    t: sqliteTables,
    // The same handle serves as the transaction handle: the connection routes by async context.
    withTransaction: (fn) => {
      if (counter && !connection.inTransaction()) counter.transactions += 1;
      return connection.transaction(() => fn(db));
    },
    ping: async () => {
      await connection.objects('select 1');
    },
    close: release,
  };
  return registerDriver(handle, {
    rows: (query) => {
      const { sql, params } = dialect.sqlToQuery(query);
      if (counter) counter.statements += 1;
      return connection.objects(sql, params);
    },
    exec: (statement) => connection.exec(statement),
  });
}
