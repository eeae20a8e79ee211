// `pnpm restore <backup file> [--force]`: puts a backup made by `pnpm backup` into the database the
// configuration names. The checksum written beside the backup must match. Into an empty database by
// default; `--force` replaces what is there (stop every server and worker first). SQLite: the backup
// is checked with `PRAGMA integrity_check`, copied beside the target, then moved over it. Postgres:
// `pg_restore` in one transaction, so a failed restore leaves the database as it was.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import {
  type BackupTarget,
  libpqEnvironment,
  parseArgs,
  runTool,
  sha256File,
  targetFromEnvironment,
} from './backup-target';

async function verifyChecksum(file: string): Promise<void> {
  const sidecar = `${file}.sha256`;
  if (!existsSync(sidecar)) throw new Error(`${basename(sidecar)} is missing; refusing an unverified backup`);
  const expected = readFileSync(sidecar, 'utf8').trim().split(/\s+/)[0];
  const actual = await sha256File(file);
  if (expected !== actual)
    throw new Error(`${basename(file)} does not match its checksum; the file is damaged`);
}

function sqliteTableCount(path: string): number {
  const existing = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = existing
      .prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .get() as { n: number };
    return row.n;
  } finally {
    existing.close();
  }
}

async function restoreSqlite(file: string, path: string, force: boolean): Promise<void> {
  if (!file.endsWith('.sqlite')) throw new Error('the configured database is SQLite; give a .sqlite backup');
  const tables = existsSync(path) ? sqliteTableCount(path) : 0;
  if (tables > 0 && !force) {
    throw new Error(
      `${path} has ${tables} tables; restore into an empty one, or stop the server and pass --force`,
    );
  }
  const partial = `${path}.restoring`;
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const [check] = source.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (check?.integrity_check !== 'ok') {
      throw new Error(`the backup fails integrity_check: ${check?.integrity_check}`);
    }
    rmSync(partial, { force: true });
    await source.backup(partial);
  } finally {
    source.close();
  }
  // A write-ahead log left by the replaced database would be replayed onto the restored one.
  for (const leftover of [`${path}-wal`, `${path}-shm`]) rmSync(leftover, { force: true });
  renameSync(partial, path);
}

async function restorePostgres(file: string, url: string, force: boolean): Promise<void> {
  if (!file.endsWith('.dump')) throw new Error('the configured database is Postgres; give a .dump backup');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let tables: number;
  try {
    const [row] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    tables = row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
  if (tables > 0 && !force) {
    throw new Error(
      `the database has ${tables} tables; restore into an empty one, or stop every process and pass --force`,
    );
  }
  const env = libpqEnvironment(url);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'];
  if (tables > 0) args.push('--clean', '--if-exists');
  await runTool('pg_restore', [...args, `--dbname=${env.PGDATABASE}`, file], env);
}

async function restore(target: BackupTarget, file: string, force: boolean): Promise<void> {
  if (target.dialect === 'sqlite') await restoreSqlite(file, target.path, force);
  else await restorePostgres(file, target.url, force);
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const [given] = positional;
  if (!given) {
    process.stderr.write('usage: pnpm restore <backup file> [--force]\n');
    process.exit(64);
  }
  const file = resolve(given);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  await verifyChecksum(file);
  const target = targetFromEnvironment(process.env);
  await restore(target, file, flags.get('force') === 'true');
  process.stdout.write(`${JSON.stringify({ msg: 'restore complete', file, dialect: target.dialect })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
