import * as sqlite from 'drizzle-orm/sqlite-core';
import { sameInBothDialects } from '../dialect';
import type { DialectKit } from '../pg/kit';

/**
 * SQLite integers are 64-bit; the client reads them with safe integers on, so a value past 2^53
 * arrives as a bigint and is never rounded through a float.
 */
const bigintInteger = sqlite.customType<{ data: bigint; driverData: number | bigint }>({
  dataType: () => 'integer',
  toDriver: (value) => value,
  fromDriver: (value) => BigInt(value),
});

/**
 * The SQLite spelling of each column kind, under the names of the Postgres kit (../pg/kit.ts). Times
 * are integer milliseconds, flags 0/1, JSON is text; the client reads them back as Date, boolean,
 * objects. These builders keep their SQLite types: ../../sqlite/as-postgres.ts is the one place that
 * hands them to the table files under the Postgres kit's types.
 */
export const sqliteKit = {
  ...sameInBothDialects(sqlite),
  table: sqlite.sqliteTable,
  serialId: () => sqlite.integer('id').primaryKey({ autoIncrement: true }),
  time: (name: string) => sqlite.integer(name, { mode: 'timestamp_ms' }),
  flag: (name: string) => sqlite.integer(name, { mode: 'boolean' }),
  money: (name: string) => bigintInteger(name),
  json: <T>(name: string) => sqlite.text(name, { mode: 'json' }).$type<T>(),
} satisfies Record<keyof DialectKit, unknown>;
