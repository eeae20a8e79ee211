import * as pg from 'drizzle-orm/pg-core';
import { sameInBothDialects } from '../dialect';

/**
 * The Postgres spelling of each column kind the tables in ../tables are written with. Its types are
 * the kit's (DialectKit), so the Postgres tables carry drizzle's exact Postgres types: the typed truth
 * query code is written against. ../sqlite/kit.ts spells the same names for SQLite.
 */
export const pgKit = {
  ...sameInBothDialects(pg),
  table: pg.pgTable,
  /** For rows people refer to by number (campaigns, NFTs): a sequence is the natural id. */
  serialId: () => pg.integer('id').primaryKey().generatedByDefaultAsIdentity(),
  time: (name: string) => pg.timestamp(name, { withTimezone: true, mode: 'date' }),
  flag: (name: string) => pg.boolean(name),
  /** Integer minor units (lamports, cents, token units): exact beyond 2^53. */
  money: (name: string) => pg.bigint(name, { mode: 'bigint' }),
  json: <T>(name: string) => pg.jsonb(name).$type<T>(),
};

/** What a dialect gives the table files, typed by the Postgres builders. */
export type DialectKit = typeof pgKit;
