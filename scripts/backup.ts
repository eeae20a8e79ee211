// `pnpm backup [--out ./backups] [--keep 14]`: a consistent backup of the database the configuration
// names, taken while the server runs. SQLite through its online backup API (better-sqlite3's
// `backup`), Postgres with `pg_dump --format=custom` (every schema: the app's tables and pg-boss's
// jobs). Writes `puffy-<dialect>-<UTC time>.<sqlite|dump>` and a `.sha256` beside it, only once the
// copy is complete, then deletes all but the newest `--keep` backups of that dialect in the folder.
// With `BACKUP_S3_BUCKET` set it then uploads the backup and its checksum to S3-compatible object
// storage and applies the bucket's retention (scripts/backup-s3.ts); a failed upload fails the run.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BackupBucket, s3SettingsFromEnvironment } from './backup-s3';
import {
  BACKUP_NAME,
  type BackupTarget,
  backupName,
  libpqEnvironment,
  parseArgs,
  runTool,
  sha256File,
  targetFromEnvironment,
} from './backup-target';

async function copyDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.dialect === 'sqlite') {
    const source = new Database(target.path, { readonly: true, fileMustExist: true });
    try {
      // The online backup copies pages in steps, restarting if a writer changes a page it has copied,
      // so the copy is one consistent snapshot while the server keeps writing.
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  await runTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', '--compress=6', `--file=${file}`],
    libpqEnvironment(target.url),
  );
}

/** Keeps the newest `keep` backups of this dialect (names sort by time), with their checksums. */
function prune(dir: string, dialect: string, keep: number): string[] {
  const ours = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name) && name.startsWith(`puffy-${dialect}-`))
    .sort()
    .reverse();
  const removed = ours.slice(keep);
  for (const name of removed) {
    rmSync(join(dir, name), { force: true });
    rmSync(join(dir, `${name}.sha256`), { force: true });
  }
  return removed;
}

async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const dir = resolve(flags.get('out') ?? './backups');
  const keep = Number(flags.get('keep') ?? '14');
  if (!Number.isSafeInteger(keep) || keep < 1) throw new Error('--keep must be a whole number ≥ 1');
  const target = targetFromEnvironment(process.env);
  // Read before the copy: a mistyped bucket setting should fail fast, not after a long dump.
  const s3 = s3SettingsFromEnvironment(process.env);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  const name = backupName(target.dialect, now);
  const file = join(dir, name);
  const partial = join(dir, `.${name}.partial`);
  try {
    await copyDatabase(target, partial);
    const digest = await sha256File(partial);
    renameSync(partial, file);
    writeFileSync(`${file}.sha256`, `${digest}  ${name}\n`);
  } finally {
    rmSync(partial, { force: true });
  }
  const removed = prune(dir, target.dialect, keep);
  const report: Record<string, unknown> = {
    msg: 'backup written',
    file,
    removed: removed.map((r) => basename(r)),
  };
  if (s3) {
    const bucket = new BackupBucket(s3);
    try {
      await bucket.upload(file, `${file}.sha256`, name);
      report.uploaded = bucket.url(name);
      report.removedRemote = await bucket.prune(target.dialect, now);
    } finally {
      bucket.close();
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
