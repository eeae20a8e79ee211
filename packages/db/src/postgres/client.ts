import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { countingLogger } from '../counter';
import { registerDriver } from '../driver';
import { pgTables } from '../schema/pg';
import type { Database, Db, PoolOptions, QueryCounter } from '../types';

/** The open transaction of an async context; `open` turns false once it has committed or rolled back. */
type OpenTransaction = { tx: Database; open: boolean };

export function createPostgresDb(url: string, pool: PoolOptions = {}, counter?: QueryCounter): Db {
  // postgres.js reconnects by itself: a dropped connection is replaced on the next query.
  const client = postgres(url, {
    max: pool.max ?? 10,
    idle_timeout: pool.idleTimeoutSeconds ?? 30,
    connect_timeout: pool.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
  });
  const db: Database = drizzle(client, { schema: pgTables, logger: countingLogger(counter) });
  const current = new AsyncLocalStorage<OpenTransaction>();

  const handle: Db = {
    dialect: 'postgres',
    db,
    t: pgTables,
    withTransaction: (fn) => {
      const outer = current.getStore();
      if (outer?.open) return fn(outer.tx);
      if (counter) counter.transactions += 1;
      return db.transaction(async (tx) => {
        const state: OpenTransaction = { tx, open: true };
        try {
          return await current.run(state, () => fn(tx));
        } finally {
          state.open = false;
        }
      });
    },
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
  return registerDriver(handle, {
    rows: async (query, q) => {
      // Under the dialect-neutral result type the driver's row list is `unknown`; postgres.js returns an array.
      const result: unknown = await q.execute(query);
      if (!Array.isArray(result)) throw new Error('postgres.js returned no row list');
      return result.map((row: Record<string, unknown>) => ({ ...row }));
    },
    exec: async (statement, q) => {
      await q.execute(sql.raw(statement));
    },
  });
}
