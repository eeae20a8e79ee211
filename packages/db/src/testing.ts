import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDb } from './client';
import { migrateUp } from './migrate';
import type { Db, Dialect } from './types';

export interface TestDatabase {
  db: Db;
  /** The URL the database answers on, for code that opens its own connection (a test server). */
  url: string;
  /** Closes `db` (if still open) and deletes the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseFactory {
  name: Dialect;
  /** For suite names: 'sqlite', or 'postgres [pg]' so CI can prove the Postgres suites ran. */
  label: string;
  create(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

/**
 * The dialect matrix for `describe.each(testDatabases())('… on $label', …)`: SQLite always, Postgres
 * when `TEST_DATABASE_URL` is set (test support reads it; shipped code never reads the environment).
 * Each `create()` makes a fresh, migrated database of its own: a temp file, or `puffy_test_<random>`.
 */
export function testDatabases(
  postgresUrl: string | undefined = process.env.TEST_DATABASE_URL,
): TestDatabaseFactory[] {
  const factories: TestDatabaseFactory[] = [
    { name: 'sqlite', label: 'sqlite', create: createSqliteTestDatabase },
  ];
  if (postgresUrl) {
    factories.push({
      name: 'postgres',
      label: 'postgres [pg]',
      create: (options) => createPostgresTestDatabase(postgresUrl, options),
    });
  }
  return factories;
}

async function createSqliteTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'puffy-db-'));
  const url = `file:${join(dir, 'test.sqlite')}`;
  const db = createDb({ url });
  if (options.migrate !== false) await migrateUp(db);
  return {
    db,
    url,
    drop: async () => {
      await closeQuietly(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(
  adminUrl: string,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `puffy_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await withAdmin(adminUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const db = createDb({ url, pool: { max: 5 } });
  try {
    if (options.migrate !== false) await migrateUp(db);
  } catch (error) {
    await closeQuietly(db);
    await withAdmin(adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    throw error;
  }
  return {
    db,
    url,
    drop: async () => {
      await closeQuietly(db);
      await withAdmin(adminUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function closeQuietly(db: Db): Promise<void> {
  try {
    await db.close();
  } catch {
    // Already closed by the test: nothing left to release.
  }
}

/** The SQLite connection class, so a test can watch the statements a service sends (no N+1). */
export { SqliteConnection } from './sqlite/connection';
