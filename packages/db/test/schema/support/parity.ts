import { type Column, getTableColumns, getTableName, is, SQL, type Table } from 'drizzle-orm';
import { PgDialect, PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';

/** A table described in words both dialects share, so the two schemas can be compared field by field. */
export interface TableShape {
  name: string;
  columns: Record<string, Record<string, unknown>>;
  primaryKeys: string[];
  uniques: string[];
  indexes: string[];
  foreignKeys: string[];
  checks: string[];
}

/** Each dialect's column class, mapped to the one kind both mean. */
const kinds: Record<string, string> = {
  PgText: 'text',
  SQLiteText: 'text',
  PgInteger: 'integer',
  SQLiteInteger: 'integer',
  PgBigInt64: 'bigint',
  SQLiteCustomColumn: 'bigint',
  PgBoolean: 'boolean',
  SQLiteBoolean: 'boolean',
  PgTimestamp: 'timestamp',
  SQLiteTimestamp: 'timestamp',
  PgJsonb: 'json',
  SQLiteTextJson: 'json',
};

const pgDialect = new PgDialect();
const sqliteDialect = new SQLiteSyncDialect();

function describeColumn(key: string, column: Column, render: (sql: SQL) => string): Record<string, unknown> {
  const fallback = column.default;
  return {
    key,
    kind: kinds[column.columnType] ?? `unknown ${column.columnType}`,
    notNull: column.notNull,
    hasDefault: column.hasDefault,
    default: is(fallback, SQL)
      ? `sql ${render(fallback)}`
      : JSON.stringify(fallback, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    defaultFn: column.defaultFn !== undefined,
    primary: column.primary,
    unique: column.isUnique ? (column.uniqueName ?? true) : false,
    enumValues: column.enumValues ?? null,
  };
}

const names = (columns: ReadonlyArray<unknown>) =>
  columns
    .map((c) => (typeof c === 'object' && c !== null && 'name' in c ? String(c.name) : `expression`))
    .join(',');

export function describePgTable(table: Table): TableShape {
  if (!is(table, PgTable)) throw new Error(`${getTableName(table)} is not a Postgres table`);
  const config = pgConfig(table);
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const render = (sql: SQL) => pgDialect.sqlToQuery(sql).sql;
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [c.name, describeColumn(keyOf.get(c.name) ?? '?', c, render)]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => `${pk.getName()}(${names(pk.columns)})`).sort(),
    uniques: config.uniqueConstraints.map((u) => `${u.getName()}(${names(u.columns)})`).sort(),
    indexes: config.indexes
      .map((i) => `${i.config.name}(${names(i.config.columns)})${i.config.unique ? ' unique' : ''}`)
      .sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = pgConfig(ref.foreignTable).name;
        return `${fk.getName()}: (${names(ref.columns)}) -> ${target}(${names(ref.foreignColumns)}) on delete ${fk.onDelete ?? 'no action'}`;
      })
      .sort(),
    checks: config.checks.map((c) => `${c.name}: ${render(c.value)}`).sort(),
  };
}

/** The SQLite tables are typed as the Postgres ones (src/sqlite/as-postgres.ts); this checks what they are. */
export function describeSqliteTable(table: Table): TableShape {
  if (!is(table, SQLiteTable)) throw new Error(`${getTableName(table)} is not a SQLite table`);
  const config = sqliteConfig(table);
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const render = (sql: SQL) => sqliteDialect.sqlToQuery(sql).sql;
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [c.name, describeColumn(keyOf.get(c.name) ?? '?', c, render)]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => `${pk.getName()}(${names(pk.columns)})`).sort(),
    uniques: config.uniqueConstraints.map((u) => `${u.getName()}(${names(u.columns)})`).sort(),
    indexes: config.indexes
      .map((i) => `${i.config.name}(${names(i.config.columns)})${i.config.unique ? ' unique' : ''}`)
      .sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = sqliteConfig(ref.foreignTable).name;
        return `${fk.getName()}: (${names(ref.columns)}) -> ${target}(${names(ref.foreignColumns)}) on delete ${fk.onDelete ?? 'no action'}`;
      })
      .sort(),
    checks: config.checks.map((c) => `${c.name}: ${render(c.value)}`).sort(),
  };
}

/** Every difference between two schemas, each naming the export, table and column it is about. */
export function schemaMismatches(
  pgTables: Record<string, TableShape>,
  sqliteTables: Record<string, TableShape>,
): string[] {
  const problems: string[] = [];
  const exports = [...new Set([...Object.keys(pgTables), ...Object.keys(sqliteTables)])].sort();
  for (const key of exports) {
    const a = pgTables[key];
    const b = sqliteTables[key];
    if (!a || !b) {
      problems.push(`${key}: exported only by ${a ? 'pg' : 'sqlite'}`);
      continue;
    }
    if (a.name !== b.name) problems.push(`${key}: table name pg=${a.name} sqlite=${b.name}`);
    const columns = [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort();
    for (const column of columns) {
      const ca = a.columns[column];
      const cb = b.columns[column];
      if (!ca || !cb) {
        problems.push(`${a.name}.${column}: column only in ${ca ? 'pg' : 'sqlite'}`);
        continue;
      }
      for (const field of Object.keys(ca)) {
        const va = JSON.stringify(ca[field]);
        const vb = JSON.stringify(cb[field]);
        if (va !== vb) problems.push(`${a.name}.${column}: ${field} pg=${va} sqlite=${vb}`);
      }
    }
    for (const part of ['primaryKeys', 'uniques', 'indexes', 'foreignKeys', 'checks'] as const) {
      const onlyPg = a[part].filter((x) => !b[part].includes(x));
      const onlySqlite = b[part].filter((x) => !a[part].includes(x));
      for (const x of onlyPg) problems.push(`${a.name}: ${part} only in pg: ${x}`);
      for (const x of onlySqlite) problems.push(`${a.name}: ${part} only in sqlite: ${x}`);
    }
  }
  return problems;
}
