// `pnpm restore <backup file> [--force]`: puts a backup made by `pnpm backup` into the database the
// configuration names. The checksum written beside the backup must match. Into an empty database by
// default; `--force` replaces what is there (stop every server and worker first). SQLite: the backup
// is checked with `PRAGMA integrity_check`, copied beside the target, then moved over it. Postgres:
// `pg_restore` in one transaction, so a failed restore leaves the database as it was.
// `pnpm restore --from-s3 [<backup name>] [--force]` first downloads the newest complete backup of the
// configured dialect (or the named one) and its checksum from the `BACKUP_S3_*` bucket.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { BackupBucket, s3SettingsFromEnvironment } from './backup-s3';
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

/** Downloads the chosen backup from the bucket into `dir`; returns its path and where it came from. */
async function fetchFromBucket(
  target: BackupTarget,
  wanted: string | undefined,
  dir: string,
): Promise<{ file: string; source: string }> {
  const settings = s3SettingsFromEnvironment(process.env);
  if (!settings) throw new Error('--from-s3 needs BACKUP_S3_BUCKET and the other BACKUP_S3_ settings');
  const bucket = new BackupBucket(settings);
  try {
    const backups = (await bucket.list(target.dialect)).filter((b) => b.complete);
    const chosen = wanted ? backups.find((b) => b.name === basename(wanted)) : backups.at(-1);
    if (!chosen) {
      throw new Error(
        wanted
          ? `${bucket.url(basename(wanted))} is not a complete ${target.dialect} backup in the bucket`
          : `the bucket has no complete ${target.dialect} backup under ${bucket.url('')}`,
      );
    }
    return { file: await bucket.download(chosen.name, dir), source: bucket.url(chosen.name) };
  } finally {
    bucket.close();
  }
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const fromS3 = flags.get('from-s3');
  const [given] = positional;
  if (!given && !fromS3) {
    process.stderr.write('usage: pnpm restore <backup file> [--force]\n');
    process.stderr.write('       pnpm restore --from-s3 [<backup name>] [--force]\n');
    process.exit(64);
  }
  const target = targetFromEnvironment(process.env);
  // Downloads land beside nothing else and are deleted afterwards (TMPDIR picks the disk).
  const downloads = fromS3 ? mkdtempSync(join(tmpdir(), 'puffy-restore-')) : undefined;
  try {
    const { file, source } =
      downloads !== undefined
        ? await fetchFromBucket(target, fromS3 === 'true' ? given : fromS3, downloads)
        : { file: resolve(given ?? ''), source: undefined };
    if (!existsSync(file)) throw new Error(`${file} does not exist`);
    await verifyChecksum(file);
    await restore(target, file, flags.get('force') === 'true');
    process.stdout.write(
      `${JSON.stringify({ msg: 'restore complete', file: source ?? file, dialect: target.dialect })}\n`,
    );
  } finally {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
