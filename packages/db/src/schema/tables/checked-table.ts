import { type BuildExtraConfigColumns, getTableColumns } from 'drizzle-orm';
import type { PgColumnBuilderBase, PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { enumCheck } from '../enums';
import type { DialectKit } from '../pg/kit';

/**
 * The dialect's table function, giving every enum column a CHECK of the column's own values, named
 * `<table>_<column>_check`: the database refuses what the type refuses, and no list of values is
 * spelled a second time beside its column. `checkNames` names a column's check otherwise (the name
 * the migrations already carry).
 */
export function checkedTable({ table, check }: DialectKit) {
  return <TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
    name: TName,
    columns: TColumns,
    extraConfig: (t: BuildExtraConfigColumns<TName, TColumns, 'pg'>) => PgTableExtraConfigValue[] = () => [],
    checkNames: Partial<Record<keyof TColumns, string>> = {},
  ) =>
    table(name, columns, (t) => {
      // Postgres hands this function stand-ins without the enum values; each one links to the table.
      const [first] = Object.values(t);
      const built = first ? getTableColumns(first.table) : {};
      const enumChecks = Object.entries(built).flatMap(([key, column]) =>
        column.enumValues
          ? [check(`${name}_${checkNames[key] ?? column.name}_check`, enumCheck(column, column.enumValues))]
          : [],
      );
      return [...extraConfig(t), ...enumChecks];
    });
}
