import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, rawRows, seedDemo } from '../../src';

/** What the restore drills share: running the operator scripts, filling a database, comparing two. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Runs an operator script the way an operator does. Asynchronous, so that a server living in the
 * test process (the local S3 of the off-host drill) keeps answering while the script runs.
 */
export function run(
  script: string,
  args: string[],
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(
      join(root, 'node_modules/.bin/tsx'),
      [script, ...args],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env },
        encoding: 'utf8',
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

export async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await rawRows(
          db,
          sql.raw(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`),
          db.db,
        )
      : await rawRows(
          db,
          sql.raw(
            `select schemaname || '.' || tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
          ),
          db.db,
        );
  return rows.map((r) => String(r.name)).sort();
}

const quoted = (name: string) =>
  name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');

/** Row count and an order-independent checksum of every row's every value, per table. */
export async function fingerprint(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  const result: Record<string, { rows: number; sha256: string }> = {};
  for (const table of await tableNames(db)) {
    const rows = await rawRows(db, sql.raw(`select * from ${quoted(table)}`), db.db);
    const lines = rows
      .map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))
      .sort();
    result[table] = {
      rows: rows.length,
      sha256: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return result;
}

export async function populate(db: Db): Promise<void> {
  await seedDemo(db);
  const users = Array.from({ length: 40 }, (_, i) => ({
    walletAddress: `Wallet${i}`.padEnd(32, 'x'),
    walletChain: 'sol' as const,
    name: i % 3 === 0 ? null : `Member ‘${i}’ "quoted" ✓`,
    adminScopes: i === 0 ? (['orders'] as const).slice() : [],
  }));
  const inserted = await db.db.insert(db.t.users).values(users).returning({ id: db.t.users.id });
  await db.db.insert(db.t.auditLog).values(
    inserted.slice(0, 5).map((u) => ({
      actorUserId: u.id,
      action: 'admin.grant',
      targetType: 'user',
      targetId: u.id,
      after: { scopes: ['orders'], nested: { n: 1 } },
    })),
  );
}
