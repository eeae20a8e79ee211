import type { DialectKit } from '../pg/kit';

/**
 * What every table file is given: a dialect's builders (../pg/kit.ts, ../sqlite/kit.ts) and the
 * columns spelled the same way on both, written once here from those builders.
 */
export function columnKit(dialect: DialectKit) {
  const { text, time } = dialect;
  return {
    ...dialect,
    uuidId: () =>
      text('id')
        .primaryKey()
        .$defaultFn(() => crypto.randomUUID()),
    createdAt: () =>
      time('created_at')
        .notNull()
        .$defaultFn(() => new Date()),
    updatedAt: () =>
      time('updated_at')
        .notNull()
        .$defaultFn(() => new Date()),
  };
}

export type ColumnKit = ReturnType<typeof columnKit>;
