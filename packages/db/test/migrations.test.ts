import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, MigrationError, migrateDown, migrateUp, pg } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { introspect, rejection } from './support/database';

const repoDrizzle = resolve(import.meta.dirname, '../../../drizzle');
const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

async function migrateInAnotherProcess(url: string): Promise<{ applied: string[] }> {
  const { stdout } = await promisify(execFile)(tsx, [
    join(import.meta.dirname, 'support/migrate-process.ts'),
    url,
  ]);
  return JSON.parse(stdout);
}

/** The schema and how many rows each table holds: a data migration's down file changes only the latter. */
async function schemaAndRows(db: Db): Promise<string> {
  const rows: Record<string, number> = {};
  for (const key of Object.keys(pg) as Array<keyof typeof pg>) {
    // A table the newest migration creates is absent once its down file ran: -1, like no row.
    const [row] = await db.db
      .select({ n: count() })
      .from(db.t[key])
      .catch(() => [undefined]);
    rows[key] = row?.n ?? -1;
  }
  return JSON.stringify({ schema: await introspect(db), rows });
}

function journalNames(folder: 'sqlite' | 'pg'): string[] {
  return readdirSync(join(repoDrizzle, folder))
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
}

describe.each(testDatabases())('migrations on $label', ({ name, create }) => {
  const all = journalNames(name === 'sqlite' ? 'sqlite' : 'pg');
  let h: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    h = await create({ migrate: false });
    scratch = mkdtempSync(join(tmpdir(), 'puffy-migrations-'));
  });
  afterAll(async () => {
    await h?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('up, down all, up again gives the same schema; up twice applies nothing', async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await migrateUp(h.db)).toEqual({ applied: all });
    const first = await introspect(h.db);
    expect(JSON.stringify(first)).toContain('audit_log_no_update');
    expect(await migrateUp(h.db)).toEqual({ applied: [] });

    expect(await migrateDown(h.db, all.length)).toEqual({ reverted: [...all].reverse() });
    const empty = await introspect(h.db);
    for (const rows of Object.values(empty)) {
      expect(rows.filter((r) => !JSON.stringify(r).includes('puffy_migrations'))).toEqual([]);
    }

    expect(await migrateUp(h.db)).toEqual({ applied: all });
    expect(await introspect(h.db)).toEqual(first);
  });

  it('steps back one migration at a time', async () => {
    const last = all[all.length - 1];
    const before = await schemaAndRows(h.db);
    expect(await migrateDown(h.db)).toEqual({ reverted: [last] });
    // Whatever the newest migration is, its down file must take something away (schema or rows it
    // wrote), and up restore it.
    expect(await schemaAndRows(h.db)).not.toEqual(before);
    expect(await migrateUp(h.db)).toEqual({ applied: [last] });
    expect(await schemaAndRows(h.db)).toEqual(before);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const dir = join(scratch, 'edited');
    cpSync(repoDrizzle, dir, { recursive: true });
    const folder = name === 'sqlite' ? 'sqlite' : 'pg';
    appendFileSync(join(dir, folder, `${all[0]}.sql`), '\n-- an innocent-looking edit\n');
    const up = await rejection(migrateUp(h.db, { migrationsDir: dir }));
    expect(up).toBeInstanceOf(MigrationError);
    expect(String(up)).toContain(all[0]);
    expect(await rejection(migrateDown(h.db, 1, { migrationsDir: dir }))).toBeInstanceOf(MigrationError);
    // Nothing was reverted by the refused call.
    expect(await migrateUp(h.db)).toEqual({ applied: [] });
  });

  it('two processes migrating one fresh database at once apply each migration once', {
    timeout: 60_000,
  }, async () => {
    const fresh = await create({ migrate: false });
    await fresh.db.close();
    try {
      const runs = await Promise.all([
        migrateInAnotherProcess(fresh.url),
        migrateInAnotherProcess(fresh.url),
      ]);
      expect(runs.flatMap((r) => r.applied).sort()).toEqual(all);
      const again = createDb({ url: fresh.url });
      expect(await migrateUp(again)).toEqual({ applied: [] });
      await again.close();
    } finally {
      await fresh.drop();
    }
  });
});
