// `pnpm backup [--out ./backups] [--keep 14]`: a consistent backup of the database the configuration
// names, taken while the server runs. SQLite through its online backup API (better-sqlite3's
// `backup`), Postgres with `pg_dump --format=custom` (every schema: the app's tables and pg-boss's
// jobs). Writes `puffy-<dialect>-<UTC time>.<sqlite|dump>` and a `.sha256` beside it, only once the
// copy is complete, then deletes all but the newest `--keep` backups of that dialect in the folder.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  type BackupTarget,
  libpqEnvironment,
  parseArgs,
  runTool,
  sha256File,
  targetFromEnvironment,
} from './backup-target';

const BACKUP_NAME = /^puffy-(sqlite|postgres)-\d{8}T\d{6}\d{3}Z\.(sqlite|dump)$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

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
  mkdirSync(dir, { recursive: true });
  const name = `puffy-${target.dialect}-${stamp(new Date())}.${target.dialect === 'sqlite' ? 'sqlite' : 'dump'}`;
  const partial = join(dir, `.${name}.partial`);
  try {
    await copyDatabase(target, partial);
    const digest = await sha256File(partial);
    renameSync(partial, join(dir, name));
    writeFileSync(join(dir, `${name}.sha256`), `${digest}  ${name}\n`);
  } finally {
    rmSync(partial, { force: true });
  }
  const removed = prune(dir, target.dialect, keep);
  process.stdout.write(
    `${JSON.stringify({ msg: 'backup written', file: join(dir, name), removed: removed.map((r) => basename(r)) })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
