export { createDb } from './client';
export { type ConstraintKind, type ConstraintViolation, violatedConstraint } from './errors';
export {
  containsInsensitive,
  insertManySkippingConflicts,
  isPoolHandle,
  lockKey,
  lockRows,
  rawRows,
  readShared,
} from './helpers';
export { type KeyedLoad, type KeyedLoadSpec, openKeyedLoad } from './keyed-load';
export { type MigrateOptions, MigrationError, migrateDown, migrateUp } from './migrate';
export { pgTables as pg } from './schema/pg';
export { type SeedOptions, seedDemo } from './seed';
export { settingKeys } from './settings';
export { traceQueries } from './tracing';
export type { Database, Db, DbOptions, Dialect, PoolOptions, QueryCounter, Schema } from './types';
