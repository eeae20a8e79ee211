import { customType, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The SQLite spelling of each column kind, under the names schema/pg/columns.ts uses. Times are
 * integer milliseconds, flags 0/1, JSON is text; the client reads them back as Date, boolean, objects.
 */
export { check, index, integer, primaryKey, text, unique } from 'drizzle-orm/sqlite-core';

export const table = sqliteTable;

export const uuidId = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const serialId = () => integer('id').primaryKey({ autoIncrement: true });

export const time = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const createdAt = () =>
  time('created_at')
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  time('updated_at')
    .notNull()
    .$defaultFn(() => new Date());

export const flag = (name: string) => integer(name, { mode: 'boolean' });

/**
 * SQLite integers are 64-bit; the client reads them with safe integers on, so a value past 2^53
 * arrives as a bigint and is never rounded through a float.
 */
const bigintInteger = customType<{ data: bigint; driverData: number | bigint }>({
  dataType: () => 'integer',
  toDriver: (value) => value,
  fromDriver: (value) => BigInt(value),
});

export const money = (name: string) => bigintInteger(name);

export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
