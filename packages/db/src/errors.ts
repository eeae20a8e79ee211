import { is, type Table } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { sqliteTables } from './schema/sqlite';

export type ConstraintKind = 'unique' | 'check' | 'foreign_key' | 'not_null' | 'trigger';

export interface ConstraintViolation {
  kind: ConstraintKind;
  /** The schema's name for it (the same on both dialects); undefined when the driver does not say. */
  constraint: string | undefined;
}

const pgCodes: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23514': 'check',
  '23503': 'foreign_key',
  '23502': 'not_null',
  P0001: 'trigger',
};

const sqliteCodes: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_TRIGGER: 'trigger',
};

/**
 * The constraint a failed write broke, read from either driver's error (drizzle wraps it in `cause`).
 * Prefer `onConflictDoNothing` and a check of the returned rows; this is for the races it cannot cover.
 */
export function violatedConstraint(error: unknown): ConstraintViolation | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const fields = e as Error & { code?: unknown; constraint_name?: unknown };
    if (typeof fields.code !== 'string') continue;
    const pgKind = pgCodes[fields.code];
    if (pgKind !== undefined) {
      return {
        kind: pgKind,
        constraint: typeof fields.constraint_name === 'string' ? fields.constraint_name : undefined,
      };
    }
    const sqliteKind = sqliteCodes[fields.code];
    if (sqliteKind !== undefined)
      return { kind: sqliteKind, constraint: sqliteConstraintName(sqliteKind, e.message) };
  }
  return null;
}

/**
 * SQLite names CHECK constraints in its message but reports unique keys by their columns
 * ("UNIQUE constraint failed: users.wallet_chain, users.wallet_address"); the schema maps those
 * columns back to the key's name, which is also its Postgres name.
 */
function sqliteConstraintName(kind: ConstraintKind, message: string): string | undefined {
  const detail = message.split('constraint failed: ')[1]?.trim();
  if (detail === undefined) return undefined;
  if (kind === 'check') return detail;
  if (kind !== 'unique') return undefined;
  const columns = detail.split(',').map((c) => c.trim().split('.'));
  const tableName = columns[0]?.[0];
  const columnNames = columns.map((c) => c[1] ?? '').join(',');
  return tableName === undefined ? undefined : uniqueKeyNames().get(`${tableName}(${columnNames})`);
}

let uniqueKeys: Map<string, string> | undefined;

function uniqueKeyNames(): Map<string, string> {
  if (uniqueKeys !== undefined) return uniqueKeys;
  uniqueKeys = new Map();
  const tables: Table[] = Object.values(sqliteTables);
  for (const table of tables) {
    // Typed as the Postgres tables they stand in for (sqlite/as-postgres.ts); SQLite tables at run time.
    if (!is(table, SQLiteTable)) continue;
    const config = getTableConfig(table);
    const add = (cols: Array<{ name: string }>, name: string) =>
      uniqueKeys?.set(`${config.name}(${cols.map((c) => c.name).join(',')})`, name);
    for (const column of config.columns) {
      if (column.primary) add([column], `${config.name}_pkey`);
      if (column.isUnique && column.uniqueName !== undefined) add([column], column.uniqueName);
    }
    for (const pk of config.primaryKeys) add(pk.columns, pk.getName());
    for (const unique of config.uniqueConstraints) {
      const name = unique.getName();
      if (name !== undefined) add(unique.columns, name);
    }
  }
  return uniqueKeys;
}
