import { sql } from 'drizzle-orm';
import { driverOf } from './driver';
import { lockKey } from './helpers';
import { findMigrationsDir, loadMigrations, type MigrationFile } from './migrations/files';
import type { Database, Db } from './types';

export interface MigrateOptions {
  /** The `drizzle/` folder holding `sqlite/` and `pg/`; found by walking up from this module when absent. */
  migrationsDir?: string;
}

export class MigrationError extends Error {}

const TABLE = 'puffy_migrations';

/**
 * Applies every migration of the journal not yet recorded, each in its own transaction. Refuses to
 * start when a file that was already applied has changed since (its hash is recorded).
 */
export async function migrateUp(db: Db, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = loadMigrations(db.dialect, findMigrationsDir(db.dialect, options.migrationsDir));
  await ensureTable(db);
  refuseChanged(migrations, await appliedHashes(db, db.db));
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await step(db, migration, 'up', async (tx, done) => {
      if (done.has(migration.name)) return false;
      for (const statement of migration.up) await driverOf(db).exec(statement, tx);
      await driverOf(db).rows(
        sql`insert into puffy_migrations (name, hash, applied_at) values (${migration.name}, ${migration.hash}, ${new Date().toISOString()})`,
        tx,
      );
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return { applied };
}

/** Reverts the last `steps` applied migrations (newest first) with their `.down.sql` files. */
export async function migrateDown(
  db: Db,
  steps = 1,
  options: MigrateOptions = {},
): Promise<{ reverted: string[] }> {
  const migrations = loadMigrations(db.dialect, findMigrationsDir(db.dialect, options.migrationsDir));
  await ensureTable(db);
  const hashes = await appliedHashes(db, db.db);
  refuseChanged(migrations, hashes);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...hashes.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `applied migrations unknown to this release: ${unknown.join(', ')}; cannot revert`,
    );
  }
  const targets = migrations
    .filter((m) => hashes.has(m.name))
    .reverse()
    .slice(0, Math.max(0, steps));
  const missing = targets.filter((m) => m.down === null).map((m) => m.name);
  if (missing.length > 0) throw new MigrationError(`no down file for ${missing.join(', ')}`);
  const reverted: string[] = [];
  for (const migration of targets) {
    const ran = await step(db, migration, 'down', async (tx, done) => {
      if (!done.has(migration.name)) return false;
      for (const statement of migration.down ?? []) await driverOf(db).exec(statement, tx);
      await driverOf(db).rows(sql`delete from puffy_migrations where name = ${migration.name}`, tx);
      return true;
    });
    if (ran) reverted.push(migration.name);
  }
  return { reverted };
}

/**
 * One migration in one transaction, serialized against other processes migrating the same database
 * (two servers starting at once): the applied set is read again under the lock.
 */
async function step(
  db: Db,
  migration: MigrationFile,
  direction: 'up' | 'down',
  work: (tx: Database, done: Set<string>) => Promise<boolean>,
): Promise<boolean> {
  const driver = driverOf(db);
  if (migration.disablesForeignKeys) await driver.exec('PRAGMA foreign_keys=OFF', db.db);
  try {
    return await db.withTransaction(async (tx) => {
      await lockKey(db, tx, TABLE);
      const done = new Set((await appliedHashes(db, tx)).keys());
      const ran = await work(tx, done);
      if (migration.disablesForeignKeys) {
        const broken = await driver.rows(sql.raw('PRAGMA foreign_key_check'), tx);
        if (broken.length > 0)
          throw new MigrationError(`${migration.name} (${direction}) breaks foreign keys`);
      }
      return ran;
    });
  } finally {
    if (migration.disablesForeignKeys) await driver.exec('PRAGMA foreign_keys=ON', db.db);
  }
}

async function ensureTable(db: Db): Promise<void> {
  await db.withTransaction(async (tx) => {
    await lockKey(db, tx, TABLE);
    await driverOf(db).exec(
      `create table if not exists ${TABLE} (name text primary key, hash text not null, applied_at text not null)`,
      tx,
    );
  });
}

async function appliedHashes(db: Db, q: Database): Promise<Map<string, string>> {
  const rows = await driverOf(db).rows(sql.raw(`select name, hash from ${TABLE}`), q);
  return new Map(rows.map((row) => [String(row.name), String(row.hash)]));
}

function refuseChanged(migrations: MigrationFile[], applied: Map<string, string>): void {
  const changed = migrations
    .filter((m) => applied.has(m.name) && applied.get(m.name) !== m.hash)
    .map((m) => m.name);
  if (changed.length > 0) {
    throw new MigrationError(
      `applied migrations were edited since: ${changed.join(', ')}. Never edit an applied migration; add a new one.`,
    );
  }
}
