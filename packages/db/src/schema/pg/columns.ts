import { bigint, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The Postgres spelling of each column kind. schema/sqlite/columns.ts exports the same names with the
 * SQLite spelling, so the table files of both dialects read alike (the parity test compares them).
 */
export { check, index, integer, primaryKey, text, unique } from 'drizzle-orm/pg-core';

export const table = pgTable;

export const uuidId = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** For rows people refer to by number (campaigns, NFTs): a sequence is the natural id. */
export const serialId = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () =>
  time('created_at')
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  time('updated_at')
    .notNull()
    .$defaultFn(() => new Date());

export const flag = (name: string) => boolean(name);

/** Integer minor units (lamports, cents, token units): exact beyond 2^53. */
export const money = (name: string) => bigint(name, { mode: 'bigint' });

export const json = <T>(name: string) => jsonb(name).$type<T>();
