import type { Db } from '@puffy/db';

/**
 * What `build` makes for a database, made once per database handle and kept as long as it lives:
 * prepared statements, which drizzle would otherwise rebuild from the query builder on every request
 * (150-300 µs each on the hot reads, more than the database takes to answer them).
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = build(db);
      made.set(db, value);
    }
    return value;
  };
}
