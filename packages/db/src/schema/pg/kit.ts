import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

/**
 * The Postgres spelling of each column kind the tables in ../tables are written with. Its types are
 * the kit's (DialectKit), so the Postgres tables carry drizzle's exact Postgres types: the typed truth
 * query code is written against. ../sqlite/kit.ts spells the same names for SQLite.
 */
export const pgKit = {
  table: pgTable,
  text,
  integer,
  check,
  index,
  primaryKey,
  unique,
  /** For rows people refer to by number (campaigns, NFTs): a sequence is the natural id. */
  serialId: () => integer('id').primaryKey().generatedByDefaultAsIdentity(),
  time: (name: string) => timestamp(name, { withTimezone: true, mode: 'date' }),
  flag: (name: string) => boolean(name),
  /** Integer minor units (lamports, cents, token units): exact beyond 2^53. */
  money: (name: string) => bigint(name, { mode: 'bigint' }),
  json: <T>(name: string) => jsonb(name).$type<T>(),
};

/** What a dialect gives the table files, typed by the Postgres builders. */
export type DialectKit = typeof pgKit;
