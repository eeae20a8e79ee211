import { sql } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { pgTables } from '../../src/schema/pg';
import { sqliteTables } from '../../src/schema/sqlite';
import { describePgTable, describeSqliteTable, schemaMismatches, type TableShape } from './support/parity';

const pgShapes: Record<string, TableShape> = Object.fromEntries(
  Object.entries(pgTables).map(([key, table]) => [key, describePgTable(table)]),
);
const sqliteShapes: Record<string, TableShape> = Object.fromEntries(
  Object.entries(sqliteTables).map(([key, table]) => [key, describeSqliteTable(table)]),
);

/**
 * The justification of src/sqlite/as-postgres.ts, the one place SQLite takes the Postgres types: the
 * SQLite tables describe exactly what the Postgres tables describe, so query code typed against
 * Postgres means the same on SQLite.
 */
describe('schema parity between pg and sqlite', () => {
  it('exports the same tables under the same names', () => {
    expect(Object.keys(sqliteShapes).sort()).toEqual(Object.keys(pgShapes).sort());
    expect(Object.keys(pgShapes).length).toBeGreaterThanOrEqual(39);
  });

  it.each(Object.keys(pgShapes).sort())(
    '%s: columns, keys, indexes, foreign keys and checks match',
    (key) => {
      const pgShape = pgShapes[key];
      const sqliteShape = sqliteShapes[key];
      expect(
        schemaMismatches({ [key]: pgShape as TableShape }, { [key]: sqliteShape as TableShape }),
      ).toEqual([]);
    },
  );

  it('names no unknown column kind', () => {
    const unknown = Object.values(pgShapes)
      .concat(Object.values(sqliteShapes))
      .flatMap((t) => Object.entries(t.columns).map(([c, d]) => [`${t.name}.${c}`, d.kind]))
      .filter(([, kind]) => String(kind).startsWith('unknown'));
    expect(unknown).toEqual([]);
  });

  it('catches a drift: a mismatch names the table and the column', () => {
    const pgDrift = pgCore.pgTable(
      'drift',
      {
        id: pgCore.text('id').primaryKey(),
        amount: pgCore.bigint('amount', { mode: 'bigint' }).notNull(),
        at: pgCore.timestamp('at', { withTimezone: true, mode: 'date' }),
      },
      (t) => [pgCore.index('drift_at_idx').on(t.at), pgCore.check('drift_check', sql.raw('"amount" > 0'))],
    );
    const sqliteDrift = sqliteCore.sqliteTable(
      'drift',
      {
        id: sqliteCore.text('id').primaryKey(),
        amount: sqliteCore.integer('amount'),
        at: sqliteCore.integer('at', { mode: 'timestamp_ms' }),
        extra: sqliteCore.text('extra'),
      },
      (t) => [sqliteCore.index('drift_at_index').on(t.at)],
    );
    const problems = schemaMismatches(
      { drift: describePgTable(pgDrift) },
      { drift: describeSqliteTable(sqliteDrift) },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'drift.amount: kind pg="bigint" sqlite="integer"',
        'drift.amount: notNull pg=true sqlite=false',
        'drift.extra: column only in sqlite',
        'drift: indexes only in pg: drift_at_idx(at)',
        'drift: indexes only in sqlite: drift_at_index(at)',
        'drift: checks only in pg: drift_check: "amount" > 0',
      ]),
    );
  });
});
